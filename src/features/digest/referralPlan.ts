/**
 * The digest's part in remittering vidare (issue 21): the kansli's overview and its handläggare's own list say,
 * under each remiss sent on to units, how many have answered and whose answers are still awaited; and a unit
 * late with its answer is reminded once per svarsdatum, through its handläggare, else its channel, else its
 * registrators. Each unit's own remiss is found in the run's list of open remisser (indexed by dnr); only one closed
 * before its answer was linked back is read besides.
 */
import { renderCard } from '../../cards/cardTemplates.js';
import type { CalendarDate } from '../../domain/calendar.js';
import type { Language } from '../../domain/language.js';
import type { Organisation } from '../../domain/organisation.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';
import { instansName, referredUnits } from '../../domain/referral.js';
import { lateUnits, referralStatus, type LateUnit, type UnitRemissLookup } from '../../domain/referralDigest.js';
import type { Remiss } from '../../domain/remiss.js';
import { daysLeftText, formatLongDate } from '../../domain/swedishDates.js';
import { messages } from '../../i18n/messages.js';
import type { ConversationTarget } from '../../messaging/messenger.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import type { AwaitingLine } from './digestCards.js';
import { hashOf, type Delivery } from './digestPlan.js';
import { SENT_KEY_DAYS } from './index.js';
import { isChannelOf } from './overviewAudiences.js';

/** Whom a unit without a handläggare on its remiss is reminded through. */
export interface UnitContacts {
  /** Its registrators by lower-case e-mail, reminded when it has no channel the bot is in. */
  registrators: readonly string[];
  channel?: ConversationTarget;
}

/** What the digest's referral parts depend on, read beforehand. */
export interface ReferralInput {
  /** The units' own remisser by dnr: the open ones of the run's list, and those read besides. */
  unitRemisser: ReadonlyMap<string, Remiss>;
  /** An organisation by its id: the kansli's name, a unit's name as a remissinstans. */
  organisation: (id: string) => Organisation | undefined;
  /** By organisation id, for the late units that have no handläggare. */
  contacts: ReadonlyMap<string, UnitContacts>;
}

/** Reads what the referral parts of the plan of `day` depend on, from the run's open remisser. */
export async function referralInputFor(
  sources: { register: RemissRepository; organisations: OrganisationDirectory },
  remisser: readonly Remiss[],
  channels: readonly ConversationTarget[],
  day: CalendarDate,
): Promise<ReferralInput> {
  const { register, organisations } = sources;
  const unitRemisser = new Map(remisser.filter((r) => r.referredBy).map((r) => [r.dnr, r]));
  // A unit's remiss closed (Besvarad, Avstår) is not in the open list: read only those whose answer is not
  // linked back yet (normally none; the answer comes back when it is filed), not every unit's.
  const missing = remisser.flatMap((r) => referredUnits(r).filter((u) => !u.answer && !unitRemisser.has(u.dnr)));
  for (const found of await Promise.all([...new Set(missing.map((u) => u.dnr))].map((dnr) => register.get(dnr))))
    if (found) unitRemisser.set(found.remiss.dnr, found.remiss);
  const contacts = new Map<string, UnitContacts>();
  for (const { remiss } of lateUnits(remisser, (dnr) => unitRemisser.get(dnr), day)) {
    const id = remiss.organisation ?? '';
    if (remiss.handlaggare?.email || contacts.has(id)) continue;
    const unit = organisations.of(remiss);
    contacts.set(id, {
      registrators: await organisations.peopleWith('registrator', unit),
      channel: channels.find((c) => isChannelOf(unit, c)),
    });
  }
  return { unitRemisser, organisation: (id) => organisations.byId(id), contacts };
}

/** "2 av 3 har svarat. Svar väntas från Socialnämnden och …" for a remiss sent on; '' for any other. */
export function awaitingLine(input: ReferralInput, day: CalendarDate): AwaitingLine {
  const lookup: UnitRemissLookup = (dnr) => input.unitRemisser.get(dnr);
  return (remiss, language) => {
    const status = referralStatus(remiss, lookup, day);
    if (!status) return '';
    const t = messages(language);
    const names = status.awaited.map(({ organisation, lateDays }) => {
      const unit = input.organisation(organisation);
      const name = unit ? instansName(unit) : organisation;
      return lateDays === undefined ? name : t.referralLateUnit(name, daysLeftText(-lateDays, language));
    });
    const answered = t.awaitedSummary(status.answered, status.total);
    return names.length === 0 ? answered : `${answered} ${t.referralAwaited(names)}`;
  };
}

/**
 * How long after its svarsdatum a late unit may still be reminded: less than its sent key is kept, so that the
 * key outlives the days on which the reminder is planned and the reminder is never sent a second time.
 */
export const UNIT_REMINDER_DAYS = SENT_KEY_DAYS - 3;

/**
 * A reminder to each unit late with its answer, after the other reminders: once per unit remiss, svarsdatum
 * (an anstånd gives a new one) and recipient, within UNIT_REMINDER_DAYS of that svarsdatum.
 */
export function unitReminders(input: ReferralInput, remisser: readonly Remiss[], day: CalendarDate): Delivery[] {
  const late = lateUnits(remisser, (dnr) => input.unitRemisser.get(dnr), day);
  return late
    .filter((l) => l.lateDays <= UNIT_REMINDER_DAYS)
    .flatMap((late) =>
      recipientsOf(input, late.remiss).map((recipient): Delivery => ({
        key: `reminder/unit/${hashOf(late.remiss.dnr)}/${late.remiss.dueDate}/${hashOf(idOf(recipient))}`,
        phase: 2,
        recipient,
        // A channel is written to in Swedish (the delivery asks for 'sv'), a person in their language.
        content: async (language) => ({ card: unitReminderCard(input, late, language) }),
      })),
    );
}

/**
 * The unit's remiss's handläggare; else, as when the remiss arrived (the fan-out's notice), its channel (if the bot
 * is in it); else its registrators; else nobody.
 */
function recipientsOf({ contacts }: ReferralInput, remiss: Remiss): Delivery['recipient'][] {
  const handlaggare = remiss.handlaggare;
  if (handlaggare?.email)
    return [{ kind: 'person', email: handlaggare.email.toLowerCase(), aadObjectId: handlaggare.aadObjectId }];
  const unit = contacts.get(remiss.organisation ?? '');
  if (unit?.channel) return [{ kind: 'conversation', target: unit.channel }];
  return (unit?.registrators ?? []).map((email) => ({ kind: 'person', email }));
}

const idOf = (recipient: Delivery['recipient']) =>
  recipient.kind === 'person' ? recipient.email : recipient.target.conversationId;

/** The reminder a late unit gets: the kansli waits for its answer, past the svarsdatum it gave. */
export function unitReminderCard({ organisation }: ReferralInput, late: LateUnit, language: Language) {
  const t = messages(language);
  const kansliId = late.remiss.referredBy?.organisation || late.kansliRemiss.organisation || '';
  const kansli = organisation(kansliId)?.name ?? late.remiss.remittent;
  const { remiss } = late;
  return renderCard('digest-reminder', {
    title: t.unitReminderTitle(kansli),
    text: t.unitReminder(kansli, remiss.title, remiss.dnr, formatLongDate(remiss.dueDate, language), late.lateDays),
    showLabel: t.unitReminderShow,
    dnr: remiss.dnr,
  });
}
