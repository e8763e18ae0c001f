/**
 * The texts of the welcome, help and "did not understand" cards, in Swedish and English.
 */
export const sv = {
  welcomeTitle: 'Hej! Jag är Remissbot',
  welcomeBody:
    'Jag håller reda på remisserna ni ska besvara: vad som är på väg, vad som är försenat och vem som har vilken. ' +
    'Skriv till mig när du vill veta vad som ska besvaras.',
  welcomeTry: 'Prova att skriva:',
  helpTitle: 'Det här kan du skriva till mig',
  helpIntro: 'Tryck på en knapp eller skriv frågan med egna ord.',
  notUnderstood: 'Det förstod jag inte riktigt. Här är vad jag kan svara på:',
  cmdDue: 'Vilka remisser ska besvaras?',
  cmdMine: 'Mina remisser',
  cmdOverdue: 'Försenade remisser',
  cmdThisWeek: 'Remisser denna vecka',
  cmdHelp: 'Hjälp',
  cmdLanguage: 'English',
};

export const en: typeof sv = {
  welcomeTitle: 'Hi! I am Remissbot',
  welcomeBody:
    'I keep track of the remisser (consultation referrals) you need to answer: what is coming up, what is overdue ' +
    'and who has which. Ask me whenever you want to know what is due.',
  welcomeTry: 'Try typing:',
  helpTitle: 'What you can ask me',
  helpIntro: 'Press a button or ask in your own words.',
  notUnderstood: 'I did not quite get that. Here is what I can answer:',
  cmdDue: 'Which remisser are due?',
  cmdMine: 'My remisser',
  cmdOverdue: 'Overdue remisser',
  cmdThisWeek: 'Remisser this week',
  cmdHelp: 'Help',
  cmdLanguage: 'Svenska',
};
