/**
 * The outbox jobs of remittering vidare. Each step is idempotent, so a job resumed after a crash (or taken over by
 * another instance when its lease runs out) does exactly what is left: the units are recorded on the kansli's
 * remiss once (a conditional write that never adds a unit twice), each unit's remiss is created once (a create
 * that fails when it exists), and each notice and each answer linked back has a job id of its own.
 */
import type { Answer } from '../../domain/answer.js';
import { answerPosition } from '../../domain/referralAnswer.js';
import type { Organisation } from '../../domain/organisation.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';
import {
  instansName,
  referredUnits,
  unitDnr,
  unitRemiss,
  withReferredUnits,
  withUnitAnswer,
  type ReferredUnit,
  type UnitAnswer,
  type UnitDocument,
} from '../../domain/referral.js';
import type { Remiss } from '../../domain/remiss.js';
import { formatLongDate } from '../../domain/swedishDates.js';
import { messages } from '../../i18n/messages.js';
import type { Logger } from '../../logging/logger.js';
import { TEXT_MESSAGE_JOB } from '../../messaging/deliveryJobs.js';
import type { Messenger } from '../../messaging/messenger.js';
import { jobId, type Jobs } from '../../outbox/jobs.js';
import { RetryLater, type Outbox } from '../../outbox/outbox.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import { retryOnConflict } from '../../storage/conditionalUpdate.js';
import { StoreConflictError } from '../../storage/store.js';
import { DISTRIBUTION_VERBS } from '../distribution/index.js';
import type { DetailAction } from '../distribution/distributionRoutes.js';
import type { AdaptiveCard } from '../featureContext.js';
import { parseRegistrator, registratorTarget, type Registrator } from '../filing/registrator.js';
import type { PeopleDirectory } from '../people/peopleDirectory.js';
import { kansliName } from './referralReading.js';
import { REFERRAL_ANSWER_JOB, REFERRAL_FAN_OUT_JOB, REFERRAL_NOTIFY_JOB } from './index.js';

/** A registrator who has not opened Remissbot yet has no 1:1 chat to be told in. */
const UNREACHABLE_RETRY_MS = 10 * 60_000;
/** Another remiss already holds the unit's diarienummer (registered by hand): the next free suffix, up to this. */
const MAX_DNR_SUFFIX = 20;

export interface ReferralFanOutDependencies {
  register: RemissRepository;
  organisations: OrganisationDirectory;
  people: PeopleDirectory;
  outbox: Outbox;
  messenger: Messenger;
  /** The answer the unit's handläggare wrote (its position), from the drafts. */
  answerOf: (dnr: string) => Promise<Answer | undefined>;
  /** The unit's filed .docx of a version, as filing recorded it. */
  filedDocx: (dnr: string, version: number) => Promise<{ url: string; hash: string; name: string } | undefined>;
  /** The remiss's detail card with a notice and buttons, as the due feature shows it. */
  detail: (remiss: Remiss, language: 'sv', now: Date, notice: string, actions: DetailAction[]) => Promise<AdaptiveCard>;
  clock: () => Date;
  logger: Logger;
}

export class ReferralFanOut {
  constructor(private readonly deps: ReferralFanOutDependencies) {}

  async fanOut(job: Jobs[typeof REFERRAL_FAN_OUT_JOB]): Promise<void> {
    const kansliRemiss = await this.recordUnits(job);
    if (!kansliRemiss) return;
    const kansli = this.deps.organisations.of(kansliRemiss);
    for (const organisation of job.units) {
      const unit = referredUnits(kansliRemiss).find((u) => u.organisation === organisation);
      const unitOrganisation = this.deps.organisations.byId(organisation);
      if (!unit || !unitOrganisation) continue;
      await this.createUnitRemiss(kansliRemiss, kansli, unit, unitOrganisation);
      for (const to of await this.recipientsOf(unitOrganisation))
        await this.deps.outbox.enqueue(
          REFERRAL_NOTIFY_JOB,
          { dnr: unit.dnr, to, via: job.via },
          { id: jobId(REFERRAL_NOTIFY_JOB, unit.dnr, to.kind === 'channel' ? to.channelId : to.email) },
        );
    }
  }

  /** The units not yet sent to, recorded on the kansli's remiss; returns the remiss as stored after. */
  async recordUnits(job: Jobs[typeof REFERRAL_FAN_OUT_JOB]): Promise<Remiss | undefined> {
    return retryOnConflict(async () => {
      const current = await this.deps.register.get(job.dnr);
      if (!current) {
        this.deps.logger.warn({ event: 'referral.kansliRemissMissing' }, 'the remiss to send on is gone');
        return undefined;
      }
      const remiss = current.remiss;
      const fresh: ReferredUnit[] = [];
      for (const organisation of job.units) {
        const unit = this.deps.organisations.byId(organisation);
        if (!unit || referredUnits(remiss).some((u) => u.organisation === organisation)) continue;
        fresh.push({
          organisation,
          dnr: await this.freeDnr(remiss.dnr, unit),
          dueDate: job.dueDate,
          sentAt: job.at,
          by: job.by,
          ...(job.message && { message: job.message }),
        });
      }
      const next = withReferredUnits(remiss, fresh);
      if (next !== remiss) await this.deps.register.save(next, current.version);
      return next;
    });
  }

  /** The unit's dnr: the kansli's with the unit's short name, or with a suffix when a remiss of another has it. */
  private async freeDnr(kansliDnr: string, unit: Organisation): Promise<string> {
    const base = unitDnr(kansliDnr, unit);
    for (let suffix = 1; suffix <= MAX_DNR_SUFFIX; suffix++) {
      const dnr = suffix === 1 ? base : `${base}-${suffix}`;
      const existing = (await this.deps.register.get(dnr))?.remiss;
      if (!existing || existing.referredBy?.dnr === kansliDnr) return dnr;
    }
    throw new Error('no free diarienummer for the unit');
  }

  private async createUnitRemiss(
    kansliRemiss: Remiss,
    kansli: Organisation,
    unit: ReferredUnit,
    organisation: Organisation,
  ): Promise<void> {
    const sent = { at: unit.sentAt, dueDate: unit.dueDate, ...(unit.message && { message: unit.message }) };
    const remiss = {
      ...unitRemiss(kansliRemiss, kansli, { id: unit.organisation, organisation }, sent),
      dnr: unit.dnr,
    };
    try {
      // Without a version the write only creates: a resumed job finds the remiss it made and leaves it be.
      await this.deps.register.save(remiss, undefined);
      this.deps.logger.info(
        { event: 'referral.unitRemissCreated', organisation: unit.organisation },
        'a unit got the remiss',
      );
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err;
    }
  }

  /** Who at a unit is told: its channel, else its registrators, else its chefs. */
  private async recipientsOf(unit: Organisation): Promise<Registrator[]> {
    const channel = parseRegistrator(unit.channel);
    if (channel?.kind === 'channel') return [channel];
    const registrators = await this.deps.organisations.peopleWith('registrator', unit);
    const people = registrators.length > 0 ? registrators : await this.deps.organisations.peopleWith('chef', unit);
    return people.map((email) => ({ kind: 'person', email }));
  }

  /** The unit's remiss's card, with Fördela, in its channel or a registrator's chat (in Swedish, as all notices). */
  async notifyUnit({ dnr, to, via }: Jobs[typeof REFERRAL_NOTIFY_JOB]): Promise<void> {
    const found = await this.deps.register.get(dnr);
    const referredBy = found?.remiss.referredBy;
    if (!found || !referredBy) return;
    const target = await registratorTarget(to, via, this.deps.people);
    if (!target) throw new RetryLater(UNREACHABLE_RETRY_MS, 'the registrator has not opened Remissbot yet');
    const t = messages('sv');
    const kansli = kansliName(found.remiss, this.deps.organisations);
    const due = formatLongDate(found.remiss.dueDate, 'sv');
    // The kansli's message is shown in the card's own part about it, as plain text, not in the notice's markdown.
    const notice = t.referredToYou(kansli, referredBy.dnr, due);
    const assign = { title: t.assign, verb: DISTRIBUTION_VERBS.assign, data: { dnr } };
    const card = await this.deps.detail(found.remiss, 'sv', this.deps.clock(), notice, [assign]);
    await this.deps.messenger.post(target, card);
  }

  /**
   * The unit's answer was filed: its position and its document, by reference, go on the kansli's remiss once, and
   * the kansli's handläggare is told.
   */
  async answerBack({ dnr, version }: Jobs[typeof REFERRAL_ANSWER_JOB]): Promise<void> {
    const found = await this.deps.register.get(dnr);
    const referredBy = found?.remiss.referredBy;
    if (!found || !referredBy) return;
    const answer = await this.deps.answerOf(dnr);
    // Sending for approval needs a position; a draft from before the remiss was sent on may lack one.
    const position = (answer && answerPosition(answer)) ?? 'synpunkter';
    const filed = await this.deps.filedDocx(dnr, version);
    const document: UnitDocument | undefined = filed && { dnr, version, ...filed };
    const unitAnswer: UnitAnswer = { at: this.deps.clock().toISOString(), position, ...(document && { document }) };
    const organisation = found.remiss.organisation ?? '';
    const kansliRemiss = await retryOnConflict(async () => {
      const current = await this.deps.register.get(referredBy.dnr);
      if (!current) return undefined;
      const next = withUnitAnswer(current.remiss, organisation, unitAnswer);
      if (next !== current.remiss) await this.deps.register.save(next, current.version);
      return next;
    });
    const unit = this.deps.organisations.byId(organisation);
    const handlaggare = kansliRemiss?.handlaggare?.email;
    const chat = handlaggare && (await this.deps.people.findByEmail(handlaggare))?.personalChat;
    if (!kansliRemiss || !unit || !chat) return;
    const position_ = messages('sv').unitPositionLabels[position];
    await this.deps.outbox.enqueue(
      TEXT_MESSAGE_JOB,
      { to: chat, text: messages('sv').toldUnitAnswered(instansName(unit), position_, kansliRemiss.title) },
      { id: jobId(TEXT_MESSAGE_JOB, 'referral-answer', dnr) },
    );
  }

  /** Filing calls this for every filed version: a unit's is linked back (a job, once per version). */
  async filed(remiss: Remiss, version: number): Promise<void> {
    if (!remiss.referredBy) return;
    await this.deps.outbox.enqueue(
      REFERRAL_ANSWER_JOB,
      { dnr: remiss.dnr, version },
      { id: jobId(REFERRAL_ANSWER_JOB, remiss.dnr, version) },
    );
  }
}
