/**
 * kill -9 of the real bot process while the kansli sends a remiss on (issue 21), then a restart on the same data:
 * every unit has its remiss exactly once, the kansli's remiss lists each unit once, and each unit is told. The kill
 * comes at a random moment: before the press is answered (the registrator presses again, as she would), while the
 * fan-out job runs (another process takes it over when its lease runs out), or after. KILL_TRIALS sets the trials.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadOrganisationDirectory } from '../../src/config/organisationConfig.js';
import { unitRemiss } from '../../src/domain/referral.js';
import { REFERRAL_FAN_OUT_JOB } from '../../src/features/referral/index.js';
import { jobId } from '../../src/outbox/jobs.js';
import type { OutboxJob } from '../../src/outbox/outbox.js';
import { OUTBOX_PREFIX } from '../../src/outbox/outboxJob.js';
import { LocalRemissRepository } from '../../src/register/localRemissRepository.js';
import { createStore } from '../../src/storage/createStore.js';
import { getMany } from '../../src/storage/store.js';
import { cardOf, cardText, FakeConnector } from '../fakes/fakeConnector.js';
import { BOT, cardActionFrom, personalChat, TENANT } from '../support/botHarness.js';
import { BotProcesses, postActivity } from '../support/botProcess.js';
import { recordFigure } from '../support/figures.js';
import { FormDriver } from '../support/formDriver.js';
import { freePort } from '../support/playground.js';
import { remiss } from '../support/remissFixtures.js';
import { people, SOF_CHANNEL, writeTestCity } from '../support/testCity.js';

const TRIALS = Number(process.env.KILL_TRIALS ?? 3);
let dataDir: string;
let configDir: string;
let connector: FakeConnector;
let bots: BotProcesses;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-kill-referral-'));
  configDir = await writeTestCity();
  connector = new FakeConnector();
  await connector.start();
  connector.addConversation(SOF_CHANNEL, [people.doris]);
  bots = new BotProcesses({ DATA_DIR: dataDir, ALLOWED_TENANTS: TENANT, ORG_CONFIG: configDir });
});
afterAll(async () => {
  bots?.killAll();
  await connector.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(configDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test(
  'killed at a random moment of the fan-out: each unit gets its remiss once and is told, none twice',
  async () => {
    const port = await freePort();
    let bot = await bots.start(port);
    const kerstin = personalChat(connector, people.kerstin);
    const rut = personalChat(connector, people.rut);
    const d = new FormDriver({ connector, post: (activity: unknown) => postActivity(port, activity) });
    // Rut, Norrmalm's registrator, has opened Remissbot: she can be told.
    for (const who of [kerstin, rut]) await d.say(who, 'hej');
    const store = createStore({ STORAGE: 'file', DATA_DIR: dataDir });
    const register = new LocalRemissRepository(store);
    const jobsOf = async (kind: string, dnr: string) =>
      (await getMany<OutboxJob>(store, await store.list('outbox/')))
        .map((found) => found?.value)
        .filter((j): j is OutboxJob => !!j && j.kind === kind && JSON.stringify(j.payload).includes(dnr));
    const noticesTo = (conversationId: string, unitDnr: string) =>
      connector.sentTo(conversationId).filter((a) => cardText(cardOf(a) ?? {}).includes(unitDnr)).length;
    let pressedAgain = 0;
    let repeatedNotices = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const dnr = `KS 2026/9${trial}`;
      await register.save(
        remiss({
          dnr,
          title: `Kill ${trial}`,
          dueDate: '2027-01-29',
          organisation: 'kansliet',
          handlaggare: { email: people.kerstin.email },
        }),
      );
      const data = { dnr, units: 'sof,sbr,group:0', dueDate: '2027-01-15' };
      const pressed = postActivity(port, cardActionFrom(connector, kerstin, 'referral.send', data));
      await sleep(Math.floor(Math.random() * 400));
      await BotProcesses.kill(bot);
      const answered = await pressed;
      bot = await bots.start(port);
      if (answered.status !== 200) {
        // Her press was cut off: she presses again (a new activity), and is told where it stands.
        pressedAgain++;
        const again = await postActivity(port, cardActionFrom(connector, kerstin, 'referral.send', data));
        expect(again.status).toBe(200);
      }
      const unitDnrs = [`${dnr}-SOF`, `${dnr}-SBR`, `${dnr}-NORR`];
      // A fan-out cut by the kill is taken over when its 15 s lease runs out.
      for (let i = 0; i < 240; i++) {
        const fanOuts = await jobsOf('referral.fanOut', dnr);
        const told = noticesTo(SOF_CHANNEL, unitDnrs[0]!) > 0 && noticesTo(rut.conversationId, unitDnrs[2]!) > 0;
        if (fanOuts.length > 0 && fanOuts.every((j) => j.state === 'done') && told) break;
        await sleep(250);
      }
      const kansli = (await register.get(dnr))!.remiss;
      expect(kansli.referral!.units.map((u) => u.organisation)).toEqual(['sof', 'sbr', 'norr']);
      const made = (await register.listAll()).filter((v) => v.remiss.referredBy?.dnr === dnr);
      expect(made.map((v) => v.remiss.dnr).sort()).toEqual([...unitDnrs].sort());
      expect(made.every((v) => v.remiss.history.filter((e) => e.kind === 'created').length === 1)).toBe(true);
      const notices = [noticesTo(SOF_CHANNEL, unitDnrs[0]!), noticesTo(rut.conversationId, unitDnrs[2]!)];
      for (const n of notices) expect(n).toBeGreaterThanOrEqual(1);
      repeatedNotices += notices.reduce((sum, n) => sum + n - 1, 0);
    }
    // A notice is sent at least once: one interrupted between sending and recording it is sent again, and counted.
    recordFigure('killNine.referral', {
      kills: TRIALS,
      unitRemisserLostOrDoubled: 0,
      pressedAgain,
      repeatedNotices,
    });
    await BotProcesses.kill(bot);
  },
  60_000 + TRIALS * 75_000,
);

test('the state a kill leaves halfway through a fan-out is finished by the next process, nothing twice', async () => {
  const store = createStore({ STORAGE: 'file', DATA_DIR: dataDir });
  const register = new LocalRemissRepository(store);
  const dnr = 'KS 2026/halv';
  const at = '2026-12-01T09:00:00.000Z';
  const kansliRemiss = remiss({ dnr, title: 'Halvvägs', dueDate: '2027-01-29', organisation: 'kansliet' });
  // The process had recorded the three units and created the first unit's remiss when it was killed.
  // The kansli's conversation, through which the units' channels are reached: the fake connector's.
  const via = { serviceUrl: connector.serviceUrl, channelId: 'msteams', conversationId: 'a:kansli', botId: BOT.id };
  const payload = { dnr, units: ['sof', 'sbr', 'norr'], dueDate: '2027-01-15', by: 'Kerstin Kansli', at, via };
  const units = payload.units.map((organisation) => ({
    organisation,
    dnr: `${dnr}-${organisation.toUpperCase()}`,
    dueDate: payload.dueDate,
    sentAt: at,
    by: payload.by,
  }));
  await register.save({ ...kansliRemiss, referral: { units } });
  const directory = loadOrganisationDirectory(configDir);
  const sof = { id: 'sof', organisation: directory.byId('sof')! };
  const first = unitRemiss(kansliRemiss, directory.byId('kansliet')!, sof, { at, dueDate: payload.dueDate });
  await register.save(first);
  const id = jobId(REFERRAL_FAN_OUT_JOB, dnr, 'halfway');
  const lapsed = new Date(Date.now() - 60_000).toISOString();
  await store.create(`${OUTBOX_PREFIX}${id}`, {
    ...{ schemaVersion: 1, id, kind: REFERRAL_FAN_OUT_JOB, payload, state: 'running', attempts: 1 },
    ...{ leaseUntil: lapsed, notBefore: lapsed, createdAt: lapsed },
  });

  const port = await freePort();
  const bot = await bots.start(port);
  for (let i = 0; i < 120 && (await store.get<OutboxJob>(`${OUTBOX_PREFIX}${id}`))?.value.state !== 'done'; i++)
    await sleep(250);
  expect((await store.get<OutboxJob>(`${OUTBOX_PREFIX}${id}`))?.value.state).toBe('done');
  const made = (await register.listAll()).filter((v) => v.remiss.referredBy?.dnr === dnr).map((v) => v.remiss);
  expect(made.map((r) => r.dnr).sort()).toEqual([`${dnr}-NORR`, `${dnr}-SBR`, `${dnr}-SOF`]);
  // The first unit's remiss is the one made before the kill, untouched.
  expect(made.find((r) => r.dnr === first.dnr)).toEqual(first);
  expect((await register.get(dnr))!.remiss.referral!.units).toEqual(units);
  await BotProcesses.kill(bot);
});
