/**
 * What a digest run plans for a day, from plain input (no store, no Teams): who gets which message, under
 * which once-only key, in which phase, and what the message says.
 */
import { createHash } from 'node:crypto';
import * as cardTemplates from '../../../src/cards/cardTemplates.js';
import type { ApprovalVersion } from '../../../src/domain/approval.js';
import { planDeliveries, type Delivery, type PlanInput } from '../../../src/features/digest/digestPlan.js';
import { remiss } from '../../support/remissFixtures.js';
import { testDigestPolicy } from '../../support/digestPolicy.js';

const DAY = '2026-11-24'; // a Tuesday
const policy = testDigestPolicy;
const anna = { email: 'anna.andersson@stad.se', aadObjectId: 'aad-anna' };
const bo = { email: 'bo.berg@stad.se' };
const channel = {
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: 'msteams',
  conversationId: '19:general@thread.tacv2',
  botId: '28:bot',
};
const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    day: DAY,
    policy,
    remisser: [],
    preferences: new Map(),
    overviews: [],
    waitingApprovals: new Map(),
    progress: async () => ({}) as never,
    ...overrides,
  };
}

function waiting(overrides: Partial<ApprovalVersion> = {}): ApprovalVersion {
  return {
    version: 2,
    hash: 'h',
    documentDate: '2026-11-18',
    sentAt: '2026-11-18T09:00:00Z',
    sentBy: { name: 'Anna Andersson', email: anna.email },
    approver: { email: 'cecilia.holm@stad.se' },
    message: '',
    approverCard: { ...channel, conversationId: 'a:cecilia', activityId: 'act-1' },
    ...overrides,
  };
}

const summary = (deliveries: Delivery[]) =>
  deliveries.map((d) => [
    d.key,
    d.phase,
    d.recipient.kind === 'person' ? d.recipient.email : d.recipient.target.conversationId,
  ]);

test('nothing open, nobody to tell: an empty plan', () => {
  expect(planDeliveries(input({ overviews: [{ managers: ['chef@stad.se'], channels: [channel] }] }))).toEqual([]);
});

/** Anna's and Bo's remisser, due within the horizon. */
const annaAndBo = [
  remiss({ dnr: 'A', dueDate: '2026-12-01', handlaggare: anna }),
  remiss({ dnr: 'C', dueDate: '2026-12-02', handlaggare: bo }),
];
const personalIn = (plan: Delivery[]) => plan.filter((d) => d.key.includes('/personal/'));

test('each handläggare gets one personal digest a day, keyed by the day and their hashed e-mail', () => {
  const overdue = remiss({ dnr: 'B', dueDate: '2026-11-20', handlaggare: anna });
  const beyondHorizon = remiss({ dnr: 'far', dueDate: '2027-03-01', handlaggare: { email: 'later@stad.se' } });
  const personal = personalIn(planDeliveries(input({ remisser: [...annaAndBo, overdue, beyondHorizon] })));
  expect(summary(personal)).toEqual([
    [`${DAY}/personal/${hash(anna.email)}`, 1, anna.email],
    [`${DAY}/personal/${hash(bo.email)}`, 1, bo.email],
  ]);
  // The register's Entra object id lets the digest reach someone who never spoke to the bot.
  expect(personal[0]!.recipient).toEqual({ kind: 'person', email: anna.email, aadObjectId: 'aad-anna' });
});

test('a weekly subscriber is keyed by the week, an unsubscribed one gets no digest', () => {
  const plan = planDeliveries(
    input({
      remisser: annaAndBo,
      preferences: new Map([
        [anna.email, { subscribed: true, frequency: 'weekly' as const }],
        [bo.email, { subscribed: false, frequency: 'daily' as const }],
      ]),
    }),
  );
  expect(summary(personalIn(plan))).toEqual([[`week-2026-11-23/personal/${hash(anna.email)}`, 1, anna.email]]);
});

test('the overview goes to each manager once (any case) and to each channel, keyed by day and part', () => {
  const plan = planDeliveries(
    input({
      remisser: [remiss({ dnr: 'A', dueDate: '2027-02-01' })],
      overviews: [{ managers: ['Chef@stad.se', 'chef@stad.se', 'biträdande@stad.se'], channels: [channel] }],
    }),
  );
  expect(summary(plan)).toEqual([
    [`${DAY}/overview/${hash('chef@stad.se')}/0`, 1, 'chef@stad.se'],
    [`${DAY}/overview/${hash('biträdande@stad.se')}/0`, 1, 'biträdande@stad.se'],
    [`${DAY}/overview/${hash(channel.conversationId)}/0`, 1, channel.conversationId],
  ]);
  expect(plan[2]!.recipient).toEqual({ kind: 'conversation', target: channel });
});

test('only closed remisser: no overview', () => {
  const plan = planDeliveries(
    input({
      remisser: [remiss({ dnr: 'A', dueDate: '2027-02-01', status: 'Besvarad' })],
      overviews: [{ managers: ['chef@stad.se'], channels: [channel] }],
    }),
  );
  expect(plan).toEqual([]);
});

test("the overview's cards are built when sent, in the manager's language, the channel's in Swedish", async () => {
  const plan = planDeliveries(
    input({
      remisser: [remiss({ dnr: 'KS 2026/1', dueDate: '2027-02-01' })],
      overviews: [{ managers: ['chef@stad.se'], channels: [channel] }],
    }),
  );
  const [toManager, toChannel] = plan;
  const english = JSON.stringify(await toManager!.content('en'));
  const swedish = JSON.stringify(await toChannel!.content('en'));
  expect(english).toContain('KS 2026/1');
  expect(swedish).toContain('KS 2026/1');
  expect(english).not.toEqual(swedish);
});

test('an overview of many parts renders only the part each message sends (a city kansli has hundreds)', async () => {
  const many = Array.from({ length: 600 }, (_, i) =>
    remiss({ dnr: `KS 2026/${i}`, title: `Remiss ${i} om ${'stadens verksamhet '.repeat(5)}`, dueDate: '2027-02-01' }),
  );
  const plan = planDeliveries(input({ remisser: many, overviews: [{ managers: ['chef@stad.se'], channels: [] }] }));
  const parts = plan.filter((d) => d.key.includes('/overview/'));
  expect(parts.length).toBeGreaterThan(3);
  const render = jest.spyOn(cardTemplates, 'renderCard');
  try {
    const cards = await Promise.all(parts.map((d) => d.content('sv')));
    expect(render).toHaveBeenCalledTimes(parts.length);
    expect(JSON.stringify(cards.at(-1))).toContain('KS 2026/');
  } finally {
    render.mockRestore();
  }
});

test('overviews go part by part across the audiences, not all of one conversation first', () => {
  const many = Array.from({ length: 600 }, (_, i) =>
    remiss({ dnr: `KS 2026/${i}`, title: `Remiss ${i} om ${'stadens verksamhet '.repeat(5)}`, dueDate: '2027-02-01' }),
  );
  const plan = planDeliveries(
    input({
      remisser: many,
      overviews: [
        { managers: ['kansli@stad.se'], channels: [] },
        { sees: (r) => r.dnr === 'KS 2026/1', managers: ['chef@stad.se'], channels: [] },
      ],
    }),
  );
  const parts = plan.map((d) => d.key.replace(/^.*\/overview\/(\w+)\/(\d+)$/, '$2 $1'));
  expect(parts.slice(0, 3)).toEqual([
    `0 ${hash('kansli@stad.se')}`,
    `0 ${hash('chef@stad.se')}`,
    `1 ${hash('kansli@stad.se')}`,
  ]);
});

test('reminders ahead of klart senast come after the lists, keyed by kind, remiss and date', async () => {
  const plan = planDeliveries(
    input({
      remisser: [
        // Klart senast Tuesday 24 November: the handling stop ten working days before the meeting.
        remiss({ dnr: 'M', dueDate: '2026-12-20', meetingDate: '2026-12-08', handlaggare: anna }),
        // Klart senast Wednesday 25 November: the working day before the svarsdatum.
        remiss({ dnr: 'D', dueDate: '2026-11-26', handlaggare: anna }),
      ],
    }),
  );
  expect(summary(plan)).toEqual([
    [`${DAY}/personal/${hash(anna.email)}`, 1, anna.email],
    [`reminder/meeting/${hash('M')}/2026-11-24`, 2, anna.email],
    [`reminder/due/${hash('D')}/2026-11-25`, 2, anna.email],
  ]);
  const meeting = await plan[1]!.content('sv');
  expect('text' in meeting && meeting.text).toContain('klart senast den 24 november 2026 för att hinna till');
  expect('text' in meeting && meeting.text).toContain('sammanträdet den 8 december 2026');
  const due = await plan[2]!.content('sv');
  expect('text' in due && due.text).toContain('klart senast den 25 november 2026 (svarsdatum den 26 november 2026)');
});

test('an approval waiting long enough is reminded under its card, once per version', async () => {
  const approval = remiss({ dnr: 'G', dueDate: '2027-02-01', status: 'För godkännande', handlaggare: anna });
  const plan = planDeliveries(input({ remisser: [approval], waitingApprovals: new Map([['G', waiting()]]) }));
  const reminders = plan.filter((d) => d.key.startsWith('reminder/approval/'));
  expect(summary(reminders)).toEqual([[`reminder/approval/${hash('G')}/v2`, 2, 'a:cecilia']]);
  const text = await reminders[0]!.content('sv');
  expect('text' in text && text.text).toContain('Anna Andersson');
});

test('no approval reminder when decided, not yet posted, sent too recently, or not waiting', () => {
  const approval = remiss({ dnr: 'G', dueDate: '2027-02-01', status: 'För godkännande' });
  const remindersWith = (version: ApprovalVersion, r = approval) =>
    planDeliveries(input({ remisser: [r], waitingApprovals: new Map([['G', version]]) })).filter((d) =>
      d.key.startsWith('reminder/approval/'),
    );
  const decided = { kind: 'approved' as const, by: { email: 'cecilia.holm@stad.se' }, at: '2026-11-20T10:00:00Z' };
  expect(remindersWith(waiting({ decision: decided }))).toEqual([]);
  expect(remindersWith(waiting({ approverCard: undefined }))).toEqual([]);
  expect(remindersWith(waiting({ sentAt: '2026-11-23T09:00:00Z' }))).toEqual([]);
  expect(remindersWith(waiting(), { ...approval, status: 'Godkänd' })).toEqual([]);
});
