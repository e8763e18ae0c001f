/**
 * How a row of a diarium export becomes (or updates) a remiss. The diarium owns the registration data
 * (title, remittent, dates, handläggare, dnr); Remissbot owns the workflow. So a re-import updates only
 * the former, never moves a status backwards, and keeps a changed svarsdatum in the history.
 */
import type { CalendarDate } from './calendar.js';
import {
  REMISS_SCHEMA_VERSION,
  statusRank,
  type HistoryEntry,
  type Person,
  type Remiss,
  type RemissStatus,
} from './remiss.js';

export interface ImportedRemiss {
  dnr: string;
  title: string;
  remittent: string;
  remittentDnr?: string;
  received: CalendarDate;
  dueDate: CalendarDate;
  meetingDate?: CalendarDate;
  handlaggareEmail: string;
  approverEmail?: string;
  /** Absent when the export's status cell is empty. */
  status?: RemissStatus;
  /** The answering organisation's id; absent where the deployment has one organisation. */
  organisation?: string;
}

/** An empty status means Fördelad when a handläggare is given (the import always has one). */
function statusFromRow(row: ImportedRemiss): RemissStatus {
  return row.status ?? (row.handlaggareEmail ? 'Fördelad' : 'Inkommen');
}

function samePerson(person: Person | undefined, email: string | undefined): boolean {
  return (person?.email.toLowerCase() ?? '') === (email?.toLowerCase() ?? '');
}

/** A changed e-mail is a new person; the same e-mail keeps what the bot learned (name, phone, object id). */
function personFrom(existing: Person | undefined, email: string | undefined): Person | undefined {
  if (!email) return existing;
  return samePerson(existing, email) ? existing : { email };
}

export function applyImport(
  existing: Remiss | undefined,
  row: ImportedRemiss,
  now: Date,
  source: string,
): { remiss: Remiss; changed: boolean } {
  const at = now.toISOString();
  if (!existing) {
    // Optional fields are left out rather than stored as undefined, so a new record reads back equal.
    const remiss: Remiss = {
      schemaVersion: REMISS_SCHEMA_VERSION,
      dnr: row.dnr.trim(),
      title: row.title,
      remittent: row.remittent,
      received: row.received,
      dueDate: row.dueDate,
      status: statusFromRow(row),
      history: [{ at, kind: 'created', source }],
    };
    if (row.handlaggareEmail) remiss.handlaggare = { email: row.handlaggareEmail };
    if (row.remittentDnr) remiss.remittentDnr = row.remittentDnr;
    if (row.meetingDate) remiss.meetingDate = row.meetingDate;
    if (row.approverEmail) remiss.approver = { email: row.approverEmail };
    if (row.organisation) remiss.organisation = row.organisation;
    return { remiss, changed: true };
  }

  const history: HistoryEntry[] = [];
  const updated: Remiss = { ...existing };
  const changedFields: string[] = [];
  const setIfChanged = <K extends 'title' | 'remittent' | 'remittentDnr' | 'received' | 'meetingDate' | 'organisation'>(
    field: K,
    value: Remiss[K] | undefined,
  ) => {
    // An empty cell means "the diarium says nothing", not "clear it".
    if (value !== undefined && value !== existing[field]) {
      updated[field] = value;
      changedFields.push(field);
    }
  };
  setIfChanged('title', row.title);
  setIfChanged('remittent', row.remittent);
  setIfChanged('remittentDnr', row.remittentDnr);
  setIfChanged('received', row.received);
  setIfChanged('meetingDate', row.meetingDate);
  setIfChanged('organisation', row.organisation);
  if (row.handlaggareEmail && !samePerson(existing.handlaggare, row.handlaggareEmail)) {
    updated.handlaggare = personFrom(existing.handlaggare, row.handlaggareEmail);
    changedFields.push('handlaggare');
  }
  if (row.approverEmail && !samePerson(existing.approver, row.approverEmail)) {
    updated.approver = personFrom(existing.approver, row.approverEmail);
    changedFields.push('approver');
  }
  if (changedFields.length > 0) history.push({ at, kind: 'updated', fields: changedFields, source });
  if (row.dueDate !== existing.dueDate) {
    updated.dueDate = row.dueDate;
    history.push({ at, kind: 'dueDateChanged', from: existing.dueDate, to: row.dueDate, source });
  }
  const status = statusFromRow(row);
  if (statusRank(status) > statusRank(existing.status)) {
    updated.status = status;
    history.push({ at, kind: 'statusChanged', from: existing.status, to: status, by: source });
  }
  if (history.length === 0) return { remiss: existing, changed: false };
  updated.history = [...existing.history, ...history];
  return { remiss: updated, changed: true };
}
