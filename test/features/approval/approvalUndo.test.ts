/**
 * "Ångra" in process: a decision undone within the window restores the undecided card, the stored state and
 * the handläggare's view; filing waits for the window to close and claims the version before filing, so an
 * undo and a filing never both succeed; a late, forged or foreign undo is refused with a code.
 */
import { refusalOf } from '../../../src/cards/messageCard.js';
import { APPROVAL_VERBS, approvalModule } from '../../../src/features/approval/index.js';
import { UNDO_WINDOW_MS } from '../../../src/features/approval/approvalWorkflow.js';
import type { Asker } from '../../../src/features/featureContext.js';
import { cardText } from '../../fakes/fakeConnector.js';
import { featureContextStub } from '../../support/featureContextStub.js';
import { anna, approvalTestbed, cecilia, DNR, mallory, NOW, sv } from './approvalTestbed.js';

const { bed, send, decide, jobs, draft, record, status } = approvalTestbed();

const undo = async (who: Asker, minutesLater: number, extra: Record<string, unknown> = {}) => {
  const decidedAt = (await record())!.versions[0]!.decision?.at ?? '';
  const turn = featureContextStub(who, { now: new Date(NOW.getTime() + minutesLater * 60_000) });
  const data = { dnr: DNR, version: 1, decidedAt, ...extra };
  const card = await approvalModule(bed.approval).verbs![APPROVAL_VERBS.undo]!(turn.ctx, data);
  return { ...turn, card };
};
const actionsOf = (card: unknown): { title?: string; verb?: string; data?: Record<string, unknown> }[] =>
  (card as { actions?: [] }).actions ?? [];

beforeEach(async () => {
  await send();
});

test('the decided card offers Ångra until the window closes; filing waits until after it', async () => {
  const { card } = await decide(cecilia, 'approve');
  const decidedAt = (await record())!.versions[0]!.decision!.at;
  const undoAction = actionsOf(card).find((a) => a.verb === APPROVAL_VERBS.undo);
  expect(undoAction).toMatchObject({ title: 'Ångra', data: { dnr: DNR, version: 1, decidedAt } });
  expect(cardText(card)).toContain('Du kan ångra beslutet till 24 november 2026 kl. 11.05.');
  const filing = (await jobs()).find((j) => j.kind === 'filing.file')!;
  expect(filing.payload).toMatchObject({ dnr: DNR, version: 1, decidedAt });
  expect(Date.parse(filing.notBefore)).toBeGreaterThan(Date.parse(decidedAt) + UNDO_WINDOW_MS);
});

test('Ångra within the window: the undecided card, För godkännande, the draft locked again, Anna told', async () => {
  await decide(cecilia, 'approve');
  const { card, refusals } = await undo(cecilia, 4);
  expect(refusals).toEqual([]);
  expect(actionsOf(card).map((a) => a.title)).toEqual(expect.arrayContaining([sv.approve, sv.requestChanges]));
  expect(actionsOf(card).map((a) => a.verb)).not.toContain(APPROVAL_VERBS.undo);
  expect((await record())!.versions[0]!.decision).toBeUndefined();
  expect(await status()).toBe('För godkännande');
  expect((await draft()).approval).toEqual({ awaitingVersion: 1 });
  const told = (await jobs()).filter((j) => j.kind === 'message.text').map((j) => (j.payload as { text: string }).text);
  expect(told).toContain(sv.toldUndone('Trygghetsprogram', cecilia.name!));
  // The approval's filing finds its decision gone and files nothing; a new decision can be taken.
  const filing = (await jobs()).find((j) => j.kind === 'filing.file')!.payload as { decidedAt: string };
  expect(await bed.approvals.claimFiling(DNR, 1, filing.decidedAt, NOW.toISOString())).toBe(false);
  expect((await decide(cecilia, 'approve')).refusals).toEqual([]);
  expect(await status()).toBe('Godkänd');
});

test('Ångra after "Begär ändringar": the form is locked again and the request is waiting', async () => {
  await decide(cecilia, 'changes', { comment: 'Förtydliga analysen.' });
  expect((await undo(cecilia, 1)).refusals).toEqual([]);
  expect((await draft()).approval).toEqual({ awaitingVersion: 1 });
  expect(await status()).toBe('För godkännande');
});

test.each([
  ['UNDO_EXPIRED', 'late', cecilia, 5, {}],
  ['UNDO_EXPIRED', 'forged decision time', cecilia, 1, { decidedAt: '2026-11-24T09:59:00.000Z' }],
  ['NOT_THE_APPROVER', 'someone else', mallory, 1, {}],
  ['NOT_THE_APPROVER', 'the handläggare', anna, 1, {}],
  ['INVALID_SUBMISSION', 'malformed', cecilia, 1, { version: 'one' }],
  ['APPROVAL_NOT_FOUND', 'another version', cecilia, 1, { version: 9 }],
] as const)('%s (%s): the decision stands', async (code, _why, who, minutes, extra) => {
  await decide(cecilia, 'approve');
  const { card, refusals } = await undo(who, minutes, extra);
  expect([refusalOf(card), refusals]).toEqual([code, [code]]);
  expect((await record())!.versions[0]!.decision?.kind).toBe('approved');
  expect(await status()).toBe('Godkänd');
});

test('UNDO_EXPIRED once filing has claimed the version, even inside the window', async () => {
  await decide(cecilia, 'approve');
  const decidedAt = (await record())!.versions[0]!.decision!.at;
  expect(await bed.approvals.claimFiling(DNR, 1, decidedAt, NOW.toISOString())).toBe(true);
  const { card, refusals } = await undo(cecilia, 1);
  expect([refusalOf(card), refusals]).toEqual(['UNDO_EXPIRED', ['UNDO_EXPIRED']]);
  expect(cardText(card)).toContain(sv.undoExpired);
  expect((await record())!.versions[0]!.decision?.kind).toBe('approved');
});

test('an undo and a filing claim racing: exactly one of them wins', async () => {
  await decide(cecilia, 'approve');
  const decidedAt = (await record())!.versions[0]!.decision!.at;
  const [undone, claimed] = await Promise.all([
    undo(cecilia, 4),
    bed.approvals.claimFiling(DNR, 1, decidedAt, NOW.toISOString()),
  ]);
  const undoWon = undone.refusals.length === 0;
  expect(undoWon).toBe(!claimed);
  expect((await record())!.versions[0]!.decision === undefined).toBe(undoWon);
});
