/** A remiss's history, line by line, as the detail card shows it. */
import type { Language } from '../../domain/language.js';
import type { HistoryEntry } from '../../domain/remiss.js';
import { formatLongDate } from '../../domain/swedishDates.js';
import { messages } from '../../i18n/messages.js';

/** Record field names as the user reads them; unknown names are shown as they are. */
function fieldLabel(field: string, language: Language): string {
  const t = messages(language);
  const labels: Record<string, string> = {
    dnr: t.fieldDnr,
    remittentDnr: t.fieldRemittentDnr,
    title: t.fieldTitle,
    remittent: t.fieldRemittent,
    received: t.fieldReceived,
    dueDate: t.fieldDueDate,
    meetingDate: t.fieldMeeting,
    handlaggare: t.fieldHandlaggare,
    approver: t.fieldApprover,
    status: t.fieldStatus,
  };
  return (labels[field] ?? field).toLowerCase();
}

export function historyText(entry: HistoryEntry, language: Language): string {
  const t = messages(language);
  switch (entry.kind) {
    case 'created':
      return t.historyCreated;
    case 'statusChanged':
      return t.historyStatus(t.statusNames[entry.from], t.statusNames[entry.to]);
    case 'dueDateChanged':
      return t.historyDueDate(formatLongDate(entry.from, language), formatLongDate(entry.to, language));
    case 'updated':
      return t.historyUpdated(entry.fields.map((f) => fieldLabel(f, language)).join(', '));
    case 'approvalRequested':
      return t.historyApprovalRequested(entry.version, entry.by, entry.approver, entry.hash.slice(0, 12));
    case 'approved':
      return t.historyApproved(entry.version, entry.by, entry.hash.slice(0, 12));
    case 'changesRequested':
      return t.historyChangesRequested(entry.version, entry.by, entry.comment);
    case 'assigned':
      return entry.from
        ? t.historyReassigned(entry.from, entry.toName ?? entry.to, entry.by)
        : t.historyAssigned(entry.toName ?? entry.to, entry.by);
    case 'handedBack':
      return t.historyHandedBack(entry.by, entry.reason);
    case 'extensionRequested':
      return t.historyExtensionRequested(formatLongDate(entry.to, language), entry.by);
    case 'extensionGranted':
      return t.historyExtensionGranted(
        formatLongDate(entry.from, language),
        formatLongDate(entry.to, language),
        entry.agreedBy,
        entry.by,
      );
  }
}
