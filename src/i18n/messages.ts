/**
 * Every text a user sees in chat, in Swedish (the default) and English. Documents are always Swedish and
 * do not use this table.
 */
import type { Language } from '../domain/language.js';

const sv = {
  welcomeTitle: 'Hej! Jag är Remissbot',
  welcomeBody:
    'Jag håller reda på remisserna ni ska besvara: vad som är på väg, vad som är försenat och vem som har vilken. Skriv till mig när du vill veta vad som ska besvaras.',
  welcomeTry: 'Prova att skriva:',
  helpTitle: 'Det här kan du skriva till mig',
  helpIntro: 'Tryck på en knapp eller skriv frågan med egna ord.',
  notUnderstood: 'Det förstod jag inte riktigt. Här är vad jag kan svara på:',
  cmdDue: 'Vilka remisser ska besvaras?',
  cmdMine: 'Mina remisser',
  cmdOverdue: 'Försenade remisser',
  cmdThisWeek: 'Remisser denna vecka',
  cmdAll: 'Vilka remisser har vi?',
  cmdHelp: 'Hjälp',
  cmdLanguage: 'English',
  languageSet: 'Jag svarar på svenska från och med nu.',
  listTitleDue: 'Remisser att besvara',
  listTitleAll: 'Alla öppna remisser',
  listTitleMine: 'Mina remisser',
  listTitleOverdue: 'Försenade remisser',
  listTitleThisWeek: (from: string, to: string) => `Remisser med svarsdatum denna vecka (${from}–${to})`,
  listCount: (shown: number, total: number) =>
    total === 0 ? '' : shown >= total ? `${total} ${total === 1 ? 'remiss' : 'remisser'}, närmast svarsdatum först.` : `Visar ${shown} av ${total}, närmast svarsdatum först.`,
  listEmpty: 'Inga öppna remisser här just nu.',
  listEmptyMine: 'Du har inga öppna remisser tilldelade just nu.',
  mineUnknownUser: 'Jag kunde inte se din e-postadress i Teams, så jag kan inte avgöra vilka remisser som är dina.',
  showMore: 'Visa fler',
  show: 'Visa',
  back: 'Tillbaka till listan',
  fieldDnr: 'Dnr',
  fieldRemittentDnr: 'Remittentens dnr',
  fieldTitle: 'Titel',
  fieldRemittent: 'Remittent',
  fieldReceived: 'Inkom',
  fieldDueDate: 'Svarsdatum',
  fieldMeeting: 'Sammanträde',
  fieldHandlaggare: 'Handläggare',
  fieldApprover: 'Godkännare',
  fieldStatus: 'Status',
  noHandlaggare: 'Ingen handläggare',
  history: 'Historik',
  historyCreated: 'Registrerad',
  historyStatus: (from: string, to: string) => `Status ändrad från ${from} till ${to}`,
  historyDueDate: (from: string, to: string) => `Svarsdatum ändrat från ${from} till ${to}`,
  historyUpdated: (fields: string) => `Uppdaterad: ${fields}`,
  nonWorkingWarning: (dayName: string, readyBy: string) => `Svarsdatum infaller på ${dayName}. Svaret bör vara klart senast ${readyBy}.`,
  remissNotFound: 'Jag hittar ingen remiss med det diarienumret.',
  invalidAction: 'Det där kortet går inte att använda längre. Skriv "remisser" för att få en ny lista.',
  somethingWentWrong: 'Något gick fel hos mig och det du bad om blev inte gjort. Försök igen om en stund.',
  notAvailableHere: 'Remissbot är inte tillgänglig här.',
};

export type Messages = typeof sv;

const en: Messages = {
  welcomeTitle: 'Hi! I am Remissbot',
  welcomeBody:
    'I keep track of the remisser (consultation referrals) you need to answer: what is coming up, what is overdue and who has which. Ask me whenever you want to know what is due.',
  welcomeTry: 'Try typing:',
  helpTitle: 'What you can ask me',
  helpIntro: 'Press a button or ask in your own words.',
  notUnderstood: 'I did not quite get that. Here is what I can answer:',
  cmdDue: 'Which remisser are due?',
  cmdMine: 'My remisser',
  cmdOverdue: 'Overdue remisser',
  cmdThisWeek: 'Remisser this week',
  cmdAll: 'All remisser',
  cmdHelp: 'Help',
  cmdLanguage: 'Svenska',
  languageSet: 'I will answer in English from now on.',
  listTitleDue: 'Remisser to answer',
  listTitleAll: 'All open remisser',
  listTitleMine: 'My remisser',
  listTitleOverdue: 'Overdue remisser',
  listTitleThisWeek: (from: string, to: string) => `Remisser due this week (${from}–${to})`,
  listCount: (shown: number, total: number) =>
    total === 0 ? '' : shown >= total ? `${total} ${total === 1 ? 'remiss' : 'remisser'}, nearest deadline first.` : `Showing ${shown} of ${total}, nearest deadline first.`,
  listEmpty: 'No open remisser here right now.',
  listEmptyMine: 'You have no open remisser assigned right now.',
  mineUnknownUser: 'I could not see your e-mail address in Teams, so I cannot tell which remisser are yours.',
  showMore: 'Show more',
  show: 'Show',
  back: 'Back to the list',
  fieldDnr: 'Reference',
  fieldRemittentDnr: "Remittent's reference",
  fieldTitle: 'Title',
  fieldRemittent: 'Remittent',
  fieldReceived: 'Received',
  fieldDueDate: 'Deadline',
  fieldMeeting: 'Meeting',
  fieldHandlaggare: 'Case officer',
  fieldApprover: 'Approver',
  fieldStatus: 'Status',
  noHandlaggare: 'No case officer',
  history: 'History',
  historyCreated: 'Registered',
  historyStatus: (from: string, to: string) => `Status changed from ${from} to ${to}`,
  historyDueDate: (from: string, to: string) => `Deadline changed from ${from} to ${to}`,
  historyUpdated: (fields: string) => `Updated: ${fields}`,
  nonWorkingWarning: (dayName: string, readyBy: string) => `The deadline falls on ${dayName} (a non-working day). Have the answer ready by ${readyBy}.`,
  remissNotFound: 'I cannot find a remiss with that reference.',
  invalidAction: 'That card can no longer be used. Type "remisser" for a new list.',
  somethingWentWrong: 'Something went wrong on my side and your request was not carried out. Please try again shortly.',
  notAvailableHere: 'Remissbot is not available here.',
};

const tables: Record<Language, Messages> = { sv, en };

export function messages(language: Language): Messages {
  return tables[language];
}
