/**
 * Remittering vidare on two instances sharing Azure Blob Storage (Azurite), in the test city (issue 21): the kansli's
 * registrator presses "Skicka till enheterna" on two devices at once, each press landing on another instance, and
 * presses again for one of the units: each unit gets its remiss once, the kansli's remiss lists it once, and each
 * unit is told once.
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
import { remiss } from '../support/remissFixtures.js';
import { people, SOF_CHANNEL, writeTestCity } from '../support/testCity.js';

const NOW = new Date('2026-11-24T09:00:00Z');
const DNR = 'KS 2026/600';
let azurite: Azurite;
let configDir: string;
let a: Harness;
let b: Harness;

beforeAll(async () => {
  azurite = await startAzurite();
  configDir = await writeTestCity();
  const env = {
    STORAGE: 'blob',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_STORAGE_CONTAINER: `c${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    LEADER_LEASE_SECONDS: '15',
    ORG_CONFIG: configDir,
  };
  a = await startHarness({ now: NOW, env });
  b = await startHarness({ now: NOW, env, connector: a.connector });
}, 60_000);
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await azurite?.stop();
  await rm(configDir, { recursive: true, force: true });
});

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
