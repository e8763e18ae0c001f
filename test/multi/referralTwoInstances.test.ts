/**
 * Remittering vidare on two Remissbot instances sharing Azure Blob Storage (Azurite), in the test city (issue 21):
 * the kansli's registrator presses "Skicka till enheterna" on two devices at once, each press landing on another
 * instance, and presses again for one of the units: each unit gets its remiss once, the kansli's remiss lists it
 * once, and each unit is told once. A digest triggered on both at once reminds a late unit's registrator once per
 * remiss, and neither instance's later runs remind again.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OutboxJob } from '../../src/outbox/outbox.js';
import { getMany } from '../../src/storage/store.js';
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { cardActionFrom, personalChat, startHarness, type Harness } from '../support/botHarness.js';
import { FormDriver } from '../support/formDriver.js';
import { referredUnit, unitRemissOf } from '../support/referralDigestFixtures.js';
import { remiss } from '../support/remissFixtures.js';
import { people, SOF_CHANNEL, writeTestCity } from '../support/testCity.js';

const SECRET = 'two-instances-referral-secret-0123456789';
const NOW = new Date('2026-11-24T06:30:00Z'); // a Tuesday, 07:30 in Stockholm
const DNR = 'KS 2026/600';
/** Kansli remisser each sent on to Norrmalm, whose answers are all late. */
const KANSLI_REMISSER = 6;

let azurite: Azurite;
let configDir: string;
let a: Harness;
let b: Harness;

beforeAll(async () => {
  azurite = await startAzurite();
  configDir = await writeTestCity();
  const env = {
    ORG_CONFIG: configDir,
    STORAGE: 'blob',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_STORAGE_CONTAINER: `c${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    LEADER_LEASE_SECONDS: '15',
    DIGEST_TRIGGER_SECRET: SECRET,
  };
  a = await startHarness({ now: NOW, env });
  b = await startHarness({ now: NOW, env, connector: a.connector });
}, 60_000);

afterAll(async () => {
  await b?.stop();
  await a?.stop();
  await azurite?.stop();
  await rm(configDir, { recursive: true, force: true });
});

test('a digest triggered on both instances at once reminds the late unit once per remiss', async () => {
  const rut = personalChat(a.connector, people.rut);
  await new FormDriver(b).say(rut, 'hej');
  for (let i = 1; i <= KANSLI_REMISSER; i++) {
    const dnr = `KS 2026/${100 + i}`;
    const norr = referredUnit(dnr, 'norr');
    await a.bot.register.save(
      remiss({
        dnr,
        title: `Remiss ${i}`,
        dueDate: '2026-12-10',
        organisation: 'kansliet',
        referral: { units: [norr] },
      }),
    );
    await b.bot.register.save(unitRemissOf(dnr, norr, { title: `Remiss ${i}` }));
  }
  const trigger = (h: Harness) =>
    fetch(`${h.baseUrl}/api/digest`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` } });
  const reminders = () =>
    a.connector
      .sentTo(rut.conversationId)
      .map((x) => cardOf(x))
      .filter((c) => c && cardText(c).includes('Stadsledningskontoret väntar på ert svar'))
      .map((c) => cardText(c).match(/\(KS 2026\/\d+-NORR\)/)![0]);

  expect((await Promise.all([trigger(a), trigger(b)])).map((r) => r.status)).toEqual([202, 202]);
  await Promise.all([a.bot.digest.idle(), b.bot.digest.idle()]);
  const first = reminders();
  expect(first).toHaveLength(KANSLI_REMISSER);
  expect(new Set(first).size).toBe(KANSLI_REMISSER);

  await Promise.all([trigger(a), trigger(b)]);
  await Promise.all([a.bot.digest.idle(), b.bot.digest.idle()]);
  expect(reminders()).toEqual(first);
}, 60_000);

test('two presses on two instances at once, and a third: each unit gets its remiss once and is told once', async () => {
  const connector = a.connector;
  connector.addConversation(SOF_CHANNEL, [people.doris]);
  const kerstin = personalChat(connector, people.kerstin);
  const rut = personalChat(connector, people.rut);
  for (const who of [kerstin, rut]) await new FormDriver(a).say(who, 'hej');
  await a.bot.register.save(
    remiss({ dnr: DNR, title: 'Två instanser', dueDate: '2027-01-29', organisation: 'kansliet' }),
  );
  const press = (units: string) =>
    cardActionFrom(connector, kerstin, 'referral.send', { dnr: DNR, units, dueDate: '2027-01-15' });
  const answers = await Promise.all([
    a.post(press('sof,sbr,group:0')),
    b.post(press('sof,sbr,group:0')),
    b.post(press('norr')),
  ]);
  expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);

  // Only the leader runs the outbox; wait until every fan-out is done.
  const fanOuts = async () =>
    (await getMany<OutboxJob>(a.bot.store, await a.bot.store.list('outbox/')))
      .map((found) => found?.value)
      .filter((j): j is OutboxJob => j?.kind === 'referral.fanOut');
  for (let i = 0; i < 200; i++) {
    await Promise.all([a.bot.outbox.idle(), b.bot.outbox.idle()]);
    const jobs = await fanOuts();
    if (jobs.length > 0 && jobs.every((j) => j.state === 'done')) break;
    await sleep(100);
  }
  await Promise.all([a.bot.outbox.idle(), b.bot.outbox.idle()]);

  const units = (await a.bot.register.get(DNR))!.remiss.referral!.units;
  expect(units.map((u) => u.organisation).sort()).toEqual(['norr', 'sbr', 'sof']);
  const made = (await b.bot.register.listAll()).filter((v) => v.remiss.referredBy?.dnr === DNR);
  expect(made.map((v) => v.remiss.dnr).sort()).toEqual([`${DNR}-NORR`, `${DNR}-SBR`, `${DNR}-SOF`]);
  const told = (conversationId: string, dnr: string) =>
    connector.sentTo(conversationId).filter((x) => cardText(cardOf(x) ?? {}).includes(dnr)).length;
  expect([told(SOF_CHANNEL, `${DNR}-SOF`), told(rut.conversationId, `${DNR}-NORR`)]).toEqual([1, 1]);
}, 60_000);
