import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalRemissRepository } from '../../src/register/localRemissRepository.js';
import { listOpenFor } from '../../src/register/remissRepository.js';
import { FileStore } from '../../src/storage/fileStore.js';
import { StoreConflictError } from '../../src/storage/store.js';
import { remiss } from '../support/remissFixtures.js';

let dir: string;
let register: LocalRemissRepository;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-register-'));
  register = new LocalRemissRepository(new FileStore(dir));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('upsert by diarienummer with a version: a stale version is refused', async () => {
  const v1 = await register.save(remiss({ dnr: 'SBR 201.3.1-389/2012', dueDate: '2026-12-15' }));
  await expect(register.save(remiss({ dnr: 'SBR 201.3.1-389/2012', dueDate: '2026-12-15' }))).rejects.toBeInstanceOf(
    StoreConflictError,
  );
  const v2 = await register.save({ ...(await register.get('SBR 201.3.1-389/2012'))!.remiss, title: 'Ny' }, v1);
  await expect(
    register.save(remiss({ dnr: 'SBR 201.3.1-389/2012', dueDate: '2026-12-15' }), v1),
  ).rejects.toBeInstanceOf(StoreConflictError);
  expect(await register.get('SBR 201.3.1-389/2012')).toMatchObject({
    version: v2,
    remiss: { title: 'Ny', schemaVersion: 1 },
  });
});

test('open remisser, and those of one handläggare by e-mail or object id', async () => {
  await register.save(remiss({ dnr: 'A', dueDate: '2026-12-01', handlaggare: { email: 'Anna@Stad.se' } }));
  await register.save(
    remiss({ dnr: 'B', dueDate: '2026-12-01', handlaggare: { email: 'anna@stad.se' }, status: 'Besvarad' }),
  );
  await register.save(
    remiss({ dnr: 'C', dueDate: '2026-12-01', handlaggare: { email: 'x@stad.se', aadObjectId: 'aad-anna' } }),
  );
  await register.save(remiss({ dnr: 'D', dueDate: '2026-12-01', status: 'Avstår' }));
  expect((await register.listOpen()).map((v) => v.remiss.dnr).sort()).toEqual(['A', 'C']);
  expect((await listOpenFor(register, { email: 'anna@stad.se' })).map((v) => v.remiss.dnr)).toEqual(['A']);
  expect((await listOpenFor(register, { aadObjectId: 'aad-anna' })).map((v) => v.remiss.dnr)).toEqual(['C']);
});
