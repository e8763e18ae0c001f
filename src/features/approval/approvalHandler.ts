/**
 * Manager approval: the handläggare sends the frozen version N to an approver, who approves or asks for
 * changes from one card. Every decision is reloaded by dnr, checked against the stored approver and the
 * latest version, and written conditionally, so concurrent or forged clicks change nothing twice.
 * Delivery and card updates run in the outbox, after the turn.
 */
import {
  isApprover,
  latestVersion,
  type ApprovalParty,
  type ApprovalRecord,
  type ApprovalVersion,
} from '../../domain/approval.js';
import { missingSections } from '../../domain/answer.js';
import { todayIn } from '../../domain/calendar.js';
import { remissvarFileName } from '../../domain/documents/remissvarModel.js';
import { buildRemissvarDocx } from '../../domain/documents/remissvarDocx.js';
import { isDraftOwner, type Draft } from '../../domain/draft.js';
import type { Organisation } from '../../domain/organisation.js';
import type { Remiss, RemissStatus } from '../../domain/remiss.js';
import { messages } from '../../i18n/messages.js';
import type { Messenger, PostedCard } from '../../messaging/messenger.js';
import { RecipientUnreachableError } from '../../messaging/messenger.js';
import { RetryLater, type Outbox } from '../../outbox/outbox.js';
import type { JobHandlers } from '../../outbox/jobs.js';
import { CARD_UPDATE_JOB, TEXT_MESSAGE_JOB } from '../../messaging/deliveryJobs.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import { changeStatus } from '../../register/statusChanges.js';
import { writeUnlessRaced, retryOnConflict } from '../../storage/conditionalUpdate.js';
import type { DownloadLinks } from '../answer/downloadLinks.js';
import type { DraftRepository } from '../answer/draftRepository.js';
import { cleanText, dnrActionSchema } from '../answer/formInput.js';
import { messageCard } from '../../cards/messageCard.js';
import type { AdaptiveCard, FeatureContext } from '../featureContext.js';
import type { PeopleDirectory } from '../people/peopleDirectory.js';
import { sha256, type ApprovalStore } from './approvalStore.js';
import {
  approverCard,
  composeCard,
  decisionText,
  requesterStatusCard,
  who,
  type ComposeCardData,
} from './approvalCards.js';
import { z } from 'zod';

export const APPROVAL_NOTIFY_JOB = 'approval.notify';

declare module '../../outbox/jobs.js' {
  interface Jobs {
    /** Posts the approval request to the approver of that version. */
    [APPROVAL_NOTIFY_JOB]: { dnr: string; version: number };
  }
}
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** How long a request waits before trying an unreachable approver again. */
const UNREACHABLE_RETRY_MS = 5 * 60_000;

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sendSchema = z.object({
  dnr: z.string().trim().min(1).max(300),
  revision: z.number().int().min(0),
  approver: z.string().trim().max(320).optional().default(''),
  message: z.string().max(10_000).optional().default(''),
});
const decideSchema = z.object({
  dnr: z.string().trim().min(1).max(300),
  version: z.number().int().min(1).max(10_000),
  decision: z.enum(['approve', 'changes']),
  comment: z.string().max(10_000).optional().default(''),
});
const versionSchema = z.object({
  dnr: z.string().trim().min(1).max(300),
  version: z.number().int().min(1).max(10_000),
});

export interface ApprovalDependencies {
  organisation: Organisation;
  register: RemissRepository;
  drafts: DraftRepository;
  approvals: ApprovalStore;
  people: PeopleDirectory;
  outbox: Outbox;
  messenger: Messenger;
  downloads: DownloadLinks;
  clock: () => Date;
}

export class ApprovalFeature {
  constructor(private readonly deps: ApprovalDependencies) {}

  readonly jobs: JobHandlers = { [APPROVAL_NOTIFY_JOB]: (payload) => this.deliver(payload) };

  /** "Skicka för godkännande" on the preview: choose the approver and write a message. */
  async compose(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const parsed = dnrActionSchema.extend({ revision: z.number().int().min(0) }).safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const loaded = await this.loadDraft(parsed.data.dnr);
    if (!loaded) return ctx.refuse('DRAFT_NOT_FOUND');
    if (!isDraftOwner(loaded.draft, ctx.sender)) return ctx.refuse('NOT_DRAFT_OWNER');
    return this.composeCard(ctx, {
      remiss: loaded.remiss,
      draft: loaded.draft,
      approverValue: '',
      message: '',
      error: '',
    });
  }

  async send(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const t = messages(ctx.language);
    const parsed = sendSchema.safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const { dnr, revision, approver: approverValue } = parsed.data;
    const message = cleanText(parsed.data.message).slice(0, 2000);
    const loaded = await this.loadDraft(dnr);
    if (!loaded) return ctx.refuse('DRAFT_NOT_FOUND');
    if (!isDraftOwner(loaded.draft, ctx.sender)) return ctx.refuse('NOT_DRAFT_OWNER');
    const { remiss, draft, eTag } = loaded;
    if (draft.approval?.awaitingVersion)
      return requesterStatusCard(ctx.language, remiss, (await this.deps.approvals.get(dnr))?.value);
    if (draft.revision !== revision)
      return this.composeCard(ctx, {
        remiss: remiss,
        draft: draft,
        approverValue: approverValue,
        message: message,
        error: t.noticeOlderCopy,
      });
    if (draft.answer.kind === 'answer' && missingSections(draft.answer.sections).length > 0)
      return ctx.refuse('SECTIONS_MISSING');
    const approver = await this.resolveApprover(approverValue);
    if (!approver)
      return this.composeCard(ctx, {
        remiss: remiss,
        draft: draft,
        approverValue: approverValue,
        message: message,
        error: t.errorApprover,
      });

    const asker = await ctx.asker();
    const now = ctx.now;
    const documentDate = todayIn(now);
    const bytes = await buildRemissvarDocx({
      organisation: this.deps.organisation,
      remiss,
      answer: draft.answer,
      documentDate,
    });
    const existing = await this.deps.approvals.get(dnr);
    const record: ApprovalRecord = existing?.value ?? { schemaVersion: 1, dnr, versions: [] };
    const version = record.versions.length + 1;
    const sentBy: ApprovalParty = {
      name: asker.name,
      email: asker.email ?? asker.userPrincipalName,
      aadObjectId: asker.aadObjectId,
      teamsUserId: asker.teamsUserId,
    };
    const hash = sha256(bytes);
    const entry: ApprovalVersion = {
      version,
      hash,
      documentDate,
      sentAt: now.toISOString(),
      sentBy,
      approver,
      message,
    };
    // The draft is locked first: a second click of "Skicka" loses this race and sends nothing.
    const locked: Draft = {
      ...draft,
      frozenDate: documentDate,
      approval: { ...draft.approval, awaitingVersion: version, changesRequested: undefined },
      updatedAt: now.toISOString(),
    };
    const won = await writeUnlessRaced(() => this.deps.drafts.replace(locked, eTag, { stepChanged: true }));
    if (!won) return requesterStatusCard(ctx.language, remiss, existing?.value);
    await this.deps.approvals.putDocument(dnr, version, bytes);
    const saved = { ...record, versions: [...record.versions, entry] };
    await this.deps.approvals.save(saved, existing?.eTag);
    await this.setStatus(dnr, 'För godkännande', {
      at: now.toISOString(),
      kind: 'approvalRequested',
      version,
      hash,
      by: who(sentBy),
      approver: who(approver),
    });
    await this.deps.outbox.enqueue(
      APPROVAL_NOTIFY_JOB,
      { dnr, version },
      { id: `approval-notify-${sha256(Buffer.from(dnr)).slice(0, 16)}-v${version}` },
    );
    const status = requesterStatusCard(ctx.language, remiss, saved);
    if (locked.formMessage) await ctx.updateCardLater(locked.formMessage, status);
    return status;
  }

  /** Godkänn / Begär ändringar, from the approver's card. */
  async decide(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const t = messages(ctx.language);
    const parsed = decideSchema.safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const { dnr, version, decision } = parsed.data;
    const comment = cleanText(parsed.data.comment).slice(0, 2000);
    const found = await this.deps.register.get(dnr);
    if (!found) return ctx.refuse('REMISS_NOT_FOUND');
    // A conflict can come from a write that is not a decision (the outbox recording where it posted the
    // approver's card): then the decision is tried again on what is stored now.
    return retryOnConflict(
      async () => {
        const stored = await this.deps.approvals.get(dnr);
        const latest = latestVersion(stored?.value);
        const target = stored?.value.versions.find((v) => v.version === version);
        if (!stored || !latest || !target) return ctx.refuse('APPROVAL_NOT_FOUND');
        // Identity first: a forged click by someone else learns nothing about the approval's state.
        const bothHaveObjectIds = !!(target.approver.aadObjectId && ctx.sender.aadObjectId);
        const allowed = isApprover(target, ctx.sender) || (!bothHaveObjectIds && isApprover(target, await ctx.asker()));
        if (!allowed) return ctx.refuse('NOT_THE_APPROVER');
        if (version !== latest.version)
          return ctx.refuse('NOT_LATEST_VERSION', { text: t.notLatestVersion(version, latest.version) });
        if (latest.decision)
          return ctx.refuse('ALREADY_DECIDED', { text: t.alreadyDecided(decisionText(ctx.language, latest)) });
        if (decision === 'changes' && !comment)
          return approverCard(ctx.language, found.remiss, latest, await this.summaryOf(dnr), {
            commentError: t.errorCommentRequired,
          });

        const asker = await ctx.asker();
        const by: ApprovalParty = {
          name: asker.name,
          email: asker.email ?? asker.userPrincipalName,
          aadObjectId: asker.aadObjectId,
          teamsUserId: asker.teamsUserId,
        };
        const decided: ApprovalVersion = {
          ...latest,
          decision: {
            kind: decision === 'approve' ? 'approved' : 'changesRequested',
            by,
            at: ctx.now.toISOString(),
            comment: comment || undefined,
          },
        };
        const record = { ...stored.value, versions: [...stored.value.versions.slice(0, -1), decided] };
        await this.deps.approvals.save(record, stored.eTag);
        await this.afterDecision(ctx, found.remiss, decided);
        return approverCard(ctx.language, found.remiss, decided, await this.summaryOf(dnr));
      },
      { attempts: 5, exhausted: () => messageCard(t.somethingWentWrong) },
    );
  }

  /** "Ladda ned version N": the exact stored bytes, for the approver or the handläggare. */
  async download(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const t = messages(ctx.language);
    const parsed = versionSchema.safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const { dnr, version } = parsed.data;
    const record = (await this.deps.approvals.get(dnr))?.value;
    const entry = record?.versions.find((v) => v.version === version);
    const found = await this.deps.register.get(dnr);
    const doc = entry && (await this.deps.approvals.getDocument(dnr, version));
    if (!entry || !found) return ctx.refuse('APPROVAL_NOT_FOUND');
    if (!doc) return ctx.refuse('DOCUMENT_NOT_FOUND');
    const asker = await ctx.asker();
    const isSender = entry.sentBy.aadObjectId
      ? entry.sentBy.aadObjectId === asker.aadObjectId
      : entry.sentBy.teamsUserId === asker.teamsUserId;
    if (!isApprover(entry, asker) && !isSender) return ctx.refuse('NOT_THE_APPROVER');
    const fileName = remissvarFileName(dnr, found.remiss.title).replace(/\.docx$/, ` v${version}.docx`);
    const url = await this.deps.downloads.create(doc.bytes, fileName, DOCX_TYPE, ctx.now);
    return approverCard(ctx.language, found.remiss, entry, await this.summaryOf(dnr), {
      link: { url, label: t.openDownload },
    });
  }

  /** Delivers the approver's card (an outbox job): their stored chat, else a 1:1 created through the connector. */
  private async deliver({ dnr, version }: { dnr: string; version: number }): Promise<void> {
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
    const card = approverCard('sv', found.remiss, entry, await this.summaryOf(dnr));
    const posted = await this.deps.messenger.post(chat, card);
    await this.updateVersion(dnr, version, (v) => ({ ...v, approverCard: posted }));
  }

  private async tellUnreachable(
    record: ApprovalRecord,
    entry: ApprovalVersion,
    via: PostedCard | undefined,
  ): Promise<void> {
    if (entry.unreachableToldAt || !via) return;
    await this.deps.messenger.postText(via, messages('sv').approverUnreachable(who(entry.approver)));
    await this.updateVersion(record.dnr, entry.version, (v) => ({
      ...v,
      unreachableToldAt: this.deps.clock().toISOString(),
    }));
  }

  private async updateVersion(
    dnr: string,
    version: number,
    change: (v: ApprovalVersion) => ApprovalVersion,
  ): Promise<void> {
    await retryOnConflict(
      async () => {
        const stored = await this.deps.approvals.get(dnr);
        if (!stored) return;
        const versions = stored.value.versions.map((v) => (v.version === version ? change(v) : v));
        await this.deps.approvals.save({ ...stored.value, versions }, stored.eTag);
      },
      { exhausted: () => undefined },
    );
  }

  private async afterDecision(ctx: FeatureContext, remiss: Remiss, decided: ApprovalVersion): Promise<void> {
    const t = messages('sv');
    const d = decided.decision!;
    const approved = d.kind === 'approved';
    const at = ctx.now.toISOString();
    await this.setStatus(
      remiss.dnr,
      approved ? 'Godkänd' : 'Återremitterad',
      approved
        ? { at, kind: 'approved', version: decided.version, hash: decided.hash, by: who(d.by) }
        : {
            at,
            kind: 'changesRequested',
            version: decided.version,
            hash: decided.hash,
            by: who(d.by),
            comment: d.comment ?? '',
          },
    );
    const draft = await this.updateDraft(remiss.dnr, (dr) => ({
      ...dr,
      approval: approved
        ? { approvedVersion: decided.version }
        : { changesRequested: { version: decided.version, comment: d.comment ?? '', by: who(d.by), at } },
    }));
    const summary = await this.summaryOf(remiss.dnr);
    if (decided.approverCard)
      await this.deps.outbox.enqueue(CARD_UPDATE_JOB, {
        where: decided.approverCard,
        card: approverCard('sv', remiss, decided, summary),
      });
    if (draft?.formMessage) {
      await this.deps.outbox.enqueue(CARD_UPDATE_JOB, {
        where: draft.formMessage,
        card: requesterStatusCard('sv', remiss, { schemaVersion: 1, dnr: remiss.dnr, versions: [decided] }),
      });
      await this.deps.outbox.enqueue(TEXT_MESSAGE_JOB, {
        to: draft.formMessage,
        text: approved
          ? t.toldApproved(remiss.title, who(d.by))
          : t.toldChanges(remiss.title, who(d.by), d.comment ?? ''),
      });
    }
    if (approved)
      await this.deps.outbox.enqueue(
        'filing.file',
        { dnr: remiss.dnr, version: decided.version, hash: decided.hash },
        { id: `filing-${sha256(Buffer.from(remiss.dnr)).slice(0, 16)}-v${decided.version}` },
      );
  }

  private async updateDraft(dnr: string, change: (d: Draft) => Draft): Promise<Draft | undefined> {
    return retryOnConflict(
      async () => {
        const stored = await this.deps.drafts.get(dnr);
        if (!stored) return undefined;
        const next = {
          ...change(stored.value),
          revision: stored.value.revision + 1,
          updatedAt: this.deps.clock().toISOString(),
        };
        await this.deps.drafts.replace(next, stored.eTag, { stepChanged: true });
        return next;
      },
      { exhausted: () => undefined },
    );
  }

  private setStatus(dnr: string, status: RemissStatus, entry: Remiss['history'][number]): Promise<void> {
    return changeStatus(this.deps.register, dnr, status, {
      at: entry.at,
      by: 'by' in entry && entry.by ? entry.by : '',
      entry,
    });
  }

  private async resolveApprover(value: string): Promise<ApprovalParty | undefined> {
    const v = value.trim();
    if (EMAIL.test(v)) {
      const email = v.toLowerCase();
      const person = await this.deps.people.findByEmail(email);
      const configured = this.deps.organisation.approvers?.find((a) => a.email.toLowerCase() === email);
      return {
        email,
        name: person?.name ?? configured?.name,
        aadObjectId: person?.aadObjectId,
        teamsUserId: person?.teamsUserId,
      };
    }
    if (GUID.test(v)) {
      const person = await this.deps.people.get(v);
      return { aadObjectId: v, email: person?.email, name: person?.name, teamsUserId: person?.teamsUserId };
    }
    return undefined;
  }

  private async loadDraft(dnr: string): Promise<{ remiss: Remiss; draft: Draft; eTag: string } | undefined> {
    const [found, draft] = await Promise.all([this.deps.register.get(dnr), this.deps.drafts.get(dnr)]);
    return found && draft ? { remiss: found.remiss, draft: draft.value, eTag: draft.eTag } : undefined;
  }

  private async summaryOf(dnr: string): Promise<string> {
    const answer = (await this.deps.drafts.get(dnr))?.value.answer;
    if (!answer) return '';
    return (answer.kind === 'answer' ? answer.sections.sammanfattning : answer.reason).slice(0, 3000);
  }

  /** The compose form, offering the organisation's approvers and the default: the remiss's, else the organisation's. */
  private composeCard(ctx: FeatureContext, d: Omit<ComposeCardData, 'approvers' | 'defaultApprover'>): AdaptiveCard {
    const defaultApprover = d.remiss.approver?.email ?? this.deps.organisation.defaultApprover ?? '';
    return composeCard(ctx.language, { ...d, approvers: this.deps.organisation.approvers ?? [], defaultApprover });
  }

  /** After filing, the approver's card shows where the answer is: a link where it opens in a browser (SharePoint). */
  async showFiled(dnr: string, version: number, filed: { url: string; name: string }): Promise<void> {
    const [found, record] = await Promise.all([this.deps.register.get(dnr), this.deps.approvals.get(dnr)]);
    const v = record?.value.versions.find((x) => x.version === version);
    if (!found || !v?.approverCard) return;
    const t = messages('sv');
    const card = approverCard('sv', found.remiss, v, await this.summaryOf(dnr), {
      link: /^https?:/.test(filed.url) ? { url: filed.url, label: t.openFiled } : undefined,
      note: t.filedAs(filed.name),
    });
    await this.deps.outbox.enqueue(CARD_UPDATE_JOB, { where: v.approverCard, card });
  }
}
