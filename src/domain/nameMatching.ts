/**
 * Which handläggare, remittent or title a typed name means (question.ts gives the words, normalised). Tolerant
 * of typing slips (fuzzy.ts): "anna" is every Anna, "anna lindqvist" the one, by the name in the register or,
 * without one, the e-mail's local part (anna.lindqvist@… is Anna Lindqvist); "finansdep" and "Fi" are
 * Finansdepartementet.
 */
import { normalise } from './chatText.js';
import { sameWord, wordNames } from './fuzzy.js';
import type { Person } from './remiss.js';

/** The short names of the Regeringskansliet's departments, as in their diarienummer (Fi2026/00123). */
const DEPARTMENTS: Record<string, string> = {
  fi: 'finansdepartementet',
  ju: 'justitiedepartementet',
  s: 'socialdepartementet',
  u: 'utbildningsdepartementet',
  ud: 'utrikesdepartementet',
  fo: 'forsvarsdepartementet',
  kn: 'klimat och naringslivsdepartementet',
  li: 'landsbygds och infrastrukturdepartementet',
  a: 'arbetsmarknadsdepartementet',
  ku: 'kulturdepartementet',
  sb: 'statsradsberedningen',
  m: 'miljodepartementet',
  n: 'naringsdepartementet',
};

/** Words that say nothing of a name ("the ministry of finance"). */
const LINKING = new Set(['och', 'for', 'av', 'i', 'the', 'of', 'and', 'for']);
const significant = (text: string) =>
  normalise(text)
    .split(' ')
    .filter((w) => w && !LINKING.has(w));

/** A name's words: the register's name, else the e-mail's local part split at dots, dashes and underscores. */
function namesOf(person: Person): string[][] {
  const local = person.email.split('@')[0]!.replace(/[._-]+/g, ' ');
  return [person.name ?? '', local].map(significant).filter((n) => n.length > 0);
}

/** "Lars" said in the genitive is "Lars" too: the parser's "lar" is tried with its s. */
const nameWord = (typed: string, known: string) => sameWord(typed, known) || sameWord(`${typed}s`, known);

export function isNamed(person: Person | undefined, typed: string): boolean {
  if (!person) return false;
  const words = significant(typed);
  if (words.length === 0) return false;
  return namesOf(person).some((name) =>
    words.length === 1
      ? name.some((w) => nameWord(words[0]!, w))
      : nameWord(words[0]!, name[0]!) && nameWord(words.at(-1)!, name.at(-1)!),
  );
}

/** The typed name's part of the person's own name, as written there: "Anna" for "anna", else the whole name. */
export function spokenName(person: Person, typed: string): string {
  const local = person.email.split('@')[0]!.replace(/[._-]+/g, ' ');
  const written = (person.name ?? local.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase())).split(/\s+/);
  const words = significant(typed);
  if (words.length !== 1) return written.join(' ');
  return written.find((w) => nameWord(words[0]!, significant(w)[0] ?? '')) ?? written.join(' ');
}

export function isRemittent(remittent: string, typed: string): boolean {
  const name = significant(remittent);
  const words = significant(typed);
  if (words.length === 0) return false;
  const department = words.length === 1 ? DEPARTMENTS[words[0]!] : undefined;
  if (department) return significant(department).every((w) => name.includes(w));
  return words.every((typedWord) =>
    name.some((w) => wordNames(typedWord, w) || (typedWord.length >= 3 && w.startsWith(typedWord))),
  );
}

/** Every word of three letters or more that was typed is (part of) a word of the title. */
export function titleMatches(title: string, typedWords: readonly string[]): boolean {
  const words = significant(title);
  const typed = typedWords.filter((w) => w.length >= 3 && !LINKING.has(w));
  if (typed.length === 0) return false;
  return typed.every((t) => words.some((w) => wordNames(t, w) || w.startsWith(t)));
}
