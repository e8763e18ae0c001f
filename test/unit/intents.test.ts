import { matchIntent } from '../../src/domain/intents.js';

test.each([
  ['vilka remisser ska besvaras?', 'due'],
  ['Vilka remisser ska besvaras', 'due'],
  ['VILKA REMISSER SKA BESVARAS!!', 'due'],
  ['vilka remisser ska vi besvara?', 'due'],
  ['remisser', 'due'],
  ['Remisser.', 'due'],
  ['which remisser are due?', 'due'],
  ['what remisser are due', 'due'],
  ['<at>Remissbot</at> vilka remisser ska besvaras?', 'due'],
  ['Remissbot remisser', 'due'],
  ['vilka remisser har vi?', 'all'],
  ['mina remisser', 'mine'],
  ['Mina remisser!', 'mine'],
  ['my remisser', 'mine'],
  ['försenade remisser', 'overdue'],
  ['forsenade remisser', 'overdue'],
  ['overdue remisser', 'overdue'],
  ['remisser denna vecka', 'thisWeek'],
  ['Remisser  denna   vecka?', 'thisWeek'],
  ['remisser this week', 'thisWeek'],
  ['hjälp', 'help'],
  ['hjalp', 'help'],
  ['Help', 'help'],
  ['?', 'help'],
])('%p means %s', (text, kind) => {
  expect(matchIntent(text)?.kind).toBe(kind);
});

test('language choices', () => {
  expect(matchIntent('english')).toEqual({ kind: 'setLanguage', language: 'en' });
  expect(matchIntent('Engelska')).toEqual({ kind: 'setLanguage', language: 'en' });
  expect(matchIntent('svenska')).toEqual({ kind: 'setLanguage', language: 'sv' });
  expect(matchIntent('Swedish')).toEqual({ kind: 'setLanguage', language: 'sv' });
});

test('commands with a diarienummer keep its spelling', () => {
  expect(matchIntent('besvara SBR 201.3.1-389/2012')).toEqual({ kind: 'answer', dnr: 'SBR 201.3.1-389/2012' });
  expect(matchIntent('Besvara KS 2014/742.912')).toEqual({ kind: 'answer', dnr: 'KS 2014/742.912' });
  expect(matchIntent('answer SLK-2023-01047')).toEqual({ kind: 'answer', dnr: 'SLK-2023-01047' });
  expect(matchIntent('visa KS 2026/1')).toEqual({ kind: 'show', dnr: 'KS 2026/1' });
  expect(matchIntent('<at>Remissbot</at> visa Öst 2026/1')).toEqual({ kind: 'show', dnr: 'Öst 2026/1' });
  expect(matchIntent('visa remisser')).toEqual({ kind: 'due' });
});

test.each(['', '   ', 'hej', 'vad blir det för väder?', 'remisser remisser', 'besvara', '\u0000\u0007'])(
  '%p is not understood',
  (text) => {
    expect(matchIntent(text)).toBeUndefined();
  },
);
