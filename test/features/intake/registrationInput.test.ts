/**
 * The registration form's validation: the import's rules for its fields (required, lengths, dates in both
 * spellings), https links only, a bounded list of instanser, no markup; every problem kept beside its field.
 */
import { validateRegistration, valuesOf, type IntakeValues } from '../../../src/features/intake/registrationInput.js';

const valid: IntakeValues = valuesOf({
  diarienummer: 'SOF 2026/0088',
  remittentens_dnr: 'Fi2026/03121',
  titel: 'Promemorian Ett enklare regelverk för kommunal fastighetsskatt',
  remittent: 'Finansdepartementet',
  inkom: '2026-12-03',
  svarsdatum: '15 mars 2027',
  missiv: 'https://www.regeringen.se/remisser/2026/12/remiss-fi2026-03121/',
  dokument: 'https://www.regeringen.se/contentassets/fi2026-03121/promemoria.pdf',
  instanser: '1. Skatteverket\r\n\r\n  Tullverket  \nStockholms kommun',
});

test('a valid form is a registration, dates read as the import reads them', () => {
  expect(validateRegistration(valid)).toEqual({
    registration: {
      dnr: 'SOF 2026/0088',
      remittentDnr: 'Fi2026/03121',
      title: 'Promemorian Ett enklare regelverk för kommunal fastighetsskatt',
      remittent: 'Finansdepartementet',
      received: '2026-12-03',
      dueDate: '2027-03-15',
      links: {
        missive: 'https://www.regeringen.se/remisser/2026/12/remiss-fi2026-03121/',
        document: 'https://www.regeringen.se/contentassets/fi2026-03121/promemoria.pdf',
      },
      instanser: '1. Skatteverket\nTullverket\nStockholms kommun',
    },
  });
});

test('the optional fields may be empty, and are then left out', () => {
  const bare = { ...valid, remittentens_dnr: ' ', missiv: '', dokument: '', instanser: '\n \n' };
  const result = validateRegistration(bare);
  expect(result).toEqual({
    registration: expect.not.objectContaining({ links: expect.anything(), instanser: expect.anything() }),
  });
  expect('registration' in result && result.registration.remittentDnr).toBeFalsy();
});

test.each<[string, Partial<IntakeValues>, Partial<Record<keyof IntakeValues, RegExp>>]>([
  [
    'required fields empty',
    { diarienummer: '', titel: ' ', remittent: '' },
    {
      diarienummer: /^saknas$/,
      titel: /^saknas$/,
      remittent: /^saknas$/,
    },
  ],
  [
    'bad dates',
    { inkom: '2026-02-30', svarsdatum: 'nästa fredag' },
    {
      inkom: /är inget giltigt datum/,
      svarsdatum: /”nästa fredag” är inget giltigt datum/,
    },
  ],
  [
    'too long',
    { titel: 'T'.repeat(501), diarienummer: 'D'.repeat(201) },
    {
      titel: /högst 500 tecken \(är 501\)/,
      diarienummer: /högst 200 tecken/,
    },
  ],
  [
    'links that are no https addresses',
    {
      missiv: 'http://www.regeringen.se/remiss',
      dokument: 'javascript:alert(1)',
    },
    { missiv: /https:\/\//, dokument: /https:\/\// },
  ],
  [
    'a link with credentials or spaces',
    {
      missiv: 'https://user:secret@evil.example/',
      dokument: 'https://www.regeringen.se/a b',
    },
    { missiv: /https:\/\//, dokument: /https:\/\// },
  ],
  [
    'script text',
    { titel: '<script>alert(1)</script>', instanser: 'Skatteverket\n<img src=x onerror=alert(1)>' },
    {
      titel: /HTML-kod/,
      instanser: /HTML-kod/,
    },
  ],
  ['too many instanser', { instanser: 'Kommun\n'.repeat(2000) }, { instanser: /högst 8000 tecken/ }],
])('%s: refused, each error beside its field', (_, change, expected) => {
  const result = validateRegistration({ ...valid, ...change });
  expect('errors' in result).toBe(true);
  const errors = (result as { errors: Record<string, string> }).errors;
  expect(Object.keys(errors).sort()).toEqual(Object.keys(expected).sort());
  for (const [field, pattern] of Object.entries(expected)) expect(errors[field]).toMatch(pattern!);
});
