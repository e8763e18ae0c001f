/**
 * The approval feature in process, for its jest suites: a real FileStore in a temp dir with one remiss and
 * Anna's finished draft, the outbox not started (its jobs are asserted as stored), a recording Messenger,
 * and the routes pressed through the module's declared verbs with featureContextStub.
 */
import { OrganisationDirectory } from '../../../src/domain/organisations.js';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DownloadLinks } from '../../../src/features/answer/downloadLinks.js';
import { DraftRepository } from '../../../src/features/answer/draftRepository.js';
import { ApprovalStore } from '../../../src/features/approval/approvalStore.js';
import { UNDO_WINDOW_MS } from '../../../src/features/approval/approvalWorkflow.js';
import { APPROVAL_VERBS, approvalModule, createApproval, type Approval } from '../../../src/features/approval/index.js';
import type { AdaptiveCard, Asker } from '../../../src/features/featureContext.js';
import { PeopleDirectory } from '../../../src/features/people/peopleDirectory.js';
import { messages } from '../../../src/i18n/messages.js';
import { createLogger } from '../../../src/logging/logger.js';
import type { ConversationTarget, Messenger } from '../../../src/messaging/messenger.js';
import { Outbox, type OutboxJob } from '../../../src/outbox/outbox.js';
import { LocalRemissRepository } from '../../../src/register/localRemissRepository.js';
import { FileStore } from '../../../src/storage/fileStore.js';
import { exampleOrganisation, fullAnswer } from '../../support/answerFixtures.js';
import { featureContextStub, type RecordedTurn } from '../../support/featureContextStub.js';
import { remiss } from '../../support/remissFixtures.js';

export const DNR = 'KS 2026/42';
export const NOW = new Date('2026-11-24T10:00:00Z');
export const sv = messages('sv');
export const anna: Asker = {
  teamsUserId: '29:anna',
  aadObjectId: 'aad-anna',
  name: 'Anna Andersson',
  email: 'anna@stad.se',
};
export const cecilia: Asker = {
  teamsUserId: '29:cecilia',
  aadObjectId: '0b5c2d8e-1f3a-4c6b-9d7e-2a4f6b8c0d1e',
  name: 'Cecilia Holm',
  email: 'cecilia@stad.se',
};
export const mallory: Asker = { teamsUserId: '29:mallory', aadObjectId: 'aad-mallory', name: 'Mallory' };
const chat = { serviceUrl: 'https://smba.example/', channelId: 'msteams', conversationId: 'a:x', botId: '28:b' };
export const formMessage = { ...chat, conversationId: 'a:anna', activityId: 'form-1' };
export const ceciliaChat = { ...chat, conversationId: 'a:cecilia' };

export interface ApprovalTestbed {
  store: FileStore;
  register: LocalRemissRepository;
  drafts: DraftRepository;
  approvals: ApprovalStore;
  people: PeopleDirectory;
  outbox: Outbox;
  approval: Approval;
  /** What the Messenger posted and wrote, and how it opens a 1:1 chat (a test may make it fail). */
  posted: { to: ConversationTarget; card: AdaptiveCard }[];
  texts: string[];
  openChat: () => Promise<ConversationTarget>;
}

export type Turn = RecordedTurn & { card: AdaptiveCard };

/** Registers the jest hooks; the returned object is filled anew before each test. */
export function approvalTestbed() {
  const bed = {} as ApprovalTestbed;
  let dir: string;
  const messenger: Messenger = {
    post: async (to, card) => (bed.posted.push({ to, card }), { ...to, activityId: `posted-${bed.posted.length}` }),
    postText: async (_to, text) => void bed.texts.push(text),
    update: async () => undefined,
    openPersonalChat: () => bed.openChat(),
  };

  beforeEach(async () => {
    Object.assign(bed, { posted: [], texts: [], openChat: async () => ceciliaChat });
    dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-approval-'));
    const store = (bed.store = new FileStore(path.join(dir, 'data')));
    bed.register = new LocalRemissRepository(store);
    await bed.register.save(remiss({ dnr: DNR, title: 'Trygghetsprogram', dueDate: '2026-12-15', status: 'Pågår' }));
    bed.drafts = new DraftRepository(store);
    const [at, owner] = [NOW.toISOString(), { teamsUserId: anna.teamsUserId, aadObjectId: anna.aadObjectId }];
    const draft = { schemaVersion: 1, dnr: DNR, owner, step: 7, revision: 3, answer: fullAnswer } as const;
    await bed.drafts.create({ ...draft, formMessage, createdAt: at, updatedAt: at });
    bed.approvals = new ApprovalStore(store);
    bed.people = new PeopleDirectory(store);
    bed.outbox = new Outbox(store, () => NOW, createLogger('error', { write: () => undefined }));
    const { register, drafts, approvals, people, outbox } = bed;
    const downloads = new DownloadLinks(store, Buffer.alloc(32, 1), 'https://bot.example');
    const organisations = new OrganisationDirectory([exampleOrganisation('bolag')]);
    const deps = { organisations, register, drafts, approvals, people, outbox, messenger, downloads };
    bed.approval = createApproval({ ...deps, clock: () => NOW, undoWindowMs: UNDO_WINDOW_MS });
  });

  afterEach(async () => {
    await bed.outbox.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const act = async (who: Asker, verb: keyof typeof APPROVAL_VERBS, data: unknown): Promise<Turn> => {
    const turn = featureContextStub(who, { now: NOW });
    const card = await approvalModule(bed.approval).verbs![APPROVAL_VERBS[verb]]!(turn.ctx, data);
    return { ...turn, card };
  };

  return {
    bed,
    act,
    send: (who: Asker = anna, extra: Record<string, unknown> = {}) =>
      act(who, 'send', { dnr: DNR, revision: 3, approver: cecilia.email, message: 'Hej!', ...extra }),
    decide: (who: Asker, decision: 'approve' | 'changes', extra: Record<string, unknown> = {}) =>
      act(who, 'decide', { dnr: DNR, version: 1, decision, ...extra }),
    jobs: async (): Promise<OutboxJob[]> =>
      Promise.all((await bed.store.list('outbox/')).map(async (k) => (await bed.store.get<OutboxJob>(k))!.value)),
    draft: async () => (await bed.drafts.get(DNR))!.value,
    record: async () => (await bed.approvals.get(DNR))?.value,
    status: async () => (await bed.register.get(DNR))!.remiss.status,
  };
}
