/**
 * `npm run sharepoint:setup`: creates the register's SharePoint list (SHAREPOINT_REMISS_LIST) with its columns
 * on the configured site, for a new deployment. Exit status: 0 created or already right, 1 an existing list
 * differs (nothing is changed), 2 the settings are wrong or SharePoint could not be reached.
 */
import { config as loadDotenv } from 'dotenv';
import path from 'node:path';
import { loadOrganisationFile } from '../config/organisationFile.js';
import { loadSettings, SettingsError } from '../config/settings.js';
import { connectSharePoint } from '../integrations/graph/sharePoint.js';
import { ensureRemissList } from '../integrations/graph/remissListSetup.js';
import { createLogger } from '../logging/logger.js';

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  let settings;
  try {
    settings = loadSettings(process.env);
  } catch (err) {
    if (!(err instanceof SettingsError)) throw err;
    process.stderr.write(`Inställningarna är felaktiga:\n${err.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 2;
  }
  const listName = settings.sharePoint?.remissList;
  if (!settings.sharePoint || !listName) {
    process.stderr.write('Sätt REMISS_SOURCE=sharepoint, SHAREPOINT_REMISS_LIST och Graph-inställningarna (se README) först.\n');
    return 2;
  }
  const organisation = loadOrganisationFile(path.resolve(settings.ORG_CONFIG));
  const { client, site } = connectSharePoint({ ...settings, sharePoint: settings.sharePoint }, organisation, createLogger('silent'));
  try {
    const result = await ensureRemissList(client, site, listName, organisation.remissListColumns);
    if (result.outcome === 'created') process.stdout.write(`Listan "${listName}" är skapad med sina kolumner. Indexera gärna Diarienummer, Status och Svarsdatum (se README).\n`);
    if (result.outcome === 'unchanged') process.stdout.write(`Listan "${listName}" finns redan och stämmer med inställningarna. Ingenting är ändrat.\n`);
    if (result.outcome === 'differs') {
      process.stderr.write(`Listan "${listName}" finns men skiljer sig från inställningarna, så ingenting är ändrat:\n${result.differences.map((d) => `  - ${d}`).join('\n')}\nRätta listan i SharePoint, eller kolumnnamnen under "remissListColumns" i organisationsfilen.\n`);
      return 1;
    }
    return 0;
  } catch (err) {
    const e = err as { statusCode?: number; code?: string; message?: string };
    process.stderr.write(`SharePoint svarade med ett fel (${e.code ?? e.statusCode ?? 'okänt'}): ${e.message ?? ''}\n`);
    return 2;
  }
}

void main().then((code) => process.exit(code));
