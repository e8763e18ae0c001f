/**
 * The guided answer: start or resume a draft, save each step as a new revision, preview, download, and the
 * one-step Avstår answer. Card data is never trusted: the remiss and the draft are loaded by dnr on every
 * action, the submitter is checked against the stored owner, and the card's revision against the draft's.
 */
import { emptySections, missingSections, type Answer, type AnswerDetails } from '../../domain/answer.js';
import { suggestedBakgrund } from '../../domain/answerPhrasing.js';
import { todayIn } from '../../domain/calendar.js';
import { remissvarFileName } from '../../domain/documents/remissvarModel.js';
import { buildRemissvarDocx } from '../../domain/documents/remissvarDocx.js';
import { isDraftOwner, type Draft } from '../../domain/draft.js';
import type { Organisation } from '../../domain/organisation.js';
import { isAssignedTo, isOpen, type Remiss } from '../../domain/remiss.js';
import { messages } from '../../i18n/messages.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import { changeStatus } from '../../register/statusChanges.js';
import type { RecordStore } from '../../storage/store.js';
import { StoreConflictError } from '../../storage/store.js';
import { messageCard } from '../../cards/messageCard.js';
import type { AdaptiveCard, Asker, FeatureContext, PostedCard } from '../featureContext.js';
import type { DownloadLinks } from './downloadLinks.js';
import type { DraftRepository } from './draftRepository.js';
import {
  dnrActionSchema,
  formActionSchema,
  parseDetails,
  parseSectionText,
  type FieldErrors,
  type FormAction,
} from './formInput.js';
import { formSteps } from './formSteps.js';
import { formCard, meetingChoices, type FormViewOptions } from './formView.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Input ids on the form card; anything else in the card data is ignored. */
const INPUT_IDS = ['name', 'email', 'phone', 'meeting', 'adjust', 'text'] as const;

interface UserProfile {
  schemaVersion: 1;
  phone: string;
}

export interface AnswerFeatureDependencies {
  organisation: Organisation;
  register: RemissRepository;
  drafts: DraftRepository;
  store: RecordStore;
  downloads: DownloadLinks;
}

type Loaded = { remiss: Remiss; draft: Draft; eTag: string };

export class AnswerFeature {
  constructor(private readonly deps: AnswerFeatureDependencies) {}

  private get org(): Organisation {
    return this.deps.organisation;
  }

  /** "Fortsätt (steg N av M)" for the due list, when a draft exists. */
  async progress(dnr: string): Promise<{ step: number; total: number } | undefined> {
    const draft = (await this.deps.drafts.get(dnr))?.value;
    if (!draft) return undefined;
    return { step: draft.step, total: formSteps(draft.answer.kind, this.org, 'sv').length };
  }

  /** "besvara <dnr>" typed in chat: the form is posted as a new card (in the 1:1 chat when asked elsewhere). */
  async startFromMessage(
    ctx: FeatureContext,
    dnr: string,
    kind: Answer['kind'] = 'answer',
  ): Promise<AdaptiveCard | undefined> {
    const opened = await this.open(ctx, dnr, kind);
    if ('refusal' in opened) return opened.refusal;
    const card = this.render(ctx, opened, {});
    if (ctx.conversationKind !== 'personal') {
      await this.post(opened, await ctx.sendToPersonalChat(card));
      return messageCard(messages(ctx.language).openedInPersonalChat);
    }
    await this.post(opened, await ctx.reply(card));
    return undefined;
  }

  /** "Besvara" / "Fortsätt" / "Avstå" on a card: the clicked card becomes the form (or the 1:1 chat gets it). */
  async startFromCard(ctx: FeatureContext, data: unknown, kind: Answer['kind']): Promise<AdaptiveCard> {
    const parsed = dnrActionSchema.safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const opened = await this.open(ctx, parsed.data.dnr, kind);
    if ('refusal' in opened) return opened.refusal;
    const card = this.render(ctx, opened, {});
    if (ctx.conversationKind !== 'personal') {
      await this.post(opened, await ctx.sendToPersonalChat(card));
      return messageCard(messages(ctx.language).openedInPersonalChat, { backLabel: messages(ctx.language).back });
    }
    if (ctx.invokedCard) await this.post(opened, ctx.invokedCard);
    return card;
  }

  /** Teams asks the owner's client for the current card (refresh); others see it read-only. */
  async refresh(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const parsed = dnrActionSchema.safeParse(data);
    const loaded = parsed.success ? await this.load(parsed.data.dnr) : undefined;
    if (!loaded) return ctx.refuse('CARD_OUTDATED');
    return this.render(ctx, loaded, isDraftOwner(loaded.draft, ctx.sender) ? {} : this.readOnly(ctx, loaded.draft));
  }

  async save(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const t = messages(ctx.language);
    const parsed = formActionSchema.safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const action = parsed.data;
    const loaded = await this.load(action.dnr);
    if (!loaded) return ctx.refuse('REMISS_NOT_FOUND');
    const asker = ctx.sender;
    if (!isDraftOwner(loaded.draft, asker)) return this.render(ctx, loaded, this.readOnly(ctx, loaded.draft));
    if (loaded.draft.approval?.awaitingVersion || loaded.draft.approval?.approvedVersion)
      return this.render(ctx, loaded, this.locked(ctx));
    const fields = submittedFields(data);

    if (action.revision !== loaded.draft.revision) return this.olderCopy(ctx, loaded, action, fields, asker);

    const applied = this.apply(ctx, loaded, action, data);
    if ('errors' in applied) return this.render(ctx, loaded, { errors: applied.errors, typed: fields });

    await this.deps.drafts.recordSubmission({
      schemaVersion: 1,
      dnr: action.dnr,
      at: ctx.now.toISOString(),
      by: asker.aadObjectId ?? asker.teamsUserId,
      basedOn: action.revision,
      step: action.step,
      applied: true,
      fields,
    });
    let eTag: string;
    try {
      eTag = await this.deps.drafts.replace(applied.draft, loaded.eTag, {
        stepChanged: applied.draft.step !== loaded.draft.step,
      });
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err;
      // Another save won the race: this one is kept in the history, and the newest version is shown.
      const newest = await this.load(action.dnr);
      return newest
        ? this.render(ctx, newest, { notice: { text: t.noticeOlderCopy, style: 'warning' } })
        : ctx.refuse('REMISS_NOT_FOUND');
    }
    if (action.step === 1 && applied.draft.answer.details.handlaggarePhone) {
      await this.deps.store.put<UserProfile>(profileKey(asker), {
        schemaVersion: 1,
        phone: applied.draft.answer.details.handlaggarePhone,
      });
    }
    const saved: Loaded = { remiss: loaded.remiss, draft: applied.draft, eTag };
    const notice =
      applied.notice ?? (action.nav === 'save' ? { text: t.noticeSaved, style: 'good' as const } : undefined);
    const card = this.render(ctx, saved, { notice });
    // A save from another copy of the form replaces the posted form card after this turn. A save from the posted
    // card itself is answered by this card alone: updating it as well renders it a second time, a moment later,
    // and wipes what the user has begun typing in the next step (other devices get the step through refresh).
    const form = saved.draft.formMessage;
    if (form && !isSameCard(form, ctx.invokedCard))
      await ctx.updateCardLater(form, this.render(ctx, saved, {}), {
        dnr: saved.draft.dnr,
        revision: saved.draft.revision,
      });
    return card;
  }

  async download(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const t = messages(ctx.language);
    const parsed = dnrActionSchema.safeParse(data);
    const loaded = parsed.success ? await this.load(parsed.data.dnr) : undefined;
    if (!loaded) return ctx.refuse('CARD_OUTDATED');
    if (!isDraftOwner(loaded.draft, ctx.sender)) return this.render(ctx, loaded, this.readOnly(ctx, loaded.draft));
    const documentDate = this.documentDate(ctx, loaded.draft);
    const bytes = await buildRemissvarDocx({
      organisation: this.org,
      remiss: loaded.remiss,
      answer: loaded.draft.answer,
      documentDate,
    });
    const fileName = remissvarFileName(loaded.remiss.dnr, loaded.remiss.title);
    const url = await this.deps.downloads.create(bytes, fileName, DOCX_TYPE, ctx.now);
    return this.render(ctx, loaded, {
      notice: { text: t.downloadReady(fileName), style: 'good' },
      link: { url, title: t.openDownload },
    });
  }

  private documentDate(ctx: FeatureContext, draft: Draft): string {
    return draft.frozenDate ?? todayIn(ctx.now);
  }

  private render(
    ctx: FeatureContext,
    loaded: Loaded,
    options: Omit<FormViewOptions, 'language' | 'documentDate'>,
  ): AdaptiveCard {
    const approval = loaded.draft.approval;
    const locked = !!(approval?.awaitingVersion || approval?.approvedVersion);
    // A request for changes stays at the top of the form until the next version is sent.
    const changes = approval?.changesRequested;
    const notice =
      options.notice ??
      (locked
        ? this.locked(ctx).notice
        : changes
          ? {
              text: messages(ctx.language).changesRequestedNotice(changes.by, changes.comment),
              style: 'warning' as const,
            }
          : undefined);
    return formCard(this.org, loaded.remiss, loaded.draft, {
      ...options,
      readOnly: options.readOnly || locked,
      notice,
      canSendForApproval: !locked,
      language: ctx.language,
      documentDate: this.documentDate(ctx, loaded.draft),
    });
  }

  /** Sent for approval (or approved): the form is shown read-only until changes are requested. */
  private locked(ctx: FeatureContext): Omit<FormViewOptions, 'language' | 'documentDate'> {
    return { readOnly: true, notice: { text: messages(ctx.language).editingClosed, style: 'accent' } };
  }

  private readOnly(ctx: FeatureContext, draft: Draft): Omit<FormViewOptions, 'language' | 'documentDate'> {
    const owner = draft.owner.name ?? draft.owner.email ?? draft.answer.details.handlaggareName;
    return { readOnly: true, notice: { text: messages(ctx.language).noticeReadOnly(owner), style: 'warning' } };
  }

  private async load(dnr: string): Promise<Loaded | undefined> {
    const [found, draft] = await Promise.all([this.deps.register.get(dnr), this.deps.drafts.get(dnr)]);
    if (!found || !draft) return undefined;
    return { remiss: found.remiss, draft: draft.value, eTag: draft.eTag };
  }

  private async olderCopy(
    ctx: FeatureContext,
    loaded: Loaded,
    action: FormAction,
    fields: Record<string, string>,
    asker: Asker,
  ): Promise<AdaptiveCard> {
    await this.deps.drafts.recordSubmission({
      schemaVersion: 1,
      dnr: action.dnr,
      at: ctx.now.toISOString(),
      by: asker.aadObjectId ?? asker.teamsUserId,
      basedOn: action.revision,
      step: action.step,
      applied: false,
      fields,
    });
    return this.render(ctx, loaded, { notice: { text: messages(ctx.language).noticeOlderCopy, style: 'warning' } });
  }

  /** The draft after this step's inputs and navigation, or the errors to show beside the fields. */
  private apply(
    ctx: FeatureContext,
    loaded: Loaded,
    action: FormAction,
    data: unknown,
  ): { draft: Draft; notice?: FormViewOptions['notice'] } | { errors: FieldErrors } {
    const t = messages(ctx.language);
    const input = (data ?? {}) as Record<string, unknown>;
    const draft = loaded.draft;
    const steps = formSteps(draft.answer.kind, this.org, ctx.language);
    const step = steps[draft.step - 1];
    let answer: Answer = draft.answer;
    if (step?.kind === 'details') {
      const { value, errors } = parseDetails(input, meetingChoices(this.org, loaded.remiss), ctx.language);
      if (Object.keys(errors).length > 0) return { errors };
      const details: AnswerDetails = {
        handlaggareName: value.name,
        handlaggareEmail: value.email,
        handlaggarePhone: value.phone,
        meetingDate: value.meeting || undefined,
        adjustImmediately: this.org.kind !== 'bolag' && value.adjust,
      };
      answer = { ...answer, details };
    } else if (step?.kind === 'section' || step?.kind === 'avstar') {
      const { value, errors } = parseSectionText(input, 'text', ctx.language);
      if (Object.keys(errors).length > 0) return { errors };
      if (answer.kind === 'answer' && step.kind === 'section')
        answer = { ...answer, sections: { ...answer.sections, [step.key]: value } };
      if (answer.kind === 'avstar') answer = { ...answer, reason: value };
    }
    let target = draft.step + (action.nav === 'next' ? 1 : action.nav === 'prev' ? -1 : 0);
    target = Math.min(Math.max(target, 1), steps.length);
    let notice: FormViewOptions['notice'];
    if (steps[target - 1]?.kind === 'preview' && answer.kind === 'answer') {
      const missing = missingSections(answer.sections);
      if (missing.length > 0) {
        const names = missing.map((k) => steps.find((s) => s.kind === 'section' && s.key === k)?.title ?? k).join(', ');
        notice = { text: t.errorMissingSections(names), style: 'attention' };
        target = draft.step;
      }
    }
    return {
      draft: { ...draft, answer, step: target, revision: draft.revision + 1, updatedAt: ctx.now.toISOString() },
      notice,
    };
  }

  /** Loads or creates the draft for `dnr`, enforcing who may answer. */
  private async open(
    ctx: FeatureContext,
    dnr: string,
    kind: Answer['kind'],
  ): Promise<Loaded | { refusal: AdaptiveCard }> {
    const t = messages(ctx.language);
    const found = await this.deps.register.get(dnr);
    if (!found) return { refusal: ctx.refuse('REMISS_NOT_FOUND') };
    const asker = await ctx.asker();
    const existing = await this.deps.drafts.get(dnr);
    if (existing) {
      const loaded = { remiss: found.remiss, draft: existing.value, eTag: existing.eTag };
      if (!isDraftOwner(existing.value, asker))
        return { refusal: this.render(ctx, loaded, this.readOnly(ctx, existing.value)) };
      return loaded;
    }
    if (!isOpen(found.remiss.status)) return { refusal: ctx.refuse('REMISS_CLOSED') };
    const assigned = found.remiss.handlaggare;
    if (assigned && !isAssignedTo(found.remiss, asker))
      return { refusal: ctx.refuse('NOT_ASSIGNED', { text: t.notAssigned(assigned.name ?? assigned.email) }) };

    const profile = await this.deps.store.get<UserProfile>(profileKey(asker));
    const details: AnswerDetails = {
      handlaggareName: asker.name ?? assigned?.name ?? '',
      handlaggareEmail: asker.email ?? asker.userPrincipalName ?? assigned?.email ?? '',
      handlaggarePhone: profile?.value.phone ?? assigned?.phone ?? '',
      meetingDate: found.remiss.meetingDate,
      adjustImmediately: false,
    };
    const answer: Answer =
      kind === 'avstar'
        ? { kind, details, reason: '' }
        : { kind, details, sections: { ...emptySections(), bakgrund: suggestedBakgrund(this.org, found.remiss) } };
    const at = ctx.now.toISOString();
    const draft: Draft = {
      schemaVersion: 1,
      dnr: found.remiss.dnr,
      owner: {
        teamsUserId: asker.teamsUserId,
        aadObjectId: asker.aadObjectId,
        email: asker.email ?? asker.userPrincipalName,
        name: asker.name,
      },
      step: 1,
      revision: 0,
      answer,
      createdAt: at,
      updatedAt: at,
    };
    let eTag: string;
    try {
      eTag = await this.deps.drafts.create(draft);
    } catch (err) {
      if (err instanceof StoreConflictError) return this.open(ctx, dnr, kind);
      throw err;
    }
    await this.markUnderway(found.remiss.dnr, ctx.now, asker);
    return { remiss: found.remiss, draft, eTag };
  }

  /** The remiss moves to Pågår when its answer is started (never backwards). */
  private markUnderway(dnr: string, now: Date, asker: Asker): Promise<void> {
    return changeStatus(this.deps.register, dnr, 'Pågår', {
      at: now.toISOString(),
      by: asker.email ?? asker.teamsUserId,
      forwardOnly: true,
    });
  }

  /** Remembers where the form card lives, so later saves can update it there. */
  private async post(loaded: Loaded, where: Draft['formMessage']): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        loaded.eTag = await this.deps.drafts.replace({ ...loaded.draft, formMessage: where }, loaded.eTag, {
          stepChanged: false,
        });
        loaded.draft = { ...loaded.draft, formMessage: where };
        return;
      } catch (err) {
        if (!(err instanceof StoreConflictError)) throw err;
        const fresh = await this.deps.drafts.get(loaded.draft.dnr);
        if (!fresh) return;
        loaded.draft = fresh.value;
        loaded.eTag = fresh.eTag;
      }
    }
  }
}

function isSameCard(a: PostedCard, b: PostedCard | undefined): boolean {
  return !!b && a.conversationId === b.conversationId && a.activityId === b.activityId;
}

function profileKey(asker: Asker): string {
  return `users/${asker.aadObjectId ?? asker.teamsUserId}/profile`;
}

/** The input values a card sent, as text, for the draft's history. */
function submittedFields(data: unknown): Record<string, string> {
  const input = (data ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const id of INPUT_IDS) {
    const v = input[id];
    if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') out[id] = String(v).slice(0, 25_000);
  }
  return out;
}
