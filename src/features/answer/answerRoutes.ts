/**
 * The answer form's verbs and its chat intent: parse what the card or message sent, call the workflow, and
 * answer with the form card (formView.ts) or a refusal by its code. Card data is never trusted: the remiss and
 * the draft are loaded by dnr on every action, and the workflow checks the owner and the card's revision.
 */
import type { Answer } from '../../domain/answer.js';
import type { Organisation } from '../../domain/organisation.js';
import { isDraftOwner } from '../../domain/draft.js';
import { messages } from '../../i18n/messages.js';
import { messageCard } from '../../cards/messageCard.js';
import { dnrActionSchema } from '../cardData.js';
import type { AdaptiveCard, FeatureContext, PostedCard } from '../featureContext.js';
import type { AnswerWorkflow, Loaded, StartOutcome } from './answerWorkflow.js';
import { formActionSchema } from './formInput.js';
import { draftFormCard, lockedForm, missingSectionsNotice, readOnlyForm, type FormShown } from './formView.js';

export class AnswerRoutes {
  constructor(
    private readonly organisation: Organisation,
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
    const card = this.form(ctx, started.started);
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
    const card = this.form(ctx, started.started);
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
    return this.form(ctx, loaded, owner ? {} : readOnlyForm(loaded.draft, ctx.language));
  }

  async save(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const t = messages(ctx.language);
    const parsed = formActionSchema.safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const action = parsed.data;
    const outcome = await this.workflow.save(action, data, ctx.sender, ctx);
    if ('refused' in outcome) {
      switch (outcome.refused) {
        case 'REMISS_NOT_FOUND':
          return ctx.refuse('REMISS_NOT_FOUND');
        case 'DRAFT_NOT_FOUND':
          // The text a save without a draft has always shown.
          return ctx.refuse('DRAFT_NOT_FOUND', { text: t.remissNotFound });
        case 'NOT_DRAFT_OWNER':
          // Not a refusal card: the owner's form, read-only, says whose it is.
          return this.form(ctx, outcome.loaded, readOnlyForm(outcome.loaded.draft, ctx.language));
      }
    }
    if ('locked' in outcome) return this.form(ctx, outcome.locked, lockedForm(ctx.language));
    if ('stale' in outcome)
      return this.form(ctx, outcome.stale, { notice: { text: t.noticeOlderCopy, style: 'warning' } });
    if ('invalid' in outcome) return this.form(ctx, outcome.invalid, { errors: outcome.errors, typed: outcome.typed });

    const saved = outcome.saved;
    const notice =
      outcome.missing.length > 0
        ? missingSectionsNotice(this.organisation, outcome.missing, ctx.language)
        : action.nav === 'save'
          ? { text: t.noticeSaved, style: 'good' as const }
          : undefined;
    const card = this.form(ctx, saved, { notice });
    // A save from another copy of the form replaces the posted form card after this turn. A save from the posted
    // card itself is answered by this card alone: updating it as well renders it a second time, a moment later,
    // and wipes what the user has begun typing in the next step (other devices get the step through refresh).
    const posted = saved.draft.formMessage;
    if (posted && !isSameCard(posted, ctx.invokedCard))
      await ctx.updateCardLater(posted, this.form(ctx, saved), {
        dnr: saved.draft.dnr,
        revision: saved.draft.revision,
      });
    return card;
  }

  async download(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const t = messages(ctx.language);
    const loaded = await this.loadForCard(data);
    if (!loaded) return ctx.refuse('CARD_OUTDATED');
    if (!isDraftOwner(loaded.draft, ctx.sender))
      return this.form(ctx, loaded, readOnlyForm(loaded.draft, ctx.language));
    const { fileName, url } = await this.workflow.download(loaded, ctx.now);
    return this.form(ctx, loaded, {
      notice: { text: t.downloadReady(fileName), style: 'good' },
      link: { url, title: t.openDownload },
    });
  }

  /** The workflow's start, its refusals already turned into the card to answer with. */
  private async start(
    ctx: FeatureContext,
    dnr: string,
    kind: Answer['kind'],
  ): Promise<Extract<StartOutcome, { started: Loaded }> | { card: AdaptiveCard }> {
    const outcome = await this.workflow.start(dnr, kind, () => ctx.asker(), ctx.now);
    if ('started' in outcome) return outcome;
    switch (outcome.refused) {
      case 'REMISS_NOT_FOUND':
      case 'REMISS_CLOSED':
        return { card: ctx.refuse(outcome.refused) };
      case 'NOT_ASSIGNED':
        return { card: ctx.refuse('NOT_ASSIGNED', { text: messages(ctx.language).notAssigned(outcome.assigned) }) };
      case 'NOT_DRAFT_OWNER':
        return { card: this.form(ctx, outcome.loaded, readOnlyForm(outcome.loaded.draft, ctx.language)) };
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

  private form(ctx: FeatureContext, loaded: Loaded, shown: FormShown = {}): AdaptiveCard {
    return draftFormCard(this.organisation, loaded, shown, ctx.language, ctx.now);
  }
}

function isSameCard(a: PostedCard, b: PostedCard | undefined): boolean {
  return !!b && a.conversationId === b.conversationId && a.activityId === b.activityId;
}
