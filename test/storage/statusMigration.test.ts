/**
 * Statuses renamed in 1.2 ('Återremitterad' → 'Ändringar begärda', 'Klar för registrering' → 'Klar för
 * diarieföring'): a register written before is read under today's names, its records are rewritten once (the
 * status and the history), and a record already under today's names is left untouched. Real FileStore.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { statusFromName, type Remiss } from '../../src/domain/remiss.js';
import { LocalRemissRepository } from '../../src/register/localRemissRepository.js';
import { REMISS_PREFIX } from '../../src/register/registerKeys.js';
import { FileStore } from '../../src/storage/fileStore.js';
import { remiss } from '../support/remissFixtures.js';

let dir: string;
let store: FileStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-status-migration-'));
  store = new FileStore(dir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A record as version 1.1 wrote it: the former names, in the status and in the history. */
function formerRecord(dnr: string, status: string): Remiss {
  const r = remiss({ dnr, dueDate: '2026-12-15' });
  return {
    ...r,
    status: status as Remiss['status'],
    history: [
      ...r.history,
      { at: '2026-11-20T10:00:00.000Z', kind: 'statusChanged', from: 'För godkännande', to: status as never, by: 'x' },
    ],
  };
}

const storedFiles = async () => {
  const keys = await store.list(REMISS_PREFIX);
  return Promise.all(keys.map(async (k) => JSON.stringify((await store.get(k))!.value)));
};

test("the former names are read as today's and written back once, history included", async () => {
  await store.create(`${REMISS_PREFIX}KS 1`, formerRecord('KS 1', 'Återremitterad'));
  await store.create(`${REMISS_PREFIX}KS 2`, formerRecord('KS 2', 'Klar för registrering'));
  await store.create(`${REMISS_PREFIX}KS 3`, remiss({ dnr: 'KS 3', dueDate: '2026-12-15' }));
  const before = (await store.get(`${REMISS_PREFIX}KS 3`))!.eTag;

  const register = new LocalRemissRepository(store);
  const listed = await register.listAll();
  const statusOf = (dnr: string) => listed.find((v) => v.remiss.dnr === dnr)!.remiss.status;
  expect([statusOf('KS 1'), statusOf('KS 2'), statusOf('KS 3')]).toEqual([
    'Ändringar begärda',
    'Klar för diarieföring',
    'Inkommen',
  ]);
  const history = listed.find((v) => v.remiss.dnr === 'KS 1')!.remiss.history.at(-1);
  expect(history).toMatchObject({ kind: 'statusChanged', to: 'Ändringar begärda' });

  // Rewritten in the store: a second reader (another instance, the import) finds only today's names.
  const files = await storedFiles();
  expect(files.join('\n')).not.toMatch(/Återremitterad|Klar för registrering/);
  expect((await store.get(`${REMISS_PREFIX}KS 3`))!.eTag).toBe(before);

  // The versions handed out are the rewritten records': a conditional save with them succeeds.
  const one = (await register.get('KS 1'))!;
  await expect(register.save({ ...one.remiss, title: 'Ändrad' }, one.version)).resolves.toEqual(expect.any(String));
});

test('a record read twice at once is rewritten by one reader; the other keeps the rewritten name', async () => {
  await store.create(`${REMISS_PREFIX}KS 1`, formerRecord('KS 1', 'Återremitterad'));
  const [a, b] = await Promise.all([
    new LocalRemissRepository(store).get('KS 1'),
    new LocalRemissRepository(store).get('KS 1'),
  ]);
  expect([a!.remiss.status, b!.remiss.status]).toEqual(['Ändringar begärda', 'Ändringar begärda']);
  expect((await store.get<Remiss>(`${REMISS_PREFIX}KS 1`))!.value.status).toBe('Ändringar begärda');
});

test.each([
  ['Återremitterad', 'Ändringar begärda'],
  ['Klar för registrering', 'Klar för diarieföring'],
  ['Pågår', 'Pågår'],
  ['Registrerad', undefined],
])('the name %s is read as %s', (name, status) => {
  expect(statusFromName(name)).toBe(status);
});
