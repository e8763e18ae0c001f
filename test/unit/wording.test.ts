/**
 * Words with a legal or fixed meaning in a Swedish municipality, used wrongly, fail here: every Swedish string a
 * person sees (each catalogue's texts, functions called with sample values; the card templates; the Teams
 * manifest; the import's and the SharePoint setup's messages) is read and checked against the banned wordings of
 * the UX review of December 2026, and for straight quotation marks, which Swedish text writes as ”…”.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REMISS_STATUSES } from '../../src/domain/remiss.js';
import { importText } from '../../src/i18n/import.js';
import { CATALOGUES } from '../../src/i18n/messages.js';
import { sharepointSetupText } from '../../src/i18n/sharepointSetup.js';

const root = path.resolve(__dirname, '../..');

/** A wording, why it is wrong, and where the review says so. */
const BANNED: [RegExp, string][] = [
  [/arkiver/i, 'saving to a library before diarieföring is not arkivering (arkivlagen)'],
  [/återremitter/i, 'återremiss is a nämnd’s political decision, not a chef’s change request'],
  [/registrerad och skickad/i, 'wrong gender for svaret, and registrera for diarieföra'],
  [/intern deadline/i, 'English; the meeting is the nämnd’s or the styrelse’s sammanträde'],
  [/skickad för godkännande av/i, '"godkännande av X" reads as approval by X'],
  [/^Registrerad$/, 'reads as registered in the diarium: it was entered into Remissbot'],
  [/klar för registrering/i, 'the registrator diarieför: Klar för diarieföring'],
  [/försenad sedan/i, 'a translation of "overdue since": "3 dagar försenad"'],
  [/att yttra sig’?$/i, 'an imperative to the user cannot take sig: "Avstå från yttrande"'],
  [/denna vecka/i, 'klarspråk prefers "den här veckan"'],
  [/tilldelad/i, 'remisser are fördelade'],
  [/"/, 'Swedish text quotes with ”…”'],
];

/** Every string a value yields: functions are called with sample values, objects and arrays read through. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    // A one-element array reads as text, as a list and as a count, whichever the function expects.
    const samples = [1, 2, 3, 4, 5].map(() => ['X']);
    // Functions that choose by a kind ('csv' | 'json') are read for each kind; a call whose arguments do not fit
    // throws and yields nothing, but one of the three must fit.
    const calls = [samples, ['csv', ...samples], ['json', ...samples]].flatMap((args) => {
      try {
        return [stringsOf((value as (...a: unknown[]) => unknown)(...args))];
      } catch {
        return [];
      }
    });
    if (calls.length === 0) throw new Error(`no sample arguments fit ${String(value).slice(0, 80)}`);
    return calls.flat();
  }
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** The text values of a card template or manifest: strings that are not template expressions or identifiers. */
function jsonTexts(file: string, keys: RegExp): string[] {
  const found: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string' && keys.test(key) && !/^\$\{[^}]*\}$/.test(v)) found.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => walk(x, k));
  };
  walk(JSON.parse(readFileSync(file, 'utf8')), '');
  return found;
}

/** The text without what is quoted code, not prose: a JSON example, the CSV quote character "(\")". */
const prose = (s: string) => s.replace(/\{"[^]*\}/g, '').replace(/\("\)/g, '');

const cardFiles = readdirSync(path.join(root, 'cards')).filter((f) => f.endsWith('.json'));
const sources: [string, string[]][] = [
  ...CATALOGUES.map((c, i): [string, string[]] => [`catalogue ${i}`, stringsOf(c.sv)]),
  ['import', stringsOf(importText)],
  ['sharepoint setup', stringsOf(sharepointSetupText)],
  ['statuses', [...REMISS_STATUSES]],
  ...cardFiles.map((f): [string, string[]] => [
    `cards/${f}`,
    jsonTexts(path.join(root, 'cards', f), /^(text|title|label|placeholder|errorMessage|value)$/),
  ]),
  ['manifest', jsonTexts(path.join(root, 'manifest/manifest.json'), /^(short|full|title|description)$/)],
];

test('there is Swedish text to read in every source', () => {
  for (const [name, strings] of sources.filter(([n]) => !n.startsWith('cards/'))) {
    expect({ name, count: strings.length > 3 }).toEqual({ name, count: true });
  }
});

test.each(sources)('%s uses none of the banned wordings', (_name, strings) => {
  const found = strings.flatMap((s) =>
    BANNED.filter(([pattern]) => pattern.test(prose(s))).map(([, why]) => ({ text: s.slice(0, 120), why })),
  );
  expect(found).toEqual([]);
});

test('the check itself catches each banned wording', () => {
  const examples = [
    'Svaret är arkiverat.',
    'Status: Återremitterad',
    'Registrerad och skickad',
    'Sammanträde (intern deadline)',
    'Version 1 skickad för godkännande av Anna',
    'Registrerad',
    'Klar för registrering',
    '(försenad sedan 3 dagar)',
    'Avstå från att yttra sig',
    'Remisser denna vecka',
    'Remissen är tilldelad Erik',
    'Skriv "remisser"',
  ];
  for (const example of examples) expect(BANNED.some(([pattern]) => pattern.test(example))).toBe(true);
});
