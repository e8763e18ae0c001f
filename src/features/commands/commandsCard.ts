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

export function welcomeCard(language: Language): AdaptiveCard {
  const t = messages(language);
  return renderCard('commands', {
    title: t.welcomeTitle,
    intro: t.welcomeBody,
    tryLabel: t.welcomeTry,
    commands: commandButtons(language),
  });
}

export function helpCard(language: Language): AdaptiveCard {
  const t = messages(language);
  return renderCard('commands', {
    title: t.helpTitle,
    intro: t.helpIntro,
    tryLabel: '',
    commands: commandButtons(language),
  });
}

export function notUnderstoodCard(language: Language): AdaptiveCard {
  const t = messages(language);
  return renderCard('commands', {
    title: t.helpTitle,
    intro: t.notUnderstood,
    tryLabel: '',
    commands: commandButtons(language),
  });
}
