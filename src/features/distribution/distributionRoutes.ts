/**
 * Fördelning, lämna tillbaka and anstånd from the detail card: parse the untrusted card data, check who may (by
 * role in the remiss's organisation), change the remiss with a conditional write, and answer with the detail card
 * and a notice, or the form again with the errors beside their fields. A refused action changes nothing.
 */
import { z } from 'zod';
import { isCalendarDate, type CalendarDate } from '../../domain/calendar.js';
import { assign, grantExtension, handBack, requestExtension, type Changed } from '../../domain/distribution.js';
import type { Language } from '../../domain/language.js';
import type { Access, OrganisationDirectory } from '../../domain/organisations.js';
import { isAssignedTo, isOpen, type Person, type Remiss } from '../../domain/remiss.js';
import { formatLongDate } from '../../domain/swedishDates.js';
import { messages } from '../../i18n/messages.js';
import { TEXT_MESSAGE_JOB } from '../../messaging/deliveryJobs.js';
import type { Messenger } from '../../messaging/messenger.js';
import { RetryLater } from '../../outbox/outboxJob.js';
import type { Outbox } from '../../outbox/outbox.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import { retryOnConflict } from '../../storage/conditionalUpdate.js';
import { dnrSchema } from '../cardData.js';
import type { AdaptiveCard, Asker, FeatureContext } from '../featureContext.js';
import { chosenPerson } from '../people/chosenPerson.js';
import type { PeopleDirectory } from '../people/peopleDirectory.js';
import { distributionCard, type DistributionMode, type FieldErrors } from './distributionCards.js';
import { ASSIGNED_NOTIFY_JOB, DISTRIBUTION_VERBS } from './index.js';

/** A person who has not opened Remissbot yet has no 1:1 chat to be told in: try again later. */
const UNREACHABLE_RETRY_MS = 10 * 60_000;

const text = (max: number) => z.string().max(max).optional().catch(undefined);
const assignSchema = z.object({ dnr: dnrSchema, person: text(200), email: text(200) });
const handBackSchema = z.object({ dnr: dnrSchema, reason: text(1000) });
const extensionSchema = z.object({
  dnr: dnrSchema,
  action: z.enum(['request', 'grant']),
  requested: text(20),
  granted: text(20),
  note: text(500),
  agreedBy: text(200),
});

export interface DistributionDependencies {
  register: RemissRepository;
  organisations: OrganisationDirectory;
  people: PeopleDirectory;
  outbox: Outbox;
  messenger: Messenger;
  /** Whether the remiss has a draft answer (a handläggare with one cannot hand it back). */
  hasDraft: (dnr: string) => Promise<boolean>;
  /** The remiss's detail card with a notice on top and the reader's buttons, as the due feature shows it. */
  detail: (
    remiss: Remiss,
    language: Language,
    now: Date,
    notice: string,
    actions: DetailAction[],
  ) => Promise<AdaptiveCard>;
}

/** Who may do what with a remiss: a chef or registrator of its organisation distributes; its handläggare hands back. */
export function mayDistribute(access: Access, remiss: Remiss): boolean {
  return access.has('chef', remiss) || access.has('registrator', remiss);
}

export class DistributionRoutes {
  constructor(private readonly deps: DistributionDependencies) {}

  /** The detail card's buttons for this asker: Fördela (om), Lämna tillbaka, Anstånd. */
  async detailActions(ctx: FeatureContext, remiss: Remiss): Promise<DetailAction[]> {
    if (!isOpen(remiss.status)) return [];
    const t = messages(ctx.language);
    const access = await ctx.access();
    const asker = await ctx.asker();
    const data = { dnr: remiss.dnr };
    const distributes = mayDistribute(access, remiss);
    const own = isAssignedTo(remiss, asker);
    return [
      ...(distributes
        ? [{ title: remiss.handlaggare ? t.reassign : t.assign, verb: DISTRIBUTION_VERBS.assign, data }]
        : []),
      ...(own ? [{ title: t.handBack, verb: DISTRIBUTION_VERBS.handBack, data }] : []),
      ...(distributes || own ? [{ title: t.extension, verb: DISTRIBUTION_VERBS.extension, data }] : []),
    ];
  }

  /** The form of one action, for someone who may take it. */
  async form(ctx: FeatureContext, data: unknown, mode: DistributionMode): Promise<AdaptiveCard> {
    const found = await this.allowed(ctx, data, mode);
    if ('refused' in found) return found.refused;
    const choices = mode === 'assign' ? await this.choices(found.remiss) : undefined;
    return distributionCard(found.remiss, mode, ctx.language, { choices });
  }

  async assign(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const found = await this.allowed(ctx, data, 'assign');
    if ('refused' in found) return found.refused;
    const input = assignSchema.safeParse(data).data ?? { person: undefined, email: undefined };
    const t = messages(ctx.language);
    const typed = { person: input.person ?? '', email: input.email ?? '' };
    const again = async (person: string) =>
      distributionCard(found.remiss, 'assign', ctx.language, {
        choices: await this.choices(found.remiss),
        errors: { person },
        typed,
      });
    const chosen = input.email?.trim() || input.person?.trim();
    if (!chosen) return again(t.errorNoPerson);
    const person = await this.personOf(chosen);
    if (!person) return again(t.errorUnknownPerson);
    const by = await whoIs(ctx);
    const byEmail = (await ctx.asker()).email?.toLowerCase();
    const changed = await this.change(found.remiss.dnr, (r) => assign(r, person, by, ctx.now.toISOString(), byEmail));
    if ('refused' in changed)
      return changed.refused === 'SAME_HANDLAGGARE' ? again(t.errorSameHandlaggare) : this.closed(ctx);
    await this.deps.outbox.enqueue(ASSIGNED_NOTIFY_JOB, { dnr: found.remiss.dnr, email: person.email, by });
    return this.detailAfter(ctx, changed.remiss, t.assignedDone(person.name ?? person.email));
  }

  async handBack(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const found = await this.allowed(ctx, data, 'handBack');
    if ('refused' in found) return found.refused;
    const t = messages(ctx.language);
    const reason = (handBackSchema.safeParse(data).data?.reason ?? '').trim();
    if (!reason)
      return distributionCard(found.remiss, 'handBack', ctx.language, { errors: { reason: t.errorReasonRequired } });
    if (await this.deps.hasDraft(found.remiss.dnr)) return ctx.refuse('HAND_BACK_DRAFT', { backLabel: t.back });
    const by = await whoIs(ctx);
    const changed = await this.change(found.remiss.dnr, (r) => handBack(r, by, reason, ctx.now.toISOString()));
    if ('refused' in changed) return this.closed(ctx);
    await this.tellAssigner(found.remiss, by, reason);
    return this.detailAfter(ctx, changed.remiss, t.handedBackDone);
  }

  async extension(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const found = await this.allowed(ctx, data, 'extension');
    if ('refused' in found) return found.refused;
    const parsed = extensionSchema.safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const input = parsed.data;
    const t = messages(ctx.language);
    const grant = input.action === 'grant';
    const date = (grant ? input.granted : input.requested)?.trim() ?? '';
    const agreedBy = input.agreedBy?.trim() ?? '';
    const errors: FieldErrors = {};
    const field = grant ? 'granted' : 'requested';
    if (!isCalendarDate(date)) errors[field] = t.errorExtensionDate;
    else if (date <= found.remiss.dueDate) errors[field] = t.errorNotLater;
    if (grant && !agreedBy) errors.agreedBy = t.errorAgreedBy;
    const typed = Object.fromEntries(Object.entries(input).filter(([, v]) => typeof v === 'string')) as Record<
      string,
      string
    >;
    if (Object.keys(errors).length > 0)
      return distributionCard(found.remiss, 'extension', ctx.language, { errors, typed });
    const by = await whoIs(ctx);
    const at = ctx.now.toISOString();
    const note = input.note?.trim() || undefined;
    const to = date as CalendarDate;
    const changed = await this.change(found.remiss.dnr, (r) =>
      grant ? grantExtension(r, to, agreedBy, by, at) : requestExtension(r, to, by, at, note),
    );
    if ('refused' in changed)
      return changed.refused === 'NOT_LATER'
        ? distributionCard(found.remiss, 'extension', ctx.language, { errors: { [field]: t.errorNotLater }, typed })
        : this.closed(ctx);
    const shown = formatLongDate(to, ctx.language);
    const notice = grant ? t.extensionGrantedDone(shown) : t.extensionRequestedDone(shown);
    return this.detailAfter(ctx, changed.remiss, notice);
  }

  /** The job: the assigned handläggare gets the remiss's card with Besvara, in Swedish, once they have a chat. */
  async notifyAssigned({ dnr, email, by }: { dnr: string; email: string; by: string }): Promise<void> {
    const found = await this.deps.register.get(dnr);
    // Reassigned or handed back meanwhile: nothing to tell this person.
    if (!found || found.remiss.handlaggare?.email.toLowerCase() !== email.toLowerCase()) return;
    const chat = (await this.deps.people.findByEmail(email))?.personalChat;
    if (!chat) throw new RetryLater(UNREACHABLE_RETRY_MS, 'the assigned handläggare has not opened Remissbot yet');
    // Their buttons as the remiss's handläggare: Lämna tillbaka and Anstånd.
    const actions = actionsFor(found.remiss, false, true, 'sv');
    const card = await this.deps.detail(found.remiss, 'sv', new Date(), messages('sv').assignedToYou(by), actions);
    await this.deps.messenger.post(chat, card);
  }

  /** The remiss the data names, if the asker may do `what` with it; else the refusal to answer with. */
  private async allowed(
    ctx: FeatureContext,
    data: unknown,
    what: DistributionMode,
  ): Promise<{ remiss: Remiss } | { refused: AdaptiveCard }> {
    const t = messages(ctx.language);
    const dnr = dnrSchema.safeParse((data as { dnr?: unknown } | null)?.dnr);
    if (!dnr.success) return { refused: ctx.refuse('INVALID_SUBMISSION') };
    const found = await this.deps.register.get(dnr.data);
    if (!found) return { refused: ctx.refuse('REMISS_NOT_FOUND', { backLabel: t.back }) };
    const remiss = found.remiss;
    if (!isOpen(remiss.status)) return { refused: ctx.refuse('REMISS_CLOSED', { backLabel: t.back }) };
    const access = await ctx.access();
    const own = isAssignedTo(remiss, await ctx.asker());
    const distributes = mayDistribute(access, remiss);
    if (what === 'assign' && !distributes) return { refused: ctx.refuse('NOT_DISTRIBUTOR', { backLabel: t.back }) };
    if (what === 'handBack' && !own) return { refused: ctx.refuse('NOT_HANDLAGGARE', { backLabel: t.back }) };
    if (what === 'extension' && !own && !distributes)
      return { refused: ctx.refuse('EXTENSION_NOT_ALLOWED', { backLabel: t.back }) };
    return { remiss };
  }

  /** Applies a change to the stored remiss, re-reading it when another write came first. */
  private async change(dnr: string, apply: (remiss: Remiss) => Changed): Promise<Changed> {
    return retryOnConflict(async () => {
      const current = await this.deps.register.get(dnr);
      if (!current) return { refused: 'REMISS_CLOSED' } as const;
      const changed = apply(current.remiss);
      if ('remiss' in changed) await this.deps.register.save(changed.remiss, current.version);
      return changed;
    });
  }

  private async detailAfter(ctx: FeatureContext, remiss: Remiss, notice: string): Promise<AdaptiveCard> {
    return this.deps.detail(remiss, ctx.language, ctx.now, notice, await this.detailActions(ctx, remiss));
  }

  private closed(ctx: FeatureContext): AdaptiveCard {
    return ctx.refuse('REMISS_CLOSED', { backLabel: messages(ctx.language).back });
  }

  /** The organisation's handläggare, by name where the bot knows it, for the assign form's list. */
  private async choices(remiss: Remiss): Promise<{ title: string; value: string }[]> {
    const organisation = this.deps.organisations.of(remiss);
    const emails = await this.deps.organisations.peopleWith('handlaggare', organisation);
    return Promise.all(
      emails.map(async (email) => {
        const name = (await this.deps.people.findByEmail(email))?.name;
        return { title: name ? `${name} (${email})` : email, value: email };
      }),
    );
  }

  /** The handläggare the form names (people/chosenPerson), as the remiss keeps them: by an e-mail address. */
  private async personOf(value: string): Promise<Person | undefined> {
    const chosen = await chosenPerson(this.deps.people, value);
    if (!chosen?.email) return undefined;
    const { email, name, aadObjectId } = chosen;
    return { email, ...(name ? { name } : {}), ...(aadObjectId ? { aadObjectId } : {}) };
  }

  /** Whoever assigned it last is told it came back (in Swedish, as every notice to someone else). */
  private async tellAssigner(remiss: Remiss, by: string, reason: string): Promise<void> {
    const assigned = remiss.history.findLast((e) => e.kind === 'assigned');
    if (assigned?.kind !== 'assigned' || !assigned.byEmail) return;
    const assigner = await this.deps.people.findByEmail(assigned.byEmail);
    if (assigner?.personalChat)
      await this.deps.outbox.enqueue(TEXT_MESSAGE_JOB, {
        to: assigner.personalChat,
        text: messages('sv').toldHandedBack(by, remiss.title, reason),
      });
  }
}

export type DetailAction = { title: string; verb: string; data: object };

/** Fördela (om) for who distributes, Lämna tillbaka for the handläggare, Anstånd for both. */
function actionsFor(remiss: Remiss, distributes: boolean, own: boolean, language: Language): DetailAction[] {
  const t = messages(language);
  const data = { dnr: remiss.dnr };
  return [
    ...(distributes
      ? [{ title: remiss.handlaggare ? t.reassign : t.assign, verb: DISTRIBUTION_VERBS.assign, data }]
      : []),
    ...(own ? [{ title: t.handBack, verb: DISTRIBUTION_VERBS.handBack, data }] : []),
    ...(distributes || own ? [{ title: t.extension, verb: DISTRIBUTION_VERBS.extension, data }] : []),
  ];
}

/** The asker's name for the history: their name, else their e-mail. */
async function whoIs(ctx: FeatureContext): Promise<string> {
  const asker: Asker = await ctx.asker();
  return asker.name ?? asker.email ?? asker.teamsUserId;
}
