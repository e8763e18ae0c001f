import { parseExport } from '../../src/features/import/parseExport.js';

const HEADER = 'diarienummer;titel;remittent;inkom;svarsdatum;handlaggare';
const csv = (...lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');

test('reads semicolon CSV with a BOM, as Swedish Excel writes it', () => {
  const parsed = parseExport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv(HEADER, 'KS 2026/1;Trygghetsprogram;Kommunstyrelsen;2026-10-01;15 december 2026;Anna@Stad.se')]), 'x.csv');
  expect(parsed.problems).toEqual([]);
  expect(parsed.rows).toEqual([
    { line: 2, remiss: { dnr: 'KS 2026/1', title: 'Trygghetsprogram', remittent: 'Kommunstyrelsen', received: '2026-10-01', dueDate: '2026-12-15', handlaggareEmail: 'anna@stad.se', remittentDnr: undefined, meetingDate: undefined, approverEmail: undefined, status: undefined } },
  ]);
});

test('reads comma CSV with quoted separators and doubled quotes', () => {
  const parsed = parseExport(Buffer.from('Diarienummer,Titel,Remittent,Inkom,Svarsdatum,Handläggare\n"KS 1","Plan, del ""A""",KS,2026-10-01,2026-12-01,a@b.se\n'), 'x.csv');
  expect(parsed.rows[0]!.remiss.title).toBe('Plan, del "A"');
});

test('header names tolerate case, spaces and missing å/ä/ö; optional columns are read', () => {
  const parsed = parseExport(csv(' DIARIENUMMER ;Titel;REMITTENT;inkom;Svarsdatum;handläggare;Remittentens dnr;Status;Godkännare;Sammanträde', 'KS 1;T;R;2026-10-01;2026-12-01;a@b.se;U2026/1;pågår;chef@b.se;den 20 november 2026'), 'x.csv');
  expect(parsed.problems).toEqual([]);
  expect(parsed.rows[0]!.remiss).toMatchObject({ remittentDnr: 'U2026/1', status: 'Pågår', approverEmail: 'chef@b.se', meetingDate: '2026-11-20' });
});

test('a quoted field over several lines keeps later rows at their physical line numbers', () => {
  const parsed = parseExport(csv(HEADER, 'KS 1;"Titel\r\növer\r\ntre rader";R;2026-10-01;2026-12-01;a@b.se', '', 'KS 2;T;R;2026-10-01;31 juni 2026;a@b.se'), 'x.csv');
  expect(parsed.rows.map((r) => [r.line, r.remiss.title])).toEqual([[2, 'Titel över tre rader']]);
  expect(parsed.problems).toEqual([{ line: 6, field: 'svarsdatum', reason: '"31 juni 2026" är inget giltigt datum (skriv 2020-12-15 eller 15 december 2020)' }]);
});

test.each([
  ['an invalid date', 'KS 1;T;R;2026-02-30;2026-12-01;a@b.se', 'inkom', '"2026-02-30" är inget giltigt datum (skriv 2020-12-15 eller 15 december 2020)'],
  ['a missing title', 'KS 1;;R;2026-10-01;2026-12-01;a@b.se', 'titel', 'saknas'],
  ['a bad e-mail', 'KS 1;T;R;2026-10-01;2026-12-01;anna', 'handlaggare', '"anna" är ingen e-postadress'],
  ['an ambiguous date', 'KS 1;T;R;01/10/2026;2026-12-01;a@b.se', 'inkom', '"01/10/2026" är inget giltigt datum (skriv 2020-12-15 eller 15 december 2020)'],
])('refuses a row with %s, naming the line and field, and keeps the good rows', (_name, bad, field, reason) => {
  const parsed = parseExport(csv(HEADER, 'KS 0;God;R;2026-10-01;2026-12-01;a@b.se', bad), 'x.csv');
  expect(parsed.rows.map((r) => r.remiss.dnr)).toEqual(['KS 0']);
  expect(parsed.problems).toEqual([{ line: 3, field, reason }]);
});

test('an unknown status is refused; an empty one is left to the import rule', () => {
  const parsed = parseExport(csv(HEADER + ';status', 'KS 1;T;R;2026-10-01;2026-12-01;a@b.se;', 'KS 2;T;R;2026-10-01;2026-12-01;a@b.se;Klar'), 'x.csv');
  expect(parsed.rows.map((r) => r.remiss.status)).toEqual([undefined]);
  expect(parsed.problems[0]).toMatchObject({ line: 3, field: 'status' });
});

test('a diarienummer twice in one file: the later row is refused', () => {
  const parsed = parseExport(csv(HEADER, 'KS 1;A;R;2026-10-01;2026-12-01;a@b.se', 'KS 1;B;R;2026-10-01;2026-12-01;a@b.se'), 'x.csv');
  expect(parsed.rows.map((r) => r.remiss.title)).toEqual(['A']);
  expect(parsed.problems).toEqual([{ line: 3, field: 'diarienummer', reason: '"KS 1" finns redan på rad 2 i filen' }]);
});

test('missing required columns stop the import and name them', () => {
  const parsed = parseExport(csv('diarienummer;titel;inkom', 'KS 1;T;2026-10-01'), 'x.csv');
  expect(parsed.fatal).toBe('Kolumner saknas i rubrikraden: remittent, svarsdatum, handlaggare. Ingenting importerades.');
  expect(parsed.rows).toEqual([]);
});

test('a Latin-1 file is refused with advice instead of being imported as mojibake', () => {
  const latin1 = Buffer.from(HEADER + '\nKS 1;Förslag;R;2026-10-01;2026-12-01;a@b.se\n', 'latin1');
  const parsed = parseExport(latin1, 'x.csv');
  expect(parsed.fatal).toContain('inte sparad som UTF-8');
  expect(parsed.rows).toEqual([]);
});

test('control characters are stripped and over-long fields refused', () => {
  const parsed = parseExport(csv(HEADER, `KS 1;Ti\u0007tel\u0000;R;2026-10-01;2026-12-01;a@b.se`, `KS 2;${'x'.repeat(501)};R;2026-10-01;2026-12-01;a@b.se`), 'x.csv');
  expect(parsed.rows.map((r) => r.remiss.title)).toEqual(['Ti tel']);
  expect(parsed.problems).toEqual([{ line: 3, field: 'titel', reason: 'får vara högst 500 tecken (är 501)' }]);
});

test('blank lines and trailing separators are tolerated; empty and header-only files are reported', () => {
  const parsed = parseExport(csv(HEADER + ';;', '', 'KS 1;T;R;2026-10-01;2026-12-01;a@b.se;;', ';;;;;;'), 'x.csv');
  expect(parsed.problems).toEqual([]);
  expect(parsed.rows.map((r) => r.line)).toEqual([3]);
  expect(parseExport(Buffer.from(''), 'x.csv').fatal).toBe('Filen är tom.');
  expect(parseExport(csv(HEADER), 'x.csv')).toMatchObject({ rows: [], problems: [] });
});

test('an unclosed quote is reported and earlier rows are kept', () => {
  const parsed = parseExport(csv(HEADER, 'KS 1;T;R;2026-10-01;2026-12-01;a@b.se', 'KS 2;"Oavslutad;R;2026-10-01;2026-12-01;a@b.se', 'KS 3;T;R;2026-10-01;2026-12-01;a@b.se'), 'x.csv');
  expect(parsed.rows.map((r) => r.remiss.dnr)).toEqual(['KS 1']);
  expect(parsed.problems).toEqual([{ line: 3, reason: 'ett citattecken (") öppnas men stängs aldrig, så resten av filen kunde inte läsas' }]);
});

test('a row with the other separator is reported once, not as five missing fields', () => {
  const parsed = parseExport(csv(HEADER, 'KS 1,T,R,2026-10-01,2026-12-01,a@b.se', 'KS 2;T;R;2026-10-01;2026-12-01;a@b.se'), 'x.csv');
  expect(parsed.rows.map((r) => r.remiss.dnr)).toEqual(['KS 2']);
  expect(parsed.problems).toEqual([{ line: 2, reason: 'raden är avgränsad med "," men rubrikraden med ";"' }]);
});

test('JSON: an array of objects with the same field names; bad records are reported by position', () => {
  const json = JSON.stringify([
    { diarienummer: 'KS 1', titel: 'T', remittent: 'R', inkom: '2026-10-01', svarsdatum: '15 december 2026', handläggare: 'a@b.se' },
    'inte ett objekt',
    { diarienummer: 'KS 3', titel: 'T', remittent: 'R', inkom: '2026-10-01', svarsdatum: 'snart', handlaggare: 'a@b.se' },
  ]);
  const parsed = parseExport(Buffer.from(json), 'export.json');
  expect(parsed.format).toBe('json');
  expect(parsed.rows.map((r) => r.remiss.dueDate)).toEqual(['2026-12-15']);
  expect(parsed.problems.map((p) => p.line)).toEqual([2, 3]);
  expect(parseExport(Buffer.from('{"a":'), 'x.json').fatal).toBe('Filen är inte giltig JSON.');
  expect(parseExport(Buffer.from('{"a":1}'), 'x.json').fatal).toBe('JSON-filen ska innehålla en lista (array) av remisser.');
});

test('a 100,000-row file parses', () => {
  const rows = Array.from({ length: 100_000 }, (_, i) => `KS ${i};Titel ${i};R;2026-10-01;2026-12-01;a@b.se`);
  const parsed = parseExport(csv(HEADER, ...rows), 'big.csv');
  expect(parsed.rows).toHaveLength(100_000);
  expect(parsed.rows.at(-1)!.line).toBe(100_001);
});
