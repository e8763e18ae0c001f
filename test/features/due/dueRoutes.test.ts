/**
 * The due list in process: pages, forged paging data falling back to the first page, "Mina" without a known
 * person, the answer's progress on the list, and the refusals of the detail view by their codes (each with the
 * way back to the list). Real FileStore and repositories in a temp dir; Teams is the featureContextStub.
 */
import { ActingOrganisations } from '../../../src/features/due/actingOrganisation.js';
import { OrganisationDirectory } from '../../../src/domain/organisations.js';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { refusalOf } from '../../../src/cards/messageCard.js';
import { AnswerWorkflow } from '../../../src/features/answer/answerWorkflow.js';
import { DownloadLinks } from '../../../src/features/answer/downloadLinks.js';
import { DraftRepository } from '../../../src/features/answer/draftRepository.js';
import { DueRoutes } from '../../../src/features/due/dueRoutes.js';
import type { AdaptiveCard } from '../../../src/features/featureContext.js';
import { LocalRemissRepository } from '../../../src/register/localRemissRepository.js';
import { FileStore } from '../../../src/storage/fileStore.js';
import { exampleOrganisation } from '../../support/answerFixtures.js';
import { featureContextStub } from '../../support/featureContextStub.js';
import { remiss } from '../../support/remissFixtures.js';

const anna = { teamsUserId: '29:anna', name: 'Anna Andersson', email: 'anna@stad.se' };
const NOW = new Date('2026-11-24T10:00:00Z');
let dir: string;
let answer: AnswerWorkflow;
let due: DueRoutes;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-due-'));
  const store = new FileStore(dir);
  const register = new LocalRemissRepository(store, () => NOW);
  const drafts = new DraftRepository(store);
  const downloads = new DownloadLinks(store, Buffer.alloc(32), 'https://remissbot.example.se');
  const organisations = new OrganisationDirectory([exampleOrganisation('bolag')]);
  answer = new AnswerWorkflow({ organisations, register, drafts, store, downloads });
  const progress = { marker: () => drafts.marker(), progress: (dnr: string) => answer.progress(dnr) };
  due = new DueRoutes(register, progress, 10, new ActingOrganisations(store));
  await register.save(remiss({ dnr: 'KS 2026/1', title: 'Trygghetsprogram', dueDate: '2026-12-01' }));
  for (let i = 2; i <= 20; i++) await register.save(remiss({ dnr: `KS 2026/${i}`, dueDate: '2026-12-15' }));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The diarienummer a list card shows, in order. */
const listed = (card: AdaptiveCard): string[] =>
  [...JSON.stringify(card).matchAll(/"dnr":"(KS 2026\/\d+)"/g)]
    .map((m) => m[1]!)
    .filter((dnr, i, all) => all.indexOf(dnr) === i);

test('the list shows a page of 15 with "Visa fler"; the next page shows the rest too', async () => {
  const first = await due.list(featureContextStub(anna, { now: NOW }).ctx, 'due');
  expect(listed(first)).toHaveLength(15);
  expect(listed(first)[0]).toBe('KS 2026/1');
  expect(JSON.stringify(first)).toContain('Visa fler');
  const next = await due.listFromAction(featureContextStub(anna, { now: NOW }).ctx, { filter: 'due', offset: 15 });
  expect(listed(next)).toHaveLength(20);
  expect(JSON.stringify(next)).not.toContain('Visa fler');
});

test.each([
  ['a filter that does not exist and a negative offset', { filter: 'drop table', offset: -5 }],
  ['an offset as text', { filter: 'all', offset: '15' }],
  ['an offset past any list', { filter: 'due', offset: 10_000_000 }],
  ['no object at all', 'x'],
  ['nothing', undefined],
])('forged paging data (%s) shows the first page of a list, not a refusal', async (_, data) => {
  const turn = featureContextStub(anna, { now: NOW });
  const card = await due.listFromAction(turn.ctx, data);
  expect(refusalOf(card)).toBeUndefined();
  expect(listed(card)).toHaveLength(15);
  expect(JSON.stringify(card)).toContain('Trygghetsprogram');
  expect(turn.refusals).toEqual([]);
});

test('"Mina remisser" for someone Teams gives no e-mail, UPN or object id: MINE_UNKNOWN_USER', async () => {
  const turn = featureContextStub({ teamsUserId: '29:nobody' }, { now: NOW });
  expect(refusalOf(await due.listFromAction(turn.ctx, { filter: 'mine', offset: 0 }))).toBe('MINE_UNKNOWN_USER');
  expect(turn.refusals).toEqual(['MINE_UNKNOWN_USER']);
});

test('a started answer shows as "Fortsätt" on the list and the detail view, once the draft exists', async () => {
  const ctx = featureContextStub(anna, { now: NOW }).ctx;
  expect(JSON.stringify(await due.list(ctx, 'due'))).not.toContain('Fortsätt');
  await answer.start('KS 2026/1', 'answer', async () => anna, featureContextStub(anna).ctx.access, NOW);
  expect(JSON.stringify(await due.list(ctx, 'due'))).toContain('Fortsätt (steg 1 av 7)');
  expect(JSON.stringify(await due.show(ctx, 'KS 2026/1'))).toContain('Fortsätt (steg 1 av 7)');
});

test('the detail view refuses an unknown remiss and forged data by code, each with the way back', async () => {
  const turn = featureContextStub(anna);
  const unknown = await due.showFromAction(turn.ctx, { dnr: 'KS 9999/1', filter: 'due', offset: 0 });
  const forged = await due.showFromAction(turn.ctx, { dnr: 42 });
  expect([refusalOf(unknown), refusalOf(forged)]).toEqual(['REMISS_NOT_FOUND', 'CARD_OUTDATED']);
  for (const card of [unknown, forged]) expect(JSON.stringify(card)).toContain('due.list');
  expect(turn.refusals).toEqual(['REMISS_NOT_FOUND', 'CARD_OUTDATED']);
});

test('a known remiss opens its detail view, with the way back to the page it came from', async () => {
  const card = await due.showFromAction(featureContextStub(anna).ctx, { dnr: 'KS 2026/1', filter: 'all', offset: 15 });
  expect(refusalOf(card)).toBeUndefined();
  expect(JSON.stringify(card)).toContain('KS 2026/1');
  expect(JSON.stringify(card)).toContain('{"filter":"all","offset":15}');
});
