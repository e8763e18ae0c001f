/**
 * What `npm run sharepoint:setup` tells the admin who runs it. An admin command of a Swedish deployment, so
 * Swedish only; the settings' own problems are in English (they name environment variables).
 */
const list = (items: readonly string[]) => items.map((item) => `  - ${item}`).join('\n');

export const sharepointSetupText = {
  grantNeeded:
    'Kommandot skapar kolumner och listor och behöver därför behörigheten owner (eller fullcontrol) på ' +
    'webbplatsen: POST /sites/{webbplatsens id}/permissions med ' +
    '{"roles":["owner"],"grantedToIdentities":[{"application":{"id":"<appens klient-id>"}}]}. ' +
    'Den körande boten behöver bara write.\n',
  badSettings: (problems: readonly string[]) => `Inställningarna är felaktiga:\n${list(problems)}\n`,
  graphNotConfigured:
    'Sätt Graph-inställningarna (GRAPH_TENANT_ID, en inloggningsuppgift, webbplatsen och SHAREPOINT_LIBRARY; ' +
    'se README) först.\n',
  libraryColumnsDiffer: (library: string, differences: readonly string[]) =>
    `Dokumentbiblioteket ”${library}” har kolumner av fel typ, så ingenting är ändrat där:\n` +
    `${list(differences)}\n` +
    'Rätta kolumnerna i SharePoint, eller namnen under ”libraryColumns” i organisationsfilen.\n',
  libraryColumnsCreated: (library: string, created: readonly string[]) =>
    `Dokumentbiblioteket ”${library}” har fått kolumnerna ${created.join(', ')}.\n`,
  libraryColumnsPresent: (library: string) =>
    `Dokumentbiblioteket ”${library}” har redan sina kolumner. Ingenting är ändrat.\n`,
  listCreated: (name: string) =>
    `Listan ”${name}” är skapad med sina kolumner. Indexera gärna Diarienummer, Status och Svarsdatum (se README).\n`,
  listUnchanged: (name: string) =>
    `Listan ”${name}” finns redan och stämmer med inställningarna. Ingenting är ändrat.\n`,
  organisationColumn: (name: string, column: string) =>
    `Listan ”${name}” har kolumnen ${column} för remissens organisation (dess id), eftersom organisationerna är ` +
    'flera; en remiss utan värde där hör till den första organisationen.\n',
  organisationColumnAdded: (name: string, column: string) =>
    `Listan ”${name}” har fått kolumnen ${column} för remissens organisation (dess id), eftersom organisationerna ` +
    'nu är flera; remisserna som redan finns där, utan värde, hör till den första organisationen.\n',
  listDiffers: (name: string, differences: readonly string[]) =>
    `Listan ”${name}” finns men skiljer sig från inställningarna, så ingenting är ändrat:\n` +
    `${list(differences)}\n` +
    'Rätta listan i SharePoint, eller kolumnnamnen under ”remissListColumns” i organisationsfilen.\n',
  libraryNotFound: (message: string) => `${message}\nKontrollera SHAREPOINT_LIBRARY.\n`,
  accessDenied: (code: string, grantNeeded: string) =>
    `SharePoint nekade åtkomst (${code}). ${grantNeeded}Ingenting mer är ändrat.\n`,
  graphError: (code: string | number | undefined, message: string) =>
    `SharePoint svarade med ett fel (${code ?? 'okänt'}): ${message}\n`,
  columnMissing: (name: string, displayName: string) => `kolumnen ${name} (${displayName}) saknas`,
  columnOfOtherKind: (name: string, kind: string | undefined, needed: string) =>
    `kolumnen ${name} är av typen ${kind ?? 'okänd'} men ska vara ${needed}`,
  aborted: (message: string) => `Förberedelsen avbröts: ${message}\n`,
};
