/**
 * The registration form's data: the untrusted card data parsed, then each field validated as the import validates
 * its cells (src/features/import/exportRows.ts, the same lengths and dates), plus the links (https only) and the
 * list of remissinstanser. A field's problem is kept beside the field; nothing is a remiss until all are valid.
 */
import { z } from 'zod';
import { isHttpsUrl, MAX_INSTANSER_LENGTH, type Remiss } from '../../domain/remiss.js';
import { cellReader, maxLengthOf, type ImportProblem } from '../import/exportRows.js';
import { importText } from '../../i18n/import.js';
import { messages } from '../../i18n/messages.js';

/** The form's inputs, named as the import's columns where they are one. */
export const INTAKE_FIELDS = [
  'diarienummer',
  'remittentens_dnr',
  'titel',
  'remittent',
  'inkom',
  'svarsdatum',
  'missiv',
  'dokument',
  'instanser',
] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];
export type IntakeValues = Record<IntakeField, string>;
export type IntakeErrors = Partial<Record<IntakeField, string>>;

/** Longer than any field may be: such data is no typing but forged, and is refused whole. */
const MAX_SUBMITTED = 20_000;
/** The pasted missive: read this far (a letter is a page or two). */
const MAX_PASTED = 200_000;

/** The card data of the form's buttons: its inputs, the pasted missive and the organisation it registers for. */
export const intakeDataSchema = z.object({
  ...(Object.fromEntries(INTAKE_FIELDS.map((f) => [f, z.string().max(MAX_SUBMITTED).optional()])) as Record<
    IntakeField,
    z.ZodOptional<z.ZodString>
  >),
  missiv_text: z.string().max(MAX_PASTED).optional(),
  organisation: z.string().max(100).optional(),
});
export type IntakeData = z.infer<typeof intakeDataSchema>;

export function valuesOf(data: Partial<Record<IntakeField, string | undefined>>): IntakeValues {
  return Object.fromEntries(INTAKE_FIELDS.map((f) => [f, data[f] ?? ''])) as IntakeValues;
}

/** The fields the import has too, validated by its cell reader. */
type ImportColumn = 'diarienummer' | 'remittentens_dnr' | 'titel' | 'remittent' | 'inkom' | 'svarsdatum';

/** A valid registration: the remiss's own fields. */
export type Registration = Pick<
  Remiss,
  'dnr' | 'remittentDnr' | 'title' | 'remittent' | 'received' | 'dueDate' | 'links' | 'instanser'
>;

const MARKUP = /<\s*\/?\s*[a-z!?]/i;

/** The list of remissinstanser: one a line, control characters and empty lines out. */
function instanserText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n')
  );
}

export function validateRegistration(values: IntakeValues): { registration: Registration } | { errors: IntakeErrors } {
  const t = messages('sv');
  const problems: ImportProblem[] = [];
  const columns = ['diarienummer', 'remittentens_dnr', 'titel', 'remittent', 'inkom', 'svarsdatum'] as const;
  const lengths = Object.fromEntries(columns.map((c) => [c, maxLengthOf(c)])) as Record<ImportColumn, number>;
  const cells = cellReader<ImportColumn>(values, 1, lengths, problems);
  const dnr = cells.required('diarienummer');
  const remittentDnr = cells.value('remittentens_dnr');
  const title = cells.required('titel');
  const remittent = cells.required('remittent');
  const received = cells.date('inkom', true);
  const dueDate = cells.date('svarsdatum', true);
  const errors: IntakeErrors = {};
  for (const p of problems) errors[p.field as IntakeField] ??= p.reason;
  for (const f of ['diarienummer', 'remittentens_dnr', 'titel', 'remittent'] as const)
    if (!errors[f] && MARKUP.test(values[f])) errors[f] = t.intakeNoMarkup;
  const link = (f: 'missiv' | 'dokument'): string | undefined => {
    const v = values[f].trim();
    if (v && !isHttpsUrl(v)) errors[f] = t.intakeNotHttps;
    return v || undefined;
  };
  const missive = link('missiv');
  const document = link('dokument');
  const instanser = instanserText(values.instanser);
  if (instanser.length > MAX_INSTANSER_LENGTH)
    errors.instanser = importText.tooLong(MAX_INSTANSER_LENGTH, instanser.length);
  else if (MARKUP.test(instanser)) errors.instanser = t.intakeNoMarkup;
  if (Object.keys(errors).length > 0 || !received || !dueDate) return { errors };
  const registration: Registration = { dnr, title, remittent, received, dueDate };
  if (remittentDnr) registration.remittentDnr = remittentDnr;
  if (missive || document) registration.links = { ...(missive && { missive }), ...(document && { document }) };
  if (instanser) registration.instanser = instanser;
  return { registration };
}
