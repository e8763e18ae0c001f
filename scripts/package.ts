/**
 * `npm run package`: writes build/appPackage.zip for upload to Teams, from the settings in .env
 * (TEAMS_APP_ID, MicrosoftAppId, BOT_PUBLIC_URL). Fails with a clear message when anything is off.
 */
import 'dotenv/config';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSettings, SettingsError } from '../src/config/settings.js';
import { buildAppPackage, PackageError } from './appPackage.js';

async function main(): Promise<void> {
  try {
    const settings = loadSettings(process.env);
    const zip = await buildAppPackage({ teamsAppId: settings.TEAMS_APP_ID, botId: settings.MicrosoftAppId, publicUrl: settings.BOT_PUBLIC_URL });
    const out = path.resolve(__dirname, '..', 'build', 'appPackage.zip');
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
