/**
 * Typing slips in a word: two normalised words are alike when they are equal or, both at least five letters
 * long, one edit apart (a letter added, dropped, changed, or two neighbours swapped: Damerau–Levenshtein ≤ 1).
 * Shorter words must be exact: "jan" and "jun" are different months.
 */
import damerauLevenshtein from 'damerau-levenshtein';

const FUZZY_MIN_LENGTH = 5;

export function sameWord(typed: string, known: string): boolean {
  if (typed === known) return true;
  if (typed.length < FUZZY_MIN_LENGTH || known.length < FUZZY_MIN_LENGTH) return false;
  if (Math.abs(typed.length - known.length) > 1) return false;
  return damerauLevenshtein(typed, known).steps <= 1;
}

/**
 * A typed word names a longer word: alike, alike with the longer one's ending cut off ("trygghetsprogrammet" for
 * "trygghetsprogram"), or part of it ("trygghet" in "trygghetsprogram"); the shorter must have five letters.
 */
export function wordNames(typed: string, known: string): boolean {
  if (sameWord(typed, known)) return true;
  const [short, long] = typed.length <= known.length ? [typed, known] : [known, typed];
  if (short.length < FUZZY_MIN_LENGTH) return false;
  return long.includes(short) || sameWord(short, long.slice(0, short.length));
}
