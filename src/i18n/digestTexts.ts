/**
 * The texts of digests, reminders and their subscription commands, in Swedish and English.
 */
import { listText } from '../domain/language.js';

export const sv = {
  digestTitle: (count: number, days: number) =>
    count === 1
      ? `Du har 1 remiss som är försenad eller ska besvaras inom ${days} dagar`
      : `Du har ${count} remisser som är försenade eller ska besvaras inom ${days} dagar`,
  overviewTitle: (date: string) => `Remissöversikt ${date}`,
  overviewPart: (part: number, parts: number) => ` (del ${part} av ${parts})`,
  overviewSummary: (open: number, overdue: number, forApproval: number) =>
    `${open} öppna remisser, varav ${overdue} försenade och ${forApproval} för godkännande.`,
  overviewGroups: { overdue: 'Försenade', thisWeek: 'Den här veckan', later: 'Senare', forApproval: 'För godkännande' },
  overviewLine: (dnr: string, due: string, daysLeft: string, who: string) =>
    `${dnr} · svarsdatum ${due} (${daysLeft}) · ${who}`,
  overviewList: 'Visa alla remisser',
  reminderMeeting: (title: string, dnr: string, ready: string, meeting: string) =>
    `Påminnelse: svaret på ”${title}” (${dnr}) ska vara klart senast den ${ready} för att hinna till ` +
    `sammanträdet den ${meeting}. Skriv ”besvara ${dnr}” för att fortsätta.`,
  reminderDue: (title: string, dnr: string, ready: string, due: string) =>
    `Påminnelse: svaret på ”${title}” (${dnr}) ska vara klart senast den ${ready} (svarsdatum den ${due}). ` +
    `Skriv ”besvara ${dnr}” för att fortsätta.`,
  reminderApproval: (title: string, by: string, since: string) =>
    `Påminnelse: ${by} väntar sedan ${since} på ditt beslut om svaret på ”${title}”. Kortet med Godkänn och Begär ` +
    `ändringar finns längre upp i chatten.`,
  referralAwaited: (units: string[]) => `Svar väntas från ${listText(units, 'sv')}.`,
  /** `late`: daysLeftText's "3 dagar försenad". */
  referralLateUnit: (name: string, late: string) => `${name} (${late})`,
  unitReminderTitle: (kansli: string) => `Påminnelse: ${kansli} väntar på ert remissvar`,
  unitReminder: (kansli: string, title: string, dnr: string, due: string, days: number) =>
    `${kansli} väntar på ert svar på remissen ”${title}” (${dnr}). Svarsdatumet den ${due} har passerat: ` +
    `svaret är ${days} ${days === 1 ? 'dag' : 'dagar'} försenat.`,
  unitReminderShow: 'Visa remissen',
  digestOff: 'Du får inte längre remissöversikten. Skriv ”prenumerera” om du vill ha den igen.',
  digestOn: 'Du får remissöversikten igen, varje arbetsdag när du har remisser att besvara.',
  digestDaily: 'Du får remissöversikten varje arbetsdag när du har remisser att besvara.',
  digestWeekly: 'Du får remissöversikten en gång i veckan, på veckans första arbetsdag.',
};

export const en: typeof sv = {
  digestTitle: (count: number, days: number) => `Your remisser: ${count} due within ${days} days or overdue`,
  overviewTitle: (date: string) => `Remisser overview ${date}`,
  overviewPart: (part: number, parts: number) => ` (part ${part} of ${parts})`,
  overviewSummary: (open: number, overdue: number, forApproval: number) =>
    `${open} open remisser: ${overdue} overdue and ${forApproval} awaiting approval.`,
  overviewGroups: { overdue: 'Overdue', thisWeek: 'This week', later: 'Later', forApproval: 'Awaiting approval' },
  overviewLine: (dnr: string, due: string, daysLeft: string, who: string) =>
    `${dnr} · due ${due} (${daysLeft}) · ${who}`,
  overviewList: 'Show all remisser',
  reminderMeeting: (title: string, dnr: string, ready: string, meeting: string) =>
    `Reminder: the answer to “${title}” (${dnr}) must be ready by ${ready} to reach the meeting on ${meeting}. ` +
    `Say “answer ${dnr}” to continue.`,
  reminderDue: (title: string, dnr: string, ready: string, due: string) =>
    `Reminder: the answer to “${title}” (${dnr}) must be ready by ${ready} (due on ${due}). ` +
    `Say “answer ${dnr}” to continue.`,
  reminderApproval: (title: string, by: string, since: string) =>
    `Reminder: ${by} has been waiting since ${since} for your decision on the answer to “${title}”. The card with ` +
    `Approve and Request changes is further up in this chat.`,
  referralAwaited: (units: string[]) => `Awaiting answers from ${listText(units, 'en')}.`,
  referralLateUnit: (name: string, late: string) => `${name} (${late})`,
  unitReminderTitle: (kansli: string) => `Reminder: ${kansli} is waiting for your answer`,
  unitReminder: (kansli: string, title: string, dnr: string, due: string, days: number) =>
    `${kansli} is waiting for your answer to the remiss “${title}” (${dnr}). Its due date, ${due}, has passed: ` +
    `the answer is ${days} ${days === 1 ? 'day' : 'days'} late.`,
  unitReminderShow: 'Show the remiss',
  digestOff: 'You will no longer get the remisser digest. Say “subscribe” to get it again.',
  digestOn: 'You will get the remisser digest again, each working day you have remisser due.',
  digestDaily: 'You will get the remisser digest each working day you have remisser due.',
  digestWeekly: 'You will get the remisser digest once a week, on the first working day.',
};
