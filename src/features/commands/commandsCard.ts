/**
 * The welcome, help and "did not understand" cards: a short text and the main commands as buttons. A
 * button posts its command back as if typed (Teams imBack), so it behaves exactly like typing it.
 */
import { renderCard } from '../../cards/cardTemplates.js';
import type { Language } from '../../domain/language.js';
import { messages } from '../../i18n/messages.js';
import type { AdaptiveCard } from '../featureContext.js';

function commandButtons(language: Language) {
  const t = messages(language);
  return [t.cmdDue, t.cmdMine, t.cmdOverdue, t.cmdThisWeek, t.cmdHelp, t.cmdLanguage].map((label) => ({
    label,
    text: label,
  }));
}

function commandsCard(language: Language, text: { title: string; intro: string; tryLabel?: string }): AdaptiveCard {
  return renderCard('commands', { tryLabel: '', ...text, commands: commandButtons(language) });
}

export function welcomeCard(language: Language): AdaptiveCard {
  const t = messages(language);
  return commandsCard(language, { title: t.welcomeTitle, intro: t.welcomeBody, tryLabel: t.welcomeTry });
}

export function helpCard(language: Language): AdaptiveCard {
  const t = messages(language);
  return commandsCard(language, { title: t.helpTitle, intro: t.helpIntro });
}

export function notUnderstoodCard(language: Language): AdaptiveCard {
  const t = messages(language);
  return commandsCard(language, { title: t.helpTitle, intro: t.notUnderstood });
}
