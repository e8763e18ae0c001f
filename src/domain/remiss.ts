/**
 * The remiss record and its statuses, as described in the primer. Plain data: no SDK, no storage.
 */
import type { CalendarDate } from './calendar.js';
import type { Referral, ReferredBy } from './referral.js';

export const REMISS_STATUSES = [
  'Inkommen',
  'Fördelad',
  'Pågår',
  'För godkännande',
  'Ändringar begärda',
  'Godkänd',
  'Klar för diarieföring',
  'Besvarad',
  'Avstår',
  'Anstånd',
] as const;
export type RemissStatus = (typeof REMISS_STATUSES)[number];

/** Closed remisser are no longer listed as due. */
export const CLOSED_STATUSES: readonly RemissStatus[] = ['Besvarad', 'Avstår'];

/**
 * How far along the workflow a status is. An import never moves a remiss to a lower rank.
 * Ändringar begärda goes back to work but is still further along than Fördelad; Anstånd keeps the
 * remiss open with a later svarsdatum and ranks like Fördelad.
 */
const STATUS_RANK: Record<RemissStatus, number> = {
  Inkommen: 0,
  Fördelad: 1,
  Anstånd: 1,
  Pågår: 2,
  'Ändringar begärda': 2,
  'För godkännande': 3,
  Godkänd: 4,
  'Klar för diarieföring': 5,
  Besvarad: 6,
  Avstår: 6,
};

/**
 * Names statuses had before 1.2 ('Återremitterad' is a nämnd's political decision, not a chef's change request;
 * the registrator diarieför): still read from stored records, the SharePoint register and imports, and written
 * back under the new name, so that one status never has two names.
 */
export const FORMER_STATUS_NAMES: Readonly<Record<string, RemissStatus>> = {
  Återremitterad: 'Ändringar begärda',
  'Klar för registrering': 'Klar för diarieföring',
};

/** A stored or imported status name as today's status, or undefined when it is none. */
export function statusFromName(name: string): RemissStatus | undefined {
  if ((REMISS_STATUSES as readonly string[]).includes(name)) return name as RemissStatus;
  return FORMER_STATUS_NAMES[name];
}

/** The remiss with any former status name (its own and its history's) replaced; the same object when none. */
export function withCurrentStatusNames(remiss: Remiss): Remiss {
  const current = (s: RemissStatus) => statusFromName(s) ?? s;
  const renamed = (e: HistoryEntry) =>
    e.kind === 'statusChanged' && (current(e.from) !== e.from || current(e.to) !== e.to)
      ? { ...e, from: current(e.from), to: current(e.to) }
      : e;
  const history = remiss.history.map(renamed);
  if (current(remiss.status) === remiss.status && history.every((e, i) => e === remiss.history[i])) return remiss;
  return { ...remiss, status: current(remiss.status), history };
}

export function statusRank(status: RemissStatus): number {
  return STATUS_RANK[status];
}

export function isOpen(status: RemissStatus): boolean {
  return !CLOSED_STATUSES.includes(status);
}

export interface Person {
  email: string;
  name?: string;
  phone?: string;
  /** Entra object id, learned when the person talks to the bot. */
  aadObjectId?: string;
}

export type HistoryEntry =
  | { at: string; kind: 'created'; source: string }
  | { at: string; kind: 'statusChanged'; from: RemissStatus; to: RemissStatus; by?: string }
  | { at: string; kind: 'dueDateChanged'; from: CalendarDate; to: CalendarDate; source: string }
  | { at: string; kind: 'updated'; fields: string[]; source: string }
  | { at: string; kind: 'approvalRequested'; version: number; hash: string; by: string; approver: string }
  | { at: string; kind: 'approved'; version: number; hash: string; by: string }
  | { at: string; kind: 'changesRequested'; version: number; hash: string; by: string; comment: string }
  /** Fördelning: `to` the handläggare's e-mail (and name), `by` who assigned; `from` the one before, if any. */
  | { at: string; kind: 'assigned'; to: string; toName?: string; from?: string; by: string; byEmail?: string }
  /** The handläggare gave it back ("Lämna tillbaka"), with why. */
  | { at: string; kind: 'handedBack'; by: string; reason: string }
  /** Anstånd asked of the remittent: the svarsdatum asked for. */
  | { at: string; kind: 'extensionRequested'; to: CalendarDate; by: string; note?: string }
  /** Anstånd given: the svarsdatum moved from → to, agreed by the remittent's `agreedBy`, recorded `by`. */
  | { at: string; kind: 'extensionGranted'; from: CalendarDate; to: CalendarDate; agreedBy: string; by: string };

export const REMISS_SCHEMA_VERSION = 1;

export interface Remiss {
  schemaVersion: typeof REMISS_SCHEMA_VERSION;
  /** Own diarienummer: free text, never validated beyond non-empty. */
  dnr: string;
  remittentDnr?: string;
  title: string;
  remittent: string;
  received: CalendarDate;
  /** Svarsdatum: the remittent's deadline. */
  dueDate: CalendarDate;
  /** Sammanträde: the internal deadline the answer must be ready for. */
  meetingDate?: CalendarDate;
  handlaggare?: Person;
  approver?: Person;
  status: RemissStatus;
  history: HistoryEntry[];
  /**
   * The id of the organisation that answers it (config/organisations). Absent in records from before
   * organisations, and where there is one: then it is the deployment's only (default) organisation.
   */
  organisation?: string;
  /** Where the remiss letter (missivet) and the remitted document can be read: https addresses only. */
  links?: RemissLinks;
  /** The remissinstanser the remittent sent it to, as listed in the missive: free text, one a line. */
  instanser?: string;
  /** The kansli's remiss: the units it was sent on to (remitterad vidare), and their answers. */
  referral?: Referral;
  /** A unit's remiss that the kansli sent on: the kansli's remiss it answers. */
  referredBy?: ReferredBy;
}

export interface RemissLinks {
  missive?: string;
  document?: string;
}

/** The bounds of the free-text fields a person types (the card, the register): longer is refused, not cut. */
export const MAX_LINK_LENGTH = 2000;
export const MAX_INSTANSER_LENGTH = 8000;

/** Whether a text is a plain https address a card may open: no spaces, no credentials, not too long. */
export function isHttpsUrl(text: string): boolean {
  if (text.length > MAX_LINK_LENGTH || /\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && !url.username && !url.password && !!url.hostname;
  } catch {
    return false;
  }
}

/** The remiss's links a card may open (a record edited elsewhere is not trusted to hold https addresses). */
export function openableLinks(remiss: Pick<Remiss, 'links'>): { kind: keyof RemissLinks; url: string }[] {
  return (['missive', 'document'] as const)
    .map((kind) => ({ kind, url: remiss.links?.[kind] ?? '' }))
    .filter((l) => isHttpsUrl(l.url));
}

/** A remiss as read from the register, with the version that a conditional write must name. */
export interface VersionedRemiss {
  remiss: Remiss;
  version: string;
}

/** Whether a person is the remiss's handläggare: by e-mail or UPN, then by Entra object id. */
export function isAssignedTo(
  remiss: Remiss,
  who: { email?: string; userPrincipalName?: string; aadObjectId?: string },
): boolean {
  return isPerson(remiss.handlaggare, who);
}

/** Whether `person` (a handläggare or approver of a remiss) is `who`: by e-mail or UPN, then by Entra object id. */
export function isPerson(
  person: Person | undefined,
  who: { email?: string; userPrincipalName?: string; aadObjectId?: string },
): boolean {
  if (!person) return false;
  const mail = person.email.trim().toLowerCase();
  const candidates = [who.email, who.userPrincipalName]
    .filter((x): x is string => !!x)
    .map((x) => x.trim().toLowerCase());
  if (mail && candidates.includes(mail)) return true;
  return !!person.aadObjectId && !!who.aadObjectId && person.aadObjectId === who.aadObjectId;
}
