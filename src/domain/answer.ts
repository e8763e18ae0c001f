/**
 * What the handläggare writes: the details of step 1 and the text of each section, or an Avstår answer.
 * Section text is plain text; a blank line starts a new paragraph, and a single line break stays within
 * the paragraph.
 */
import type { CalendarDate } from './calendar.js';
import type { AnswerPosition } from './referral.js';

export interface AnswerDetails {
  handlaggareName: string;
  handlaggarePhone: string;
  handlaggareEmail: string;
  /** The meeting the answer goes to (the internal deadline). */
  meetingDate?: CalendarDate;
  /** "Paragrafen justeras omedelbart" (förvaltning and kontor only). */
  adjustImmediately: boolean;
  /**
   * The unit's position in one word, asked where the kansli sent the remiss on (its answer goes back to the
   * kansli with it); an Avstå answer's position is avstår.
   */
  position?: AnswerPosition;
}

export const SECTION_KEYS = ['sammanfattning', 'bakgrund', 'arendet', 'analys', 'bilagor'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export type AnswerSections = Record<SectionKey, string>;

/** Sammanfattning and Bilagor may be empty; an empty optional section leaves its heading out. */
export const OPTIONAL_SECTIONS: readonly SectionKey[] = ['sammanfattning', 'bilagor'];

export type Answer =
  | { kind: 'answer'; details: AnswerDetails; sections: AnswerSections }
  | { kind: 'avstar'; details: AnswerDetails; reason: string };

export const MAX_SECTION_LENGTH = 20_000;

/** Paragraphs of a section: split on blank lines, trimmed, empty ones dropped. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

export function emptySections(): AnswerSections {
  return Object.fromEntries(SECTION_KEYS.map((k) => [k, ''])) as AnswerSections;
}

/** The required sections still empty; the preview is reachable only when there are none. */
export function missingSections(sections: AnswerSections): SectionKey[] {
  return SECTION_KEYS.filter((k) => !OPTIONAL_SECTIONS.includes(k) && splitParagraphs(sections[k]).length === 0);
}
