/** Remittering vidare (issue 21): the kansli's form, its notices, the units' notice and "Svar väntas". */
export const sv = {
  notReferrer:
    'Bara kansliets registrator, chef eller remissens handläggare kan remittera den vidare. Fråga någon av dem.',
  referralOpen: 'Remittera vidare',
  referralTitle: 'Remittera vidare till enheterna',
  referralGuidance:
    'Välj vilka nämnder, förvaltningar och bolag som ska svara, och när de ska ha svarat. Var och en får ' +
    'remissen i sitt eget register, med samma länkar och missiv, och deras registrator får ett meddelande.',
  labelUnits: 'Enheter',
  placeholderUnits: 'Välj enheter eller en grupp',
  groupChoice: (name: string, count: number) => `${name} (${count} st.)`,
  labelUnitDueDate: 'Svarsdatum för enheterna',
  labelReferralMessage: 'Meddelande till enheterna (valfritt)',
  referralSubmit: 'Skicka till enheterna',
  referralSubmitAnyway: 'Skicka ändå',
  alreadyReferredTo: (names: string) => `Redan skickad till ${names}.`,
  errorNoUnits: 'Välj minst en enhet eller grupp.',
  errorUnknownUnit: 'Någon av de valda enheterna finns inte längre. Välj igen.',
  errorAllReferred: 'Remissen är redan skickad till alla de valda enheterna.',
  errorUnitDueNotADate: 'Välj ett datum.',
  errorUnitDueNotAfterToday: 'Svarsdatumet måste vara efter i dag.',
  errorUnitDueAfterKansli: (date: string) => `Svarsdatumet får inte vara senare än ert eget, den ${date}.`,
  warningUnitDueShort: (days: number) =>
    `Enheterna får mindre än ${days} arbetsdagar på sig. Välj ett senare datum, eller skicka ändå.`,
  warningUnitDueNonWorking: (day: string) => `Svarsdatumet infaller på ${day}.`,
  referralSent: (names: string, date: string) =>
    `Remissen skickas till ${names}, med svarsdatum den ${date}. De får den i sina register, och deras ` +
    'registratorer får ett meddelande.',
  referredToYou: (kansli: string, kansliDnr: string, date: string) =>
    `${kansli} har remitterat ärendet vidare till er (deras dnr ${kansliDnr}). Svara senast den ${date}.`,
  referralMessageFrom: (kansli: string, message: string) => `Meddelande från ${kansli}: ${message}`,
  awaitedHeading: 'Svar väntas',
  awaitedSummary: (answered: number, total: number) => `${answered} av ${total} har svarat.`,
  unitAnsweredState: (position: string, date: string) => `Har svarat den ${date}: ${position}`,
  unitAwaitedState: (state: string, date: string) => `${state}, svarsdatum den ${date}`,
  openUnitAnswer: (name: string) => `Öppna svaret från ${name}`,
  referredByHeading: (kansli: string) => `Remitterad vidare av ${kansli}`,
  referredBySummary: (kansliDnr: string) =>
    `Deras dnr ${kansliDnr}. När ert svar är diariefört går det tillbaka till dem, med ert ställningstagande.`,
  toldUnitAnswered: (unit: string, position: string, title: string) =>
    `${unit} har svarat på ”${title}”: ${position}. Svaret finns under Svar väntas på remissen.`,
};

export const en: typeof sv = {
  notReferrer: "Only the kansli's registrar, manager or the remiss's officer can refer it on. Ask one of them.",
  referralOpen: 'Refer on',
  referralTitle: 'Refer on to the units',
  referralGuidance:
    'Choose the committees, departments and companies that are to answer, and by when. Each gets the remiss in ' +
    'its own register, with the same links and cover letter, and its registrar is told.',
  labelUnits: 'Units',
  placeholderUnits: 'Choose units or a group',
  groupChoice: (name, count) => `${name} (${count})`,
  labelUnitDueDate: 'Deadline for the units',
  labelReferralMessage: 'Message to the units (optional)',
  referralSubmit: 'Send to the units',
  referralSubmitAnyway: 'Send anyway',
  alreadyReferredTo: (names) => `Already sent to ${names}.`,
  errorNoUnits: 'Choose at least one unit or group.',
  errorUnknownUnit: 'One of the units chosen no longer exists. Choose again.',
  errorAllReferred: 'The remiss has already been sent to every unit chosen.',
  errorUnitDueNotADate: 'Choose a date.',
  errorUnitDueNotAfterToday: 'The deadline must be after today.',
  errorUnitDueAfterKansli: (date) => `The deadline cannot be later than your own, ${date}.`,
  warningUnitDueShort: (days) => `The units get fewer than ${days} working days. Choose a later date, or send anyway.`,
  warningUnitDueNonWorking: (day) => `The deadline falls on ${day}.`,
  referralSent: (names, date) =>
    `The remiss is being sent to ${names}, with the deadline ${date}. They get it in their registers, and their ` +
    'registrars are told.',
  referredToYou: (kansli, kansliDnr, date) =>
    `${kansli} has referred the matter on to you (their ref. ${kansliDnr}). Answer by ${date}.`,
  referralMessageFrom: (kansli, message) => `Message from ${kansli}: ${message}`,
  awaitedHeading: 'Answers awaited',
  awaitedSummary: (answered, total) => `${answered} of ${total} have answered.`,
  unitAnsweredState: (position, date) => `Answered on ${date}: ${position}`,
  unitAwaitedState: (state, date) => `${state}, deadline ${date}`,
  openUnitAnswer: (name) => `Open the answer from ${name}`,
  referredByHeading: (kansli) => `Referred on by ${kansli}`,
  referredBySummary: (kansliDnr) =>
    `Their ref. ${kansliDnr}. When your answer is filed it goes back to them, with your position.`,
  toldUnitAnswered: (unit, position, title) =>
    `${unit} has answered “${title}”: ${position}. The answer is under Answers awaited on the remiss.`,
};
