/**
 * What the approver reads on their card: the förslag till beslut and the analysis shortened inline, the whole
 * answer behind "Visa hela svaret", the sammanträde and the handläggare's phone, and a card that stays within
 * Teams' 28 KB however long the answer is (cut with a note, the download kept).
 */
import type { ApprovalVersion } from '../../../src/domain/approval.js';
import type { Answer, AnswerSections } from '../../../src/domain/answer.js';
import { cardBytes } from '../../../src/cards/cardTemplates.js';
import { MAX_APPROVER_CARD_BYTES, approverCard } from '../../../src/features/approval/approvalCards.js';
import { EXCERPT_CHARS, approverReading } from '../../../src/features/approval/approvalReading.js';
import { exampleOrganisation, fullAnswer, trygghetsprogram } from '../../support/answerFixtures.js';

const organisation = exampleOrganisation('forvaltning');
const version: ApprovalVersion = {
  version: 1,
  hash: 'a'.repeat(64),
  documentDate: '2026-11-20',
  sentAt: '2026-11-20T09:00:00Z',
  sentBy: { name: 'Anna Lindqvist' },
  approver: { name: 'Cecilia Holm', email: 'cecilia.holm@example.se' },
  message: '',
};
const sections = (fullAnswer as { sections: AnswerSections }).sections;
const withSections = (s: Partial<AnswerSections>, meetingDate?: string): Answer =>
  ({
    ...fullAnswer,
    details: { ...fullAnswer.details, handlaggarePhone: '08-508 123 45', meetingDate },
    sections: { ...sections, ...s },
  }) as Answer;

/** Every text of a card (TextRun and TextBlock texts, action titles), hidden ones included. */
function texts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  return [
    ...(typeof o.text === 'string' ? [o.text] : []),
    ...(typeof o.title === 'string' ? [o.title] : []),
    ...Object.values(o).flatMap(texts),
  ];
}

function find(node: unknown, test: (o: Record<string, unknown>) => boolean): Record<string, unknown> | undefined {
  if (!node || typeof node !== 'object') return undefined;
  if (!Array.isArray(node) && test(node as Record<string, unknown>)) return node as Record<string, unknown>;
  for (const v of Object.values(node)) {
    const hit = find(v, test);
    if (hit) return hit;
  }
  return undefined;
}

test('the förslag and the analysis are inline, shortened; the whole answer is behind "Visa hela svaret"', () => {
  const analys = 'Förvaltningen delar bedömningen. '.repeat(60).trim();
  const reading = approverReading(organisation, trygghetsprogram, withSections({ analys }, '2026-12-15'));
  const card = approverCard('sv', trygghetsprogram, version, reading);
  const all = texts(card);

  expect(reading.excerpts.map((e) => e.heading)).toEqual([
    expect.stringContaining('förslag till beslut'),
    expect.stringMatching(/synpunkter|analys|bedömning/i),
  ]);
  const shown = reading.excerpts[1]!.text;
  expect(shown.length).toBeLessThanOrEqual(EXCERPT_CHARS + 2);
  expect(shown.endsWith('…')).toBe(true);

  const toggle = find(card, (o) => o.type === 'Action.ToggleVisibility');
  expect(toggle).toMatchObject({ title: 'Visa hela svaret', targetElements: ['fullAnswer'] });
  const hidden = find(card, (o) => o.id === 'fullAnswer');
  expect(hidden?.isVisible).toBe(false);
  const hiddenTexts = texts(hidden);
  for (const heading of ['Sammanfattning', 'Bakgrund', 'Ärendet']) expect(hiddenTexts).toContain(heading);
  expect(hiddenTexts).toContain(analys);
  expect(hiddenTexts.join('\n')).toContain(sections.arendet.split('\n\n')[1]);

  expect(all).toEqual(expect.arrayContaining(['Sammanträde', '15 december 2026', 'Telefon', '08-508 123 45']));
});

test('an empty Sammanfattning no longer leaves the approver with nothing to read', () => {
  const reading = approverReading(organisation, trygghetsprogram, withSections({ sammanfattning: '' }));
  const card = approverCard('sv', trygghetsprogram, version, reading);
  expect(reading.excerpts).toHaveLength(2);
  expect(texts(card).join('\n')).toContain(sections.analys.split('\n\n')[0]!.slice(0, 40));
});

test('the longest answer is cut to fit 28 KB with a note, and the download stays', () => {
  const longest = 'Förvaltningen föreslår att nämnden godkänner förslaget i sin helhet. '.repeat(400).slice(0, 20_000);
  const answer = withSections(Object.fromEntries(Object.keys(sections).map((k) => [k, longest])));
  for (const language of ['sv', 'en'] as const) {
    const card = approverCard(
      language,
      trygghetsprogram,
      version,
      approverReading(organisation, trygghetsprogram, answer),
    );
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_APPROVER_CARD_BYTES);
    expect(cardBytes(card)).toBeGreaterThan(MAX_APPROVER_CARD_BYTES - 4096);
    const all = texts(card);
    expect(all).toContain(
      language === 'sv'
        ? 'Resten av svaret får inte plats på kortet. Ladda ned versionen för att läsa allt.'
        : 'The rest of the answer does not fit on the card. Download the version to read all of it.',
    );
    expect(find(card, (o) => o.verb === 'approval.download')).toBeDefined();
    expect(find(card, (o) => o.verb === 'approval.decide')).toBeDefined();
  }
});

test('an answer that fits carries no note', () => {
  const card = approverCard(
    'sv',
    trygghetsprogram,
    version,
    approverReading(organisation, trygghetsprogram, fullAnswer),
  );
  expect(texts(card).join('\n')).not.toContain('får inte plats');
});
