/**
 * Approval in process: compose, send, decide and download through the module's verbs (approvalTestbed.ts).
 * Every refusal of the routes has a case, asserted by its code and with nothing stored; a decision that
 * loses the race to another is tried again on the fresh state and is told it was already decided.
 */
import { refusalOf } from '../../../src/cards/messageCard.js';
import type { Draft } from '../../../src/domain/draft.js';
import { decisionText, who } from '../../../src/features/approval/approvalCards.js';
import { APPROVAL_NOTIFY_JOB, APPROVAL_VERBS } from '../../../src/features/approval/index.js';
import { cardText } from '../../fakes/fakeConnector.js';
import { fullAnswer } from '../../support/answerFixtures.js';
import { featureContextStub } from '../../support/featureContextStub.js';
import { anna, approvalTestbed, ceciliaChat, cecilia, DNR, formMessage, mallory, NOW, sv } from './approvalTestbed.js';

const { bed, act, send, decide, jobs, draft, record, status } = approvalTestbed();

describe('compose', () => {
  test('the draft’s owner gets the form with the organisation’s approvers', async () => {
    const { card, refusals } = await act(anna, 'compose', { dnr: DNR, revision: 3 });
    expect(refusals).toEqual([]);
    expect(refusalOf(card)).toBeUndefined();
    expect(JSON.stringify(card)).toContain(APPROVAL_VERBS.send);
  });

  test.each([
    ['INVALID_SUBMISSION', anna, { dnr: DNR }],
    ['DRAFT_NOT_FOUND', anna, { dnr: 'KS 2026/999', revision: 3 }],
    ['NOT_DRAFT_OWNER', mallory, { dnr: DNR, revision: 3 }],
  ] as const)('%s', async (code, who, data) => {
    const { card, refusals } = await act(who, 'compose', data);
    expect([refusalOf(card), refusals]).toEqual([code, [code]]);
  });
});

describe('send', () => {
  test('freezes version 1, keeps its document, locks the draft and asks the outbox to tell the approver', async () => {
    const { card, updates, refusals } = await send();
    expect(refusals).toEqual([]);
    const v1 = (await record())!.versions[0]!;
    expect(cardText(card)).toContain(sv.awaitingApproval(1, who(v1.approver)));
    expect(v1).toMatchObject({ version: 1, approver: { email: cecilia.email }, message: 'Hej!' });
    expect(v1.sentBy).toEqual({
      name: anna.name,
      email: anna.email,
      aadObjectId: anna.aadObjectId,
      teamsUserId: anna.teamsUserId,
    });
    expect((await bed.approvals.getDocument(DNR, 1))!.hash).toBe(v1.hash);
    expect((await draft()).approval).toEqual({ awaitingVersion: 1 });
    expect(await status()).toBe('För godkännande');
    expect((await jobs()).map((j) => [j.kind, j.payload])).toEqual([[APPROVAL_NOTIFY_JOB, { dnr: DNR, version: 1 }]]);
    expect(updates.map((u) => u.where)).toEqual([formMessage]);
  });

  test.each([
    ['INVALID_SUBMISSION', anna, { revision: 'x' }],
    ['DRAFT_NOT_FOUND', anna, { dnr: 'KS 2026/999' }],
    ['NOT_DRAFT_OWNER', mallory, {}],
  ] as const)('%s: nothing sent', async (code, who, extra) => {
    const { card, refusals } = await send(who, extra);
    expect([refusalOf(card), refusals]).toEqual([code, [code]]);
    expect(await record()).toBeUndefined();
    expect(await jobs()).toEqual([]);
  });

  test('SECTIONS_MISSING: an empty section refuses the send', async () => {
    const d = await bed.drafts.get(DNR);
    const answer = { ...fullAnswer, sections: { ...(fullAnswer as { sections: object }).sections, analys: '' } };
    await bed.drafts.replace({ ...d!.value, answer } as Draft, d!.eTag);
    const { card, refusals } = await send();
    expect([refusalOf(card), refusals]).toEqual(['SECTIONS_MISSING', ['SECTIONS_MISSING']]);
    expect(await record()).toBeUndefined();
  });

  test('an older copy of the form, or no approver, shows the form again with the reason', async () => {
    for (const [extra, reason] of [
      [{ revision: 2 }, sv.noticeOlderCopy],
      [{ approver: 'not an address' }, sv.errorApprover],
    ] as const) {
      const { card, refusals } = await send(anna, extra);
      expect(refusals).toEqual([]);
      expect(cardText(card)).toContain(reason);
    }
    expect(await record()).toBeUndefined();
  });

  test('sent twice: the second click shows the status and sends nothing', async () => {
    await send();
    const { card, refusals } = await send();
    expect(refusals).toEqual([]);
    const versions = (await record())!.versions;
    expect(versions).toHaveLength(1);
    expect(cardText(card)).toContain(sv.awaitingApproval(1, who(versions[0]!.approver)));
  });

  test('an approver by Entra object id is named from the directory', async () => {
    await bed.people.remember({ ...cecilia, personalChat: ceciliaChat }, NOW);
    await send(anna, { approver: cecilia.aadObjectId });
    expect((await record())!.versions[0]!.approver).toMatchObject({ name: cecilia.name, email: cecilia.email });
  });
});

describe('decide', () => {
  beforeEach(async () => {
    await send();
  });

  test('approved: stored, Godkänd, the draft knows, the cards and the handläggare told, filed', async () => {
    const { card, refusals } = await decide(cecilia, 'approve');
    expect(refusals).toEqual([]);
    const v1 = (await record())!.versions[0]!;
    expect(v1.decision).toMatchObject({ kind: 'approved', by: { name: cecilia.name, email: cecilia.email } });
    expect(cardText(card)).toContain(decisionText('sv', v1));
    expect(await status()).toBe('Godkänd');
    expect((await draft()).approval).toEqual({ approvedVersion: 1 });
    const kinds = (await jobs()).map((j) => j.kind).sort();
    expect(kinds).toEqual([APPROVAL_NOTIFY_JOB, 'card.update', 'filing.file', 'message.text']);
  });

  test('changes requested with a comment: Ändringar begärda, the draft opens with the comment', async () => {
    const { refusals } = await decide(cecilia, 'changes', { comment: '  Förtydliga analysen. ' });
    expect(refusals).toEqual([]);
    expect(await status()).toBe('Ändringar begärda');
    expect((await draft()).approval?.changesRequested).toMatchObject({ version: 1, comment: 'Förtydliga analysen.' });
    expect((await jobs()).map((j) => j.kind)).not.toContain('filing.file');
  });

  test('changes without a comment: the card asks for one and nothing is stored', async () => {
    const { card, refusals } = await decide(cecilia, 'changes', { comment: '   ' });
    expect(refusals).toEqual([]);
    expect(cardText(card)).toContain(sv.errorCommentRequired);
    expect((await record())!.versions[0]!.decision).toBeUndefined();
  });

  test.each([
    ['INVALID_SUBMISSION', cecilia, { decision: 'maybe' }],
    ['REMISS_NOT_FOUND', cecilia, { dnr: 'KS 2026/999' }],
    ['APPROVAL_NOT_FOUND', cecilia, { version: 7 }],
    ['NOT_THE_APPROVER', mallory, {}],
    ['NOT_THE_APPROVER', anna, {}],
  ] as const)('%s: nothing decided', async (code, who, extra) => {
    const { card, refusals } = await decide(who, 'approve', extra);
    expect([refusalOf(card), refusals]).toEqual([code, [code]]);
    expect((await record())!.versions[0]!.decision).toBeUndefined();
    expect(await status()).toBe('För godkännande');
  });

  test('ALREADY_DECIDED: a second decision changes nothing and says what was decided', async () => {
    await decide(cecilia, 'approve');
    const { card, refusals } = await decide(cecilia, 'changes', { comment: 'Ändå inte.' });
    expect([refusalOf(card), refusals]).toEqual(['ALREADY_DECIDED', ['ALREADY_DECIDED']]);
    expect(cardText(card)).toContain(decisionText('sv', (await record())!.versions[0]!));
    expect(await status()).toBe('Godkänd');
  });

  test('NOT_LATEST_VERSION: the old card cannot decide once version 2 is sent', async () => {
    await decide(cecilia, 'changes', { comment: 'Ändra.' });
    await send(anna, { revision: (await draft()).revision });
    const { card, refusals } = await decide(cecilia, 'approve');
    expect([refusalOf(card), refusals]).toEqual(['NOT_LATEST_VERSION', ['NOT_LATEST_VERSION']]);
    expect((await record())!.versions[1]!.decision).toBeUndefined();
  });

  test('a decision that loses the race to another is tried on the fresh state: already decided', async () => {
    // The loser has read the record; the winner decides before it writes.
    let raced = false;
    const turn = featureContextStub(cecilia, { now: NOW });
    turn.ctx.asker = async () => {
      if (!raced) [raced] = [true, await decide(cecilia, 'approve')];
      return cecilia;
    };
    const data = { dnr: DNR, version: 1, decision: 'changes', comment: 'Nej.' };
    const card = await bed.approval.routes.decide(turn.ctx, data);
    expect([raced, refusalOf(card), turn.refusals]).toEqual([true, 'ALREADY_DECIDED', ['ALREADY_DECIDED']]);
    expect((await record())!.versions[0]!.decision?.kind).toBe('approved');
    expect((await jobs()).filter((j) => j.kind === 'filing.file')).toHaveLength(1);
  });
});

describe('download', () => {
  beforeEach(async () => {
    await send();
  });

  test.each([
    ['the approver', cecilia],
    ['the handläggare who sent it', anna],
  ])('%s gets a link to the stored version', async (_who, who) => {
    const { card, refusals } = await act(who, 'download', { dnr: DNR, version: 1 });
    expect(refusals).toEqual([]);
    expect(JSON.stringify(card)).toContain('https://bot.example');
  });

  test.each([
    ['INVALID_SUBMISSION', cecilia, { dnr: DNR }],
    ['APPROVAL_NOT_FOUND', cecilia, { dnr: DNR, version: 2 }],
    ['NOT_THE_APPROVER', mallory, { dnr: DNR, version: 1 }],
  ] as const)('%s', async (code, who, data) => {
    const { card, refusals } = await act(who, 'download', data);
    expect([refusalOf(card), refusals]).toEqual([code, [code]]);
  });

  test('DOCUMENT_NOT_FOUND when the version’s document is gone', async () => {
    await bed.store.delete('approval-documents/KS 2026/42/v1');
    const { card, refusals } = await act(cecilia, 'download', { dnr: DNR, version: 1 });
    expect([refusalOf(card), refusals]).toEqual(['DOCUMENT_NOT_FOUND', ['DOCUMENT_NOT_FOUND']]);
  });
});
