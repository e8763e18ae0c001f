/**
 * The answer form in process: starting a draft (who may), saving a step, a save from an older copy losing to
 * the newest, and every refusal by its code. Real FileStore and repositories in a temp dir; Teams is the
 * featureContextStub.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { refusalOf } from '../../../src/cards/messageCard.js';
import { AnswerFeature } from '../../../src/features/answer/answerHandler.js';
import { applyStep, newDraft } from '../../../src/features/answer/answerWorkflow.js';
import { DownloadLinks } from '../../../src/features/answer/downloadLinks.js';
import { DraftRepository } from '../../../src/features/answer/draftRepository.js';
import type { Asker } from '../../../src/features/featureContext.js';
import { LocalRemissRepository } from '../../../src/register/localRemissRepository.js';
import { FileStore } from '../../../src/storage/fileStore.js';
import { exampleOrganisation } from '../../support/answerFixtures.js';
import { featureContextStub } from '../../support/featureContextStub.js';
import { remiss } from '../../support/remissFixtures.js';

const DNR = 'KS 2026/11';
const anna: Asker = { teamsUserId: '29:anna', aadObjectId: 'aad-anna', name: 'Anna Andersson', email: 'anna@stad.se' };
const bo: Asker = { teamsUserId: '29:bo', aadObjectId: 'aad-bo', name: 'Bo Berg', email: 'bo@stad.se' };
const organisation = exampleOrganisation('bolag');

let dir: string;
let drafts: DraftRepository;
let register: LocalRemissRepository;
let answer: AnswerFeature;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-answer-'));
  const store = new FileStore(dir);
  drafts = new DraftRepository(store);
  register = new LocalRemissRepository(store);
  const downloads = new DownloadLinks(store, Buffer.alloc(32), 'https://remissbot.example.se');
  answer = new AnswerFeature({ organisation, register, drafts, store, downloads });
  await register.save(remiss({ dnr: DNR, title: 'Trygghetsprogram', dueDate: '2026-12-15' }));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('starting an answer creates the draft owned by the asker and moves the remiss to Pågår', async () => {
  const turn = featureContextStub(anna);
  const card = await answer.startFromCard(turn.ctx, { dnr: DNR }, 'answer');
  expect(refusalOf(card)).toBeUndefined();
  const draft = (await drafts.get(DNR))!.value;
  expect(draft.owner.email).toBe(anna.email);
  expect([draft.step, draft.revision]).toEqual([1, 0]);
  expect((await register.get(DNR))!.remiss.status).toBe('Pågår');
});

test('refusals carry their codes: bad data, an unknown remiss, a closed one, someone else’s remiss', async () => {
  const turn = featureContextStub(anna);
  expect(refusalOf(await answer.startFromCard(turn.ctx, { dnr: 42 }, 'answer'))).toBe('INVALID_SUBMISSION');
  expect(refusalOf(await answer.startFromCard(turn.ctx, { dnr: 'KS 9999/1' }, 'answer'))).toBe('REMISS_NOT_FOUND');
  await register.save(remiss({ dnr: 'KS 2026/12', dueDate: '2026-12-15', status: 'Besvarad' }));
  expect(refusalOf(await answer.startFromCard(turn.ctx, { dnr: 'KS 2026/12' }, 'answer'))).toBe('REMISS_CLOSED');
  await register.save(remiss({ dnr: 'KS 2026/13', dueDate: '2026-12-15', handlaggare: { email: 'bo@stad.se' } }));
  expect(refusalOf(await answer.startFromCard(turn.ctx, { dnr: 'KS 2026/13' }, 'answer'))).toBe('NOT_ASSIGNED');
  expect(refusalOf(await answer.save(turn.ctx, { dnr: 'KS 9999/1', revision: 0, step: 1 }))).toBe('REMISS_NOT_FOUND');
  expect(refusalOf(await answer.refresh(turn.ctx, { dnr: DNR }))).toBe('CARD_OUTDATED');
  expect(turn.refusals).toEqual([
    'INVALID_SUBMISSION',
    'REMISS_NOT_FOUND',
    'REMISS_CLOSED',
    'NOT_ASSIGNED',
    'REMISS_NOT_FOUND',
    'CARD_OUTDATED',
  ]);
});

test('a save moves the draft on a revision; a save from an older copy is kept in history only', async () => {
  await answer.startFromCard(featureContextStub(anna).ctx, { dnr: DNR }, 'answer');
  const details = { name: anna.name, email: anna.email, phone: '08-123 456 78', nav: 'next' };
  await answer.save(featureContextStub(anna).ctx, { dnr: DNR, revision: 0, step: 1, ...details });
  const saved = (await drafts.get(DNR))!.value;
  expect([saved.step, saved.revision, saved.answer.details.handlaggarePhone]).toEqual([2, 1, '08-123 456 78']);

  const stale = { dnr: DNR, revision: 0, step: 1, ...details, phone: '08-000 000 00' };
  const card = await answer.save(featureContextStub(anna).ctx, stale);
  expect(JSON.stringify(card)).toContain('warning');
  expect((await drafts.get(DNR))!.value).toEqual(saved);
});

test('someone else’s save of the draft shows it read-only and changes nothing', async () => {
  await answer.startFromCard(featureContextStub(anna).ctx, { dnr: DNR }, 'answer');
  const before = (await drafts.get(DNR))!.value;
  const card = await answer.save(featureContextStub(bo).ctx, { dnr: DNR, revision: 0, step: 1, text: 'Kapat' });
  expect(JSON.stringify(card)).toContain('Anna Andersson');
  expect((await drafts.get(DNR))!.value).toEqual(before);
});

test('applyStep refuses the preview while sections are empty, and stays on the step', () => {
  const r = remiss({ dnr: DNR, dueDate: '2026-12-15' });
  const draft = { ...newDraft(organisation, r, anna, 'answer', undefined, new Date('2026-11-24T10:00:00Z')) };
  const ctx = { language: 'sv' as const, now: new Date('2026-11-24T10:05:00Z') };
  const last = { ...draft, step: 6 };
  const result = applyStep(
    organisation,
    { remiss: r, draft: last, eTag: 'e' },
    { dnr: DNR, revision: 0, step: 6, nav: 'next' },
    { text: 'Analysen.' },
    ctx,
  );
  expect('draft' in result && result.draft.step).toBe(6);
  expect('draft' in result && result.notice?.style).toBe('attention');
});
