/**
 * "avsluta digest", "prenumerera", "digest varje dag/vecka" in process: the preference stored under the asker's
 * e-mail (or UPN), and the refusal when Teams gives neither. Real FileStore in a temp dir, featureContextStub.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { refusalOf } from '../../../src/cards/messageCard.js';
import { DigestPreferences } from '../../../src/features/digest/digestPreferences.js';
import { DigestSubscriptionRoutes } from '../../../src/features/digest/digestSubscriptionRoutes.js';
import { digestKeys } from '../../../src/features/digest/index.js';
import { FileStore } from '../../../src/storage/fileStore.js';
import { featureContextStub } from '../../support/featureContextStub.js';

let dir: string;
let store: FileStore;
let routes: DigestSubscriptionRoutes;
const anna = { teamsUserId: '29:anna', name: 'Anna Andersson', email: 'Anna@Stad.se' };

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'digest-subscription-'));
  store = new FileStore(dir);
  routes = new DigestSubscriptionRoutes(new DigestPreferences(store));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const stored = async (email: string) => (await store.get(digestKeys.preference(email)))?.value;

test('each change is stored under the lower-case e-mail and confirmed', async () => {
  const turn = featureContextStub(anna);
  for (const [change, expected] of [
    ['weekly', { subscribed: true, frequency: 'weekly' }],
    ['off', { subscribed: false, frequency: 'weekly' }],
    ['on', { subscribed: true, frequency: 'weekly' }],
    ['daily', { subscribed: true, frequency: 'daily' }],
  ] as const) {
    const card = await routes.change(turn.ctx, change);
    expect(refusalOf(card)).toBeUndefined();
    expect(await stored('anna@stad.se')).toEqual({
      schemaVersion: 1,
      ...expected,
      updatedAt: '2026-11-24T10:00:00.000Z',
    });
  }
  expect(turn.refusals).toEqual([]);
});

test('without an e-mail the user principal name names the preference', async () => {
  const turn = featureContextStub({ teamsUserId: '29:bo', userPrincipalName: 'bo@stad.se' });
  await routes.change(turn.ctx, 'off');
  expect(await stored('bo@stad.se')).toMatchObject({ subscribed: false });
});

test('neither e-mail nor UPN: refused with EMAIL_UNKNOWN, nothing stored', async () => {
  const turn = featureContextStub({ teamsUserId: '29:guest', name: 'Gäst' });
  const card = await routes.change(turn.ctx, 'off');
  expect(refusalOf(card)).toBe('EMAIL_UNKNOWN');
  expect(turn.refusals).toEqual(['EMAIL_UNKNOWN']);
  expect(await store.list('digest-preferences/')).toEqual([]);
});
