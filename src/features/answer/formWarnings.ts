/**
 * The warnings a form card shows above its step: things to look at, never a stop. Pure.
 */
import type { Answer } from '../../domain/answer.js';
import { isCalendarDate } from '../../domain/calendar.js';
import { bakgrundYearsBeforeReceived, foreignKindWords } from '../../domain/kindConsistency.js';
import { listText, type Language } from '../../domain/language.js';
import type { Organisation } from '../../domain/organisation.js';
import { meetingAfterDue } from '../../domain/readyBy.js';
import type { Remiss } from '../../domain/remiss.js';
import { formatLongDate } from '../../domain/swedishDates.js';
import { messages } from '../../i18n/messages.js';
import { NO_MEETING } from './formInput.js';
import type { FormStep } from './formSteps.js';

/**
 * What the handläggare should look at before going on: on the details step a meeting chosen after the
 * svarsdatum; on the preview that too, and words of another kind of organisation or years before the remiss.
 */
export function formWarnings(
  org: Organisation,
  remiss: Remiss,
  answer: Answer,
  step: FormStep,
  typedMeeting: string | undefined,
  language: Language,
): { text: string }[] {
  const t = messages(language);
  const warnings: string[] = [];
  if (step.kind !== 'details' && step.kind !== 'preview') return [];
  const meeting = typedMeeting && typedMeeting !== NO_MEETING ? typedMeeting : answer.details.meetingDate;
  if (meeting && isCalendarDate(meeting) && meetingAfterDue({ meetingDate: meeting, dueDate: remiss.dueDate }))
    warnings.push(t.meetingAfterDue(formatLongDate(meeting, language), formatLongDate(remiss.dueDate, language)));
  if (step.kind === 'preview') {
    const words = foreignKindWords(org, answer);
    if (words.length) warnings.push(t.checkForeignWords(quotedList(words, language), t.organisationKinds[org.kind]));
    const years = bakgrundYearsBeforeReceived(remiss, answer);
    if (years.length)
      warnings.push(t.checkOldYears(listText(years.map(String), language), remiss.received.slice(0, 4)));
  }
  return warnings.map((text) => ({ text }));
}

/** "”bolaget” och ”VD”" */
function quotedList(words: string[], language: Language): string {
  return listText(
    words.map((w) => (language === 'sv' ? `”${w}”` : `“${w}”`)),
    language,
  );
}
