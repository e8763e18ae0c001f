/**
 * "Which remisser are due?" and its variants, and the remiss detail view ("Visa"): parse the page a card names,
 * select and cache the list, answer with its card (dueView.ts) or a refusal by code. Nothing here changes state.
 */
import { z } from 'zod';
import { todayIn } from '../../domain/calendar.js';
import { messages } from '../../i18n/messages.js';
import type { Remiss } from '../../domain/remiss.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import { dnrSchema } from '../cardData.js';
import type { AdaptiveCard, FeatureContext } from '../featureContext.js';
import { DUE_FILTERS, isKnown, mayAnswer, selectRemisser, type DueFilter } from './dueSelection.js';
import {
  dueListCard,
  PAGE_SIZE,
  remissDetailCard,
  type DetailExtras,
  type DetailSection,
  type ShownAt,
  type DueListPage,
  type ListScope,
} from './dueView.js';
import type { ActingOrganisations } from './actingOrganisation.js';
import type { Access } from '../../domain/organisations.js';
import type { Organisation } from '../../domain/organisation.js';
import type { Language } from '../../domain/language.js';
import { titleQuery, type Query } from '../../domain/question.js';
import { querySchema } from './queryData.js';
import { describeQuery } from './queryDescription.js';
import { asksForClosed, isTitleSearch, selectByQuery } from './querySelection.js';

/** Card data is untrusted: anything unexpected falls back to the first page of the due list. */
const pageSchema = z.object({
  filter: z.enum(DUE_FILTERS).catch('due'),
  offset: z.number().int().min(0).max(100_000).catch(0),
  query: querySchema.optional().catch(undefined),
});
/** "Byt till …": the page, and the organisation to act for (checked against the asker's). */
const switchSchema = pageSchema.extend({ organisation: z.string().max(40).optional().catch(undefined) });
const showSchema = pageSchema.extend({ dnr: dnrSchema });

export function parseDueListPage(data: unknown): DueListPage {
  const parsed = pageSchema.safeParse(data);
  if (!parsed.success) return { filter: 'due', offset: 0 };
  const { query, ...page } = parsed.data;
  return query ? { ...page, query } : page;
}

/** Buttons other features put on the detail card, for this asker and remiss. */
export type DetailActions = (ctx: FeatureContext, remiss: Remiss) => Promise<NonNullable<DetailExtras['actions']>>;
/** Parts other features add to the detail card, for whoever may see the remiss. */
export type DetailSections = (remiss: Remiss, at: ShownAt) => Promise<DetailSection[]>;

/** What the due list needs to know about drafts: their progress, and a marker that changes with any of them. */
export interface DraftProgress {
  marker(): Promise<string>;
  progress(dnr: string): Promise<{ step: number; total: number } | undefined>;
}

export class DueRoutes {
  /**
   * Rendered lists per register listing: the repository returns the same array while nothing has changed,
   * so a card rendered from it stays valid exactly as long as that array is in use.
   */
  private readonly rendered = new WeakMap<object, Map<string, AdaptiveCard>>();

  constructor(
    private readonly register: RemissRepository,
    private readonly drafts: DraftProgress,
    /** Working days before a sammanträde by which its papers must be ready (MEETING_HANDLING_STOP_DAYS). */
    private readonly handlingStopDays: number,
    private readonly acting: ActingOrganisations,
    /** Other features' buttons on the detail card for this asker (fördela, lämna tillbaka, anstånd). */
    private readonly detailActions: DetailActions = async () => [],
    /** Other features' parts of the detail card (the kansli's "Svar väntas"). */
    private readonly detailSections: DetailSections = async () => [],
  ) {}

  /**
   * A list: the filter's, or the answer to a question (`query`), which says how it understood it. Either shows
   * only what the asker may see; a question of title words with one hit shows that remiss.
   */
  async list(
    ctx: FeatureContext,
    filter: DueFilter,
    offset = 0,
    switchTo?: string,
    query?: Query,
  ): Promise<AdaptiveCard> {
    const today = todayIn(ctx.now);
    // Every list needs the asker: "Besvara" is shown only on their own and unassigned remisser.
    const asker = await ctx.asker();
    const mine = query ? query.whose?.kind === 'mine' : filter === 'mine';
    if (mine && !isKnown(asker)) return ctx.refuse('MINE_UNKNOWN_USER');
    const access = await ctx.access();
    const userKey = ctx.sender.aadObjectId ?? ctx.sender.teamsUserId;
    if (switchTo && access.memberships.some((m) => m.organisation.id === switchTo))
      await this.acting.choose(userKey, switchTo);
    const acting = await this.acting.of(userKey, access);
    // A person in several organisations sees the one they act for.
    const scoped = access.memberships.length > 1 && acting ? acting.organisation : undefined;
    const listing = await (query && asksForClosed(query) ? this.register.listAll() : this.register.listOpen());
    let cards = this.rendered.get(listing);
    if (!cards) this.rendered.set(listing, (cards = new Map()));
    const cacheKey = JSON.stringify([
      filter,
      offset,
      query,
      ctx.language,
      today,
      asker?.email,
      asker?.userPrincipalName,
      asker?.aadObjectId,
      acting?.organisation.id,
      await this.drafts.marker(),
    ]);
    const cached = cards.get(cacheKey);
    if (cached) return cached;
    // Only the remisser of the asker's organisations (all of them for one organisation, or the kansli).
    const remisser = listing
      .map((v) => v.remiss)
      .filter((r) => access.maySee(r) && (!scoped || access.isOf(r, scoped)));
    const mayTake = (r: Remiss) => access.mayTake(r);
    const answer = query && selectByQuery(remisser, query, today, asker, this.handlingStopDays);
    const selected = answer?.remisser ?? selectRemisser(remisser, filter, today, asker, this.handlingStopDays, mayTake);
    if (query && isTitleSearch(query) && selected.length <= 1)
      return selected[0]
        ? this.show(ctx, selected[0].dnr)
        : ctx.refuse('REMISS_NOT_FOUND', { backLabel: messages(ctx.language).back });
    const heading = answer && {
      title: describeQuery(query!, answer.understood, ctx.language),
      empty: messages(ctx.language).queryEmpty,
    };
    const page: DueListPage = query ? { filter, offset, query } : { filter, offset };
    const shown = selected.slice(0, offset + PAGE_SIZE);
    const progress = new Map(
      await Promise.all(shown.map(async (r) => [r.dnr, await this.drafts.progress(r.dnr)] as const)),
    );
    const shownAt = { today, language: ctx.language, handlingStopDays: this.handlingStopDays };
    const scope = scoped && actingScope(access, scoped, { ...page, offset: 0 }, ctx.language);
    const card = dueListCard(selected, page, progress, shownAt, (r) => mayAnswer(r, asker, mayTake), scope, heading);
    cards.set(cacheKey, card);
    return card;
  }

  /** The "Visa fler" / "Tillbaka" actions: data names the page. */
  listFromAction(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const page = parseDueListPage(data);
    const switchTo = switchSchema.safeParse(data).data?.organisation;
    return this.list(ctx, page.filter, page.offset, switchTo, page.query);
  }

  /** A question in the user's own words (domain/question.ts). */
  question(ctx: FeatureContext, query: Query): Promise<AdaptiveCard> {
    return this.list(ctx, 'all', 0, undefined, query);
  }

  /** "visa <dnr>": the remiss with that diarienummer, else those whose title has the words typed. */
  async showTyped(ctx: FeatureContext, dnr: string): Promise<AdaptiveCard> {
    const title = (await this.register.get(dnr)) ? undefined : titleQuery(dnr);
    return title ? this.question(ctx, title) : this.show(ctx, dnr);
  }

  async show(
    ctx: FeatureContext,
    dnr: string,
    back: DueListPage = { filter: 'due', offset: 0 },
  ): Promise<AdaptiveCard> {
    const t = messages(ctx.language);
    const found = await this.register.get(dnr);
    if (!found) return ctx.refuse('REMISS_NOT_FOUND', { backLabel: t.back });
    const progress = await this.drafts.progress(dnr);
    const shownAt = { today: todayIn(ctx.now), language: ctx.language, handlingStopDays: this.handlingStopDays };
    const actions = await this.detailActions(ctx, found.remiss);
    const sections = await this.detailSections(found.remiss, shownAt);
    return remissDetailCard(found.remiss, back, progress, shownAt, { actions, sections });
  }

  /** The detail card with a notice on top, for a card sent after an action or to someone else. */
  async detailFor(
    remiss: Remiss,
    language: Language,
    now: Date,
    notice: string,
    actions: NonNullable<DetailExtras['actions']> = [],
  ): Promise<AdaptiveCard> {
    const progress = await this.drafts.progress(remiss.dnr);
    const shownAt = { today: todayIn(now), language, handlingStopDays: this.handlingStopDays };
    const sections = await this.detailSections(remiss, shownAt);
    return remissDetailCard(remiss, { filter: 'due', offset: 0 }, progress, shownAt, { notice, actions, sections });
  }

  showFromAction(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const parsed = showSchema.safeParse(data);
    if (!parsed.success)
      return Promise.resolve(ctx.refuse('CARD_OUTDATED', { backLabel: messages(ctx.language).back }));
    const { dnr, ...back } = parsed.data;
    return this.show(ctx, dnr, parseDueListPage(back));
  }
}

/** Whose remisser the list shows, and a button to each other organisation of the asker's. */
function actingScope(access: Access, acting: Organisation, page: DueListPage, language: Language): ListScope {
  const t = messages(language);
  return {
    line: t.actingFor(acting.name),
    switches: access.memberships
      .filter((m) => m.organisation !== acting)
      .map((m) => ({
        title: t.switchTo(m.organisation.shortName),
        data: { ...page, organisation: m.organisation.id },
      })),
  };
}
