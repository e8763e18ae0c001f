/**
 * What the scheduled digest tells whom: each handläggare their own remisser due soon or overdue, the managers
 * and team channels an overview of everything open, and reminders ahead of klart senast and of an approval left
 * waiting. Pure: today's date and the settings come from the caller.
 */
import { compareDates, daysBetween, weekOf, type CalendarDate } from './calendar.js';
import { addWorkingDays } from './holidays.js';
import { byReadyBy, readiness, readyByOnce } from './readyBy.js';
import { isOpen, type Remiss } from './remiss.js';

export interface DigestPolicy {
  horizonDays: number;
  /** Working days before a sammanträde by which its papers must be ready ("klart senast", domain/readyBy). */
  handlingStopDays: number;
  reminderDaysBeforeMeeting: number;
  reminderDaysBeforeDue: number;
  approvalReminderDays: number;
}

/**
 * The handläggare's own open remisser, to be ready ("klart senast") within the horizon or already late, most
 * urgent first, by their e-mail.
 */
export function personalDigests(
  remisser: readonly Remiss[],
  today: CalendarDate,
  policy: Pick<DigestPolicy, 'horizonDays' | 'handlingStopDays'>,
): Map<string, Remiss[]> {
  const byPerson = new Map<string, Remiss[]>();
  const ready = readyByOnce(policy.handlingStopDays);
  for (const r of remisser) {
    const email = r.handlaggare?.email?.toLowerCase();
    if (!email || !isOpen(r.status) || daysBetween(today, ready(r)) > policy.horizonDays) continue;
    byPerson.set(email, [...(byPerson.get(email) ?? []), r]);
  }
  for (const list of byPerson.values()) list.sort(byReadyBy(ready));
  return byPerson;
}

export type OverviewGroup = 'overdue' | 'thisWeek' | 'later' | 'forApproval';
export const OVERVIEW_GROUPS: readonly OverviewGroup[] = ['overdue', 'thisWeek', 'later', 'forApproval'];

/**
 * Every open remiss in one group: waiting for approval (whatever its date), else by "klart senast": passed, this
 * week (Monday to Sunday) or later.
 */
export function overviewGroups(
  remisser: readonly Remiss[],
  today: CalendarDate,
  handlingStopDays: number,
): Record<OverviewGroup, Remiss[]> {
  const groups: Record<OverviewGroup, Remiss[]> = { overdue: [], thisWeek: [], later: [], forApproval: [] };
  const week = weekOf(today);
  const ready = readyByOnce(handlingStopDays);
  for (const r of [...remisser].sort(byReadyBy(ready))) {
    if (!isOpen(r.status)) continue;
    if (r.status === 'För godkännande') groups.forApproval.push(r);
    else if (compareDates(ready(r), today) < 0) groups.overdue.push(r);
    else if (compareDates(ready(r), week.end) <= 0) groups.thisWeek.push(r);
    else groups.later.push(r);
  }
  return groups;
}

/**
 * A reminder of klart senast (`date`), set by the meeting's handling stop or by the svarsdatum (`kind`);
 * `deadline` is that meeting's or svarsdatum's own date.
 */
export interface Reminder {
  kind: 'meeting' | 'due';
  remiss: Remiss;
  to: string;
  date: CalendarDate;
  deadline: CalendarDate;
}

/**
 * Reminders to the handläggare that are due on `today`: from N working days before klart senast (N for a
 * meeting's handling stop or for the svarsdatum, whichever sets it) until that day. A reminder is identified by
 * its kind, remiss and date, so the caller sends each once even if the digest did not run on the exact day.
 */
export function handlaggareReminders(
  remisser: readonly Remiss[],
  today: CalendarDate,
  policy: DigestPolicy,
): Reminder[] {
  const reminders: Reminder[] = [];
  for (const r of remisser) {
    const to = r.handlaggare?.email?.toLowerCase();
    if (
      !to ||
      !isOpen(r.status) ||
      r.status === 'För godkännande' ||
      r.status === 'Godkänd' ||
      r.status === 'Klar för diarieföring'
    )
      continue;
    const ready = readiness(r, policy.handlingStopDays);
    const byMeeting = ready.setBy === 'meeting';
    const days = byMeeting ? policy.reminderDaysBeforeMeeting : policy.reminderDaysBeforeDue;
    if (inWindow(today, ready.date, days))
      reminders.push({
        kind: ready.setBy,
        remiss: r,
        to,
        date: ready.date,
        deadline: byMeeting ? r.meetingDate! : r.dueDate,
      });
  }
  return reminders;
}

/** From `workingDays` working days before `date` up to and including `date`. */
function inWindow(today: CalendarDate, date: CalendarDate, workingDays: number): boolean {
  return compareDates(today, addWorkingDays(date, -workingDays)) >= 0 && compareDates(today, date) <= 0;
}

/** Whether an approval sent on `sentOn` and still undecided has waited long enough for a reminder. */
export function approvalReminderDue(sentOn: CalendarDate, today: CalendarDate, approvalReminderDays: number): boolean {
  return compareDates(today, addWorkingDays(sentOn, approvalReminderDays)) >= 0;
}
