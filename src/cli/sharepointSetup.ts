/**
 * `npm run sharepoint:setup`: prepares the SharePoint site for the bot. It creates the document library's
 * columns that filing sets (always), and the register's list with its columns (with REMISS_SOURCE=sharepoint).
 * Run again it changes nothing. Creating columns and lists needs the Sites.Selected grant `owner` (or
 * `fullcontrol`) on the site; the running bot needs only `write`. Exit status: 0 ready, 1 something exists but
 * differs (nothing is changed), 2 the settings are wrong, the grant is too small or SharePoint could not be reached.
 */
import { config as loadDotenv } from 'dotenv';
import path from 'node:path';
import { loadOrganisationFile } from '../config/organisationFile.js';
import { loadSettings, SettingsError } from '../config/settings.js';
import { graphFailure } from '../integrations/graph/graphClient.js';
import { ensureLibraryColumns } from '../integrations/graph/libraryColumnsSetup.js';
import { ensureRemissList } from '../integrations/graph/remissListSetup.js';
import { LibraryNotFoundError } from '../integrations/graph/sharePointArchive.js';
import { connectSharePoint } from '../integrations/graph/sharePoint.js';
import { createLogger } from '../logging/logger.js';

const GRANT_NEEDED =
  'Kommandot skapar kolumner och listor och behöver därför behörigheten owner (eller fullcontrol) på webbplatsen: ' +
  'POST /sites/{webbplatsens id}/permissions med {"roles":["owner"],"grantedToIdentities":[{"application":{"id":"<appens klient-id>"}}]}. ' +
  'Den körande boten behöver bara write.\n';

const say = (text: string) => process.stdout.write(text);
const complain = (text: string) => process.stderr.write(text);

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  let settings;
  try {
    settings = loadSettings(process.env);
  } catch (err) {
    if (!(err instanceof SettingsError)) throw err;
    complain(`Inställningarna är felaktiga:\n${err.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 2;
  }
  if (!settings.sharePoint) {
    complain(
      'Sätt Graph-inställningarna (GRAPH_TENANT_ID, en inloggningsuppgift, webbplatsen och SHAREPOINT_LIBRARY; se README) först.\n',
    );
    return 2;
  }
  const { library, remissList } = settings.sharePoint;
  const organisation = loadOrganisationFile(path.resolve(settings.ORG_CONFIG));
  const { client, site } = connectSharePoint(
    { ...settings, sharePoint: settings.sharePoint },
    organisation,
    createLogger('silent'),
  );
  say(GRANT_NEEDED);
  let status = 0;
  try {
    const columns = await ensureLibraryColumns(client, site, library, organisation.libraryColumns);
    if (columns.outcome === 'differs') {
      complain(
        `Dokumentbiblioteket "${library}" har kolumner av fel typ, så ingenting är ändrat där:\n${columns.differences.map((d) => `  - ${d}`).join('\n')}\nRätta kolumnerna i SharePoint, eller namnen under "libraryColumns" i organisationsfilen.\n`,
      );
      status = 1;
    } else if (columns.created.length)
      say(`Dokumentbiblioteket "${library}" har fått kolumnerna ${columns.created.join(', ')}.\n`);
    else say(`Dokumentbiblioteket "${library}" har redan sina kolumner. Ingenting är ändrat.\n`);

    if (remissList) {
      const result = await ensureRemissList(client, site, remissList, organisation.remissListColumns);
      if (result.outcome === 'created')
        say(
          `Listan "${remissList}" är skapad med sina kolumner. Indexera gärna Diarienummer, Status och Svarsdatum (se README).\n`,
        );
      if (result.outcome === 'unchanged')
        say(`Listan "${remissList}" finns redan och stämmer med inställningarna. Ingenting är ändrat.\n`);
      if (result.outcome === 'differs') {
        complain(
          `Listan "${remissList}" finns men skiljer sig från inställningarna, så ingenting är ändrat:\n${result.differences.map((d) => `  - ${d}`).join('\n')}\nRätta listan i SharePoint, eller kolumnnamnen under "remissListColumns" i organisationsfilen.\n`,
        );
        status = 1;
      }
    }
    return status;
  } catch (err) {
    if (err instanceof LibraryNotFoundError) {
      complain(`${err.message}\nKontrollera SHAREPOINT_LIBRARY.\n`);
      return 2;
    }
    const failure = graphFailure(err);
    if (failure.status === 403) {
      complain(`SharePoint nekade åtkomst (${failure.code ?? '403'}). ${GRANT_NEEDED}Ingenting mer är ändrat.\n`);
      return 2;
    }
    complain(
      `SharePoint svarade med ett fel (${failure.code ?? failure.status ?? 'okänt'}): ${(err as Error).message ?? ''}\n`,
    );
    return 2;
  }
}

// Whatever else goes wrong (an unreadable organisation file, a certificate that does not load) is said in one
// line, never as a stack trace.
void main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    complain(`Förberedelsen avbröts: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
