/**
 * Parses what a form card sent. Card data is never trusted: the draft is loaded by dnr, the fields are
 * parsed here with lengths capped and control characters stripped, and each problem is named per field.
 */
import { z } from 'zod';
import { MAX_SECTION_LENGTH } from '../../domain/answer.js';
import type { Language } from '../../domain/language.js';
import { ANSWER_POSITIONS } from '../../domain/referral.js';
import { REFERRAL_SECTIONS } from '../../domain/referralAnswer.js';
import { messages } from '../../i18n/messages.js';
import { dnrSchema } from '../cardData.js';

// 'save' stays accepted: cards posted before the form lost its "Spara" button still send it.
export const NAVIGATIONS = ['prev', 'save', 'next', 'goto'] as const;
export type Navigation = (typeof NAVIGATIONS)[number];

/** What every form action carries besides the inputs. */
export const formActionSchema = z.object({
  dnr: dnrSchema,
  revision: z.number().int().min(0).max(1_000_000),
  step: z.number().int().min(1).max(20),
  nav: z.enum(NAVIGATIONS).default('save'),
  /** The step a "goto" (the step list) jumps to. */
  to: z.number().int().min(1).max(20).optional(),
  /** "Fortsätt ändå": leave a required section empty. */
  force: z.boolean().optional(),
  /** A unit's position, chosen on the analysis step of a remiss the kansli sent on (issue 21). */
  position: z.union([z.enum(ANSWER_POSITIONS), z.literal('')]).optional(),
  /** "Uppdatera med enheternas svar" on the kansli's Ärendet or Bilagor step. */
  referral: z.enum(REFERRAL_SECTIONS).optional(),
});
export type FormAction = z.infer<typeof formActionSchema>;

// Approval imports the dnr-only schema from here; it is defined once, in cardData.ts.
export { dnrActionSchema } from '../cardData.js';

// Control characters except tab and newline; a tab becomes a space.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Multi-line text as typed: control characters removed, line endings normalised, outer blank space trimmed. */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROL, '').trim();
}

/** One line: as cleanText, with all whitespace runs folded. */
export function cleanLine(value: unknown): string {
  return cleanText(value).replace(/\s+/g, ' ');
}

export type FieldErrors = Record<string, string>;

/** The ChoiceSet value for "no meeting chosen" (Adaptive Cards refuse an empty choice value). */
export const NO_MEETING = 'none';

export interface DetailsInput {
  name: string;
  email: string;
  phone: string;
  meeting: string;
  adjust: boolean;
}

export function parseDetails(
  data: Record<string, unknown>,
  allowedMeetings: readonly string[],
  language: Language,
): { value: DetailsInput; errors: FieldErrors } {
  const t = messages(language);
  const errors: FieldErrors = {};
  const value: DetailsInput = {
    name: cleanLine(data.name),
    email: cleanLine(data.email),
    phone: cleanLine(data.phone),
    meeting: cleanLine(data.meeting) === NO_MEETING ? '' : cleanLine(data.meeting),
    adjust: data.adjust === true || data.adjust === 'true',
  };
  if (!value.name) errors.name = t.errorRequired;
  else if (value.name.length > 200) errors.name = t.errorTooLong(200, value.name.length);
  if (!value.email) errors.email = t.errorRequired;
  else if (value.email.length > 200 || !/^[^\s@]+@[^\s@]+$/.test(value.email)) errors.email = t.errorEmail;
  if (value.phone.length > 50) errors.phone = t.errorTooLong(50, value.phone.length);
  if (value.meeting && !allowedMeetings.includes(value.meeting)) errors.meeting = t.errorMeeting;
  return { value, errors };
}

export function parseSectionText(
  data: Record<string, unknown>,
  field: string,
  language: Language,
): { value: string; errors: FieldErrors } {
  const value = cleanText(data[field]);
  const errors: FieldErrors = {};
  if (value.length > MAX_SECTION_LENGTH)
    errors[field] = messages(language).errorTooLong(MAX_SECTION_LENGTH, value.length);
  return { value, errors };
}
