/**
 * The due list in process: a list, forged paging data falling back to the first page, and the refusals of the
 * detail view by their codes (each with the way back to the list).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { refusalOf } from '../../../src/cards/messageCard.js';
import { DueRoutes } from '../../../src/features/due/dueRoutes.js';
import { LocalRemissRepository } from '../../../src/register/localRemissRepository.js';
import { FileStore } from '../../../src/storage/fileStore.js';
import { featureContextStub } from '../../support/featureContextStub.js';
import { remiss } from '../../support/remissFixtures.js';

const anna = { teamsUserId: '29:anna', name: 'Anna Andersson', email: 'anna@stad.se' };
let dir: string;
let due: DueRoutes;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-due-'));
  const register = new LocalRemissRepository(new FileStore(dir));
  await register.save(remiss({ dnr: 'KS 2026/1', title: 'Trygghetsprogram', dueDate: '2026-12-15' }));
  due = new DueRoutes(register, { marker: async () => 'm', progress: async () => undefined });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('forged paging data shows the first page of the due list, not a refusal', async () => {
  const turn = featureContextStub(anna);
  const card = await due.listFromAction(turn.ctx, { filter: 'drop table', offset: -5 });
  expect(refusalOf(card)).toBeUndefined();
  expect(JSON.stringify(card)).toContain('Trygghetsprogram');
  expect(turn.refusals).toEqual([]);
});

test('the detail view refuses an unknown remiss and forged data by code, each with the way back', async () => {
  const turn = featureContextStub(anna);
  const unknown = await due.showFromAction(turn.ctx, { dnr: 'KS 9999/1', filter: 'due', offset: 0 });
  const forged = await due.showFromAction(turn.ctx, { dnr: 42 });
  expect([refusalOf(unknown), refusalOf(forged)]).toEqual(['REMISS_NOT_FOUND', 'CARD_OUTDATED']);
  for (const card of [unknown, forged]) expect(JSON.stringify(card)).toContain('due.list');
  expect(turn.refusals).toEqual(['REMISS_NOT_FOUND', 'CARD_OUTDATED']);
});

test('a known remiss opens its detail view', async () => {
  const card = await due.showFromAction(featureContextStub(anna).ctx, { dnr: 'KS 2026/1', filter: 'all', offset: 0 });
  expect(refusalOf(card)).toBeUndefined();
  expect(JSON.stringify(card)).toContain('KS 2026/1');
});
