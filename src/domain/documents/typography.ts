/**
 * Typography for the printed document: year and number ranges get an en dash that never breaks across
 * lines, and long dates keep day, month and year on one line. Applied to every text run of the .docx only;
 * the stored answer keeps what the handläggare typed.
 */
import { MONTH_NAMES_SV } from '../swedishDates.js';

export const WORD_JOINER = '\u2060';
export const NO_BREAK_SPACE = '\u00a0';
const EN_DASH = '–';

// "2020-2023", "2020 – 2023", "2020–23": a range of years (not a date such as 2020-12-15, nor a dnr's "389/2020").
const RANGE = /(?<![\d/.-])(\d{4})\s*[-–]\s*(\d{2}|\d{4})(?![\d-])/g;
const LONG_DATE = new RegExp(`\\b(\\d{1,2}) (${MONTH_NAMES_SV.join('|')}) (\\d{4})\\b`, 'g');

export function printTypography(text: string): string {
  return text
    .replace(RANGE, `$1${WORD_JOINER}${EN_DASH}${WORD_JOINER}$2`)
    .replace(LONG_DATE, `$1${NO_BREAK_SPACE}$2${NO_BREAK_SPACE}$3`);
}
