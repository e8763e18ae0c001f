/** The languages Remissbot speaks in chat. Documents are always Swedish. */
export type Language = 'sv' | 'en';
