/**
 * `npm run package`: writes build/appPackage.zip for upload to Teams, from the settings in .env that go into
 * the package (TEAMS_APP_ID, MicrosoftAppId, BOT_PUBLIC_URL; optionally TEAMS_APP_VERSION, PRIVACY_URL,
 * TERMS_URL, DEVELOPER_WEBSITE_URL) and nothing else: no secret. Fails with a clear message when anything is off.
 * `-- --out <file>` writes the zip there instead.
 */
import 'dotenv/config';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadPackageSettings } from '../src/config/packageSettings.js';
import { SettingsError } from '../src/config/settings.js';
import { buildAppPackage, PackageError } from './appPackage.js';

async function main(): Promise<void> {
  try {
    const settings = loadPackageSettings(process.env);
    const zip = await buildAppPackage({
      teamsAppId: settings.TEAMS_APP_ID,
      botId: settings.MicrosoftAppId,
      publicUrl: settings.BOT_PUBLIC_URL,
      version: settings.TEAMS_APP_VERSION,
      privacyUrl: settings.PRIVACY_URL,
      termsUrl: settings.TERMS_URL,
      websiteUrl: settings.DEVELOPER_WEBSITE_URL,
    });
    // `npm run package -- --out <file>` writes elsewhere (the tests do, leaving an admin's build/ alone).
    const outArg = process.argv.indexOf('--out');
    const out =
      outArg > 0 && process.argv[outArg + 1]
        ? path.resolve(process.argv[outArg + 1]!)
        : path.resolve(__dirname, '..', 'build', 'appPackage.zip');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, zip);
    process.stdout.write(`${out}\n`);
  } catch (err) {
    if (!(err instanceof PackageError) && !(err instanceof SettingsError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  }
}

void main();
