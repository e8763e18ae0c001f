/**
 * Reading a remiss sent on, for what the cards show of it (the kansli's form and preview, the detail card, the
 * unit's notice): the kansli's name, and each unit with the state of its own remiss.
 */
import type { CalendarDate } from '../../domain/calendar.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';
import { unitAnswerRows, type UnitAnswerRow } from '../../domain/referralAnswer.js';
import { referredUnits } from '../../domain/referral.js';
import type { Remiss } from '../../domain/remiss.js';
import type { RemissRepository } from '../../register/remissRepository.js';

/** The kansli that sent a unit's remiss on, by name ("Stadsledningskontoret"); its board when it is not known. */
export function kansliName(remiss: Remiss, organisations: OrganisationDirectory): string {
  const kansli = remiss.referredBy && organisations.byId(remiss.referredBy.organisation);
  return kansli ? kansli.name : remiss.remittent;
}

/** Each unit the kansli's remiss was sent on to, with its state: its own remiss is read from the register. */
export async function readUnitAnswerRows(
  register: RemissRepository,
  organisations: OrganisationDirectory,
  remiss: Remiss,
  today: CalendarDate,
): Promise<UnitAnswerRow[]> {
  const own = await Promise.all(
    referredUnits(remiss).map(async (u) => [u.dnr, (await register.get(u.dnr))?.remiss] as const),
  );
  const byDnr = new Map(own);
  return unitAnswerRows(
    remiss,
    (dnr) => byDnr.get(dnr),
    today,
    (id) => organisations.byId(id),
  );
}
