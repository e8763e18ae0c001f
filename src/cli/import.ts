/**
 * `npm run import -- <file>`: imports a diarium export (CSV or JSON) into the configured register.
 * Problems go to stderr ("rad 4: svarsdatum: …"), the summary to stdout. The `organisation` column is checked
 * against ORG_CONFIG's organisations (features/import/organisationColumn.ts).
 * Exit status: 0 every row imported, 1 some rows refused, 2 nothing could be imported (unreadable file,
 * missing columns, bad settings).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cliSettings } from './cliSettings.js';
import { importRemisser } from '../features/import/importRemisser.js';
import { parseExport } from '../features/import/parseExport.js';
import { createRegister } from '../register/createRegister.js';
import { loadOrganisationDirectory } from '../config/organisationConfig.js';
import type { OrganisationDirectory } from '../domain/organisations.js';
import { checkOrganisations } from '../features/import/organisationColumn.js';
import { createLogger } from '../logging/logger.js';
// The same factory the bot uses: DATA_DIR/store, so both always share one register.
import { createStore } from '../storage/createStore.js';
import { importText } from '../i18n/import.js';

function readError(file: string, err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return importText.fileNotFound(file);
  if (code === 'EACCES' || code === 'EPERM') return importText.fileNotReadable(file);
  if (code === 'EISDIR') return importText.fileIsFolder(file);
  return importText.fileReadFailed(file, code);
}

async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file || argv.length > 1 || file === '--help' || file === '-h') {
    process.stderr.write(importText.usage);
    return 2;
  }
  const settings = cliSettings((problems) => process.stderr.write(importText.badSettings(problems)));
  if (!settings) return 2;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    process.stderr.write(`${readError(file, err)}\n`);
    return 2;
  }
  const exported = parseExport(bytes, file);
  if (exported.fatal) {
    process.stderr.write(`${path.basename(file)}: ${exported.fatal}\n`);
    return 2;
  }
  let organisations: OrganisationDirectory;
  try {
    organisations = loadOrganisationDirectory(path.resolve(settings.ORG_CONFIG));
  } catch (err) {
    process.stderr.write(importText.organisationsUnreadable((err as Error).message));
    return 2;
  }
  const parsed = checkOrganisations(exported, organisations);
  let register;
  try {
    register = createRegister(settings, () => organisations, createStore(settings), createLogger('silent'));
  } catch (err) {
    process.stderr.write(importText.registerUnavailable((err as Error).message));
    return 2;
  }
  const report = await importRemisser(register, parsed, new Date(), `import:${path.basename(file)}`);
  if (parsed.encoding === 'windows-1252') {
    process.stderr.write(importText.readAsWindows1252);
  }
  for (const p of report.refused)
    process.stderr.write(importText.problemLine(parsed.format, p.line, p.field, p.reason));
  // A row with several problems is one refused row.
  const refusedRows = new Set(report.refused.map((p) => p.line)).size;
  process.stdout.write(importText.summary(parsed.format, report, refusedRows));
  return refusedRows > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Rows already saved stay saved; a re-run updates by diarienummer and creates no duplicates.
    process.stderr.write(importText.aborted(err instanceof Error ? err.message : String(err)));
    process.exitCode = 2;
  },
);
