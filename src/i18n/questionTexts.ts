/**
 * The texts of an answer to a question in the user's own words: the line that says how it was understood
 * ("Visar: Annas remisser med svarsdatum i januari"), in Swedish and English. features/due/queryDescription.ts
 * puts the parts together in this order: whose, status before, "försenade", remisser, status after, from, when,
 * title.
 */
const endsInS = (name: string) => /[sxz]$/i.test(name);

export const sv = {
  queryShowing: (what: string) => `Visar: ${what}`,
  queryEmpty: 'Inga remisser stämmer med frågan.',
  queryNoun: 'remisser',
  queryMine: 'mina',
  queryUnassigned: 'ofördelade',
  /** "Annas", "Lars". */
  queryPersons: (name: string) => (endsInS(String(name)) ? `${name}` : `${name}s`),
  queryOverdue: 'försenade',
  /** Each status's words before and after "remisser". */
  queryStatuses: {
    approval: ['', 'för godkännande'],
    ongoing: ['pågående', ''],
    received: ['inkomna', ''],
    approved: ['godkända', ''],
    answered: ['besvarade', ''],
  },
  queryFrom: (names: string) => `från ${names}`,
  queryOr: ' eller ',
  queryDateField: { dueDate: 'med svarsdatum', readyBy: 'som ska vara klara' },
  queryWhen: {
    today: 'i dag',
    tomorrow: 'i morgon',
    thisWeek: 'den här veckan',
    nextWeek: 'nästa vecka',
    thisMonth: 'den här månaden',
    nextMonth: 'nästa månad',
    beforeChristmas: 'före jul',
  },
  queryWeekNumber: (week: number) => `i vecka ${week}`,
  queryInMonth: (month: string) => `i ${month}`,
  queryBefore: (date: string) => `före ${date}`,
  queryBy: (date: string) => `senast ${date}`,
  queryAfter: (date: string) => `efter ${date}`,
  queryTitleLike: (words: string) => `vars titel liknar ”${words}”`,
};

export const en: typeof sv = {
  queryShowing: (what: string) => `Showing: ${what}`,
  queryEmpty: 'No remisser match the question.',
  queryNoun: 'remisser',
  queryMine: 'my',
  queryUnassigned: 'unassigned',
  queryPersons: (name: string) => `${name}’s`,
  queryOverdue: 'overdue',
  queryStatuses: {
    approval: ['', 'awaiting approval'],
    ongoing: ['', 'in progress'],
    received: ['received', ''],
    approved: ['approved', ''],
    answered: ['answered', ''],
  },
  queryFrom: (names: string) => `from ${names}`,
  queryOr: ' or ',
  queryDateField: { dueDate: 'due', readyBy: 'to be ready' },
  queryWhen: {
    today: 'today',
    tomorrow: 'tomorrow',
    thisWeek: 'this week',
    nextWeek: 'next week',
    thisMonth: 'this month',
    nextMonth: 'next month',
    beforeChristmas: 'before Christmas',
  },
  queryWeekNumber: (week: number) => `in week ${week}`,
  queryInMonth: (month: string) => `in ${month}`,
  queryBefore: (date: string) => `before ${date}`,
  queryBy: (date: string) => `by ${date}`,
  queryAfter: (date: string) => `after ${date}`,
  queryTitleLike: (words: string) => `whose title is like “${words}”`,
};
