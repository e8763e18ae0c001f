/**
 * `npm run import` as an admin runs it: the real CLI process, real files, the file store.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalRemissRepository } from '../../src/register/localRemissRepository.js';
import { createStore } from '../../src/storage/createStore.js';
import { remiss } from '../support/remissFixtures.js';

const ROOT = path.resolve(__dirname, '../..');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-import-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function runImport(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'src/cli/import.ts'), file], {
      env: { ...process.env, DATA_DIR: path.join(dir, 'data'), NODE_OPTIONS: '--no-deprecation' },
      cwd: dir,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const register = () => new LocalRemissRepository(createStore({ STORAGE: 'file', DATA_DIR: path.join(dir, 'data') }));
const HEADER = 'diarienummer;titel;remittent;inkom;svarsdatum;handläggare;status';

test('imports the good rows, reports the bad ones by line and field, and exits 1', async () => {
  const file = path.join(dir, 'export.csv');
  await writeFile(file, [HEADER, 'KS 1;Plan;KS;2026-10-01;15 december 2026;anna@stad.se;', 'KS 2;Program;KS;2026-10-01;31 juni 2026;anna@stad.se;', 'KS 3;Policy;KS;2026-10-01;2026-12-20;bertil@stad.se;Pågår', ''].join('\r\n'));
  const run = await runImport(file);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('rad 3: svarsdatum: "31 juni 2026" är inget giltigt datum');
  expect(run.stdout).toContain('Import klar: 2 nya, 0 uppdaterade, 0 oförändrade, 1 rad avvisade.');
  const stored = (await register().listAll()).map((v) => [v.remiss.dnr, v.remiss.status, v.remiss.dueDate]).sort();
  expect(stored).toEqual([['KS 1', 'Fördelad', '2026-12-15'], ['KS 3', 'Pågår', '2026-12-20']]);
});

test('a re-import updates by diarienummer without duplicating, keeps the svarsdatum history, never moves status back', async () => {
  const file = path.join(dir, 'export.csv');
  await writeFile(file, [HEADER, 'KS 1;Plan;KS;2026-10-01;2026-12-15;anna@stad.se;Pågår'].join('\n'));
  expect((await runImport(file)).code).toBe(0);
  await writeFile(file, [HEADER, 'KS 1;Plan (reviderad);KS;2026-10-01;2027-01-10;anna@stad.se;Fördelad'].join('\n'));
  const second = await runImport(file);
  expect(second.code).toBe(0);
  expect(second.stdout).toContain('0 nya, 1 uppdaterade');
  const all = await register().listAll();
  expect(all).toHaveLength(1);
  const r = all[0]!.remiss;
  expect(r).toMatchObject({ title: 'Plan (reviderad)', dueDate: '2027-01-10', status: 'Pågår' });
  expect(r.history.map((h) => h.kind)).toEqual(['created', 'updated', 'dueDateChanged']);
  expect((await runImport(file)).stdout).toContain('0 nya, 0 uppdaterade, 1 oförändrade');
});

test('an unreadable file exits 2 with a Swedish message and imports nothing', async () => {
  const file = path.join(dir, 'latin1.csv');
  await writeFile(file, Buffer.from(`${HEADER}\nKS 1;Förslag;KS;2026-10-01;2026-12-15;a@b.se;\n`, 'latin1'));
  const run = await runImport(file);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('inte sparad som UTF-8');
  expect(await register().listAll()).toEqual([]);
  expect((await runImport(path.join(dir, 'finns-inte.csv'))).code).toBe(2);
});

test('an import running while the bot writes the same register loses nothing', async () => {
  const rows = Array.from({ length: 40 }, (_, i) => `KS ${i};Titel ${i};KS;2026-10-01;2026-12-15;anna@stad.se;`);
  const file = path.join(dir, 'export.csv');
  await writeFile(file, [HEADER, ...rows].join('\n'));
  const repo = register();
  const running = runImport(file);
  // Meanwhile "the bot" registers its own remisser in the same store.
  await Promise.all(Array.from({ length: 40 }, (_, i) => repo.save(remiss({ dnr: `BOT ${i}`, dueDate: '2026-12-01' }))));
  expect((await running).code).toBe(0);
  const dnrs = (await repo.listAll()).map((v) => v.remiss.dnr);
  expect(dnrs).toHaveLength(80);
});

test('the example file in the repository imports cleanly', async () => {
  const run = await runImport(path.join(ROOT, 'examples/remisser-exempel.csv'));
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Import klar: 8 nya');
});
