/**
 * Remittering vidare (issue 21): the kansli sends its remiss on to chosen units (nämnder, förvaltningar, bolag)
 * with an earlier, internal svarsdatum, waits for their answers ("svar väntas") and cites them in its own. Each
 * unit answers its own remiss, linked to the kansli's; a unit's filed answer is linked back by reference. Pure:
 * the feature (src/features/referral) stores, sends and files.
 */
import { z } from 'zod';
import { capitalise, genitive } from './answerPhrasing.js';
import { compareDates, isCalendarDate, todayIn, type CalendarDate } from './calendar.js';
import { addWorkingDays, isWorkingDay } from './holidays.js';
import { listText } from './language.js';
import type { Organisation } from './organisation.js';
import type { Remiss, RemissStatus } from './remiss.js';

/** What a unit says of the proposal, in one word: asked in the unit's form; avstår is the Avstå answer. */
export const UNIT_POSITIONS = ['tillstyrker', 'avstyrker', 'synpunkter', 'avstar'] as const;
export type UnitPosition = (typeof UNIT_POSITIONS)[number];
/** The positions the form offers: avstår is its own answer, not a choice among these. */
export const ANSWER_POSITIONS = ['tillstyrker', 'avstyrker', 'synpunkter'] as const;
export type AnswerPosition = (typeof ANSWER_POSITIONS)[number];

/** A unit's filed answer, by reference: its exact approved bytes stay in the unit's filing and approval. */
export interface UnitDocument {
  /** The unit's remiss. */
  dnr: string;
  /** The approved version, whose stored document has `hash` (sha-256). */
  version: number;
  hash: string;
  /** The filed .docx in the archive, as the filing recorded it. */
  url: string;
  name: string;
}

/** A unit's answer as it came back to the kansli's remiss: once, when it was filed (or when it avstod). */
export interface UnitAnswer {
  at: string;
  position: UnitPosition;
  document?: UnitDocument;
}

/** One unit the kansli's remiss was sent on to. */
export interface ReferredUnit {
  /** The unit's organisation id. */
  organisation: string;
  /** The unit's own remiss, created by the fan-out: see unitDnr. */
  dnr: string;
  /** The internal svarsdatum the kansli gave it. */
  dueDate: CalendarDate;
  sentAt: string;
  /** Who sent it on. */
  by: string;
  message?: string;
  answer?: UnitAnswer;
}

export interface Referral {
  units: ReferredUnit[];
}

/** On a unit's remiss: the kansli's remiss it answers, and what the kansli wrote when it sent it on. */
export interface ReferredBy {
  dnr: string;
  organisation: string;
  message?: string;
}

/** The bounds of what the kansli types when it sends a remiss on. */
export const MAX_REFERRAL_MESSAGE_LENGTH = 2000;
export const MAX_REFERRED_UNITS = 200;

/**
 * The unit's remiss's diarienummer: the kansli's with the unit's short name, so that one kansli remiss gives one
 * remiss per unit whatever happens (a retried fan-out finds the one it made). The unit's registrator keeps their
 * own diarium's number in it or beside it, as they do with any remiss.
 */
export function unitDnr(kansliDnr: string, unit: Organisation): string {
  return `${kansliDnr}-${unit.shortName}`;
}

/**
 * The unit's new remiss, Inkommen in its register: the kansli is its remittent (by its board, Kommunstyrelsen)
 * and the kansli's dnr is the remittent's dnr; the title, links and remissinstanser are the kansli's.
 */
export function unitRemiss(
  kansliRemiss: Remiss,
  kansli: Organisation,
  unit: { id: string; organisation: Organisation },
  sent: { at: string; dueDate: CalendarDate; message?: string },
): Remiss {
  return {
    schemaVersion: kansliRemiss.schemaVersion,
    dnr: unitDnr(kansliRemiss.dnr, unit.organisation),
    remittentDnr: kansliRemiss.dnr,
    title: kansliRemiss.title,
    remittent: capitalise(kansli.board),
    received: todayIn(new Date(sent.at)),
    dueDate: sent.dueDate,
    status: 'Inkommen',
    history: [{ at: sent.at, kind: 'created', source: `vidareremittering:${kansliRemiss.dnr}` }],
    organisation: unit.id,
    ...(kansliRemiss.links && { links: kansliRemiss.links }),
    ...(kansliRemiss.instanser && { instanser: kansliRemiss.instanser }),
    referredBy: {
      dnr: kansliRemiss.dnr,
      organisation: kansliRemiss.organisation ?? kansli.id ?? '',
      ...(sent.message && { message: sent.message }),
    },
  };
}

/** The units a remiss was already sent on to. */
export function referredUnits(remiss: Remiss): readonly ReferredUnit[] {
  return remiss.referral?.units ?? [];
}

/** The kansli's remiss with the units not yet sent to added; the same object when every one already was. */
export function withReferredUnits(remiss: Remiss, units: readonly ReferredUnit[]): Remiss {
  const already = new Set(referredUnits(remiss).map((u) => u.organisation));
  const added: ReferredUnit[] = [];
  for (const unit of units) {
    if (already.has(unit.organisation)) continue;
    already.add(unit.organisation); // a unit chosen both alone and in a group is sent to once
    added.push(unit);
  }
  if (added.length === 0) return remiss;
  return { ...remiss, referral: { units: [...referredUnits(remiss), ...added] } };
}

/** The kansli's remiss with a unit's answer recorded; the same object when it was recorded before (once only). */
export function withUnitAnswer(remiss: Remiss, organisation: string, answer: UnitAnswer): Remiss {
  const units = referredUnits(remiss);
  const unit = units.find((u) => u.organisation === organisation);
  if (!unit || unit.answer) return remiss;
  return { ...remiss, referral: { units: units.map((u) => (u === unit ? { ...u, answer } : u)) } };
}

/** Where a unit is with the kansli's remiss, as the kansli's "svar väntas" shows it. */
export type UnitState = 'notStarted' | 'inProgress' | 'awaitingApproval' | 'answered' | 'avstatt' | 'late';

const IN_PROGRESS: readonly RemissStatus[] = ['Pågår', 'Ändringar begärda'];
const AWAITING_APPROVAL: readonly RemissStatus[] = ['För godkännande', 'Godkänd', 'Klar för diarieföring'];

/**
 * The unit's state from its answer (once linked back) or its own remiss. Late is open past its svarsdatum (an
 * anstånd the kansli gave moves the unit's own svarsdatum, which then counts).
 */
export function unitState(unit: ReferredUnit, own: Remiss | undefined, today: CalendarDate): UnitState {
  if (unit.answer) return unit.answer.position === 'avstar' ? 'avstatt' : 'answered';
  if (own?.status === 'Avstår') return 'avstatt';
  if (own?.status === 'Besvarad') return 'answered';
  if (compareDates(today, own?.dueDate ?? unit.dueDate) > 0) return 'late';
  if (own && AWAITING_APPROVAL.includes(own.status)) return 'awaitingApproval';
  if (own && IN_PROGRESS.includes(own.status)) return 'inProgress';
  return 'notStarted';
}

/** Whether the unit's answer is still awaited. */
export function isAwaited(state: UnitState): boolean {
  return state !== 'answered' && state !== 'avstatt';
}

/**
 * The remissinstans a unit is, as the kansli's answer names it: a förvaltning's or kontor's nämnd
 * ("Socialnämnden"), a bolag by its name ("Stockholm Business Region").
 */
export function instansName(unit: Organisation): string {
  return unit.kind === 'bolag' ? unit.name : capitalise(unit.board);
}

/**
 * The paragraph Ärendets beredning starts from, in the kansli's real phrasing: "Ärendet har remitterats till X,
 * Y och Z. Y och Z har avstått från yttrande."
 */
export function preparationParagraph(asked: readonly Organisation[], avstod: readonly Organisation[]): string {
  if (asked.length === 0) return '';
  const sent = `Ärendet har remitterats till ${listText(asked.map(instansName), 'sv')}.`;
  if (avstod.length === 0) return sent;
  return `${sent} ${listText(avstod.map(instansName), 'sv')} har avstått från yttrande.`;
}

/** The Bilagor lines for the units' answers, numbered from `first`: "Bilaga 2. Socialnämndens yttrande". */
export function answerAttachmentLines(answered: readonly Organisation[], first = 1): string[] {
  return answered.map((unit, i) => `Bilaga ${first + i}. ${genitive(instansName(unit))} yttrande`);
}

export interface ReferralDueDateRules {
  /** The default internal svarsdatum: this many working days before the kansli's own. */
  workingDaysBefore: number;
  /** Fewer working days than this for the units to answer in is warned of. */
  minimumWorkingDays: number;
}

export const DEFAULT_REFERRAL_RULES: ReferralDueDateRules = { workingDaysBefore: 10, minimumWorkingDays: 10 };

/**
 * The internal svarsdatum offered: N working days before the kansli's svarsdatum, never before tomorrow, and never
 * after the kansli's own while that is ahead (a date checkUnitDueDate refuses is no offer).
 */
export function defaultUnitDueDate(kansliDue: CalendarDate, today: CalendarDate, rules: ReferralDueDateRules) {
  const proposed = addWorkingDays(kansliDue, -rules.workingDaysBefore);
  const tomorrow = addWorkingDays(today, 1);
  const offered = compareDates(proposed, tomorrow) < 0 ? tomorrow : proposed;
  return compareDates(offered, kansliDue) > 0 && compareDates(kansliDue, today) > 0 ? kansliDue : offered;
}

/** Why an internal svarsdatum cannot be given. */
export type UnitDueDateError = 'notADate' | 'notAfterToday' | 'afterKansliDue';
/** What is worth a warning about an internal svarsdatum that can be given. */
export type UnitDueDateWarning = 'short' | 'nonWorkingDay';

/** An internal svarsdatum checked: it must be after today and not after the kansli's own; short time is warned. */
export function checkUnitDueDate(
  date: string,
  kansliDue: CalendarDate,
  today: CalendarDate,
  rules: ReferralDueDateRules,
): { error: UnitDueDateError } | { warnings: UnitDueDateWarning[] } {
  if (!isCalendarDate(date)) return { error: 'notADate' };
  if (compareDates(date, today) <= 0) return { error: 'notAfterToday' };
  if (compareDates(date, kansliDue) > 0) return { error: 'afterKansliDue' };
  const warnings: UnitDueDateWarning[] = [];
  if (compareDates(date, addWorkingDays(today, rules.minimumWorkingDays)) < 0) warnings.push('short');
  if (!isWorkingDay(date)) warnings.push('nonWorkingDay');
  return { warnings };
}

const documentSchema = z.object({
  dnr: z.string().min(1).max(200),
  version: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  url: z.string().max(2000),
  name: z.string().max(400),
});
const calendarDate = z.string().refine(isCalendarDate);
const referralSchema = z.object({
  units: z
    .array(
      z.object({
        organisation: z.string().min(1).max(100),
        dnr: z.string().min(1).max(300),
        dueDate: calendarDate,
        sentAt: z.string().max(40),
        by: z.string().max(400),
        message: z.string().max(MAX_REFERRAL_MESSAGE_LENGTH).optional(),
        answer: z
          .object({ at: z.string().max(40), position: z.enum(UNIT_POSITIONS), document: documentSchema.optional() })
          .optional(),
      }),
    )
    .max(MAX_REFERRED_UNITS),
});
const referredBySchema = z.object({
  dnr: z.string().min(1).max(200),
  organisation: z.string().max(100),
  message: z.string().max(MAX_REFERRAL_MESSAGE_LENGTH).optional(),
});

/** A referral read from outside (the SharePoint register's Historik column): the valid one, or none. */
export function parseReferral(value: unknown): Referral | undefined {
  const parsed = referralSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function parseReferredBy(value: unknown): ReferredBy | undefined {
  const parsed = referredBySchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
