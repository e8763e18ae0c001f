/**
 * A chat message as text to match: Teams mention markup and a leading bot name removed, and (for `normalise`)
 * lower case, å/ä/ö folded to a/o, punctuation and control characters turned into single spaces.
 */

/** Strips Teams mention markup ("<at>Remissbot</at>") and a leading bot name. */
export function stripMention(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/^\s*@?remissbot\b[:,]?/i, ' ')
    .trim();
}

export function foldSwedish(text: string): string {
  return text.replace(/[åä]/g, 'a').replace(/[ÅÄ]/g, 'A').replace(/ö/g, 'o').replace(/Ö/g, 'O');
}

export function normalise(text: string): string {
  return foldSwedish(stripMention(text).toLowerCase())
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
