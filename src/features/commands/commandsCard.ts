/**
 * The welcome, help and "did not understand" cards: a short text, the main commands as buttons and, on help,
 * the commands that take a diarienummer or change a setting. A button posts its command back as if typed
 * (Teams imBack), so it behaves exactly like typing it.
 */
import { renderCard } from '../../cards/cardTemplates.js';
import type { Language } from '../../domain/language.js';
import { messages } from '../../i18n/messages.js';
import type { AdaptiveCard } from '../featureContext.js';

/** Buttons per row: more in one row run off the edge of a narrow card instead of wrapping. */
const BUTTONS_PER_ROW = 2;

function commandRows(language: Language, mayRegister: boolean) {
  const t = messages(language);
  const register = mayRegister ? [t.cmdNewRemiss] : [];
  const buttons = [
    t.cmdDue,
    t.cmdAll,
    t.cmdMine,
    t.cmdOverdue,
    t.cmdThisWeek,
    ...register,
    t.cmdHelp,
    t.cmdLanguage,
  ].map((label) => ({
    label,
    text: label,
  }));
  const rows = [];
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_ROW)
    rows.push({ buttons: buttons.slice(i, i + BUTTONS_PER_ROW) });
  return rows;
}

function commandsCard(
  language: Language,
  text: { title: string; intro: string; tryLabel?: string; withTyped?: boolean; mayRegister?: boolean },
): AdaptiveCard {
  const t = messages(language);
  return renderCard('commands', {
    title: text.title,
    intro: text.intro,
    tryLabel: text.tryLabel ?? '',
    commandRows: commandRows(language, text.mayRegister ?? false),
    typedTitle: text.withTyped ? t.typedTitle : '',
    typed: text.withTyped ? t.typedCommands : [],
  });
}

export function welcomeCard(language: Language): AdaptiveCard {
  const t = messages(language);
  return commandsCard(language, { title: t.welcomeTitle, intro: t.welcomeBody, tryLabel: t.welcomeTry });
}

/** Help; with a button for "Ny remiss" for a registrator or chef (anyone may type it, and is told who may). */
export function helpCard(language: Language, options: { mayRegister?: boolean } = {}): AdaptiveCard {
  const t = messages(language);
  return commandsCard(language, { title: t.helpTitle, intro: t.helpIntro, withTyped: true, ...options });
}

export function notUnderstoodCard(language: Language): AdaptiveCard {
  const t = messages(language);
  return commandsCard(language, { title: t.notUnderstoodTitle, intro: t.notUnderstood, withTyped: true });
}
