/** "Dnr … · svarsdatum …" under a remiss's title: the form, the writing dialog, fördelning and anstånd. */
import type { Language } from '../domain/language.js';
import type { Remiss } from '../domain/remiss.js';
import { formatLongDate } from '../domain/swedishDates.js';
import { messages } from '../i18n/messages.js';

export function dnrLine(remiss: Remiss, language: Language): string {
  const t = messages(language);
  return `${t.fieldDnr} ${remiss.dnr} · ${t.fieldDueDate.toLowerCase()} ${formatLongDate(remiss.dueDate, language)}`;
}
