/**
 * What one digest run sends on a day: each handläggare's own list, the overview for managers and channels,
 * the reminders ahead of klart senast, and the reminder of an approval left waiting. Each message
 * has the key that makes it once-only (day or week, kind, hashed recipient). planDeliveries is pure: the
 * register, preferences, channels and approvals are read first (planInputFor), the cards built when sent. What
 * it says of remisser sent on to units (issue 21) is planned in referralPlan.ts.
 */
import { createHash } from 'node:crypto';
import { latestVersion, type ApprovalVersion } from '../../domain/approval.js';
import { todayIn, weekOf, type CalendarDate } from '../../domain/calendar.js';
import { approvalReminderDue, handlaggareReminders, personalDigests, type DigestPolicy } from '../../domain/digest.js';
import type { Language } from '../../domain/language.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';
import { isOpen, type Remiss } from '../../domain/remiss.js';
import { formatLongDate } from '../../domain/swedishDates.js';
import { messages } from '../../i18n/messages.js';
import type { ConversationTarget } from '../../messaging/messenger.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import type { ApprovalStore } from '../approval/approvalStore.js';
import type { Installations } from '../conversations/installations.js';
import type { Progress } from '../due/dueView.js';
import type { AdaptiveCard } from '../featureContext.js';
import { overviewParts, personalDigestCard, type AwaitingLine, type OverviewParts } from './digestCards.js';
import { DEFAULT_PREFERENCE, type DigestPreference, type DigestPreferences } from './digestPreferences.js';
import { overviewAudiences } from './overviewAudiences.js';
import { awaitingLine, referralInputFor, unitReminders, type ReferralInput } from './referralPlan.js';

/** One message to one conversation. The content is built when it is sent, so a large run holds few cards. */
export interface Delivery {
  /** What makes the message once-only: the sent key is stored under it. */
  key: string;
  /** Digests and overviews go first, reminders after them, so a person reads the list before the nudges. */
  phase: 1 | 2;
  /** A person by e-mail (with their Entra object id when the register knows it), or a conversation. */
  recipient:
    { kind: 'person'; email: string; aadObjectId?: string } | { kind: 'conversation'; target: ConversationTarget };
  content: (language: Language) => Promise<DeliveryContent>;
}

export type DeliveryContent = { card: AdaptiveCard } | { text: string };

/** Everything the plan of a day depends on, read beforehand. */
export interface PlanInput {
  day: CalendarDate;
  policy: DigestPolicy;
  /** The open remisser of the register. */
  remisser: readonly Remiss[];
  /** The preference of each handläggare with a personal digest, by lower-case e-mail (absent: the default). */
  preferences: ReadonlyMap<string, Pick<DigestPreference, 'subscribed' | 'frequency'>>;
  /** Who gets an overview of which remisser: managers in their own chat, and channels. */
  overviews: readonly OverviewAudience[];
  /** The latest version of each remiss waiting for approval, by diarienummer. */
  waitingApprovals: ReadonlyMap<string, ApprovalVersion>;
  /** How far a remiss's answer has come, for the personal list (read when the card is built). */
  progress: (dnr: string) => Promise<Progress>;
  /** The units' own remisser and whom to remind, for the remisser sent on to units (none: nothing said of them). */
  referral?: ReferralInput;
}

/**
 * The managers and channels that get one overview: of one organisation's remisser, of several (a manager of
 * two gets one overview of both), or of all (`sees` absent: a single organisation, or the kansli).
 */
export interface OverviewAudience {
  sees?: (remiss: Remiss) => boolean;
  managers: readonly string[];
  channels: readonly ConversationTarget[];
}

/** What planInputFor reads from. */
export interface PlanSources {
  register: RemissRepository;
  preferences: DigestPreferences;
  installations: Installations;
  approvals: ApprovalStore;
  organisations: OrganisationDirectory;
  policy: DigestPolicy;
  progress: (dnr: string) => Promise<Progress>;
}

export const hashOf = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);

/** Reads what the plan of `day` depends on. */
export async function planInputFor(sources: PlanSources, day: CalendarDate): Promise<PlanInput> {
  const { policy } = sources;
  const remisser = (await sources.register.listOpen()).map((v) => v.remiss);
  const preferences = new Map<string, Pick<DigestPreference, 'subscribed' | 'frequency'>>();
  for (const email of personalDigests(remisser, day, policy).keys())
    preferences.set(email, await sources.preferences.get(email));
  const waitingApprovals = new Map<string, ApprovalVersion>();
  for (const remiss of remisser.filter((r) => r.status === 'För godkännande')) {
    const latest = latestVersion((await sources.approvals.get(remiss.dnr))?.value);
    if (latest) waitingApprovals.set(remiss.dnr, latest);
  }
  const channels = (await sources.installations.list('channel')).map((channel) => channel.target);
  return {
    day,
    policy,
    remisser,
    preferences,
    overviews: await overviewAudiences(sources.organisations, channels),
    waitingApprovals,
    progress: sources.progress,
    referral: await referralInputFor(sources, remisser, channels, day),
  };
}

/** Everything a run should send on the day, each under the key that makes it once-only, in sending order. */
export function planDeliveries(input: PlanInput): Delivery[] {
  return [
    ...personal(input),
    ...overview(input),
    ...reminders(input),
    ...approvalReminders(input),
    ...(input.referral ? unitReminders(input.referral, input.remisser, input.day) : []),
  ];
}

/** The line under a remiss sent on to units ("2 av 3 har svarat. Svar väntas från …"); '' for the others. */
function awaitingOf({ referral, day }: PlanInput): AwaitingLine | undefined {
  return referral && awaitingLine(referral, day);
}

/** Each subscribed handläggare's own list, once a day or once a week. */
function personal(input: PlanInput): Delivery[] {
  const { day, policy, remisser, preferences, progress } = input;
  const awaiting = awaitingOf(input);
  const deliveries: Delivery[] = [];
  for (const [email, own] of personalDigests(remisser, day, policy)) {
    const preference = preferences.get(email) ?? DEFAULT_PREFERENCE;
    if (!preference.subscribed) continue;
    const period = preference.frequency === 'weekly' ? `week-${weekOf(day).start}` : day;
    deliveries.push({
      key: `${period}/personal/${hashOf(email)}`,
      phase: 1,
      recipient: {
        kind: 'person',
        email,
        aadObjectId: own.find((r) => r.handlaggare?.aadObjectId)?.handlaggare?.aadObjectId,
      },
      content: async (language) => {
        const progressOf = new Map(await Promise.all(own.map(async (r) => [r.dnr, await progress(r.dnr)] as const)));
        return { card: personalDigestCard(own, day, policy, language, progressOf, awaiting) };
      },
    });
  }
  return deliveries;
}

/**
 * Each audience's overview of its open remisser, part by part across the audiences: a conversation takes 7
 * messages a second, so the many parts of one (a city kansli's) sent one after another would hold every sender.
 */
function overview(input: PlanInput): Delivery[] {
  const byAudience = input.overviews.map((audience) =>
    overviewTo(input, audience.sees ? input.remisser.filter(audience.sees) : input.remisser, audience),
  );
  const parts = Math.max(0, ...byAudience.map((a) => a.length));
  return Array.from({ length: parts }, (_, part) => byAudience.flatMap((a) => a[part] ?? [])).flat();
}

/** The overview of `remisser`, part by part, to each manager (in their language) and each channel. */
function overviewTo(
  input: PlanInput,
  remisser: readonly Remiss[],
  { managers, channels }: OverviewAudience,
): Delivery[][] {
  const { day, policy } = input;
  const awaiting = awaitingOf(input);
  if (!remisser.some((r) => isOpen(r.status))) return [];
  // Split once per language; each delivery renders its own part only.
  const split = new Map<Language, OverviewParts>();
  const overviewFor = (language: Language) => {
    const parts = split.get(language) ?? overviewParts(remisser, day, language, policy.handlingStopDays, awaiting);
    split.set(language, parts);
    return parts;
  };
  const cardOf = (language: Language, part: number) =>
    (part < overviewFor(language).count ? overviewFor(language) : overviewFor('sv')).card(part);
  return Array.from({ length: overviewFor('sv').count }, (_, part) => {
    const deliveries: Delivery[] = [];
    for (const email of new Set(managers.map((m) => m.toLowerCase()))) {
      deliveries.push({
        key: `${day}/overview/${hashOf(email)}/${part}`,
        phase: 1,
        recipient: { kind: 'person', email },
        content: async (language) => ({ card: cardOf(language, part) }),
      });
    }
    for (const target of channels) {
      deliveries.push({
        key: `${day}/overview/${hashOf(target.conversationId)}/${part}`,
        phase: 1,
        recipient: { kind: 'conversation', target },
        content: async () => ({ card: cardOf('sv', part) }),
      });
    }
    return deliveries;
  });
}

/** The handläggare's reminders ahead of klart senast: once per remiss, kind and date. */
function reminders({ day, policy, remisser }: PlanInput): Delivery[] {
  return handlaggareReminders(remisser, day, policy).map((reminder) => {
    const { remiss } = reminder;
    return {
      key: `reminder/${reminder.kind}/${hashOf(remiss.dnr)}/${reminder.date}`,
      phase: 2,
      recipient: { kind: 'person', email: reminder.to, aadObjectId: remiss.handlaggare?.aadObjectId },
      content: async (language) => {
        const t = messages(language);
        const ready = formatLongDate(reminder.date, language);
        const deadline = formatLongDate(reminder.deadline, language);
        return {
          text:
            reminder.kind === 'meeting'
              ? t.reminderMeeting(remiss.title, remiss.dnr, ready, deadline)
              : t.reminderDue(remiss.title, remiss.dnr, ready, deadline),
        };
      },
    };
  });
}

/** A reminder under the approver's card of a version left undecided long enough: once per version. */
function approvalReminders({ day, policy, remisser, waitingApprovals }: PlanInput): Delivery[] {
  const deliveries: Delivery[] = [];
  for (const remiss of remisser.filter((r) => r.status === 'För godkännande')) {
    const waiting = waitingApprovals.get(remiss.dnr);
    if (!waiting || waiting.decision || !waiting.approverCard) continue;
    const sentOn = todayIn(new Date(waiting.sentAt));
    if (!approvalReminderDue(sentOn, day, policy.approvalReminderDays)) continue;
    deliveries.push({
      key: `reminder/approval/${hashOf(remiss.dnr)}/v${waiting.version}`,
      phase: 2,
      recipient: { kind: 'conversation', target: waiting.approverCard },
      content: async (language) => ({
        text: messages(language).reminderApproval(
          remiss.title,
          waiting.sentBy.name ?? waiting.sentBy.email ?? '',
          formatLongDate(sentOn, language),
        ),
      }),
    });
  }
  return deliveries;
}
