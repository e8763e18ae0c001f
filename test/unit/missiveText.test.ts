/**
 * The missive parser over realistic letters (test/support/missiveTexts.ts): each reads what its letter says,
 * and what a letter does not say is left out rather than guessed.
 */
import { readMissive } from '../../src/domain/missiveText.js';
import { MISSIVES, SOCIALDEPARTEMENTET } from '../support/missiveTexts.js';

test.each(MISSIVES)('$name', ({ text, facts }) => {
  expect(readMissive(text)).toEqual(facts);
});

test('Windows line breaks, tabs and no-break spaces from a PDF read the same', () => {
  const pasted = SOCIALDEPARTEMENTET.replace(/\n/g, '\r\n').replace(/ den /g, '\u00a0den\t');
  expect(readMissive(pasted)).toEqual(MISSIVES[1]!.facts);
});

test('a text that is no missive gives nothing', () => {
  expect(readMissive('')).toEqual({});
  expect(readMissive('Hej! Kan du titta på det här när du har tid?')).toEqual({});
  expect(readMissive('<script>alert(1)</script>\n'.repeat(5000))).toEqual({});
});

test('an impossible date is left out', () => {
  expect(readMissive('Svaren ska ha kommit in till Finansdepartementet senast den 31 februari 2027.')).toEqual({
    remittent: 'Finansdepartementet',
  });
});

test('a very long list of instanser is cut at whole lines within the bound', () => {
  const list = Array.from({ length: 2000 }, (_, i) => `${i + 1}. Kommun nummer ${i + 1}`).join('\n');
  const instanser = readMissive(`Remissinstanser\n${list}\n`).instanser!;
  expect(instanser.length).toBeLessThanOrEqual(8000);
  expect(instanser.split('\n').every((l) => /^Kommun nummer \d+$/.test(l))).toBe(true);
});
