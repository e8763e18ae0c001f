/**
 * A question's query against the register: each slot narrows the remisser given (the routes give only those the
 * asker may see), dates come from today, and the answer says how the names were understood.
 */
import { parseQuestion, type Query } from '../../../src/domain/question.js';
import { resolveWhen } from '../../../src/domain/questionDates.js';
import { describeQuery } from '../../../src/features/due/queryDescription.js';
import { selectByQuery } from '../../../src/features/due/querySelection.js';
import { remiss } from '../../support/remissFixtures.js';

// Wednesday 25 November 2026.
const TODAY = '2026-11-25';
const anna = { email: 'anna.lindqvist@stad.se' };
const erik = { email: 'erik.holm@stad.se', name: 'Erik Holm' };
const annaAsker = { teamsUserId: '29:anna', email: anna.email };
const fi = 'Regeringskansliet, Finansdepartementet';

const REGISTER = [
  remiss({ dnr: 'A', title: 'Nationellt trygghetsprogram', dueDate: '2027-01-20', handlaggare: anna, remittent: fi }),
  remiss({ dnr: 'B', title: 'Bostadsförsörjning', dueDate: '2026-11-20', handlaggare: anna }),
  remiss({ dnr: 'C', title: 'Skatt på bostäder', dueDate: '2027-01-10', remittent: fi }),
  remiss({ dnr: 'D', title: 'Trygghet i skolan', dueDate: '2026-12-22', handlaggare: erik, status: 'För godkännande' }),
  remiss({ dnr: 'E', title: 'Redan besvarad', dueDate: '2026-11-30', handlaggare: anna, status: 'Besvarad' }),
  remiss({ dnr: 'F', title: 'Kulturpolitik', dueDate: '2026-12-28', remittent: 'Kulturdepartementet' }),
];

function ask(text: string) {
  const query = parseQuestion(text)!;
  expect(query).toBeDefined();
  const { remisser, understood } = selectByQuery(REGISTER, query, TODAY, annaAsker, 10);
  return {
    dnrs: remisser.map((r) => r.dnr),
    sv: describeQuery(query, understood, 'sv'),
    en: describeQuery(query, understood, 'en'),
  };
}

test.each<[string, string[], string]>([
  ['vilka remisser har anna i januari', ['A'], 'Visar: Annas remisser med svarsdatum i januari'],
  ['Anna Lindqvists remisser', ['B', 'A'], 'Visar: Anna Lindqvists remisser'],
  ['annas försenade', ['B'], 'Visar: Annas försenade remisser'],
  [
    'ofördelade remisser från finansdepartementet',
    ['C'],
    'Visar: ofördelade remisser från Regeringskansliet, Finansdepartementet',
  ],
  ['remisser från Fi', ['C', 'A'], 'Visar: remisser från Regeringskansliet, Finansdepartementet'],
  ['remisser från finansdep', ['C', 'A'], 'Visar: remisser från Regeringskansliet, Finansdepartementet'],
  ['remisser från finansdepartemnetet', ['C', 'A'], 'Visar: remisser från Regeringskansliet, Finansdepartementet'],
  ['remisser från Ku', ['F'], 'Visar: remisser från Kulturdepartementet'],
  ['remisser som ska vara klara före jul', ['B', 'D', 'F'], 'Visar: remisser som ska vara klara före jul'],
  ['remisser före jul', ['B', 'D'], 'Visar: remisser med svarsdatum före jul'],
  ['mina remisser', ['B', 'A'], 'Visar: mina remisser'],
  ['eriks remisser för godkännande', ['D'], 'Visar: Eriks remisser för godkännande'],
  ['erik holms remisser', ['D'], 'Visar: Erik Holms remisser'],
  ['besvarade remisser', ['E'], 'Visar: besvarade remisser'],
  ['remisser om trygghet', ['D', 'A'], 'Visar: remisser vars titel liknar ”trygghet”'],
  ['remisser i vecka 53', ['F'], 'Visar: remisser med svarsdatum i vecka 53'],
  ['remisser senast 10 januari', ['B', 'D', 'F', 'C'], 'Visar: remisser med svarsdatum senast 10 januari'],
  ['remisser efter 10 januari', ['A'], 'Visar: remisser med svarsdatum efter 10 januari'],
  ['petras remisser', [], 'Visar: Petras remisser'],
])('%p shows %p and says %p', (text, dnrs, sv) => {
  const answer = ask(text);
  expect(answer.dnrs).toEqual(dnrs);
  expect(answer.sv).toBe(sv);
});

test('the answer in English', () => {
  expect(ask("anna's remisser due in january").en).toBe('Showing: Anna’s remisser due in January');
  expect(ask('unassigned remisser from Fi').en).toBe(
    'Showing: unassigned remisser from Regeringskansliet, Finansdepartementet',
  );
  expect(ask('my overdue remisser awaiting approval').en).toBe('Showing: my overdue remisser awaiting approval');
});

test('slots only narrow what is given: mine needs an asker the register can be matched to', () => {
  const query: Query = { whose: { kind: 'mine' } };
  expect(selectByQuery(REGISTER, query, TODAY, { teamsUserId: '29:x' }, 10).remisser).toEqual([]);
  expect(selectByQuery(REGISTER.slice(2), query, TODAY, annaAsker, 10).remisser).toEqual([]);
});

test.each<[Query['when'], { from?: string; to?: string }]>([
  [{ kind: 'overdue' }, { to: '2026-11-24' }],
  [{ kind: 'today' }, { from: TODAY, to: TODAY }],
  [{ kind: 'tomorrow' }, { from: '2026-11-26', to: '2026-11-26' }],
  [
    { kind: 'week', which: 'this' },
    { from: '2026-11-23', to: '2026-11-29' },
  ],
  [
    { kind: 'week', which: 'next' },
    { from: '2026-11-30', to: '2026-12-06' },
  ],
  [
    { kind: 'weekNumber', week: 3 },
    { from: '2027-01-18', to: '2027-01-24' },
  ],
  [
    { kind: 'weekNumber', week: 48 },
    { from: '2026-11-23', to: '2026-11-29' },
  ],
  [
    { kind: 'month', month: 1 },
    { from: '2027-01-01', to: '2027-01-31' },
  ],
  [
    { kind: 'month', month: 11 },
    { from: '2026-11-01', to: '2026-11-30' },
  ],
  [
    { kind: 'month', month: 2, year: 2028 },
    { from: '2028-02-01', to: '2028-02-29' },
  ],
  [
    { kind: 'calendarMonth', which: 'next' },
    { from: '2026-12-01', to: '2026-12-31' },
  ],
  [{ kind: 'beforeChristmas' }, { to: '2026-12-23' }],
  [{ kind: 'before', date: { month: 1, day: 15 } }, { to: '2027-01-14' }],
  [{ kind: 'by', date: { month: 1 } }, { to: '2027-01-31' }],
  [{ kind: 'after', date: { month: 12, day: 1 } }, { from: '2026-12-02' }],
  [{ kind: 'by', date: { month: 2, day: 29 } }, { to: '2027-02-28' }],
])('%p is %p from Wednesday 25 November 2026', (when, range) => {
  expect(resolveWhen(when!, TODAY)).toEqual(range);
});

test('"före jul" after julafton is next year\'s', () => {
  expect(resolveWhen({ kind: 'beforeChristmas' }, '2026-12-27')).toEqual({ to: '2027-12-23' });
  expect(resolveWhen({ kind: 'month', month: 1 }, '2027-01-15')).toEqual({ from: '2027-01-01', to: '2027-01-31' });
});
