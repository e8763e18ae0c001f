/**
 * A remiss as a SharePoint list item's fields, and back. Column internal names come from the organisation's
 * config; the organisation column is the register's only where the deployment has several organisations, so a
 * single organisation's list needs none (and an item without a value belongs to the default organisation).
 * Date-only columns hold calendar dates in Europe/Stockholm whatever the site's time zone: Graph gives and takes
 * them as UTC instants, so a date is written as Stockholm's midnight and read back in Stockholm.
 */
import { parseReferral, parseReferredBy } from '../../domain/referral.js';
import { isCalendarDate, todayIn, type CalendarDate } from '../../domain/calendar.js';
import type { RemissListColumns } from '../../domain/organisation.js';
import {
  REMISS_SCHEMA_VERSION,
  statusFromName,
  withCurrentStatusNames,
  type HistoryEntry,
  type Person,
  type Remiss,
} from '../../domain/remiss.js';
import { InternalError } from '../../domain/internalError.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';

const ZONE = 'Europe/Stockholm';

/** The UTC instant at which a calendar date begins in Stockholm (23:00 or 22:00 UTC the day before). */
export function dateToSharePoint(date: CalendarDate): string {
  for (const hoursBefore of [1, 2]) {
    const instant = new Date(Date.parse(`${date}T00:00:00Z`) - hoursBefore * 3_600_000);
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, hour: '2-digit', hourCycle: 'h23' }).format(
      instant,
    );
    if (todayIn(instant, ZONE) === date && Number(local) === 0) return instant.toISOString().replace('.000Z', 'Z');
  }
  throw new InternalError('NO_STOCKHOLM_MIDNIGHT', date);
}

/** A date column's value as the Stockholm calendar date it stands for. */
export function dateFromSharePoint(value: unknown): CalendarDate | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  if (isCalendarDate(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : todayIn(instant, ZONE);
}

/** Who a person column (lookup id) or e-mail column names. */
export interface PersonColumns {
  emailOf(lookupId: number): Promise<string | undefined>;
  lookupIdOf(email: string): Promise<number>;
}

export type ItemFields = Record<string, unknown>;

/** The register's columns as the deployment uses them: `organisation` is absent where there is one organisation. */
export type ListColumns = Omit<RemissListColumns, 'organisation'> & { organisation?: string };

/** The deployment's register columns: the default organisation's mapping, with its organisation column if several. */
export function registerColumns(organisations: OrganisationDirectory): ListColumns {
  const { organisation, ...columns } = organisations.defaultOrganisation.remissListColumns;
  return organisations.organisations.length > 1 ? { ...columns, organisation } : columns;
}

/** The fields to select when reading items. */
export function selectedFields(c: ListColumns): string[] {
  const person = (name: string, kind: 'email' | 'person') => (kind === 'person' ? `${name}LookupId` : name);
  return [
    c.dnr,
    c.title,
    c.remittentDnr,
    c.remittent,
    c.received,
    c.dueDate,
    c.meetingDate,
    person(c.handlaggare, c.handlaggareKind),
    person(c.approver, c.approverKind),
    c.status,
    c.history,
    ...(c.organisation ? [c.organisation] : []),
  ];
}

/** Reads an item; a reason instead when it cannot be a remiss (an edit in the browser left it incomplete). */
export async function remissFromFields(
  fields: ItemFields,
  c: ListColumns,
  people: PersonColumns,
): Promise<Remiss | { invalid: string }> {
  const text = (name: string) =>
    typeof fields[name] === 'string' && (fields[name] as string).trim() ? (fields[name] as string).trim() : undefined;
  const dnr = text(c.dnr);
  const title = text(c.title);
  const dueDate = dateFromSharePoint(fields[c.dueDate]);
  const status = statusFromName(text(c.status) ?? 'Inkommen');
  if (!dnr) return { invalid: c.dnr };
  if (!title) return { invalid: c.title };
  if (!dueDate) return { invalid: c.dueDate };
  if (!status) return { invalid: c.status };
  const person = async (name: string, kind: 'email' | 'person'): Promise<Person | undefined> => {
    if (kind === 'email') return text(name) ? { email: text(name)!.toLowerCase() } : undefined;
    const id = Number(fields[`${name}LookupId`]);
    const email = Number.isInteger(id) && id > 0 ? await people.emailOf(id) : undefined;
    return email ? { email: email.toLowerCase() } : undefined;
  };
  // The history may still name former statuses; the item is written back under today's names on its next save.
  return withCurrentStatusNames({
    schemaVersion: REMISS_SCHEMA_VERSION,
    dnr,
    title,
    remittentDnr: text(c.remittentDnr),
    remittent: text(c.remittent) ?? '',
    received: dateFromSharePoint(fields[c.received]) ?? dueDate,
    dueDate,
    meetingDate: dateFromSharePoint(fields[c.meetingDate]),
    handlaggare: await person(c.handlaggare, c.handlaggareKind),
    approver: await person(c.approver, c.approverKind),
    status,
    ...parseHistory(fields[c.history]),
    ...(c.organisation && text(c.organisation) ? { organisation: text(c.organisation) } : {}),
  });
}

/**
 * The Historik column holds the history, as a JSON array; a remiss with links or remissinstanser (registered in
 * Teams) or sent on by the kansli keeps them there too, as `{ "history": [...], "links": {...}, "instanser": "...",
 * "referral": {...}, "referredBy": {...} }`, so that a list without columns for them keeps working. An item of
 * before, or one without them, is the plain array.
 */
function parseHistory(value: unknown): Pick<Remiss, 'history' | 'links' | 'instanser' | 'referral' | 'referredBy'> {
  if (typeof value !== 'string' || !value) return { history: [] };
  try {
    const parsed: unknown = JSON.parse(value);
    const record = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
    const entries = Array.isArray(parsed) ? parsed : Array.isArray(record.history) ? record.history : [];
    const history = entries.filter(
      (e) => e && typeof e === 'object' && typeof (e as { kind?: unknown }).kind === 'string',
    ) as HistoryEntry[];
    const links = record.links && typeof record.links === 'object' ? (record.links as Record<string, unknown>) : {};
    const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    const missive = text(links.missive);
    const document = text(links.document);
    const instanser = text(record.instanser);
    const referral = parseReferral(record.referral);
    const referredBy = parseReferredBy(record.referredBy);
    return {
      history,
      ...((missive || document) && { links: { ...(missive && { missive }), ...(document && { document }) } }),
      ...(instanser && { instanser }),
      ...(referral && { referral }),
      ...(referredBy && { referredBy }),
    };
  } catch {
    return { history: [] };
  }
}

function historyColumn(r: Remiss): string {
  if (!r.links && !r.instanser && !r.referral && !r.referredBy) return JSON.stringify(r.history);
  const { history, links, instanser, referral, referredBy } = r;
  return JSON.stringify({ history, links, instanser, referral, referredBy });
}

export async function fieldsFromRemiss(r: Remiss, c: ListColumns, people: PersonColumns): Promise<ItemFields> {
  const person = async (name: string, kind: 'email' | 'person', p: Person | undefined): Promise<ItemFields> => {
    if (kind === 'email') return { [name]: p?.email ?? null };
    return { [`${name}LookupId`]: p ? String(await people.lookupIdOf(p.email)) : null };
  };
  return {
    [c.dnr]: r.dnr,
    [c.title]: r.title,
    [c.remittentDnr]: r.remittentDnr ?? null,
    [c.remittent]: r.remittent,
    [c.received]: dateToSharePoint(r.received),
    [c.dueDate]: dateToSharePoint(r.dueDate),
    [c.meetingDate]: r.meetingDate ? dateToSharePoint(r.meetingDate) : null,
    ...(await person(c.handlaggare, c.handlaggareKind, r.handlaggare)),
    ...(await person(c.approver, c.approverKind, r.approver)),
    [c.status]: r.status,
    [c.history]: historyColumn(r),
    ...(c.organisation ? { [c.organisation]: r.organisation ?? null } : {}),
  };
}
