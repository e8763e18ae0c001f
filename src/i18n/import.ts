/**
 * What `npm run import` tells the admin who runs it: why a file or a row was refused, and the summary. An
 * admin command of a Swedish deployment, whose exports have Swedish column names, so Swedish only (no
 * English section: the import never shows English). Tests compare these texts byte for byte.
 */

/** How a row is named: a physical line of a CSV file, a record of a JSON file. */
const UNIT = { csv: 'rad', json: 'post' } as const;

const SAVE_AS_CSV_UTF8 = 'Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” och försök igen.';
const NOTHING_IMPORTED = 'Ingenting importerades.';

const missing = (columns: readonly string[], where: string) =>
  `${columns.length === 1 ? 'Kolumnen' : 'Kolumnerna'} ${columns.join(', ')} saknas ${where}. ${NOTHING_IMPORTED}`;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "1 rad avvisad", "3 poster avvisade": a row with several problems is one refused row. */
const REFUSED_ROWS = {
  csv: (n: number) => count(n, 'rad avvisad', 'rader avvisade'),
  json: (n: number) => count(n, 'post avvisad', 'poster avvisade'),
};

export const importText = {
  // Why nothing at all could be imported from the file.
  fileEmpty: 'Filen är tom.',
  excelWorkbook: `Filen är en Excel-arbetsbok, inte en textfil. ${SAVE_AS_CSV_UTF8}`,
  utf16: `Filen är sparad som UTF-16 (”Unicode-text”) eller är ingen textfil. ${SAVE_AS_CSV_UTF8}`,
  jsonNotUtf8: `JSON-filen är inte sparad som UTF-8. ${NOTHING_IMPORTED}`,
  jsonInvalid: 'Filen är inte giltig JSON.',
  jsonNotList: 'JSON-filen ska innehålla en lista (array) av remisser.',
  csvUnreadable: (code: string | undefined, line: number | undefined) =>
    `Filen kunde inte läsas som CSV (${code ?? 'okänt fel'}, rad ${line ?? '?'}).`,
  headerNotUtf8: (line: number) =>
    `Rubrikraden (rad ${line}) innehåller tecken som inte är UTF-8. ` +
    `Spara filen i Excel som ”CSV UTF-8 (kommaavgränsad)” och försök igen. ${NOTHING_IMPORTED}`,
  columnsMissing: (columns: readonly string[]) => missing(columns, 'i rubrikraden'),
  /** A field no JSON record has at all. */
  fieldsMissing: (columns: readonly string[]) => missing(columns, 'i alla poster'),
  columnTwice: (columns: readonly string[]) =>
    `Kolumnen ${columns.join(', ')} finns flera gånger i rubrikraden, så det är oklart vilken som gäller. ` +
    NOTHING_IMPORTED,

  // Why one row was refused ("rad 4: svarsdatum: …").
  missing: 'saknas',
  tooLong: (max: number, length: number) => `får vara högst ${max} tecken (är ${length})`,
  notADate: (text: string) => `”${text}” är inget giltigt datum (skriv 2020-12-15 eller 15 december 2020)`,
  notAnEmail: (text: string) => `”${text}” är ingen e-postadress`,
  unknownStatus: (text: string, statuses: readonly string[]) =>
    `”${text}” är ingen känd status (${statuses.join(', ')})`,
  unknownOrganisation: (text: string, ids: readonly string[]) =>
    `”${text}” är ingen känd organisation (${ids.join(', ')})`,
  ambiguousOrganisation: (text: string, ids: readonly string[]) =>
    `”${text}” kan vara flera organisationer (${ids.join(', ')}); skriv organisationens id`,
  notText: 'ska vara text',
  notAnObject: 'posten är inget objekt',
  dnrTwice: (dnr: string, format: keyof typeof UNIT, first: number) =>
    `”${dnr}” finns redan på ${UNIT[format]} ${first} i filen`,
  csvRowUnreadable: (code: string) => `raden kunde inte läsas som CSV (${code})`,
  quoteClosedLater: (last: number) =>
    `ett citattecken (") öppnas här men stängs först på rad ${last}, så raden kunde inte läsas`,
  swallowedByQuote: (opened: number) => `raden kunde inte läsas: den hamnade i citatet som öppnas på rad ${opened}`,
  quoteNeverClosed: 'ett citattecken (") öppnas men stängs aldrig, så raden kunde inte läsas',
  rowNotUtf8:
    'raden innehåller tecken som inte är UTF-8 (troligen sparad i ett annat program som Latin-1/Windows-1252); ' +
    'skriv om å, ä och ö på raden',
  otherDelimiter: (row: string, header: string) => `raden är avgränsad med ”${row}” men rubrikraden med ”${header}”`,
  savedConcurrently: 'kunde inte sparas eftersom remissen ändrades samtidigt av någon annan; kör importen igen',

  // The command itself.
  usage: 'Användning: npm run import -- <fil.csv|fil.json>\n',
  fileNotFound: (file: string) => `Filen ”${file}” finns inte.`,
  fileNotReadable: (file: string) => `Filen ”${file}” får inte läsas (behörighet saknas).`,
  fileIsFolder: (file: string) => `”${file}” är en mapp, inte en fil.`,
  fileReadFailed: (file: string, code: string | undefined) =>
    `Filen ”${file}” kunde inte läsas (${code ?? 'okänt fel'}).`,
  badSettings: (problems: readonly string[]) =>
    `Inställningarna (.env eller miljövariabler) är felaktiga:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
  registerUnavailable: (message: string) => `Registret kunde inte öppnas: ${message}\n`,
  organisationsUnreadable: (message: string) =>
    `Organisationerna (ORG_CONFIG) kunde inte läsas: ${message}\n${NOTHING_IMPORTED}\n`,
  readAsWindows1252:
    'Obs: filen är inte sparad som UTF-8 och lästes som Windows-1252 (Latin-1), ' +
    'som Excel sparar ”CSV (semikolonavgränsad)”.\n',
  problemLine: (format: keyof typeof UNIT, line: number, field: string | undefined, reason: string) =>
    `${UNIT[format]} ${line}: ${field ? `${field}: ` : ''}${reason}\n`,
  summary: (
    format: keyof typeof UNIT,
    report: { created: number; updated: number; unchanged: number },
    refused: number,
  ) =>
    `Import klar: ${report.created} nya, ${report.updated} uppdaterade, ${report.unchanged} oförändrade, ` +
    `${REFUSED_ROWS[format](refused)}.\n`,
  aborted: (message: string) =>
    `Importen avbröts: ${message}\n` +
    'Det som hann importeras finns kvar; åtgärda felet och kör importen igen (det blir inga dubbletter).\n',
};
