/**
 * `npm run import -- <file>`: imports a diarium export (CSV or JSON) into the configured register.
 * Problems go to stderr ("rad 4: svarsdatum: …"), the summary to stdout.
 * Exit status: 0 every row imported, 1 some rows refused, 2 nothing could be imported (unreadable file,
 * missing columns, bad settings).
 */
import { config as loadDotenv } from 'dotenv';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSettings, SettingsError, type Settings } from '../config/settings.js';
import { importRemisser } from '../features/import/importRemisser.js';
import { parseExport } from '../features/import/parseExport.js';
import { createRegister } from '../register/createRegister.js';
import { loadOrganisationFile } from '../config/organisationFile.js';
import { createLogger } from '../logging/logger.js';
// The same factory the bot uses: DATA_DIR/store, so both always share one register.
import { createStore } from '../storage/createStore.js';

const USAGE = 'Användning: npm run import -- <fil.csv|fil.json>\n';

function readError(file: string, err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return `Filen "${file}" finns inte.`;
  if (code === 'EACCES' || code === 'EPERM') return `Filen "${file}" får inte läsas (behörighet saknas).`;
  if (code === 'EISDIR') return `"${file}" är en mapp, inte en fil.`;
  return `Filen "${file}" kunde inte läsas (${code ?? 'okänt fel'}).`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

async function main(argv: string[]): Promise<number> {
  // quiet: dotenv 17 otherwise prints a banner on stdout, mixed into the summary.
  loadDotenv({ quiet: true });
  const file = argv[0];
  if (!file || argv.length > 1 || file === '--help' || file === '-h') {
    process.stderr.write(USAGE);
    return 2;
  }
  let settings: Settings;
  try {
    settings = loadSettings(process.env);
  } catch (err) {
    if (!(err instanceof SettingsError)) throw err;
    process.stderr.write(
      `Inställningarna (.env eller miljövariabler) är felaktiga:\n${err.problems.map((p) => `  - ${p}`).join('\n')}\n`,
    );
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    process.stderr.write(`${readError(file, err)}\n`);
    return 2;
  }
  const parsed = parseExport(bytes, file);
  if (parsed.fatal) {
    process.stderr.write(`${path.basename(file)}: ${parsed.fatal}\n`);
    return 2;
  }
  let register;
  try {
    register = createRegister(
      settings,
      () => loadOrganisationFile(path.resolve(settings.ORG_CONFIG)),
      createStore(settings),
      createLogger('silent'),
    );
  } catch (err) {
    process.stderr.write(`Registret kunde inte öppnas: ${(err as Error).message}\n`);
    return 2;
  }
  const report = await importRemisser(register, parsed, new Date(), `import:${path.basename(file)}`);
  if (parsed.encoding === 'windows-1252') {
    process.stderr.write(
      'Obs: filen är inte sparad som UTF-8 och lästes som Windows-1252 (Latin-1), som Excel sparar "CSV (semikolonavgränsad)".\n',
    );
  }
  const unit = parsed.format === 'csv' ? 'rad' : 'post';
  for (const p of report.refused) {
    process.stderr.write(`${unit} ${p.line}: ${p.field ? `${p.field}: ` : ''}${p.reason}\n`);
  }
  // A row with several problems is one refused row.
  const refusedRows = new Set(report.refused.map((p) => p.line)).size;
  const refusedText =
    unit === 'rad'
      ? plural(refusedRows, 'rad avvisad', 'rader avvisade')
      : plural(refusedRows, 'post avvisad', 'poster avvisade');
  process.stdout.write(
    `Import klar: ${report.created} nya, ${report.updated} uppdaterade, ${report.unchanged} oförändrade, ${refusedText}.\n`,
  );
  return refusedRows > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Rows already saved stay saved; a re-run updates by diarienummer and creates no duplicates.
    process.stderr.write(
      `Importen avbröts: ${err instanceof Error ? err.message : String(err)}\nDet som hann importeras finns kvar; åtgärda felet och kör importen igen (det blir inga dubbletter).\n`,
    );
    process.exitCode = 2;
  },
);
