/**
 * Fördelning, lämna tillbaka and anstånd (issue 20): how each changes a remiss and what its history keeps. Pure:
 * who may do it is decided by the caller (Access), and the write is the caller's (a conditional save).
 */
import { compareDates, type CalendarDate } from './calendar.js';
import { isOpen, statusRank, type HistoryEntry, type Person, type Remiss } from './remiss.js';

export type DistributionRefusal = 'REMISS_CLOSED' | 'SAME_HANDLAGGARE' | 'NOT_LATER';

export type Changed = { remiss: Remiss } | { refused: DistributionRefusal };

const withEntry = (remiss: Remiss, changes: Partial<Remiss>, ...entries: HistoryEntry[]): Remiss => ({
  ...remiss,
  ...changes,
  history: [...remiss.history, ...entries],
});

/** Assigns (or reassigns) a handläggare; an Inkommen remiss becomes Fördelad. `byEmail` is kept to tell them later. */
export function assign(remiss: Remiss, to: Person, by: string, at: string, byEmail?: string): Changed {
  if (!isOpen(remiss.status)) return { refused: 'REMISS_CLOSED' };
  const previous = remiss.handlaggare;
  if (previous && previous.email.toLowerCase() === to.email.toLowerCase()) return { refused: 'SAME_HANDLAGGARE' };
  const entry: HistoryEntry = {
    at,
    kind: 'assigned',
    to: to.email,
    ...(to.name ? { toName: to.name } : {}),
    ...(previous ? { from: previous.email } : {}),
    by,
    ...(byEmail ? { byEmail } : {}),
  };
  const moved: HistoryEntry[] =
    statusRank(remiss.status) < statusRank('Fördelad')
      ? [{ at, kind: 'statusChanged', from: remiss.status, to: 'Fördelad', by }]
      : [];
  return {
    remiss: withEntry(remiss, { handlaggare: to, status: moved.length ? 'Fördelad' : remiss.status }, entry, ...moved),
  };
}

/** The handläggare gives the remiss back, with why: it is unassigned and Inkommen again. */
export function handBack(remiss: Remiss, by: string, reason: string, at: string): Changed {
  if (!isOpen(remiss.status)) return { refused: 'REMISS_CLOSED' };
  const rest: Remiss = { ...remiss };
  delete rest.handlaggare;
  const moved: HistoryEntry[] =
    remiss.status === 'Inkommen' ? [] : [{ at, kind: 'statusChanged', from: remiss.status, to: 'Inkommen', by }];
  return { remiss: withEntry(rest, { status: 'Inkommen' }, { at, kind: 'handedBack', by, reason }, ...moved) };
}

/** Anstånd asked for: the date asked is kept; the svarsdatum stays until it is given. */
export function requestExtension(remiss: Remiss, to: CalendarDate, by: string, at: string, note?: string): Changed {
  if (!isOpen(remiss.status)) return { refused: 'REMISS_CLOSED' };
  if (compareDates(to, remiss.dueDate) <= 0) return { refused: 'NOT_LATER' };
  return { remiss: withEntry(remiss, {}, { at, kind: 'extensionRequested', to, by, ...(note ? { note } : {}) }) };
}

/** Anstånd given: the svarsdatum moves to `to`, with who at the remittent agreed. */
export function grantExtension(remiss: Remiss, to: CalendarDate, agreedBy: string, by: string, at: string): Changed {
  if (!isOpen(remiss.status)) return { refused: 'REMISS_CLOSED' };
  if (compareDates(to, remiss.dueDate) <= 0) return { refused: 'NOT_LATER' };
  const entry: HistoryEntry = { at, kind: 'extensionGranted', from: remiss.dueDate, to, agreedBy, by };
  return { remiss: withEntry(remiss, { dueDate: to }, entry) };
}

/** The anstånd that set today's svarsdatum, if one did. */
export function grantedExtension(remiss: Remiss): Extract<HistoryEntry, { kind: 'extensionGranted' }> | undefined {
  const last = remiss.history.findLast((e) => e.kind === 'extensionGranted' || e.kind === 'dueDateChanged');
  return last?.kind === 'extensionGranted' && last.to === remiss.dueDate ? last : undefined;
}

/** An anstånd asked for and not (yet) given. */
export function pendingExtension(remiss: Remiss): Extract<HistoryEntry, { kind: 'extensionRequested' }> | undefined {
  const last = remiss.history.findLast((e) => e.kind === 'extensionRequested' || e.kind === 'extensionGranted');
  return last?.kind === 'extensionRequested' ? last : undefined;
}
