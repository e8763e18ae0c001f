/** Who the digest tells what, on which days: pure rules with Swedish working days. */
import { approvalReminderDue, handlaggareReminders, overviewGroups, personalDigests } from '../../src/domain/digest.js';
import { nextDigestTimes } from '../../src/features/digest/digestSchedule.js';
import { overviewCards } from '../../src/features/digest/digestCards.js';
import { cardBytes } from '../../src/cards/cardTemplates.js';
import { remiss } from '../support/remissFixtures.js';
import { testDigestPolicy } from '../support/digestPolicy.js';

const policy = testDigestPolicy;
const anna = { email: 'Anna.Andersson@stad.se' };

test('a personal digest holds the open remisser to be ready within the horizon or late, most urgent first', () => {
  const digests = personalDigests(
    [
      remiss({ dnr: 'A', dueDate: '2026-12-08', handlaggare: anna }),
      remiss({ dnr: 'B', dueDate: '2026-11-01', handlaggare: anna }),
      // Klart senast 9 December (a working day before the svarsdatum): 15 days, beyond the horizon.
      remiss({ dnr: 'C', dueDate: '2026-12-10', handlaggare: anna }),
      remiss({ dnr: 'D', dueDate: '2026-11-25', handlaggare: anna, status: 'Besvarad' }),
      remiss({ dnr: 'E', dueDate: '2026-11-25' }),
    ],
    '2026-11-24',
    policy,
  );
  expect([...digests.keys()]).toEqual(['anna.andersson@stad.se']);
  expect(digests.get('anna.andersson@stad.se')!.map((r) => r.dnr)).toEqual(['B', 'A']);
});

test('the overview groups by klart senast: late, this week (to Sunday), later, and waiting for approval', () => {
  const groups = overviewGroups(
    [
      remiss({ dnr: 'late', dueDate: '2026-11-23' }), // klart senast Friday 20 November
      remiss({ dnr: 'sunday', dueDate: '2026-11-29' }), // klart senast Friday 27 November
      remiss({ dnr: 'monday', dueDate: '2026-12-01' }), // klart senast Monday 30 November
      remiss({ dnr: 'approval', dueDate: '2026-11-20', status: 'För godkännande' }),
      remiss({ dnr: 'done', dueDate: '2026-11-25', status: 'Avstår' }),
    ],
    '2026-11-24',
    policy.handlingStopDays,
  );
  expect(Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, v.map((r) => r.dnr)]))).toEqual({
    overdue: ['late'],
    thisWeek: ['sunday'],
    later: ['monday'],
    forApproval: ['approval'],
  });
});

test('reminders start N working days before klart senast, skipping Swedish holidays, and last until that day', () => {
  // The meeting on Tuesday 26 January 2027: its handling stop (10 working days) is Tuesday 12 January, earlier
  // than the day before the svarsdatum. Trettondedag jul (6 January) is a holiday: five working days before
  // 12 January is Monday 4 January.
  const r = remiss({ dnr: 'M', dueDate: '2027-02-15', meetingDate: '2027-01-26', handlaggare: anna });
  expect(handlaggareReminders([r], '2027-01-01', policy)).toEqual([]);
  expect(handlaggareReminders([r], '2027-01-04', policy).map((x) => [x.kind, x.date, x.deadline])).toEqual([
    ['meeting', '2027-01-12', '2027-01-26'],
  ]);
  expect(handlaggareReminders([r], '2027-01-12', policy).map((x) => x.kind)).toEqual(['meeting']);
  expect(handlaggareReminders([r], '2027-01-13', policy)).toEqual([]);
  // Without a meeting, klart senast is the working day before the svarsdatum: Friday 27 November for Monday
  // 30 November, and two working days before that is Wednesday 25 November.
  const due = remiss({ dnr: 'D', dueDate: '2026-11-30', handlaggare: anna });
  expect(handlaggareReminders([due], '2026-11-24', policy)).toEqual([]);
  expect(handlaggareReminders([due], '2026-11-25', policy).map((x) => [x.kind, x.to, x.date])).toEqual([
    ['due', 'anna.andersson@stad.se', '2026-11-27'],
  ]);
  // A meeting after the svarsdatum does not set klart senast: the svarsdatum does, with its own reminder days.
  const late = remiss({ dnr: 'L', dueDate: '2026-11-30', meetingDate: '2027-01-20', handlaggare: anna });
  expect(handlaggareReminders([late], '2026-11-25', policy).map((x) => x.kind)).toEqual(['due']);
  // Nothing to remind once the answer is with the approver.
  expect(handlaggareReminders([{ ...due, status: 'För godkännande' }], '2026-11-25', policy)).toEqual([]);
});

test('an approval waits APPROVAL_REMINDER_DAYS working days before its approver is reminded', () => {
  expect(approvalReminderDue('2026-12-23', '2026-12-24', 2)).toBe(false);
  // Julafton and juldagen, annandag jul and the weekend are not working days.
  expect(approvalReminderDue('2026-12-23', '2026-12-28', 2)).toBe(false);
  expect(approvalReminderDue('2026-12-23', '2026-12-29', 2)).toBe(true);
});

test('the schedule keeps 07:30 in Stockholm across both daylight-saving changes, one run a weekday', () => {
  const autumn = nextDigestTimes('30 7 * * 1-5', 'Europe/Stockholm', new Date('2026-10-22T12:00:00Z'), 4).map((d) =>
    d.toISOString(),
  );
  // Summer time ends on Sunday 25 October 2026: 05:30 UTC on Friday, 06:30 UTC from Monday.
  expect(autumn).toEqual([
    '2026-10-23T05:30:00.000Z',
    '2026-10-26T06:30:00.000Z',
    '2026-10-27T06:30:00.000Z',
    '2026-10-28T06:30:00.000Z',
  ]);
  const spring = nextDigestTimes('30 7 * * 1-5', 'Europe/Stockholm', new Date('2027-03-25T12:00:00Z'), 3).map((d) =>
    d.toISOString(),
  );
  // Summer time starts on Sunday 28 March 2027.
  expect(spring).toEqual(['2027-03-26T06:30:00.000Z', '2027-03-29T05:30:00.000Z', '2027-03-30T05:30:00.000Z']);
  // A time inside the spring gap still runs that day (an hour later), and one inside the autumn repeat runs once.
  expect(
    nextDigestTimes('30 2 * * *', 'Europe/Stockholm', new Date('2027-03-27T12:00:00Z'), 2).map((d) => d.toISOString()),
  ).toEqual(['2027-03-28T01:30:00.000Z', '2027-03-29T00:30:00.000Z']);
  expect(
    nextDigestTimes('30 2 * * *', 'Europe/Stockholm', new Date('2026-10-24T12:00:00Z'), 2).map((d) => d.toISOString()),
  ).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
});

test('a large overview is split into several messages, each under 80 KB, none lost', () => {
  const many = Array.from({ length: 600 }, (_, i) =>
    remiss({
      dnr: `KS 2026/${i}`,
      title: `Remiss ${i} `.padEnd(300, 'å'),
      dueDate: `2026-12-${String((i % 28) + 1).padStart(2, '0')}`,
      handlaggare: { email: `person${i}@stad.se`, name: 'Förnamn Efternamn' },
    }),
  );
  const cards = overviewCards(many, '2026-11-24', 'sv', policy.handlingStopDays);
  expect(cards.length).toBeGreaterThan(1);
  for (const card of cards) expect(cardBytes(card)).toBeLessThan(80 * 1024);
  const titles = cards.flatMap((c) => JSON.stringify(c).match(/Remiss \d+ /g) ?? []);
  expect(new Set(titles).size).toBe(600);
  expect(JSON.stringify(cards[0])).toContain(`(del 1 av ${cards.length})`);
});
