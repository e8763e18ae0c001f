/**
 * The answer form's verbs and its chat intent: parse what the card or message sent, call the workflow, and
 * answer with the form card (formView.ts) or a refusal by its code. Card data is never trusted: the remiss and
 * the draft are loaded by dnr on every action, and the workflow checks the owner and the card's revision.
 */
import type { Answer } from '../../domain/answer.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';
import { isDraftOwner } from '../../domain/draft.js';
import { messages } from '../../i18n/messages.js';
import { messageCard } from '../../cards/messageCard.js';
import { dnrActionSchema } from '../cardData.js';
import type { AdaptiveCard, FeatureContext, PostedCard } from '../featureContext.js';
import type { AnswerWorkflow, DraftChangeOutcome, Loaded, SaveOutcome, StartOutcome } from './answerWorkflow.js';
import { formActionSchema, type FormAction } from './formInput.js';
import { formSteps } from './formSteps.js';
import { kansliName } from '../referral/referralReading.js';
import { draftFormCard, lockedForm, missingSectionsNotice, READ_ONLY, type FormShown } from './formView.js';

export class AnswerRoutes {
  constructor(
    private readonly organisations: OrganisationDirectory,
    private readonly workflow: AnswerWorkflow,
  ) {}

  /** "besvara <dnr>" typed in chat: the form is posted as a new card (in the 1:1 chat when asked elsewhere). */
  async startFromMessage(
    ctx: FeatureContext,
    dnr: string,
    kind: Answer['kind'] = 'answer',
  ): Promise<AdaptiveCard | undefined> {
    const started = await this.start(ctx, dnr, kind);
    if (!('started' in started)) return started.card;
    const card = await this.form(ctx, started.started);
    if (ctx.conversationKind !== 'personal') return this.openInPersonalChat(ctx, started.started, card);
    await this.workflow.rememberFormCard(started.started, await ctx.reply(card));
    return undefined;
  }

  /** "Besvara" / "Fortsätt" / "Avstå" on a card: the clicked card becomes the form (or the 1:1 chat gets it). */
  async startFromCard(ctx: FeatureContext, data: unknown, kind: Answer['kind']): Promise<AdaptiveCard> {
    const parsed = dnrActionSchema.safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const started = await this.start(ctx, parsed.data.dnr, kind);
    if (!('started' in started)) return started.card;
    const card = await this.form(ctx, started.started);
    if (ctx.conversationKind !== 'personal')
      return this.openInPersonalChat(ctx, started.started, card, messages(ctx.language).back);
    if (ctx.invokedCard) await this.workflow.rememberFormCard(started.started, ctx.invokedCard);
    return card;
  }

  /** Teams asks the owner's client for the current card (refresh); others see it read-only. */
  async refresh(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const loaded = await this.loadForCard(data);
    if (!loaded) return ctx.refuse('CARD_OUTDATED');
    const owner = isDraftOwner(loaded.draft, ctx.sender);
    return this.form(ctx, loaded, owner ? {} : READ_ONLY);
  }

  async save(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const parsed = formActionSchema.safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const action = parsed.data;
    const outcome = await this.workflow.save(action, data, ctx.sender, ctx);
    const unchanged = await this.unchanged(ctx, outcome);
    if (unchanged) return unchanged;
    if ('invalid' in outcome) return this.form(ctx, outcome.invalid, { errors: outcome.errors, typed: outcome.typed });
    if (!('saved' in outcome)) return ctx.refuse('INVALID_SUBMISSION');

    const saved = outcome.saved;
    const shown = this.afterSave(ctx, action, outcome);
    const card = await this.form(ctx, saved, shown);
    // A save from another copy of the form replaces the posted form card after this turn. A save from the posted
    // card itself is answered by this card alone: updating it as well renders it a second time, a moment later,
    // and wipes what the user has begun typing in the next step (other devices get the step through refresh).
    const posted = saved.draft.formMessage;
    if (posted && !isSameCard(posted, ctx.invokedCard))
      await ctx.updateCardLater(posted, await this.form(ctx, saved), {
        dnr: saved.draft.dnr,
        revision: saved.draft.revision,
      });
    return card;
  }

  /** "Byt till fullständigt svar" on an Avstår: the same draft, now a full answer from step 1. */
  async switchToAnswer(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const parsed = formActionSchema.safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const outcome = await this.workflow.switchToAnswer(parsed.data, ctx.sender, ctx.now);
    if (!('changed' in outcome)) return (await this.unchanged(ctx, outcome)) ?? ctx.refuse('INVALID_SUBMISSION');
    const text = messages(ctx.language).switchedToAnswer;
    return this.form(ctx, outcome.changed, { notice: { text, style: 'good' } });
  }

  /** "Ta bort utkastet": the draft goes; the card says so and leads back to the list. */
  async discard(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const parsed = formActionSchema.safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const outcome = await this.workflow.discard(parsed.data, ctx.sender, ctx.now);
    if (!('changed' in outcome)) return (await this.unchanged(ctx, outcome)) ?? ctx.refuse('INVALID_SUBMISSION');
    const t = messages(ctx.language);
    return messageCard(t.draftDiscarded, { backLabel: t.back });
  }

  async download(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const t = messages(ctx.language);
    const loaded = await this.loadForCard(data);
    if (!loaded) return ctx.refuse('CARD_OUTDATED');
    if (!isDraftOwner(loaded.draft, ctx.sender)) return this.form(ctx, loaded, READ_ONLY);
    const { fileName, url } = await this.workflow.download(loaded, ctx.now);
    return this.form(ctx, loaded, {
      notice: { text: t.downloadReady(fileName), style: 'good' },
      link: { url, title: t.openDownload },
    });
  }

  /** The card for an outcome that changed nothing (refused, locked, stale); undefined for the others. */
  private async unchanged(
    ctx: FeatureContext,
    outcome: DraftChangeOutcome | SaveOutcome,
  ): Promise<AdaptiveCard | undefined> {
    const t = messages(ctx.language);
    if ('refused' in outcome) {
      switch (outcome.refused) {
        case 'REMISS_NOT_FOUND':
          return ctx.refuse('REMISS_NOT_FOUND', { backLabel: t.back });
        case 'DRAFT_NOT_FOUND':
          // The text a save without a draft has always shown.
          return ctx.refuse('DRAFT_NOT_FOUND', { text: t.remissNotFound, backLabel: t.back });
        case 'NOT_DRAFT_OWNER':
          // Not a refusal card: the owner's form, read-only, says whose it is.
          return this.form(ctx, outcome.loaded, READ_ONLY);
      }
    }
    if ('locked' in outcome) return this.form(ctx, outcome.locked, lockedForm(ctx.language));
    if ('stale' in outcome)
      return this.form(ctx, outcome.stale, { notice: { text: t.noticeOlderCopy, style: 'warning' } });
    return undefined;
  }

  /** A saved step's notice: a required section left empty, the sections the preview waits for, or "Sparat". */
  private afterSave(
    ctx: FeatureContext,
    action: FormAction,
    outcome: Extract<SaveOutcome, { saved: Loaded }>,
  ): FormShown {
    const t = messages(ctx.language);
    const organisation = this.organisations.of(outcome.saved.remiss);
    if (outcome.leftEmpty) {
      const step = formSteps('answer', organisation, ctx.language).find(
        (s) => s.kind === 'section' && s.key === outcome.leftEmpty,
      );
      const to = action.nav === 'goto' && action.to ? action.to : action.step + 1;
      return {
        notice: { text: t.leftEmptyWarning(step?.title ?? ''), style: 'warning' },
        continueAnyway: { to, force: true },
      };
    }
    if (outcome.missing.length > 0)
      return { notice: missingSectionsNotice(organisation, outcome.missing, ctx.language) };
    if (outcome.positionMissing) {
      const kansli = kansliName(outcome.saved.remiss, this.organisations);
      return { notice: { text: t.formPositionMissing(kansli), style: 'attention' } };
    }
    if (action.referral) return { notice: { text: t.formReferralUpdated, style: 'good' } };
    return action.nav === 'save' ? { notice: { text: t.noticeSaved, style: 'good' } } : {};
  }

  /** The workflow's start, its refusals already turned into the card to answer with. */
  private async start(
    ctx: FeatureContext,
    dnr: string,
    kind: Answer['kind'],
  ): Promise<Extract<StartOutcome, { started: Loaded }> | { card: AdaptiveCard }> {
    const outcome = await this.workflow.start(
      dnr,
      kind,
      () => ctx.asker(),
      () => ctx.access(),
      ctx.now,
    );
    if ('started' in outcome) return outcome;
    switch (outcome.refused) {
      // Each refusal leads back to the list it replaced.
      case 'REMISS_NOT_FOUND':
      case 'REMISS_CLOSED':
      case 'OTHER_ORGANISATION':
        return { card: ctx.refuse(outcome.refused, { backLabel: messages(ctx.language).back }) };
      case 'NOT_ASSIGNED': {
        const t = messages(ctx.language);
        return { card: ctx.refuse('NOT_ASSIGNED', { text: t.notAssigned(outcome.assigned), backLabel: t.back }) };
      }
      case 'NOT_DRAFT_OWNER':
        return { card: await this.form(ctx, outcome.loaded, READ_ONLY) };
    }
  }

  /** Asked outside the 1:1 chat: the form goes there, and here a note says so. */
  private async openInPersonalChat(
    ctx: FeatureContext,
    loaded: Loaded,
    card: AdaptiveCard,
    backLabel?: string,
  ): Promise<AdaptiveCard> {
    await this.workflow.rememberFormCard(loaded, await ctx.sendToPersonalChat(card));
    return messageCard(messages(ctx.language).openedInPersonalChat, backLabel ? { backLabel } : undefined);
  }

  /** The draft a download or refresh names; an old or forged card names none. */
  private async loadForCard(data: unknown): Promise<Loaded | undefined> {
    const parsed = dnrActionSchema.safeParse(data);
    if (!parsed.success) return undefined;
    const loaded = await this.workflow.load(parsed.data.dnr);
    return 'refused' in loaded ? undefined : loaded;
  }

  /** The form card, with what it shows of a remiss the kansli sent on, or of the kansli's own (issue 21). */
  private async form(ctx: FeatureContext, loaded: Loaded, shown: FormShown = {}): Promise<AdaptiveCard> {
    const referral = await this.workflow.referral.view(loaded.remiss, ctx.now);
    const organisation = this.organisations.of(loaded.remiss);
    return draftFormCard(organisation, loaded, { ...shown, referral }, ctx.language, ctx.now);
  }
}

function isSameCard(a: PostedCard, b: PostedCard | undefined): boolean {
  return !!b && a.conversationId === b.conversationId && a.activityId === b.activityId;
}
