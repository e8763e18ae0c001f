/**
 * What `npm run package` reads: only what goes into the app package (no secret, nothing the running bot needs).
 */
import { z } from 'zod';
import { settingsError } from './settings.js';
import { botPublicUrl, emptyToUndefined, optionalHttpsUrl, optionalText, teamsAppId } from './settingFields.js';

const packageSettingsSchema = z.object({
  TEAMS_APP_ID: teamsAppId,
  MicrosoftAppId: optionalText,
  BOT_PUBLIC_URL: botPublicUrl,
  /** The app's version in the manifest; default package.json's. Teams takes an update only with a higher one. */
  TEAMS_APP_VERSION: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d{1,5}\.\d{1,5}\.\d{1,5}$/, 'must be a version such as 1.4.0 (three numbers)')
      .optional(),
  ),
  /** The organisation's own pages for the app's details in Teams; default the bot's /privacy and /terms. */
  PRIVACY_URL: optionalHttpsUrl,
  TERMS_URL: optionalHttpsUrl,
  DEVELOPER_WEBSITE_URL: optionalHttpsUrl,
});

export type PackageSettings = z.infer<typeof packageSettingsSchema>;

export function loadPackageSettings(env: Record<string, string | undefined>): PackageSettings {
  const parsed = packageSettingsSchema.safeParse(env);
  if (!parsed.success) throw settingsError(parsed.error);
  return parsed.data;
}
