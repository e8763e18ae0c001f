/**
 * The import under abuse, through the real CLI on the file store the bot reads: a large export with every
 * kind of broken row is reported line by line while the run goes on, and an import killed with kill -9
 * leaves no torn record and finishes on a re-run without duplicates. IMPORT_ROWS sets the size
 * (`npm run test:soak` imports 100,000 rows).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalRemissRepository } from '../../src/register/localRemissRepository.js';
import { FileStore } from '../../src/storage/fileStore.js';
import { hostileExport } from '../support/hostileCsv.js';
import { recordFigure } from '../support/figures.js';
import { startImport } from '../support/importProcess.js';

const ROWS = Number(process.env.IMPORT_ROWS ?? 2_000);
// Writing a record costs a few milliseconds of fsync: the timeout grows with the file.
const TIMEOUT = 60_000 + ROWS * 10;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-import-hostile-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const storedTitles = async () =>
  new Map(
    (await new LocalRemissRepository(new FileStore(path.join(dir, 'data', 'store'))).listAll()).map((v) => [
      v.remiss.dnr,
      v.remiss.title,
    ]),
  );

test(
  `${ROWS} rows with every kind of broken row: each refused row is reported at its line, the rest imported`,
  async () => {
    const file = hostileExport(ROWS);
    await writeFile(path.join(dir, 'diarium.csv'), file.bytes);
    const run = await startImport(dir, ['diarium.csv'], { DATA_DIR: path.join(dir, 'data') }).done;

    expect(run.code).toBe(1);
    const reported = run.stderr.trimEnd().split('\n');
    const lines = reported.map((l) => Number(/^rad (\d+): /.exec(l)?.[1]));
    expect(new Set(lines)).toEqual(new Set(file.refused.keys()));
    for (const [i, l] of reported.entries()) expect(l).toContain(file.refused.get(lines[i]!));
    expect(run.stdout).toBe(
      `Import klar: ${file.imported.size} nya, 0 uppdaterade, 0 oförändrade, ${file.refused.size} rader avvisade.\n`,
    );
    expect(await storedTitles()).toEqual(file.imported);
    recordFigure('import.hostile', { rows: ROWS, refusedAndReported: file.refused.size, imported: file.imported.size });
  },
  TIMEOUT,
);

test(
  'an import killed with kill -9 leaves no torn record; the re-run completes it without duplicates',
  async () => {
    const file = hostileExport(ROWS);
    await writeFile(path.join(dir, 'diarium.csv'), file.bytes);
    const env = { DATA_DIR: path.join(dir, 'data') };
    const first = startImport(dir, ['diarium.csv'], env);
    // Killed once some rows are in, while others are being written.
    const store = new FileStore(path.join(dir, 'data', 'store'));
    for (
      let i = 0;
      i < 600 && (await store.list('remisser/').catch(() => [])).length < Math.min(50, file.imported.size / 4);
      i++
    )
      await new Promise((r) => setTimeout(r, 50));
    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');

    // Every record the killed run left is whole, and a row of the file.
    const partial = await storedTitles();
    expect(partial.size).toBeGreaterThan(0);
    for (const [dnr, title] of partial) expect(file.imported.get(dnr)).toBe(title);

    const again = await startImport(dir, ['diarium.csv'], env).done;
    expect(again.code).toBe(1);
    const created = Number(/(\d+) nya/.exec(again.stdout)?.[1]);
    const unchanged = Number(/(\d+) oförändrade/.exec(again.stdout)?.[1]);
    expect(again.stdout).toContain(' 0 uppdaterade');
    // The row being written at the kill may have landed or not; together the runs import each row once.
    expect(created + unchanged).toBe(file.imported.size);
    expect(unchanged).toBeGreaterThanOrEqual(partial.size);
    expect(await storedTitles()).toEqual(file.imported);
    recordFigure('import.killed', { rows: ROWS, savedBeforeKill: partial.size, tornRecords: 0, duplicates: 0 });
  },
  TIMEOUT * 2,
);
