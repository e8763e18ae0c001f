/**
 * Approval's card actions: compose (choose the approver), send, decide (Godkänn / Begär ändringar) and
 * download. Each reads the card's data, checks who may act (the draft's owner sends, the version's approver
 * decides), calls the workflow and maps its outcome to a card; refusals go through ctx.refuse with a code.
 */
import { z } from 'zod';
import { messageCard } from '../../cards/messageCard.js';
import { isApprover, type ApprovalParty } from '../../domain/approval.js';
import { remissvarFileName } from '../../domain/documents/remissvarModel.js';
import { isDraftOwner } from '../../domain/draft.js';
import { positionMissing } from '../../domain/referralAnswer.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';
import { messages } from '../../i18n/messages.js';
import type { DownloadLinks } from '../answer/downloadLinks.js';
import type { DraftRepository } from '../answer/draftRepository.js';
import { cleanText, dnrActionSchema } from '../answer/formInput.js';
import type { AdaptiveCard, Asker, FeatureContext } from '../featureContext.js';
import { approverCard, composeCard, decisionText, requesterStatusCard, type ComposeCardData } from './approvalCards.js';
import { answerReading } from './approvalNotices.js';
import { undoUntil, type ApprovalWorkflow, type Decider } from './approvalWorkflow.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const dnr = z.string().trim().min(1).max(300);
const version = z.number().int().min(1).max(10_000);
/** A message or comment: up to 10 000 characters accepted, cleaned and kept to 2 000. */
const cleanedText = z
  .string()
  .max(10_000)
  .optional()
  .default('')
  .transform((text) => cleanText(text).slice(0, 2000));
const composeSchema = dnrActionSchema.extend({ revision: z.number().int().min(0) });
const sendSchema = z.object({
  dnr,
  revision: z.number().int().min(0),
  approver: z.string().trim().max(320).optional().default(''),
  message: cleanedText,
});
const decideSchema = z.object({
  dnr,
  version,
  decision: z.enum(['approve', 'changes']),
  comment: cleanedText,
});
const versionSchema = z.object({ dnr, version });
const undoSchema = z.object({ dnr, version, decidedAt: z.string().max(40) });

/** How the person pressing a button is recorded on the approval: as sender or as the one who decided. */
export function partyOf(asker: Asker): ApprovalParty {
  return {
    name: asker.name,
    email: asker.email ?? asker.userPrincipalName,
    aadObjectId: asker.aadObjectId,
    teamsUserId: asker.teamsUserId,
  };
}

export interface ApprovalRouteDependencies {
  organisations: OrganisationDirectory;
  drafts: DraftRepository;
  downloads: DownloadLinks;
  undoWindowMs: number;
}

export class ApprovalRoutes {
  constructor(
    private readonly workflow: ApprovalWorkflow,
    private readonly deps: ApprovalRouteDependencies,
  ) {}

  /** "Skicka för godkännande" on the preview: choose the approver and write a message. */
  async compose(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const parsed = composeSchema.safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const loaded = await this.workflow.loadDraft(parsed.data.dnr);
    if (!loaded) return ctx.refuse('DRAFT_NOT_FOUND');
    if (!isDraftOwner(loaded.draft, ctx.sender)) return ctx.refuse('NOT_DRAFT_OWNER');
    if (positionMissing(loaded.remiss, loaded.draft.answer))
      return ctx.refuse('POSITION_MISSING', { backLabel: messages(ctx.language).back });
    return this.composeCard(ctx, { ...loaded, approverValue: '', message: '', error: '' });
  }

  /** "Skicka": the draft's owner sends the answer as it stands to the chosen approver. */
  async send(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const parsed = sendSchema.safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const { revision, approver, message } = parsed.data;
    const loaded = await this.workflow.loadDraft(parsed.data.dnr);
    if (!loaded) return ctx.refuse('DRAFT_NOT_FOUND');
    if (!isDraftOwner(loaded.draft, ctx.sender)) return ctx.refuse('NOT_DRAFT_OWNER');
    const sender = async () => partyOf(await ctx.asker());
    const outcome = await this.workflow.send(loaded, { revision, approver, message }, sender, ctx.now);
    if ('refusal' in outcome) return ctx.refuse(outcome.refusal);
    if ('formError' in outcome) {
      const t = messages(ctx.language);
      const error = outcome.formError === 'outdated' ? t.noticeOlderCopy : t.errorApprover;
      return this.composeCard(ctx, { ...loaded, approverValue: approver, message, error });
    }
    if ('awaiting' in outcome) return requesterStatusCard(ctx.language, loaded.remiss, outcome.awaiting);
    const status = requesterStatusCard(ctx.language, loaded.remiss, outcome.sent);
    if (loaded.draft.formMessage) await ctx.updateCardLater(loaded.draft.formMessage, status);
    return status;
  }

  /** Godkänn / Begär ändringar, from the approver's card. */
  async decide(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const t = messages(ctx.language);
    const parsed = decideSchema.safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const { version, ...request } = parsed.data;
    const remiss = await this.workflow.remiss(request.dnr);
    if (!remiss) return ctx.refuse('REMISS_NOT_FOUND');
    const outcome = await this.workflow.decide(remiss, { version, ...request }, decider(ctx), ctx.now);
    if ('conflicted' in outcome) return messageCard(t.somethingWentWrong);
    if ('refusal' in outcome) {
      if (outcome.refusal === 'NOT_LATEST_VERSION')
        return ctx.refuse(outcome.refusal, { text: t.notLatestVersion(version, outcome.latest.version) });
      if (outcome.refusal === 'ALREADY_DECIDED')
        return ctx.refuse(outcome.refusal, { text: t.alreadyDecided(decisionText(ctx.language, outcome.latest)) });
      return ctx.refuse(outcome.refusal);
    }
    const reading = await answerReading(this.deps.drafts, this.deps.organisations, remiss);
    if ('commentMissing' in outcome)
      return approverCard(ctx.language, remiss, outcome.commentMissing, reading, {
        commentError: t.errorCommentRequired,
      });
    const until = undoUntil(outcome.decided, this.deps.undoWindowMs);
    return approverCard(ctx.language, remiss, outcome.decided, reading, { undoUntil: until });
  }

  /** "Ångra" on the decided card: the undecided card again, or a refusal once the window has closed. */
  async undo(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const parsed = undoSchema.safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const { dnr, version, decidedAt } = parsed.data;
    const remiss = await this.workflow.remiss(dnr);
    if (!remiss) return ctx.refuse('REMISS_NOT_FOUND');
    const outcome = await this.workflow.undo(remiss, version, decidedAt, decider(ctx), ctx.now);
    if ('conflicted' in outcome) return messageCard(messages(ctx.language).somethingWentWrong);
    if ('refusal' in outcome) return ctx.refuse(outcome.refusal);
    const reading = await answerReading(this.deps.drafts, this.deps.organisations, remiss);
    return approverCard(ctx.language, remiss, outcome.undone, reading);
  }

  /** "Ladda ned version N": the exact stored bytes, for the approver or the handläggare who sent it. */
  async download(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const parsed = versionSchema.safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const { dnr, version } = parsed.data;
    const stored = await this.workflow.storedVersion(dnr, version);
    if ('refusal' in stored) return ctx.refuse(stored.refusal);
    const { remiss, entry, document } = stored;
    const asker = await ctx.asker();
    const isSender = entry.sentBy.aadObjectId
      ? entry.sentBy.aadObjectId === asker.aadObjectId
      : entry.sentBy.teamsUserId === asker.teamsUserId;
    if (!isApprover(entry, asker) && !isSender) return ctx.refuse('NOT_THE_APPROVER');
    const fileName = remissvarFileName(dnr, remiss.title).replace(/\.docx$/, ` v${version}.docx`);
    const url = await this.deps.downloads.create(document, fileName, DOCX_TYPE, ctx.now);
    return approverCard(
      ctx.language,
      remiss,
      entry,
      await answerReading(this.deps.drafts, this.deps.organisations, remiss),
      {
        link: { url, label: messages(ctx.language).openDownload },
      },
    );
  }

  /** The compose form, offering the organisation's approvers and the default: the remiss's, else the organisation's. */
  private composeCard(ctx: FeatureContext, d: Omit<ComposeCardData, 'approvers' | 'defaultApprover'>): AdaptiveCard {
    const organisation = this.deps.organisations.of(d.remiss);
    const defaultApprover = d.remiss.approver?.email ?? organisation.defaultApprover ?? '';
    return composeCard(ctx.language, { ...d, approvers: organisation.approvers ?? [], defaultApprover });
  }
}

/**
 * The version's approver may decide: by Entra object id when the activity and the approver both have one,
 * else by the e-mail Teams gives for the presser (looked up only then).
 */
function decider(ctx: FeatureContext): Decider {
  return {
    mayDecide: async (v) => {
      const bothHaveObjectIds = !!(v.approver.aadObjectId && ctx.sender.aadObjectId);
      return isApprover(v, ctx.sender) || (!bothHaveObjectIds && isApprover(v, await ctx.asker()));
    },
    party: async () => partyOf(await ctx.asker()),
  };
}
