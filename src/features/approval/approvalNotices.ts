/**
 * What approval tells others, through the outbox and after the turn: the approver's card delivered to their
 * chat (the approval.notify job), the cards and the handläggare's message once a version is decided, the
 * filing job for an approved one, and the note on the approver's card once the answer is filed.
 */
import type { ApprovalParty, ApprovalRecord, ApprovalVersion } from '../../domain/approval.js';
import type { Draft } from '../../domain/draft.js';
import type { Language } from '../../domain/language.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';
import type { Remiss } from '../../domain/remiss.js';
import { messages } from '../../i18n/messages.js';
import { CARD_UPDATE_JOB, TEXT_MESSAGE_JOB } from '../../messaging/deliveryJobs.js';
import { RecipientUnreachableError, type Messenger, type PostedCard } from '../../messaging/messenger.js';
import type { Jobs } from '../../outbox/jobs.js';
import { RetryLater, type Outbox } from '../../outbox/outbox.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import type { DraftRepository } from '../answer/draftRepository.js';
import { FILING_JOB } from '../filing/index.js';
import type { PeopleDirectory } from '../people/peopleDirectory.js';
import { approverCard, requesterStatusCard, who } from './approvalCards.js';
import { approverReading, emptyReading, type ApproverReading } from './approvalReading.js';
import { sha256, type ApprovalStore } from './approvalStore.js';
import { APPROVAL_UNDO_CLOSED_JOB, type APPROVAL_NOTIFY_JOB } from './index.js';
import { undoUntil, type DecisionNotices } from './approvalWorkflow.js';

/**
 * Notices to others (the approver's card, the handläggare's chat) are in Swedish, whatever language the
 * person whose action caused them uses: a policy, not an oversight.
 */
const NOTICE_LANGUAGE: Language = 'sv';
const noticeTexts = () => messages(NOTICE_LANGUAGE);

/** Filing starts this long after the undo window closes, so that a slow clock on another instance cannot race it. */
const FILING_GRACE_MS = 30_000;

/** How long a request waits before trying an unreachable approver again. */
const UNREACHABLE_RETRY_MS = 5 * 60_000;

export interface ApprovalNoticeDependencies {
  organisations: OrganisationDirectory;
  register: RemissRepository;
  drafts: DraftRepository;
  approvals: ApprovalStore;
  people: PeopleDirectory;
  outbox: Outbox;
  messenger: Messenger;
  clock: () => Date;
  undoWindowMs: number;
}

/** What the approver reads on their card, from the draft (locked while it is with them). */
export async function answerReading(
  drafts: DraftRepository,
  organisations: OrganisationDirectory,
  remiss: Remiss,
): Promise<ApproverReading> {
  const answer = (await drafts.get(remiss.dnr))?.value.answer;
  return answer ? approverReading(organisations.of(remiss), remiss, answer) : emptyReading;
}

export class ApprovalNotices implements DecisionNotices {
  constructor(private readonly deps: ApprovalNoticeDependencies) {}

  /** Delivers the approver's card (an outbox job): their stored chat, else a 1:1 created through the connector. */
  async deliver({ dnr, version }: Jobs[typeof APPROVAL_NOTIFY_JOB]): Promise<void> {
    const stored = await this.deps.approvals.get(dnr);
    const entry = stored?.value.versions.find((v) => v.version === version);
    const found = await this.deps.register.get(dnr);
    const draft = (await this.deps.drafts.get(dnr))?.value;
    if (!stored || !entry || !found || entry.decision || entry.approverCard) return;
    const person =
      (entry.approver.aadObjectId && (await this.deps.people.get(entry.approver.aadObjectId))) ||
      (entry.approver.email && (await this.deps.people.findByEmail(entry.approver.email))) ||
      undefined;
    const via = draft?.formMessage;
    let chat = person?.personalChat;
    if (!chat && via && (person?.teamsUserId || entry.approver.aadObjectId)) {
      try {
        chat = await this.deps.messenger.openPersonalChat(
          { teamsUserId: person?.teamsUserId, aadObjectId: entry.approver.aadObjectId },
          { serviceUrl: via.serviceUrl, channelId: via.channelId, tenantId: via.tenantId, botId: via.botId },
        );
      } catch (err) {
        if (!(err instanceof RecipientUnreachableError)) throw err;
      }
    }
    if (!chat) {
      await this.tellUnreachable(stored.value, entry, via);
      throw new RetryLater(UNREACHABLE_RETRY_MS, 'approver not reachable in Teams yet');
    }
    const card = approverCard(NOTICE_LANGUAGE, found.remiss, entry, await this.reading(found.remiss));
    const posted = await this.deps.messenger.post(chat, card);
    await this.deps.approvals.changeVersion(dnr, version, (v) => ({ ...v, approverCard: posted }));
  }

  /**
   * Both cards show the decision (the approver's with "Ångra" until the window closes, then without), the
   * handläggare is told, and an approved version goes to filing once the window has closed.
   */
  async decided(remiss: Remiss, decided: ApprovalVersion, draft: Draft | undefined): Promise<void> {
    const t = noticeTexts();
    const d = decided.decision!;
    const approved = d.kind === 'approved';
    const reading = await this.reading(remiss);
    const until = undoUntil(decided, this.deps.undoWindowMs);
    // Jobs to run when the window closes: now when undo is off.
    const delayMs = until ? Math.max(0, until.getTime() - this.deps.clock().getTime()) : 0;
    const idPart = `${sha256(Buffer.from(remiss.dnr)).slice(0, 16)}-v${decided.version}`;
    if (decided.approverCard) {
      const where = decided.approverCard;
      const card = approverCard(NOTICE_LANGUAGE, remiss, decided, reading, { undoUntil: until });
      await this.deps.outbox.enqueue(CARD_UPDATE_JOB, { where, card });
      // The card loses "Ångra" when the window closes, unless the decision was undone meanwhile.
      if (until)
        await this.deps.outbox.enqueue(
          APPROVAL_UNDO_CLOSED_JOB,
          { dnr: remiss.dnr, version: decided.version, decidedAt: d.at },
          { id: `approval-undo-closed-${idPart}-${Date.parse(d.at)}`, delayMs },
        );
    }
    const told = approved
      ? t.toldApproved(remiss.title, who(d.by))
      : t.toldChanges(remiss.title, who(d.by), d.comment ?? '');
    await this.tellRequester(remiss, decided, draft, told);
    if (approved)
      await this.deps.outbox.enqueue(
        FILING_JOB,
        { dnr: remiss.dnr, version: decided.version, hash: decided.hash, decidedAt: d.at },
        // One filing per decision: an undone approval's job finds its decision gone and files nothing.
        { id: `filing-${idPart}-${Date.parse(d.at)}`, delayMs: until ? delayMs + FILING_GRACE_MS : 0 },
      );
  }

  /** "Ångra": both cards are undecided again and the handläggare is told. */
  async undone(remiss: Remiss, undecided: ApprovalVersion, draft: Draft | undefined, by: ApprovalParty): Promise<void> {
    if (undecided.approverCard)
      await this.deps.outbox.enqueue(CARD_UPDATE_JOB, {
        where: undecided.approverCard,
        card: approverCard(NOTICE_LANGUAGE, remiss, undecided, await this.reading(remiss)),
      });
    await this.tellRequester(remiss, undecided, draft, noticeTexts().toldUndone(remiss.title, who(by)));
  }

  /** When the undo window closes: the approver's card without "Ångra", if that decision still stands. */
  async undoClosed({ dnr, version, decidedAt }: Jobs[typeof APPROVAL_UNDO_CLOSED_JOB]): Promise<void> {
    const [found, record] = await Promise.all([this.deps.register.get(dnr), this.deps.approvals.get(dnr)]);
    const v = record?.value.versions.find((x) => x.version === version);
    if (!found || !v?.approverCard || v.decision?.at !== decidedAt) return;
    // Filing may have put its note on the card already; then the card is left as it is.
    if (v.filingClaimedAt) return;
    const card = approverCard(NOTICE_LANGUAGE, found.remiss, v, await this.reading(found.remiss));
    await this.deps.outbox.enqueue(CARD_UPDATE_JOB, { where: v.approverCard, card });
  }

  /** The handläggare's status card follows the version, and they are told in their chat. */
  private async tellRequester(remiss: Remiss, v: ApprovalVersion, draft: Draft | undefined, text: string) {
    if (!draft?.formMessage) return;
    const record: ApprovalRecord = { schemaVersion: 1, dnr: remiss.dnr, versions: [v] };
    await this.deps.outbox.enqueue(CARD_UPDATE_JOB, {
      where: draft.formMessage,
      card: requesterStatusCard(NOTICE_LANGUAGE, remiss, record),
    });
    await this.deps.outbox.enqueue(TEXT_MESSAGE_JOB, { to: draft.formMessage, text });
  }

  /** After filing, the approver's card shows where the answer is: a link where it opens in a browser (SharePoint). */
  async showFiled(dnr: string, version: number, filed: { url: string; name: string }): Promise<void> {
    const [found, record] = await Promise.all([this.deps.register.get(dnr), this.deps.approvals.get(dnr)]);
    const v = record?.value.versions.find((x) => x.version === version);
    if (!found || !v?.approverCard) return;
    const t = noticeTexts();
    const card = approverCard(NOTICE_LANGUAGE, found.remiss, v, await this.reading(found.remiss), {
      link: /^https?:/.test(filed.url) ? { url: filed.url, label: t.openFiled } : undefined,
      note: t.filedAs(filed.name),
    });
    await this.deps.outbox.enqueue(CARD_UPDATE_JOB, { where: v.approverCard, card });
  }

  private reading(remiss: Remiss): Promise<ApproverReading> {
    return answerReading(this.deps.drafts, this.deps.organisations, remiss);
  }

  /** The handläggare is told once that the approver cannot be reached yet (they have not opened Remissbot). */
  private async tellUnreachable(
    record: ApprovalRecord,
    entry: ApprovalVersion,
    via: PostedCard | undefined,
  ): Promise<void> {
    if (entry.unreachableToldAt || !via) return;
    await this.deps.messenger.postText(via, noticeTexts().approverUnreachable(who(entry.approver)));
    await this.deps.approvals.changeVersion(record.dnr, entry.version, (v) => ({
      ...v,
      unreachableToldAt: this.deps.clock().toISOString(),
    }));
  }
}
