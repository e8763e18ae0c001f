/**
 * Remittering vidare (issue 21): the kansli's "Remittera vidare" form and its send, the fan-out job that gives each
 * unit its remiss, the notices to the units' registrators, and each unit's filed answer linked back.
 */
import type { CalendarDate } from '../../domain/calendar.js';
import type { ConversationTarget } from '../../messaging/messenger.js';
import type { FeatureModule } from '../featureModule.js';
import type { Registrator } from '../filing/registrator.js';
import type { ReferralFanOut } from './referralFanOut.js';
import type { ReferralRoutes } from './referralRoutes.js';

export const REFERRAL_VERBS = { open: 'referral.open', send: 'referral.send' } as const;

/** Records the units on the kansli's remiss and creates each unit's remiss: idempotent, so a resumed job is safe. */
export const REFERRAL_FAN_OUT_JOB = 'referral.fanOut';
/** Tells one recipient of a unit (its channel, or a registrator) that the remiss arrived. */
export const REFERRAL_NOTIFY_JOB = 'referral.notifyUnit';
/** Links a unit's filed answer (or its avstår) back to the kansli's remiss, once. */
export const REFERRAL_ANSWER_JOB = 'referral.answerBack';

declare module '../../outbox/jobs.js' {
  interface Jobs {
    [REFERRAL_FAN_OUT_JOB]: {
      dnr: string;
      units: string[];
      dueDate: CalendarDate;
      message?: string;
      by: string;
      at: string;
      /** The kansli's conversation: a channel is reached through the same bot connection. */
      via: ConversationTarget;
    };
    /** Who at the unit: its channel, or one person by e-mail, reached as a registrator is. */
    [REFERRAL_NOTIFY_JOB]: { dnr: string; to: Registrator; via: ConversationTarget };
    [REFERRAL_ANSWER_JOB]: { dnr: string; version: number };
  }
}

export function referralModule(routes: ReferralRoutes, fanOut: ReferralFanOut): FeatureModule {
  return {
    name: 'referral',
    verbs: {
      [REFERRAL_VERBS.open]: (ctx, data) => routes.form(ctx, data),
      [REFERRAL_VERBS.send]: (ctx, data) => routes.send(ctx, data),
    },
    jobs: {
      [REFERRAL_FAN_OUT_JOB]: (job) => fanOut.fanOut(job),
      [REFERRAL_NOTIFY_JOB]: (job) => fanOut.notifyUnit(job),
      [REFERRAL_ANSWER_JOB]: (job) => fanOut.answerBack(job),
    },
  };
}
