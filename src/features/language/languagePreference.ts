/**
 * The reply language: the user's own choice when they have made one, else the deployment's BOT_LANGUAGE
 * ('auto' follows the activity's locale). Documents are always Swedish and ignore this.
 */
import type { Language } from '../../domain/language.js';
import type { RecordStore } from '../../storage/store.js';

export type LanguageSetting = Language | 'auto';

interface LanguagePreferenceRecord {
  schemaVersion: 1;
  language: Language;
}

const keyOf = (userKey: string) => `users/${userKey}/language`;

export function languageFromLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'sv';
}

export class LanguagePreferences {
  constructor(
    private readonly store: RecordStore,
    private readonly setting: LanguageSetting,
  ) {}

  async resolve(userKey: string, locale: string | undefined): Promise<Language> {
    const chosen = await this.store.get<LanguagePreferenceRecord>(keyOf(userKey));
    if (chosen) return chosen.value.language;
    return this.setting === 'auto' ? languageFromLocale(locale) : this.setting;
  }

  async choose(userKey: string, language: Language): Promise<void> {
    await this.store.put<LanguagePreferenceRecord>(keyOf(userKey), { schemaVersion: 1, language });
  }
}
