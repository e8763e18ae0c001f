/**
 * The texts of the welcome, help and "did not understand" cards, in Swedish and English.
 */
import type { Language } from '../domain/language.js';

/**
 * The commands that take a diarienummer or change a setting, shown on help as text to type (not as buttons):
 * each with its Swedish and English wording side by side, since they are one command in two languages.
 */
const TYPED_COMMANDS: readonly Record<Language, readonly [command: string, what: string]>[] = [
  {
    sv: ['visa <dnr>', 'visar en remiss med uppgifter och historik'],
    en: ['show <dnr>', 'shows a remiss with its details and history'],
  },
  {
    sv: ['ny remiss', 'lägger in en remiss som har kommit in (för registratorer och chefer)'],
    en: ['new remiss', 'adds a remiss that has arrived (for registrators and chefs)'],
  },
  { sv: ['besvara <dnr>', 'öppnar svarsformuläret för remissen'], en: ['answer <dnr>', 'opens the answer form'] },
  {
    sv: ['digest varje dag / digest varje vecka', 'hur ofta du får remissöversikten'],
    en: ['daily digest / weekly digest', 'how often you get the overview'],
  },
  {
    sv: ['avsluta digest / prenumerera', 'stänger av eller sätter på remissöversikten'],
    en: ['stop digest / subscribe', 'turns the overview off or on'],
  },
  {
    sv: [
      'annas försenade / ofördelade remisser från Fi / remisser som ska vara klara före jul / visa <ord ur titeln>',
      'frågor med egna ord: vems, när, från vem, status eller ord ur titeln',
    ],
    en: [
      "anna's overdue remisser / unassigned remisser from Fi / what's due next week / show <words of the title>",
      'questions in your own words: whose, when, from whom, status or words of the title',
    ],
  },
  { sv: ['english / svenska', 'byter språk'], en: ['svenska / english', 'changes the language'] },
];

const typedCommandsIn = (language: Language) =>
  TYPED_COMMANDS.map((c) => ({ command: c[language][0], what: c[language][1] }));

export const sv = {
  welcomeTitle: 'Hej! Jag är Remissbot',
  welcomeBody:
    'Jag håller reda på remisserna som ska besvaras: vilka som snart ska vara klara, vilka som är försenade och vem ' +
    'som handlägger vilken. Skriv till mig när du vill veta vad som ska besvaras.',
  welcomeTry: 'Prova att skriva:',
  helpTitle: 'Det här kan du skriva till mig',
  helpIntro: 'Välj en fråga nedan eller skriv med egna ord.',
  notUnderstoodTitle: 'Det förstod jag inte',
  notUnderstood: 'Det förstod jag tyvärr inte. Det här kan jag hjälpa dig med:',
  cmdDue: 'Vilka remisser ska besvaras?',
  cmdMine: 'Mina remisser',
  cmdOverdue: 'Försenade remisser',
  cmdThisWeek: 'Remisser den här veckan',
  cmdHelp: 'Hjälp',
  cmdLanguage: 'English',
  typedTitle: 'Du kan också skriva',
  typedCommands: typedCommandsIn('sv'),
};

export const en: typeof sv = {
  welcomeTitle: 'Hi! I am Remissbot',
  welcomeBody:
    'I keep track of the remisser (consultation referrals) you need to answer: what is coming up, what is overdue ' +
    'and who has which. Ask me whenever you want to know what is due.',
  welcomeTry: 'Try typing:',
  helpTitle: 'What you can ask me',
  helpIntro: 'Press a button or ask in your own words.',
  notUnderstoodTitle: 'I did not get that',
  notUnderstood: 'I did not quite get that. Here is what I can answer:',
  cmdDue: 'Which remisser are due?',
  cmdMine: 'My remisser',
  cmdOverdue: 'Overdue remisser',
  cmdThisWeek: 'Remisser this week',
  cmdHelp: 'Help',
  cmdLanguage: 'Svenska',
  typedTitle: 'You can also type',
  typedCommands: typedCommandsIn('en'),
};
