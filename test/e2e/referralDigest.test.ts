/**
 * The digest and a remiss the kansli sent on to its units (issue 21), through the real HTTP server and the fake
 * connector, in the test city: the kansli's overview and its handläggare's list say who has answered and whose
 * answer is awaited, and the late unit's registrator is reminded once per svarsdatum, whatever the runs.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import { personalChat, startHarness, type ChatUser, type Harness } from '../support/botHarness.js';
import { FormDriver, type Card } from '../support/formDriver.js';
import { remiss } from '../support/remissFixtures.js';
import { people, writeTestCity } from '../support/testCity.js';
import type { ReferredUnit } from '../../src/domain/referral.js';
import type { Remiss } from '../../src/domain/remiss.js';
import type { DigestRun } from '../../src/features/digest/digestRunner.js';

const SECRET = 'referral-digest-secret-0123456789abcdef';
const KANSLI_DNR = 'KS 2026/100';
const TITLE = 'Strategi för trygghet i Stockholm';
/** The kansli's chef, who gets its overview (the test city's kansli names none: she is added to its file). */
const klara = { id: '29:klara', name: 'Klara Kanslichef', aadObjectId: 'aad-klara', email: 'klara.kanslichef@stad.se' };
const everyone = { ...people, klara };
type Person = keyof typeof everyone;

let configDir: string;
let now: Date;
let h: Harness;
let chats: Record<Person, ChatUser>;

async function trigger(): Promise<DigestRun> {
  const headers = { authorization: `Bearer ${SECRET}` };
  const res = await fetch(`${h.baseUrl}/api/digest`, { method: 'POST', headers });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  await h.bot.digest.idle();
  return (await (await fetch(`${h.baseUrl}/api/digest/${id}`, { headers })).json()) as DigestRun;
}

const cardsTo = (who: Person): Card[] =>
  h.connector
    .sentTo(chats[who].conversationId)
    .map((a) => cardOf(a))
    .filter((c): c is Card => !!c);
const remindersTo = (who: Person) =>
  cardsTo(who).filter((c) => cardText(c).includes('Påminnelse: Stadsledningskontoret väntar på ert remissvar'));

function unit(organisation: string, shortName: string, answer?: ReferredUnit['answer']): ReferredUnit {
  return {
    organisation,
    dnr: `${KANSLI_DNR}-${shortName}`,
    dueDate: '2026-11-20',
    sentAt: '2026-10-20T08:00:00.000Z',
    by: people.kerstin.email,
    ...(answer && { answer }),
  };
}
const sof = unit('sof', 'SOF', { at: '2026-11-18T10:00:00.000Z', position: 'tillstyrker' });
const sbr = unit('sbr', 'SBR');
const norr = unit('norr', 'NORR');

const unitRemiss = (u: ReferredUnit, overrides: Partial<Remiss>): Remiss =>
  remiss({
    dnr: u.dnr,
    title: TITLE,
    remittent: 'Kommunstyrelsen',
    dueDate: u.dueDate,
    organisation: u.organisation,
    referredBy: { dnr: KANSLI_DNR, organisation: 'kansliet' },
    ...overrides,
  });

beforeAll(async () => {
  configDir = await writeTestCity();
  const kansliFile = path.join(configDir, '1-kansliet.json');
  const kansli = JSON.parse(await readFile(kansliFile, 'utf8'));
  await writeFile(kansliFile, JSON.stringify({ ...kansli, members: { ...kansli.members, chef: [klara.email] } }));
  now = new Date('2026-11-24T06:30:00Z'); // a Tuesday, 07:30 in Stockholm
  h = await startHarness({ now: () => now, env: { ORG_CONFIG: configDir, DIGEST_TRIGGER_SECRET: SECRET } });
  chats = Object.fromEntries(
    Object.entries(everyone).map(([name, p]) => [name, personalChat(h.connector, p)]),
  ) as Record<Person, ChatUser>;
  // Everyone has opened Remissbot, so that any message the digest meant for them would arrive.
  for (const chat of Object.values(chats)) await new FormDriver(h).say(chat, 'hej');
  h.connector.received.length = 0;
  await h.bot.register.save(
    remiss({
      dnr: KANSLI_DNR,
      title: TITLE,
      remittent: 'Justitiedepartementet',
      dueDate: '2026-12-04',
      organisation: 'kansliet',
      handlaggare: { email: people.kerstin.email },
      referral: { units: [sof, sbr, norr] },
    }),
  );
  // SOF's answer is filed and linked back, waiting for its registrator: open past its svarsdatum, but not late.
  await h.bot.register.save(
    unitRemiss(sof, { status: 'Klar för diarieföring', handlaggare: { email: people.anna.email } }),
  );
  // SBR avstod: its remiss is closed (not in the open list) and the kansli's remiss has no answer linked back yet.
  await h.bot.register.save(unitRemiss(sbr, { status: 'Avstår', handlaggare: { email: people.bertil.email } }));
  // Norrmalm has not begun: no handläggare yet, four days past the svarsdatum the kansli gave.
  await h.bot.register.save(unitRemiss(norr, { status: 'Inkommen' }));
}, 30_000);

afterAll(async () => {
  await h?.stop();
  await rm(configDir, { recursive: true, force: true });
});

const AWAITED = '2 av 3 har svarat. Svar väntas från Norrmalms stadsdelsnämnd (4 dagar försenad).';

test('the kansli’s overview and its handläggare’s list say who has answered and whose answer is late', async () => {
  const run = await trigger();
  expect(run).toMatchObject({ state: 'done', counts: { failed: 0, throttled: 0 } });

  const [overview, ...moreOverviews] = cardsTo('klara');
  expect(moreOverviews).toEqual([]);
  const text = cardText(overview);
  expect(text).toContain('Remissöversikt');
  expect(text).toContain(TITLE);
  expect(text).toContain(AWAITED);
  // The line stands under the kansli's remiss only, not under the units' own remisser of the same title.
  expect(text.match(/har svarat/g)).toEqual(['har svarat']);

  const [digest, ...moreDigests] = cardsTo('kerstin');
  expect(moreDigests).toEqual([]);
  expect(cardText(digest)).toContain(AWAITED);
});

test('the late unit’s registrator gets one reminder with a button to the remiss; nobody else gets one', async () => {
  const [reminder, ...more] = remindersTo('rut');
  expect(more).toEqual([]);
  expect(cardText(reminder)).toContain(
    `Stadsledningskontoret väntar på ert svar på remissen ”${TITLE}” (${norr.dnr}). Svarsdatumet den 20 november ` +
      '2026 har passerat: svaret är 4 dagar försenat.',
  );
  for (const who of Object.keys(everyone) as Person[])
    if (who !== 'rut') expect({ who, reminders: remindersTo(who) }).toEqual({ who, reminders: [] });
  expect(cardsTo('nils')).toEqual([]);
  const shown = await new FormDriver(h).click(chats.rut, reminder!, 'Visa remissen');
  expect(cardText(shown)).toContain(norr.dnr);
  expect(cardText(shown)).toContain(TITLE);
});

test('no more reminders from a second run that day or the next; an anstånd’s new svarsdatum is reminded', async () => {
  const second = await trigger();
  expect(second.counts.sent).toBe(0);
  now = new Date('2026-11-25T06:30:00Z');
  await trigger();
  expect(remindersTo('rut')).toHaveLength(1);
  for (const who of Object.keys(everyone) as Person[])
    if (who !== 'rut') expect({ who, reminders: remindersTo(who) }).toEqual({ who, reminders: [] });

  // The kansli gives Norrmalm an anstånd to Thursday 26 November; on the Friday it is late again.
  const stored = (await h.bot.register.get(norr.dnr))!;
  await h.bot.register.save({ ...stored.remiss, dueDate: '2026-11-26', status: 'Anstånd' }, stored.version);
  await trigger();
  expect(remindersTo('rut')).toHaveLength(1);
  now = new Date('2026-11-27T06:30:00Z');
  await trigger();
  const reminders = remindersTo('rut');
  expect(reminders).toHaveLength(2);
  expect(cardText(reminders[1])).toContain('Svarsdatumet den 26 november 2026 har passerat: svaret är 1 dag försenat.');
});
