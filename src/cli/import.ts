/**
 * `npm run import -- <file>`: imports a diarium export (CSV or JSON) into the configured register.
 * Exit status: 0 all rows imported, 1 some rows refused, 2 nothing could be read (or bad settings).
 */
import 'dotenv/config';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSettings, SettingsError } from '../config/settings.js';
import { importRemisser } from '../features/import/importRemisser.js';
import { parseExport } from '../features/import/parseExport.js';
import { LocalRemissRepository } from '../register/localRemissRepository.js';
import { createStore } from '../storage/createStore.js';

async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file) {
    process.stderr.write('Ange filen som ska importeras: npm run import -- <fil.csv|fil.json>\n');
    return 2;
  }
  let settings;
  try {
    settings = loadSettings(process.env);
  } catch (err) {
    if (err instanceof SettingsError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    process.stderr.write(`Filen "${file}" kunde inte läsas.\n`);
    return 2;
  }
  const parsed = parseExport(bytes, file);
  if (parsed.fatal) {
    process.stderr.write(`${path.basename(file)}: ${parsed.fatal}\n`);
    return 2;
  }
  const register = new LocalRemissRepository(createStore(settings));
  const report = await importRemisser(register, parsed, new Date(), `import:${path.basename(file)}`);
  const unit = parsed.format === 'csv' ? 'rad' : 'post';
  for (const p of report.refused) {
    process.stderr.write(`${unit} ${p.line}: ${p.field ? `${p.field}: ` : ''}${p.reason}\n`);
  }
  const refusedRows = new Set(report.refused.map((p) => p.line)).size;
  process.stdout.write(
    `Import klar: ${report.created} nya, ${report.updated} uppdaterade, ${report.unchanged} oförändrade, ${refusedRows} ${refusedRows === 1 ? unit : unit === 'rad' ? 'rader' : 'poster'} avvisade.\n`,
  );
  return refusedRows > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    process.stderr.write(`Importen avbröts: ${err.message}\n`);
    process.exitCode = 2;
  },
);
