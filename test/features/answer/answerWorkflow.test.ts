/**
 * The answer form in process: starting a draft (who may), saving a step, a save from an older copy or one that
 * loses the race getting the newest draft, someone else's draft, and every refusal of the routes by its code.
 * Real FileStore and repositories in a temp dir; Teams is the featureContextStub.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { refusalOf } from '../../../src/cards/messageCard.js';
import type { Draft } from '../../../src/domain/draft.js';
import { AnswerRoutes } from '../../../src/features/answer/answerRoutes.js';
import { Access, OrganisationDirectory } from '../../../src/domain/organisations.js';
import { AnswerWorkflow } from '../../../src/features/answer/answerWorkflow.js';
import { applyStep, newDraft } from '../../../src/features/answer/draftChanges.js';
import { DownloadLinks } from '../../../src/features/answer/downloadLinks.js';
import { DraftRepository } from '../../../src/features/answer/draftRepository.js';
import { answerKeys } from '../../../src/features/answer/index.js';
import type { Asker } from '../../../src/features/featureContext.js';
import type { FormAction } from '../../../src/features/answer/formInput.js';
import { LocalRemissRepository } from '../../../src/register/localRemissRepository.js';
import { FileStore } from '../../../src/storage/fileStore.js';
import { exampleOrganisation } from '../../support/answerFixtures.js';
import { featureContextStub } from '../../support/featureContextStub.js';
import { remiss } from '../../support/remissFixtures.js';

const DNR = 'KS 2026/11';
const anna: Asker = { teamsUserId: '29:anna', aadObjectId: 'aad-anna', name: 'Anna Andersson', email: 'anna@stad.se' };
const bo: Asker = { teamsUserId: '29:bo', aadObjectId: 'aad-bo', name: 'Bo Berg', email: 'bo@stad.se' };
const organisation = exampleOrganisation('bolag');
const NOW = new Date('2026-11-24T10:00:00Z');
const step1 = { name: anna.name, email: anna.email, phone: '08-123 456 78', nav: 'next' };
const at = { language: 'sv' as const, now: NOW };

let dir: string;
let store: FileStore, drafts: DraftRepository, register: LocalRemissRepository;
let workflow: AnswerWorkflow, answer: AnswerRoutes;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-answer-'));
  store = new FileStore(dir);
  drafts = new DraftRepository(store);
  register = new LocalRemissRepository(store, () => NOW);
  const downloads = new DownloadLinks(store, Buffer.alloc(32), 'https://remissbot.example.se');
  const organisations = new OrganisationDirectory([organisation]);
  workflow = new AnswerWorkflow({ organisations, register, drafts, store, downloads });
  answer = new AnswerRoutes(organisations, workflow);
  await register.save(remiss({ dnr: DNR, title: 'Trygghetsprogram', dueDate: '2026-12-15' }));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** One organisation without members: everyone may take an unassigned remiss. */
const everyone = async () => Access.of(new OrganisationDirectory([organisation]), {});
const head = async (): Promise<Draft> => (await drafts.get(DNR))!.value;
const start = () => answer.startFromCard(featureContextStub(anna).ctx, { dnr: DNR }, 'answer');

test('starting an answer creates the draft owned by the asker and moves the remiss to Pågår', async () => {
  const card = await start();
  expect(refusalOf(card)).toBeUndefined();
  const draft = await head();
  expect(draft.owner.email).toBe(anna.email);
  expect([draft.step, draft.revision]).toEqual([1, 0]);
  expect((await register.get(DNR))!.remiss.status).toBe('Pågår');
  // The marker's time is the writer's clock, through the draft it writes.
  expect((await store.get<{ at: string }>(answerKeys.marker))!.value.at).toBe(NOW.toISOString());
});

test('starting again opens the same draft; someone else gets NOT_DRAFT_OWNER and the form read-only', async () => {
  await start();
  const again = await workflow.start(DNR, 'answer', async () => anna, everyone, NOW);
  expect('started' in again && again.started.draft).toEqual(await head());
  const other = await workflow.start(DNR, 'answer', async () => bo, everyone, NOW);
  expect('refused' in other && other.refused).toBe('NOT_DRAFT_OWNER');
  const turn = featureContextStub(bo);
  const card = await answer.startFromCard(turn.ctx, { dnr: DNR }, 'answer');
  expect(refusalOf(card)).toBeUndefined();
  expect(JSON.stringify(card)).toContain('Bara Anna Andersson kan redigera');
});

test('a start asked in a channel sends the form to the personal chat and remembers where it is', async () => {
  const turn = featureContextStub(anna, { conversationKind: 'channel' });
  const note = await answer.startFromMessage(turn.ctx, DNR);
  expect(turn.personalChat).toHaveLength(1);
  expect(JSON.stringify(note)).toContain('din chatt med Remissbot');
  expect((await head()).formMessage?.activityId).toBe('activity-1');
});

test.each([
  ['INVALID_SUBMISSION', { dnr: 42 }],
  ['REMISS_NOT_FOUND', { dnr: 'KS 9999/1' }],
  ['REMISS_CLOSED', { dnr: 'KS 2026/12' }],
  ['NOT_ASSIGNED', { dnr: 'KS 2026/13' }],
])('a start refused: %s, nothing stored', async (code, data) => {
  await register.save(remiss({ dnr: 'KS 2026/12', dueDate: '2026-12-15', status: 'Besvarad' }));
  await register.save(remiss({ dnr: 'KS 2026/13', dueDate: '2026-12-15', handlaggare: { email: 'bo@stad.se' } }));
  const turn = featureContextStub(anna);
  expect(refusalOf(await answer.startFromCard(turn.ctx, data, 'answer'))).toBe(code);
  expect(turn.refusals).toEqual([code]);
  expect(await store.list('drafts/')).toEqual([]);
});

test.each([
  ['INVALID_SUBMISSION', { dnr: DNR, revision: 'x', step: 1 }],
  ['INVALID_SUBMISSION', { dnr: DNR, revision: 0, step: 1, nav: 'delete' }],
  ['REMISS_NOT_FOUND', { dnr: 'KS 9999/1', revision: 0, step: 1 }],
  ['DRAFT_NOT_FOUND', { dnr: 'KS 2026/14', revision: 0, step: 1 }],
])('a save refused: %s (%j), nothing stored', async (code, data) => {
  await register.save(remiss({ dnr: 'KS 2026/14', dueDate: '2026-12-15' }));
  const turn = featureContextStub(anna);
  expect(refusalOf(await answer.save(turn.ctx, data))).toBe(code);
  expect(turn.refusals).toEqual([code]);
  expect(await store.list('draft-history/')).toEqual([]);
});

test('refresh and download of a card that names no draft: CARD_OUTDATED', async () => {
  const turn = featureContextStub(anna);
  expect(refusalOf(await answer.refresh(turn.ctx, { dnr: DNR }))).toBe('CARD_OUTDATED');
  expect(refusalOf(await answer.download(turn.ctx, { dnr: 7 }))).toBe('CARD_OUTDATED');
  expect(turn.refusals).toEqual(['CARD_OUTDATED', 'CARD_OUTDATED']);
});

test('a save moves the draft on a revision, keeps the submission and remembers the phone', async () => {
  await start();
  const card = await answer.save(featureContextStub(anna).ctx, { dnr: DNR, revision: 0, step: 1, ...step1 });
  expect(refusalOf(card)).toBeUndefined();
  const saved = await head();
  expect([saved.step, saved.revision, saved.answer.details.handlaggarePhone]).toEqual([2, 1, '08-123 456 78']);
  expect((await drafts.history(DNR)).map((s) => [s.basedOn, s.applied])).toEqual([[0, true]]);
  expect((await store.get(answerKeys.profile('aad-anna')))!.value).toEqual({ schemaVersion: 1, phone: step1.phone });
});

test('a save from an older copy is kept in history only, and shows the newest draft', async () => {
  await start();
  await answer.save(featureContextStub(anna).ctx, { dnr: DNR, revision: 0, step: 1, ...step1 });
  const saved = await head();
  const stale = { dnr: DNR, revision: 0, step: 1, ...step1, phone: '08-000 000 00' };
  const card = await answer.save(featureContextStub(anna).ctx, stale);
  expect(JSON.stringify(card)).toContain('senaste versionen');
  expect(JSON.stringify(card)).toContain('"revision":1');
  expect(await head()).toEqual(saved);
  expect((await drafts.history(DNR)).map((s) => s.applied).sort()).toEqual([false, true]);
});

test('a save that loses the race to another write gets the newest draft, not its own', async () => {
  await start();
  // Another device saves between this save's read and its write.
  const replace = drafts.replace.bind(drafts);
  let raced = false;
  drafts.replace = async (draft, eTag, options) => {
    if (!raced) {
      raced = true;
      const other = await drafts.get(DNR);
      await replace({ ...other!.value, revision: 1, step: 3 }, other!.eTag, options);
    }
    return replace(draft, eTag, options);
  };
  const outcome = await workflow.save({ dnr: DNR, revision: 0, step: 1, nav: 'next' }, step1, anna, at);
  expect('stale' in outcome && [outcome.stale.draft.revision, outcome.stale.draft.step]).toEqual([1, 3]);
  expect([(await head()).revision, (await head()).step]).toEqual([1, 3]);
  expect((await drafts.history(DNR)).map((s) => s.applied)).toEqual([true]);
});

test('someone else’s save: NOT_DRAFT_OWNER from the workflow, the form read-only, nothing changed', async () => {
  await start();
  const before = await head();
  const outcome = await workflow.save({ dnr: DNR, revision: 0, step: 1, nav: 'save' }, { text: 'Kapat' }, bo, at);
  expect('refused' in outcome && outcome.refused).toBe('NOT_DRAFT_OWNER');
  const card = await answer.save(featureContextStub(bo).ctx, { dnr: DNR, revision: 0, step: 1, text: 'Kapat' });
  expect(JSON.stringify(card)).toContain('Anna Andersson');
  expect(await head()).toEqual(before);
  expect(await drafts.history(DNR)).toEqual([]);
});

test('a draft with the approver is locked; invalid inputs store nothing and come back as typed', async () => {
  await start();
  const bad = { dnr: DNR, revision: 0, step: 1, name: anna.name, email: 'anna@', nav: 'next' };
  const card = await answer.save(featureContextStub(anna).ctx, bad);
  expect(JSON.stringify(card)).toContain('anna@');
  expect((await head()).revision).toBe(0);
  const { eTag, value } = (await drafts.get(DNR))!;
  await drafts.replace({ ...value, approval: { awaitingVersion: 1 } }, eTag);
  const locked = await workflow.save({ dnr: DNR, revision: 0, step: 1, nav: 'next' }, step1, anna, at);
  expect('locked' in locked).toBe(true);
});

test('a save from another copy updates the posted form card later; the posted card itself does not', async () => {
  await answer.startFromMessage(featureContextStub(anna).ctx, DNR);
  const posted = (await head()).formMessage!;
  const elsewhere = featureContextStub(anna);
  await answer.save(elsewhere.ctx, { dnr: DNR, revision: 0, step: 1, ...step1, nav: 'save' });
  expect(elsewhere.updates.map((u) => u.where)).toEqual([posted]);
  const fromPosted = featureContextStub(anna, { invokedCard: posted });
  await answer.save(fromPosted.ctx, { dnr: DNR, revision: 1, step: 1, ...step1, nav: 'save' });
  expect(fromPosted.updates).toEqual([]);
});

test('the owner downloads the draft as a link stored under downloads/; someone else sees it read-only', async () => {
  await start();
  const card = await answer.download(featureContextStub(anna).ctx, { dnr: DNR });
  expect(JSON.stringify(card)).toContain('https://remissbot.example.se/files/');
  expect(await store.list('downloads/')).toHaveLength(1);
  expect(JSON.stringify(await answer.download(featureContextStub(bo).ctx, { dnr: DNR }))).toContain('Bara Anna');
});

test('applyStep refuses the preview while sections are empty, and stays on the step', () => {
  const r = remiss({ dnr: DNR, dueDate: '2026-12-15' });
  const draft = { ...newDraft(organisation, r, anna, 'answer', undefined, NOW), step: 6 };
  const result = applyStep(
    organisation,
    { remiss: r, draft, eTag: 'e' },
    { dnr: DNR, revision: 0, step: 6, nav: 'next' },
    { text: 'Analysen.' },
    at,
  );
  expect('draft' in result && [result.draft.step, result.missing]).toEqual([6, ['arendet', 'analys']]);
});

describe('navigation without dead ends', () => {
  const r = remiss({ dnr: DNR, dueDate: '2026-12-15' });
  const at4 = () => ({ ...newDraft(organisation, r, anna, 'answer', undefined, NOW), step: 4 });
  const apply = (nav: FormAction['nav'], text: string, extra: Partial<FormAction> = {}) =>
    applyStep(
      organisation,
      { remiss: r, draft: at4(), eTag: 'e' },
      { dnr: DNR, revision: 0, step: 4, nav, ...extra },
      { text },
      at,
    );

  test('a jump goes to the step named, saving the text of this one', () => {
    const result = apply('goto', 'Ärendet i korthet.', { to: 2 });
    expect('draft' in result && result.draft.step).toBe(2);
    expect('draft' in result && result.draft.answer).toMatchObject({ sections: { arendet: 'Ärendet i korthet.' } });
  });

  test('leaving a required section empty forwards stays and names it; forced, it goes on; backwards it goes', () => {
    const warned = apply('next', '');
    expect('draft' in warned && [warned.draft.step, warned.leftEmpty]).toEqual([4, 'arendet']);
    const forced = apply('goto', '', { to: 6, force: true });
    expect('draft' in forced && [forced.draft.step, forced.leftEmpty]).toEqual([6, undefined]);
    const back = apply('prev', '');
    expect('draft' in back && [back.draft.step, back.leftEmpty]).toEqual([3, undefined]);
  });

  test('an Avstår switched to a full answer keeps the details and the reason, as the summary', async () => {
    await answer.startFromCard(featureContextStub(anna).ctx, { dnr: DNR }, 'avstar');
    const action = { dnr: DNR, revision: 0, step: 1, nav: 'next' as const };
    await workflow.save(action, { text: 'Inget att tillägga.' }, anna, at);
    const switched = await workflow.switchToAnswer({ ...action, revision: 1 }, anna, NOW);
    expect('changed' in switched).toBe(true);
    const draft = await head();
    expect([draft.step, draft.revision, draft.answer.kind]).toEqual([1, 2, 'answer']);
    expect(draft.answer).toMatchObject({
      details: { handlaggareName: anna.name },
      sections: { sammanfattning: 'Inget att tillägga.' },
    });
  });

  test('only the owner removes a draft, on the revision shown; the history stays', async () => {
    await answer.startFromCard(featureContextStub(anna).ctx, { dnr: DNR }, 'avstar');
    const action = { dnr: DNR, revision: 0, step: 1, nav: 'save' as const };
    expect(await workflow.discard(action, bo, NOW)).toMatchObject({ refused: 'NOT_DRAFT_OWNER' });
    expect(await workflow.discard({ ...action, revision: 3 }, anna, NOW)).toHaveProperty('stale');
    await workflow.save(action, { text: 'Skäl.' }, anna, at);
    expect(await workflow.discard({ ...action, revision: 1 }, anna, NOW)).toHaveProperty('changed');
    expect(await drafts.get(DNR)).toBeUndefined();
    expect(await drafts.history(DNR)).toHaveLength(1);
    const card = await answer.discard(featureContextStub(anna).ctx, action);
    expect(refusalOf(card)).toBe('DRAFT_NOT_FOUND');
  });
});
