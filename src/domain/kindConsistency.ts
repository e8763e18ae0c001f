/**
 * Consistency of an answer's text with the organisation that sends it and the remiss it answers: words of
 * another kind of organisation ("bolaget" in a förvaltning's answer, "nämnden" in a bolag's), and years in the
 * Bakgrund before the remiss came in. Pure checks for a preview warning; the words found are returned as
 * written, for the warning to quote.
 */
import type { Answer } from './answer.js';
import type { Organisation } from './organisation.js';
import type { Remiss } from './remiss.js';

// Case matters for "VD" (a title), not for the rest.
const COMPANY_WORDS = [/\b(bolag(?:et|ets)?|styrelsen(?:s)?|kontorsyttrande)\b/gi, /\bVD\b/g];
const AUTHORITY_WORDS = [/\b(nämnden(?:s)?|förvaltningen(?:s)?|kontoret(?:s)?|tjänsteutlåtandet)\b/gi];

function answerText(answer: Answer): string {
  return answer.kind === 'avstar' ? answer.reason : Object.values(answer.sections).join('\n');
}

/** Words in the answer that belong to another kind of organisation, each once, as first written. */
export function foreignKindWords(org: Organisation, answer: Answer): string[] {
  const text = answerText(answer);
  const patterns = org.kind === 'bolag' ? AUTHORITY_WORDS : COMPANY_WORDS;
  const found = new Map<string, string>();
  for (const pattern of patterns)
    for (const m of text.matchAll(pattern)) if (!found.has(m[0].toLowerCase())) found.set(m[0].toLowerCase(), m[0]);
  return [...found.values()];
}

/**
 * Years written in the Bakgrund that lie before the year the remiss came in ("den 15 december 2020" under a
 * remiss received in 2026): a sign of text copied from an older answer. Years in ranges and dnr count too.
 */
export function bakgrundYearsBeforeReceived(remiss: Remiss, answer: Answer): number[] {
  if (answer.kind !== 'answer') return [];
  const received = Number(remiss.received.slice(0, 4));
  const years = [...answer.sections.bakgrund.matchAll(/(?<!\d)(19|20)\d{2}(?!\d)/g)].map((m) => Number(m[0]));
  return [...new Set(years.filter((y) => y < received))];
}
