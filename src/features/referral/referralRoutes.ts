/**
 * "Remittera vidare" on the kansli's remiss: who may (a registrator or chef of the kansli, or the remiss's
 * handläggare), the form, and the send. The card data is untrusted: units are checked against the directory and
 * the remiss on every press. The send only enqueues the fan-out (an idempotent job with an id of its own per press)
 * and records the units at once; the job creates the units' remisser, so nothing is lost to a crash in between.
 */
import { z } from 'zod';
import { todayIn } from '../../domain/calendar.js';
import { nonWorkingDayName } from '../../domain/holidays.js';
import { listText, type Language } from '../../domain/language.js';
import type { Organisation } from '../../domain/organisation.js';
import type { Access, OrganisationDirectory } from '../../domain/organisations.js';
import {
  checkUnitDueDate,
  DEFAULT_REFERRAL_RULES,
  defaultUnitDueDate,
  instansName,
  MAX_REFERRAL_MESSAGE_LENGTH,
  referredUnits,
  type ReferralDueDateRules,
} from '../../domain/referral.js';
import { isAssignedTo, isOpen, type Remiss } from '../../domain/remiss.js';
import { formatLongDate } from '../../domain/swedishDates.js';
import { messages } from '../../i18n/messages.js';
import { jobId, type Jobs } from '../../outbox/jobs.js';
import type { Outbox } from '../../outbox/outbox.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import { dnrSchema } from '../cardData.js';
import type { DetailAction } from '../distribution/distributionRoutes.js';
import type { AdaptiveCard, FeatureContext } from '../featureContext.js';
import { REFERRAL_FAN_OUT_JOB, REFERRAL_VERBS } from './index.js';
import { referralCard, type ReferralFormState } from './referralCards.js';

const GROUP_PREFIX = 'group:';
const text = (max: number) => z.string().max(max).optional().catch(undefined);
const sendSchema = z.object({
  dnr: dnrSchema,
  units: text(20_000),
  dueDate: text(20),
  message: z.string().max(MAX_REFERRAL_MESSAGE_LENGTH).optional(),
  confirm: text(20),
});

export interface ReferralDependencies {
  register: RemissRepository;
  organisations: OrganisationDirectory;
  outbox: Outbox;
  /** Records the units on the kansli's remiss at once (the fan-out job's own first step, idempotent). */
  record: (job: Jobs[typeof REFERRAL_FAN_OUT_JOB]) => Promise<Remiss | undefined>;
  /** The detail card with a notice and the asker's buttons, as the due feature shows it. */
  detail: (ctx: FeatureContext, remiss: Remiss, notice: string) => Promise<AdaptiveCard>;
}

/** Whether the asker may send the remiss on: it is the kansli's and open, and they register, lead or handle it. */
export function mayRefer(
  access: Access,
  remiss: Remiss,
  asker: { email?: string; aadObjectId?: string },
  directory: OrganisationDirectory,
): boolean {
  if (directory.single || directory.of(remiss).seesAll !== true || !isOpen(remiss.status)) return false;
  return access.has('registrator', remiss) || access.has('chef', remiss) || isAssignedTo(remiss, asker);
}

export class ReferralRoutes {
  constructor(private readonly deps: ReferralDependencies) {}

  /** The detail card's "Remittera vidare", for who may. */
  async detailActions(ctx: FeatureContext, remiss: Remiss): Promise<DetailAction[]> {
    if (!mayRefer(await ctx.access(), remiss, await ctx.asker(), this.deps.organisations)) return [];
    return [{ title: messages(ctx.language).referralOpen, verb: REFERRAL_VERBS.open, data: { dnr: remiss.dnr } }];
  }

  async form(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const found = await this.allowed(ctx, data);
    if ('refused' in found) return found.refused;
    const { remiss } = found;
    const dueDate = defaultUnitDueDate(remiss.dueDate, todayIn(ctx.now), this.rules(remiss));
    return referralCard(remiss, ctx.language, this.state(remiss, { units: '', dueDate, message: '' }, ctx.language));
  }

  async send(ctx: FeatureContext, data: unknown): Promise<AdaptiveCard> {
    const found = await this.allowed(ctx, data);
    if ('refused' in found) return found.refused;
    const { remiss } = found;
    const parsed = sendSchema.safeParse(data);
    if (!parsed.success) return ctx.refuse('INVALID_SUBMISSION');
    const t = messages(ctx.language);
    const input = parsed.data;
    const typed = { units: input.units ?? '', dueDate: input.dueDate?.trim() ?? '', message: input.message ?? '' };
    const again = (errors: ReferralFormState['errors'], warning?: string) =>
      referralCard(remiss, ctx.language, {
        ...this.state(remiss, typed, ctx.language),
        errors,
        ...(warning && { warning }),
      });

    const chosen = this.chosenUnits(remiss, typed.units);
    const unitsError =
      chosen === 'unknown'
        ? t.errorUnknownUnit
        : chosen.length === 0
          ? typed.units.trim()
            ? t.errorAllReferred
            : t.errorNoUnits
          : undefined;
    const today = todayIn(ctx.now);
    const rules = this.rules(remiss);
    const checked = checkUnitDueDate(typed.dueDate, remiss.dueDate, today, rules);
    const dueError =
      'error' in checked
        ? {
            notADate: t.errorUnitDueNotADate,
            notAfterToday: t.errorUnitDueNotAfterToday,
            afterKansliDue: t.errorUnitDueAfterKansli(formatLongDate(remiss.dueDate, ctx.language)),
          }[checked.error]
        : undefined;
    if (unitsError || dueError) return again({ units: unitsError, dueDate: dueError });
    const units = chosen as Organisation[];
    const dueDate = typed.dueDate;
    const warnings = 'warnings' in checked ? checked.warnings : [];
    if (warnings.length > 0 && input.confirm !== dueDate) {
      const warning = warnings
        .map((w) =>
          w === 'short'
            ? t.warningUnitDueShort(rules.minimumWorkingDays)
            : t.warningUnitDueNonWorking(nonWorkingDayName(dueDate, ctx.language) ?? dueDate),
        )
        .join(' ');
      return again({}, warning);
    }

    const asker = await ctx.asker();
    const by = asker.name ?? asker.email ?? asker.teamsUserId;
    const ids = units.map((u) => this.deps.organisations.idFor(u));
    const message = typed.message.trim();
    const payload = {
      dnr: remiss.dnr,
      units: ids,
      dueDate,
      ...(message && { message }),
      by,
      at: ctx.now.toISOString(),
      via: ctx.conversation,
    };
    // One job per press: a retried turn or a second click of the same press enqueues nothing more, and the job
    // itself never sends a unit the remiss twice.
    await this.deps.outbox.enqueue(REFERRAL_FAN_OUT_JOB, payload, {
      id: jobId(REFERRAL_FAN_OUT_JOB, remiss.dnr, [...ids].sort().join(','), dueDate),
    });
    // Shown at once in "Svar väntas"; the job, already stored, makes the units' remisser.
    const recorded = await this.deps.record(payload);
    const names = listText(units.map(instansName), ctx.language);
    const notice = t.referralSent(names, formatLongDate(dueDate, ctx.language));
    return this.deps.detail(ctx, recorded ?? remiss, notice);
  }

  /**
   * The units a press names, groups expanded, in the directory's order, without units already sent to; 'unknown'
   * when it names one the directory does not have, the kansli itself or another that sees all (forged, outdated).
   */
  private chosenUnits(remiss: Remiss, units: string): Organisation[] | 'unknown' {
    const kansli = this.deps.organisations.of(remiss);
    const groups = kansli.referral?.groups ?? [];
    const already = new Set(referredUnits(remiss).map((u) => u.organisation));
    const ids = new Set<string>();
    for (const value of units
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean)) {
      if (value.startsWith(GROUP_PREFIX)) {
        const group = groups[Number(value.slice(GROUP_PREFIX.length))];
        if (!group) return 'unknown';
        for (const id of group.organisations) ids.add(id);
      } else ids.add(value);
    }
    const directory = this.deps.organisations;
    const allowed = this.unitsOf(kansli);
    if ([...ids].some((id) => !allowed.some((u) => directory.idFor(u) === id))) return 'unknown';
    // In the directory's order, whatever order the client sent them in: the kansli's answer names them so.
    return allowed.filter((o) => ids.has(directory.idFor(o)) && !already.has(directory.idFor(o)));
  }

  /** The organisations the kansli may send to: every other, but those that see all (another kansli). */
  private unitsOf(kansli: Organisation): Organisation[] {
    return this.deps.organisations.organisations.filter((o) => o !== kansli && !o.seesAll);
  }

  /** The form's choices (groups first, then every unit not yet sent to) and the units already sent to. */
  private state(remiss: Remiss, typed: ReferralFormState['typed'], language: Language): ReferralFormState {
    const t = messages(language);
    const directory = this.deps.organisations;
    const kansli = directory.of(remiss);
    const already = new Set(referredUnits(remiss).map((u) => u.organisation));
    const units = this.unitsOf(kansli);
    const groups = (kansli.referral?.groups ?? []).map((g, i) => ({
      title: t.groupChoice(g.name, g.organisations.length),
      value: `${GROUP_PREFIX}${i}`,
    }));
    const open = units
      .filter((u) => !already.has(directory.idFor(u)))
      .map((u) => ({ title: u.name, value: directory.idFor(u) }));
    const sentTo = units.filter((u) => already.has(directory.idFor(u))).map(instansName);
    return {
      choices: [...groups, ...open],
      already: sentTo.length ? t.alreadyReferredTo(listText(sentTo, language)) : '',
      typed,
    };
  }

  private rules(remiss: Remiss): ReferralDueDateRules {
    return this.deps.organisations.of(remiss).referral ?? DEFAULT_REFERRAL_RULES;
  }

  /** The kansli's remiss the data names, if the asker may send it on; else the refusal. */
  private async allowed(ctx: FeatureContext, data: unknown): Promise<{ remiss: Remiss } | { refused: AdaptiveCard }> {
    const back = { backLabel: messages(ctx.language).back };
    const dnr = dnrSchema.safeParse((data as { dnr?: unknown } | null)?.dnr);
    if (!dnr.success) return { refused: ctx.refuse('INVALID_SUBMISSION') };
    const found = await this.deps.register.get(dnr.data);
    if (!found) return { refused: ctx.refuse('REMISS_NOT_FOUND', back) };
    if (!isOpen(found.remiss.status)) return { refused: ctx.refuse('REMISS_CLOSED', back) };
    if (!mayRefer(await ctx.access(), found.remiss, await ctx.asker(), this.deps.organisations))
      return { refused: ctx.refuse('REFERRAL_NOT_ALLOWED', back) };
    return { remiss: found.remiss };
  }
}
