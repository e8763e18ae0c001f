/**
 * What a digest run plans for remisser the kansli sent on to units (issue 21), from plain input: the "svar väntas"
 * line under the kansli's remiss in its overview and its handläggare's own list, and the reminders to late units,
 * each under the key that makes it once-only.
 */
import { createHash } from 'node:crypto';
import type { ReferredUnit } from '../../../src/domain/referral.js';
import type { Remiss } from '../../../src/domain/remiss.js';
import { planDeliveries, type Delivery, type PlanInput } from '../../../src/features/digest/digestPlan.js';
import { UNIT_REMINDER_DAYS, type ReferralInput } from '../../../src/features/digest/referralPlan.js';
import { testDigestPolicy } from '../../support/digestPolicy.js';
import { referralOrganisations, referredUnit, unitRemissOf } from '../../support/referralDigestFixtures.js';
import { remiss } from '../../support/remissFixtures.js';

const DAY = '2026-11-24'; // a Tuesday
const KANSLI_DNR = 'KS 2026/100';
const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);
const kerstin = { email: 'kerstin@stad.se' };
const channel = {
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: 'msteams',
  conversationId: '19:norr@thread.tacv2',
  botId: '28:bot',
};

const organisations = referralOrganisations;
const unit = (organisation: string, overrides: Partial<ReferredUnit> = {}) =>
  referredUnit(KANSLI_DNR, organisation, overrides);
const own = (u: ReferredUnit, overrides: Partial<Remiss> = {}): Remiss =>
  unitRemissOf(KANSLI_DNR, u, { title: 'Trygghetsprogram', ...overrides });

const sof = unit('sof', { answer: { at: '2026-11-18T10:00:00Z', position: 'tillstyrker' } });
const sbr = unit('sbr', { answer: { at: '2026-11-19T10:00:00Z', position: 'avstar' } });
const norr = unit('norr');
const kansliRemiss = (units: ReferredUnit[]) =>
  remiss({
    dnr: KANSLI_DNR,
    title: 'Trygghetsprogram',
    dueDate: '2026-12-04',
    organisation: 'kansliet',
    handlaggare: kerstin,
    referral: { units },
  });

function input(remisser: Remiss[], contacts: ReferralInput['contacts'] = new Map(), day = DAY): PlanInput {
  return {
    day,
    policy: testDigestPolicy,
    remisser,
    preferences: new Map(),
    overviews: [],
    waitingApprovals: new Map(),
    progress: async () => undefined,
    referral: {
      unitRemisser: new Map(remisser.filter((r) => r.referredBy).map((r) => [r.dnr, r])),
      organisation: (id) => organisations[id],
      contacts,
    },
  };
}

const unitRemindersIn = (plan: Delivery[]) => plan.filter((d) => d.key.startsWith('reminder/unit/'));
const to = (d: Delivery) => (d.recipient.kind === 'person' ? d.recipient.email : d.recipient.target.conversationId);
const textOf = async (d: Delivery, language: 'sv' | 'en' = 'sv') => JSON.stringify(await d.content(language));

test('the overview says under the kansli’s remiss how many have answered, who is awaited, who is late', async () => {
  const other = [
    unit('norr', { dnr: 'KS 2026/200-NORR' }),
    unit('sof', { dnr: 'KS 2026/200-SOF', dueDate: '2026-12-01' }),
  ];
  const remisser = [kansliRemiss([sof, sbr, norr]), own(norr), { ...kansliRemiss(other), dnr: 'KS 2026/200' }];
  const plan = planDeliveries({ ...input(remisser), overviews: [{ managers: ['chef@stad.se'], channels: [] }] });
  const overview = plan.find((d) => d.key.includes('/overview/'))!;
  const sv = await textOf(overview);
  expect(sv).toContain('2 av 3 har svarat. Svar väntas från Norrmalms stadsdelsnämnd (4 dagar försenad).');
  // The other remiss's units' own remisser are not in the list: the svarsdatum the kansli gave them counts.
  expect(sv).toContain(
    '0 av 2 har svarat. Svar väntas från Norrmalms stadsdelsnämnd (4 dagar försenad) och Socialnämnden.',
  );
  expect(await textOf(overview, 'en')).toContain(
    '2 of 3 have answered. Awaiting answers from Norrmalms stadsdelsnämnd (overdue by 4 days).',
  );
  // A bolag is named by its name: Stockholm Business Region.
  const awaitingBolag = planDeliveries({
    ...input([kansliRemiss([unit('sbr')])]),
    overviews: [{ managers: ['chef@stad.se'], channels: [] }],
  });
  expect(await textOf(awaitingBolag[0]!)).toContain('Svar väntas från Stockholm Business Region (4 dagar försenad).');
});

test('the kansli handläggare’s own list says the same under the remiss; other remisser get no such line', async () => {
  const other = remiss({ dnr: 'KS 2026/7', title: 'Annan remiss', dueDate: '2026-12-01', handlaggare: kerstin });
  const plan = planDeliveries(input([kansliRemiss([sof, sbr, norr]), own(norr), other]));
  const personal = plan.find((d) => d.key.includes('/personal/'))!;
  const text = await textOf(personal);
  expect(text).toContain('Annan remiss');
  expect(text.match(/har svarat/g)).toEqual(['har svarat']);
  expect(text).toContain('2 av 3 har svarat. Svar väntas från Norrmalms stadsdelsnämnd (4 dagar försenad).');
});

test('a late unit’s handläggare is reminded after the lists, keyed by unit remiss, svarsdatum, recipient', async () => {
  const nils = { email: 'Nils.Norr@stad.se', aadObjectId: 'aad-nils' };
  const plan = planDeliveries(input([kansliRemiss([sof, sbr, norr]), own(norr, { handlaggare: nils })]));
  const reminders = unitRemindersIn(plan);
  expect(reminders.map((d) => [d.key, d.phase, to(d)])).toEqual([
    [`reminder/unit/${hash(norr.dnr)}/2026-11-20/${hash('nils.norr@stad.se')}`, 2, 'nils.norr@stad.se'],
  ]);
  expect(reminders[0]!.recipient).toMatchObject({ aadObjectId: 'aad-nils' });
  expect(plan.indexOf(reminders[0]!)).toBe(plan.length - 1);
  const card = await textOf(reminders[0]!);
  expect(card).toContain('Påminnelse: Stadsledningskontoret väntar på ert remissvar');
  expect(card).toContain(
    'Stadsledningskontoret väntar på ert svar på remissen ”Trygghetsprogram” (KS 2026/100-NORR). Svarsdatumet den ' +
      '20 november 2026 har passerat: svaret är 4 dagar försenat.',
  );
  expect(card).toContain('"verb":"remiss.show","data":{"dnr":"KS 2026/100-NORR"}');
  expect(await textOf(reminders[0]!, 'en')).toContain('the answer is 4 days late');
});

test('without a handläggare its channel is reminded (as it was told of the remiss), else the registrators', () => {
  const remisser = [kansliRemiss([sof, sbr, norr]), own(norr)];
  const registrators = new Map([['norr', { registrators: ['rut@stad.se', 'ruben@stad.se'] }]]);
  expect(unitRemindersIn(planDeliveries(input(remisser, registrators))).map(to)).toEqual([
    'rut@stad.se',
    'ruben@stad.se',
  ]);
  const channelToo = new Map([['norr', { registrators: ['rut@stad.se'], channel }]]);
  const toChannel = unitRemindersIn(planDeliveries(input(remisser, channelToo)));
  expect(toChannel.map((d) => [d.key, d.recipient])).toEqual([
    [
      `reminder/unit/${hash(norr.dnr)}/2026-11-20/${hash(channel.conversationId)}`,
      { kind: 'conversation', target: channel },
    ],
  ]);
  expect(unitRemindersIn(planDeliveries(input(remisser, new Map([['norr', { registrators: [] }]]))))).toEqual([]);
});

test('the same svarsdatum gives the same key on every later day; an anstånd’s new svarsdatum a new one', () => {
  const contacts = new Map([['norr', { registrators: ['rut@stad.se'] }]]);
  const keysOn = (day: string, unitRemiss: Remiss) =>
    unitRemindersIn(planDeliveries(input([kansliRemiss([norr]), unitRemiss], contacts, day))).map((d) => d.key);
  const first = keysOn(DAY, own(norr));
  expect(first).toHaveLength(1);
  expect(keysOn('2026-11-30', own(norr))).toEqual(first);
  // Not before the svarsdatum has passed.
  expect(keysOn('2026-11-20', own(norr))).toEqual([]);
  // An anstånd to 27 November: nothing while it runs, then a reminder of its own.
  const extended = own(norr, { dueDate: '2026-11-27', status: 'Anstånd' });
  expect(keysOn(DAY, extended)).toEqual([]);
  const again = keysOn('2026-11-30', extended);
  expect(again).toHaveLength(1);
  expect(again[0]).not.toEqual(first[0]);
  expect(again[0]).toContain('/2026-11-27/');
});

test('a unit is reminded only while its sent key is kept, and never once its answer is linked back', () => {
  const contacts = new Map([['norr', { registrators: ['rut@stad.se'] }]]);
  const reminded = (day: string, units = [norr]) =>
    unitRemindersIn(planDeliveries(input([kansliRemiss(units), own(norr)], contacts, day))).length;
  const lastDay = new Date(Date.parse('2026-11-20') + UNIT_REMINDER_DAYS * 86_400_000).toISOString().slice(0, 10);
  const dayAfter = new Date(Date.parse(lastDay) + 86_400_000).toISOString().slice(0, 10);
  expect(UNIT_REMINDER_DAYS).toBeLessThan(31);
  expect(reminded(lastDay)).toBe(1);
  expect(reminded(dayAfter)).toBe(0);
  expect(reminded(DAY, [{ ...norr, answer: { at: '2026-11-23T10:00:00Z', position: 'synpunkter' } }])).toBe(0);
});
