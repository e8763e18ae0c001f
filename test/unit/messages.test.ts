/** The catalogue is split per feature; merged, each key must come from exactly one catalogue. */
import { CATALOGUES, messages } from '../../src/i18n/messages.js';

test('no two catalogues define the same key, in either language', () => {
  for (const language of ['sv', 'en'] as const) {
    const keys = CATALOGUES.flatMap((catalogue) => Object.keys(catalogue[language]));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    expect(Object.keys(messages(language)).sort()).toEqual([...keys].sort());
  }
});

test('every catalogue has its Swedish keys in English too', () => {
  for (const catalogue of CATALOGUES)
    expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue.sv).sort());
});
