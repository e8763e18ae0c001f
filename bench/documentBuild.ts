/**
 * Figure: building a 30-page remissvar .docx (goal ≤ 150 ms), median of repeated builds after warm-up.
 */
import type { Answer } from '../src/domain/answer.js';
import { buildRemissvarDocx } from '../src/domain/documents/remissvarDocx.js';
import { exampleOrganisation, fullAnswer, trygghetsprogram } from '../test/support/answerFixtures.js';
import type { BenchResult } from './result.js';

export async function documentBuild(): Promise<BenchResult[]> {
  // About 30 A4 pages in LibreOffice: 150 paragraphs of ~75 words.
  const long = Array.from(
    { length: 150 },
    (_, i) =>
      `Stycke ${i + 1}. ${'Förvaltningen tillstyrker förslaget i avsnitt 3.2 men avstyrker avsnitt 4.1. '.repeat(6)}`,
  ).join('\n\n');
  const answer: Answer = {
    kind: 'answer',
    details: fullAnswer.details,
    sections: {
      sammanfattning: 'Kort.',
      bakgrund: 'Bakgrund.',
      arendet: long.slice(0, 20_000),
      analys: long.slice(0, 20_000),
      bilagor: long.slice(0, 20_000),
    },
  };
  const input = {
    organisation: exampleOrganisation('forvaltning'),
    remiss: trygghetsprogram,
    answer,
    documentDate: '2026-11-24',
  };
  for (let i = 0; i < 10; i++) await buildRemissvarDocx(input);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = process.hrtime.bigint();
    await buildRemissvarDocx(input);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  return [
    {
      name: 'document build (30-page remissvar .docx)',
      value: Math.round(median * 100) / 100,
      unit: 'ms',
      goal: '<= 150',
      pass: median <= 150,
    },
  ];
}
