/**
 * What the digest says of remisser the kansli sent on to its units (issue 21): on the kansli's remiss, how many
 * units have answered and whose answers are still awaited ("svar väntas"), the late ones with how late; and which
 * units are late with their answer, to be reminded. Pure: each unit's own remiss is looked up by the caller.
 */
import { daysBetween, type CalendarDate } from './calendar.js';
import { isAwaited, referredUnits, unitState, type ReferredUnit } from './referral.js';
import { isOpen, type Remiss } from './remiss.js';

/** A unit's own remiss by its diarienummer, as far as the caller has it. */
export type UnitRemissLookup = (dnr: string) => Remiss | undefined;

/** A unit whose answer is still awaited; `lateDays` when it is past its svarsdatum. */
export interface AwaitedUnit {
  organisation: string;
  lateDays?: number;
}

/** Where the units a remiss was sent on to are with it: how many of them have answered, and who is awaited. */
export interface ReferralStatus {
  total: number;
  answered: number;
  awaited: AwaitedUnit[];
}

/** The unit's own remiss: the one its referral names, and only if that remiss answers this kansli remiss. */
function ownRemiss(kansliRemiss: Remiss, unit: ReferredUnit, lookup: UnitRemissLookup): Remiss | undefined {
  const own = lookup(unit.dnr);
  return own?.referredBy?.dnr === kansliRemiss.dnr ? own : undefined;
}

/** Undefined for a remiss that was not sent on. Avstått counts as answered: nothing more is awaited. */
export function referralStatus(
  remiss: Remiss,
  lookup: UnitRemissLookup,
  today: CalendarDate,
): ReferralStatus | undefined {
  const units = referredUnits(remiss);
  if (units.length === 0) return undefined;
  const awaited: AwaitedUnit[] = [];
  for (const unit of units) {
    const own = ownRemiss(remiss, unit, lookup);
    const state = unitState(unit, own, today);
    if (!isAwaited(state)) continue;
    const due = own?.dueDate ?? unit.dueDate;
    awaited.push({ organisation: unit.organisation, ...(state === 'late' && { lateDays: daysBetween(due, today) }) });
  }
  return { total: units.length, answered: units.length - awaited.length, awaited };
}

/** A unit late with its answer to the kansli: its own remiss, still open past its svarsdatum. */
export interface LateUnit {
  kansliRemiss: Remiss;
  unit: ReferredUnit;
  /** The unit's own remiss; its dueDate is the svarsdatum the kansli gave (moved by an anstånd). */
  remiss: Remiss;
  lateDays: number;
}

/**
 * The units late with their answer to an open kansli remiss: their own remiss open past its svarsdatum and no
 * answer linked back. A unit whose remiss is closed, or whose kansli remiss is answered already, is not late.
 */
export function lateUnits(remisser: readonly Remiss[], lookup: UnitRemissLookup, today: CalendarDate): LateUnit[] {
  const late: LateUnit[] = [];
  for (const kansliRemiss of remisser) {
    if (!isOpen(kansliRemiss.status)) continue;
    for (const unit of referredUnits(kansliRemiss)) {
      const own = ownRemiss(kansliRemiss, unit, lookup);
      if (!own || !isOpen(own.status) || unitState(unit, own, today) !== 'late') continue;
      late.push({ kansliRemiss, unit, remiss: own, lateDays: daysBetween(own.dueDate, today) });
    }
  }
  return late;
}
