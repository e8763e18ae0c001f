/**
 * `npm run sharepoint:setup`: prepares the SharePoint site for the bot. It creates the document library's
 * columns that filing sets (always), and the register's list with its columns (with REMISS_SOURCE=sharepoint).
 * Run again it changes nothing. Creating columns and lists needs the Sites.Selected grant `owner` (or
 * `fullcontrol`) on the site; the running bot needs only `write`. Exit status: 0 ready, 1 something exists but
 * differs (nothing is changed), 2 the settings are wrong, the grant is too small or SharePoint could not be reached.
 */
import path from 'node:path';
import { loadOrganisationDirectory } from '../config/organisationConfig.js';
import { cliSettings } from './cliSettings.js';
import { graphFailure } from '../integrations/graph/graphClient.js';
import { ensureLibraryColumns } from '../integrations/graph/libraryColumnsSetup.js';
import { registerColumns } from '../integrations/graph/remissListMapping.js';
import { ensureRemissList } from '../integrations/graph/remissListSetup.js';
import { LibraryNotFoundError } from '../integrations/graph/sharePointArchive.js';
import { connectSharePoint } from '../integrations/graph/sharePoint.js';
import { createLogger } from '../logging/logger.js';
import { sharepointSetupText } from '../i18n/sharepointSetup.js';

const text = sharepointSetupText;
const say = (text: string) => process.stdout.write(text);
const complain = (text: string) => process.stderr.write(text);

async function main(): Promise<number> {
  const settings = cliSettings((problems) => complain(text.badSettings(problems)));
  if (!settings) return 2;
  if (!settings.sharePoint) {
    complain(text.graphNotConfigured);
    return 2;
  }
  const { library, remissList } = settings.sharePoint;
  const organisations = loadOrganisationDirectory(path.resolve(settings.ORG_CONFIG));
  const organisation = organisations.defaultOrganisation;
  const { client, site } = connectSharePoint(
    { ...settings, sharePoint: settings.sharePoint },
    organisations,
    createLogger('silent'),
  );
  say(text.grantNeeded);
  let status = 0;
  try {
    const columns = await ensureLibraryColumns(client, site, library, organisation.libraryColumns);
    if (columns.outcome === 'differs') {
      complain(text.libraryColumnsDiffer(library, columns.differences));
      status = 1;
    } else if (columns.created.length) say(text.libraryColumnsCreated(library, columns.created));
    else say(text.libraryColumnsPresent(library));

    if (remissList) {
      const columns = registerColumns(organisations);
      const result = await ensureRemissList(client, site, remissList, columns);
      if (result.outcome === 'created') say(text.listCreated(remissList));
      if (result.outcome === 'created' && columns.organisation)
        say(text.organisationColumn(remissList, columns.organisation));
      if (result.outcome === 'columnAdded') say(text.organisationColumnAdded(remissList, result.column));
      if (result.outcome === 'unchanged') say(text.listUnchanged(remissList));
      if (result.outcome === 'differs') {
        complain(text.listDiffers(remissList, result.differences));
        status = 1;
      }
    }
    return status;
  } catch (err) {
    if (err instanceof LibraryNotFoundError) {
      complain(text.libraryNotFound(err.message));
      return 2;
    }
    const failure = graphFailure(err);
    if (failure.status === 403) {
      complain(text.accessDenied(failure.code ?? '403', text.grantNeeded));
      return 2;
    }
    complain(text.graphError(failure.code ?? failure.status, (err as Error).message ?? ''));
    return 2;
  }
}

// Whatever else goes wrong (an unreadable organisation file, a certificate that does not load) is said in one
// line, never as a stack trace.
void main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    complain(text.aborted(err instanceof Error ? err.message : String(err)));
    process.exit(2);
  },
);
