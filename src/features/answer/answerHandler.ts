/**
 * The guided answer: start or resume a draft, save each step as a new revision, preview, download, and the
 * one-step Avstår answer. Card data is never trusted: the remiss and the draft are loaded by dnr on every
 * action, the submitter is checked against the stored owner, and the card's revision against the draft's.
 */
import type { Answer } from '../../domain/answer.js';
import { todayIn } from '../../domain/calendar.js';
import { remissvarFileName } from '../../domain/documents/remissvarModel.js';
import { buildRemissvarDocx } from '../../domain/documents/remissvarDocx.js';
import { isDraftOwner, type Draft } from '../../domain/draft.js';
import type { Organisation } from '../../domain/organisation.js';
import { isAssignedTo, isOpen } from '../../domain/remiss.js';
import { messages } from '../../i18n/messages.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import { changeStatus } from '../../register/statusChanges.js';
import type { RecordStore } from '../../storage/store.js';
import { retryOnConflict, writeUnlessRaced } from '../../storage/conditionalUpdate.js';
import { messageCard } from '../../cards/messageCard.js';
import type { AdaptiveCard, Asker, FeatureContext, PostedCard } from '../featureContext.js';
import type { DownloadLinks } from './downloadLinks.js';
import type { DraftRepository } from './draftRepository.js';
import { dnrActionSchema, formActionSchema, type FormAction } from './formInput.js';
import { formSteps } from './formSteps.js';
import {
  applyStep,
  newDraft,
  profileKey,
  submission,
  submittedFields,
  type Loaded,
  type UserProfile,
} from './answerWorkflow.js';
import { formCard, type FormViewOptions } from './formView.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface AnswerFeatureDependencies {
  organisation: Organisation;
  register: RemissRepository;
  drafts: DraftRepository;
  store: RecordStore;
  downloads: DownloadLinks;
}

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

    const applied = applyStep(this.org, loaded, action, data, ctx);
    if ('errors' in applied) return this.render(ctx, loaded, { errors: applied.errors, typed: fields });

    await this.deps.drafts.recordSubmission(submission(ctx.now, action, asker, fields, true));
    let eTag = '';
    const stepChanged = applied.draft.step !== loaded.draft.step;
    const written = await writeUnlessRaced(
      async () => (eTag = await this.deps.drafts.replace(applied.draft, loaded.eTag, { stepChanged })),
    );
    if (!written) {
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
    await this.deps.drafts.recordSubmission(submission(ctx.now, action, asker, fields, false));
    return this.render(ctx, loaded, { notice: { text: messages(ctx.language).noticeOlderCopy, style: 'warning' } });
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
    const draft = newDraft(this.org, found.remiss, asker, kind, profile?.value.phone, ctx.now);
    let eTag = '';
    // Another click created the draft first: open that one.
    if (!(await writeUnlessRaced(async () => (eTag = await this.deps.drafts.create(draft)))))
      return this.open(ctx, dnr, kind);
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
    await retryOnConflict(
      async (attempt) => {
        if (attempt > 1) {
          const fresh = await this.deps.drafts.get(loaded.draft.dnr);
          if (!fresh) return;
          loaded.draft = fresh.value;
          loaded.eTag = fresh.eTag;
        }
        const draft = { ...loaded.draft, formMessage: where };
        loaded.eTag = await this.deps.drafts.replace(draft, loaded.eTag, { stepChanged: false });
        loaded.draft = draft;
      },
      { attempts: 5, exhausted: () => undefined },
    );
  }
}

function isSameCard(a: PostedCard, b: PostedCard | undefined): boolean {
  return !!b && a.conversationId === b.conversationId && a.activityId === b.activityId;
}
