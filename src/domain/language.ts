/** The languages Remissbot speaks in chat. Documents are always Swedish. */
export type Language = 'sv' | 'en';

/** A list in running text: "A, B och C" / "A, B and C". */
export function listText(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}
