/**
 * The texts of the due list and one remiss shown, in Swedish and English.
 */
import type { RemissStatus } from '../domain/remiss.js';

export const sv = {
  listTitleDue: 'Remisser att besvara',
  actingFor: (organisation: string) => `För ${organisation}`,
  switchTo: (organisation: string) => `Byt till ${organisation}`,
  listTitleAll: 'Alla öppna remisser',
  listTitleMine: 'Mina remisser',
  listTitleOverdue: 'Försenade remisser',
  listTitleThisWeek: (from: string, to: string) => `Remisser med svarsdatum den här veckan (${from}–${to})`,
  listCount: (shown: number, total: number) =>
    total === 0
      ? ''
      : shown >= total
        ? `${total} ${total === 1 ? 'remiss' : 'remisser'}, sorterade efter när de ska vara klara.`
        : `Visar ${shown} av ${total} remisser, sorterade efter när de ska vara klara.`,
  listEmpty: 'Det finns inga öppna remisser just nu.',
  mineUnknownUser: 'Jag kunde inte se din e-postadress i Teams, så jag kan inte avgöra vilka remisser som är dina.',
  showMore: 'Visa fler',
  fieldRemittentDnr: 'Remittentens dnr',
  fieldTitle: 'Titel',
  fieldReceived: 'Inkom',
  fieldMeeting: 'Sammanträde',
  fieldApprover: 'Godkännare',
  fieldStatus: 'Status',
  fieldReadyBy: 'Klart senast',
  meetingAfterDue: (meeting: string, due: string) =>
    `Sammanträdet den ${meeting} är efter svarsdatumet den ${due}. Begär anstånd hos remittenten, välj ett ` +
    `tidigare sammanträde eller låt ärendet avgöras på delegation.`,
  /** How a stored status is shown: the stored names are Swedish, whatever the reader's language. */
  statusNames: {
    Inkommen: 'Inkommen',
    Fördelad: 'Fördelad',
    Pågår: 'Pågår',
    'För godkännande': 'För godkännande',
    'Ändringar begärda': 'Ändringar begärda',
    Godkänd: 'Godkänd',
    'Klar för diarieföring': 'Klar för diarieföring',
    Besvarad: 'Besvarad',
    Avstår: 'Avstår',
    Anstånd: 'Anstånd',
  } satisfies Record<RemissStatus, string>,
  noHandlaggare: 'Ej fördelad',
  historyCreated: 'Inlagd i Remissbot',
  historyStatus: (from: string, to: string) => `Status ändrad från ${from} till ${to}`,
  historyDueDate: (from: string, to: string) => `Svarsdatum ändrat från ${from} till ${to}`,
  historyUpdated: (fields: string) => `Uppdaterad: ${fields}`,
  nonWorkingWarning: (dayName: string, readyBy: string, weekend: boolean) =>
    `Svarsdatumet är ${weekend ? 'en ' : ''}${dayName}. Svaret bör vara klart senast ${readyBy}.`,
  continueAt: (step: number, of: number) => `Fortsätt (steg ${step} av ${of})`,
  historyApprovalRequested: (v: number, by: string, approver: string, hash: string) =>
    `${by} skickade version ${v} till ${approver} för godkännande (kontrollsumma ${hash})`,
  historyApproved: (v: number, by: string, hash: string) => `Version ${v} godkänd av ${by} (kontrollsumma ${hash})`,
  historyChangesRequested: (v: number, by: string, comment: string) =>
    `${by} begärde ändringar i version ${v}: ${comment}`,
};

export const en: typeof sv = {
  listTitleDue: 'Remisser to answer',
  actingFor: (organisation: string) => `For ${organisation}`,
  switchTo: (organisation: string) => `Switch to ${organisation}`,
  listTitleAll: 'All open remisser',
  listTitleMine: 'My remisser',
  listTitleOverdue: 'Overdue remisser',
  listTitleThisWeek: (from: string, to: string) => `Remisser due this week (${from}–${to})`,
  listCount: (shown: number, total: number) =>
    total === 0
      ? ''
      : shown >= total
        ? `${total} ${total === 1 ? 'remiss' : 'remisser'}, by when they must be ready.`
        : `Showing ${shown} of ${total} remisser, by when they must be ready.`,
  listEmpty: 'No open remisser here right now.',
  mineUnknownUser: 'I could not see your e-mail address in Teams, so I cannot tell which remisser are yours.',
  showMore: 'Show more',
  fieldRemittentDnr: "Remittent's reference",
  fieldTitle: 'Title',
  fieldReceived: 'Received',
  fieldMeeting: 'Meeting',
  fieldApprover: 'Approver',
  fieldStatus: 'Status',
  fieldReadyBy: 'Ready by',
  meetingAfterDue: (meeting: string, due: string) =>
    `The meeting on ${meeting} is after the reply date, ${due}. Ask the remittent for an extension (anstånd), ` +
    `choose an earlier meeting, or have it decided by delegation.`,
  statusNames: {
    Inkommen: 'Received',
    Fördelad: 'Assigned',
    Pågår: 'In progress',
    'För godkännande': 'Awaiting approval',
    'Ändringar begärda': 'Changes requested',
    Godkänd: 'Approved',
    'Klar för diarieföring': 'Ready to register',
    Besvarad: 'Answered',
    Avstår: 'Declined to comment',
    Anstånd: 'Extension granted',
  },
  noHandlaggare: 'No case officer',
  historyCreated: 'Registered',
  historyStatus: (from: string, to: string) => `Status changed from ${from} to ${to}`,
  historyDueDate: (from: string, to: string) => `Deadline changed from ${from} to ${to}`,
  historyUpdated: (fields: string) => `Updated: ${fields}`,
  nonWorkingWarning: (dayName: string, readyBy: string, weekend: boolean) =>
    `The deadline falls on ${weekend ? 'a ' : ''}${dayName}, a non-working day. Have the answer ready by ${readyBy}.`,
  continueAt: (step: number, of: number) => `Continue (step ${step} of ${of})`,
  historyApprovalRequested: (v: number, by: string, approver: string, hash: string) =>
    `Version ${v} sent for approval by ${by} to ${approver} (checksum ${hash})`,
  historyApproved: (v: number, by: string, hash: string) => `Version ${v} approved by ${by} (checksum ${hash})`,
  historyChangesRequested: (v: number, by: string, comment: string) =>
    `${by} requested changes to version ${v}: ${comment}`,
};
