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

/** The longest ending a typed word may add to a known one: "-erna", "-arna", "-et" with a slip. */
const MAX_ENDING = 4;

/**
 * A typed word names a known word (of a title or a name): alike; the start or a part of it ("trygghet" in
 * "trygghetsprogram", "bostad" of "bostäder"); or the known word with an ending ("trygghetsprogrammet" for
 * "trygghetsprogram"). The typed word must have five letters.
 */
export function wordNames(typed: string, known: string): boolean {
  if (sameWord(typed, known)) return true;
  if (typed.length < FUZZY_MIN_LENGTH) return false;
  if (typed.length <= known.length) return known.includes(typed) || sameWord(typed, known.slice(0, typed.length));
  return (
    known.length >= FUZZY_MIN_LENGTH &&
    typed.length - known.length <= MAX_ENDING &&
    sameWord(known, typed.slice(0, known.length))
  );
}
