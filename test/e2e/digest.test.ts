/**
 * Scheduled digests through the real HTTP server and the fake connector: the trigger endpoint and its secret,
 * who gets what, at most once a day, the subscription commands, failures by kind, Teams' rate limits, and a
 * run stopped half-way and resumed.
 */
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import {
  channelOf,
  installFrom,
  personalChat,
  startHarness,
  TENANT,
  type ChatUser,
  type Harness,
} from '../support/botHarness.js';
import { button, FormDriver, type Card } from '../support/formDriver.js';
import { remiss } from '../support/remissFixtures.js';
import type { DigestRun } from '../../src/features/digest/digestRunner.js';

const SECRET = 'digest-trigger-secret-0123456789abcdef';
const anna = { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna', email: 'anna.andersson@stad.se' };
const bertil = { id: '29:bertil', name: 'Bertil Berg', aadObjectId: 'aad-bertil', email: 'bertil.berg@stad.se' };
const cecilia = {
  id: '29:cecilia',
  name: 'Cecilia Holm',
  aadObjectId: 'aad-cecilia',
  email: 'cecilia.holm@stad.example.se',
};
const dora = { id: '29:dora', name: 'Dora Dahl', aadObjectId: 'aad-dora', email: 'dora.dahl@stad.se' };

let now = new Date('2026-11-24T06:30:00Z'); // a Tuesday, 07:30 in Stockholm
let h: Harness;
let d: FormDriver;
const chats: Record<string, ChatUser> = {};

async function start(env: Record<string, string> = {}, dataDir?: string): Promise<void> {
  h = await startHarness({ now: () => now, env: { DIGEST_TRIGGER_SECRET: SECRET, ...env }, dataDir });
  d = new FormDriver(h);
  for (const p of [anna, bertil, cecilia, dora]) chats[p.id] = personalChat(h.connector, p);
}

async function trigger(query = ''): Promise<DigestRun> {
  const res = await fetch(`${h.baseUrl}/api/digest${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SECRET}` },
  });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  await h.bot.digest.idle();
  const status = await fetch(`${h.baseUrl}/api/digest/${id}`, { headers: { authorization: `Bearer ${SECRET}` } });
  expect(status.status).toBe(200);
  return (await status.json()) as DigestRun;
}

const cardsTo = (who: { id: string }) =>
  h.connector
    .sentTo(chats[who.id]!.conversationId)
    .map((a) => cardOf(a))
    .filter((c): c is Card => !!c);
const textsTo = (who: { id: string }) =>
  h.connector
    .sentTo(chats[who.id]!.conversationId)
    .map((a) => String(a.body.text ?? ''))
    .filter(Boolean);
const digestsTo = (who: { id: string }) => cardsTo(who).filter((c) => cardText(c).includes('eller ska besvaras inom'));

async function seed(): Promise<void> {
  for (const p of [anna, bertil, cecilia]) await d.say(chats[p.id]!, 'hej');
  h.connector.received.length = 0;
  await h.bot.register.save(
    remiss({ dnr: 'KS 2026/1', title: 'Snart', dueDate: '2026-11-30', handlaggare: { email: anna.email } }),
  );
  await h.bot.register.save(
    remiss({ dnr: 'KS 2026/2', title: 'Försenad', dueDate: '2026-11-20', handlaggare: { email: anna.email } }),
  );
  await h.bot.register.save(
    remiss({ dnr: 'KS 2026/3', title: 'Långt fram', dueDate: '2027-02-01', handlaggare: { email: bertil.email } }),
  );
  await h.bot.register.save(
    remiss({
      dnr: 'KS 2026/4',
      title: 'Klar',
      dueDate: '2026-11-25',
      handlaggare: { email: bertil.email },
      status: 'Besvarad',
    }),
  );
}

beforeEach(() => {
  now = new Date('2026-11-24T06:30:00Z');
});
afterEach(async () => {
  await h?.stop();
});

test('the trigger needs the secret; without DIGEST_TRIGGER_SECRET the endpoint does not exist', async () => {
  await start();
  for (const authorization of [undefined, 'Bearer wrong', `Basic ${SECRET}`, 'Bearer ']) {
    const res = await fetch(`${h.baseUrl}/api/digest`, {
      method: 'POST',
      headers: authorization ? { authorization } : {},
    });
    expect(res.status).toBe(401);
  }
  expect((await fetch(`${h.baseUrl}/api/digest/x`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  expect(
    (await fetch(`${h.baseUrl}/api/digest/finns-inte`, { headers: { authorization: `Bearer ${SECRET}` } })).status,
  ).toBe(404);
  await h.stop();
  await start({ DIGEST_TRIGGER_SECRET: '' });
  expect(
    (await fetch(`${h.baseUrl}/api/digest`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` } })).status,
  ).toBe(404);
});

test(
  'each handläggare gets their own due and overdue remisser with Besvara; the manager and the team channel get ' +
    'the overview',
  async () => {
    await start();
    const channel = channelOf(h.connector, chats[cecilia.id]!, '19:remisser@thread.tacv2');
    expect((await h.post(installFrom(h.connector, channel))).status).toBe(200);
    await seed();

    const run = await trigger();
    expect(run).toMatchObject({
      state: 'done',
      trigger: 'api',
      counts: { planned: 3, sent: 3, skipped: 0, failed: 0, throttled: 0 },
    });

    const [digest, ...more] = digestsTo(anna);
    expect(more).toEqual([]);
    expect(cardText(digest)).toContain('Du har 2 remisser som är försenade eller ska besvaras inom 14 dagar');
    const text = cardText(digest);
    expect(text.indexOf('Försenad')).toBeLessThan(text.indexOf('Snart'));
    expect(button(digest!, 'Besvara')).toMatchObject({ verb: 'answer.start', data: { dnr: 'KS 2026/2' } });
    // Bertil's only open remiss is beyond the horizon: nothing is sent to him.
    expect(h.connector.sentTo(chats[bertil.id]!.conversationId)).toEqual([]);

    const overview = cardsTo(cecilia).find((c) => cardText(c).includes('Remissöversikt'))!;
    expect(cardText(overview)).toMatch(
      /Försenade[\s\S]*Försenad[\s\S]*Den här veckan[\s\S]*Snart[\s\S]*Senare[\s\S]*Långt fram/,
    );
    expect(cardText(overview)).not.toContain('Klar');
    const inChannel = h.connector
      .sentTo('19:remisser@thread.tacv2')
      .map((a) => cardOf(a))
      .filter((c): c is Card => !!c && cardText(c).includes('Remissöversikt'));
    expect(inChannel).toHaveLength(1);
  },
);

test(
  'uninstalling the app from a channel stops the overview there; a personal uninstall forgets the 1:1 ' + 'chat',
  async () => {
    await start();
    const channel = channelOf(h.connector, chats[cecilia.id]!, '19:remisser@thread.tacv2');
    await h.post(installFrom(h.connector, channel));
    await seed();
    expect((await h.post({ ...installFrom(h.connector, channel), action: 'remove' })).status).toBe(200);
    expect((await h.post({ ...installFrom(h.connector, chats[anna.id]!), action: 'remove' })).status).toBe(200);
    const run = await trigger();
    expect(h.connector.sentTo('19:remisser@thread.tacv2').filter((a) => cardOf(a))).toEqual([]);
    // Anna's chat is forgotten; she is known, but there is no conversation to create hers through.
    expect(digestsTo(anna)).toEqual([]);
    expect(run.counts).toMatchObject({ sent: 1, skipped: 1 });
  },
);

test('a second run the same day sends no one a second copy; ?force=true does; the next day sends again', async () => {
  await start();
  await seed();
  await trigger();
  const again = await trigger();
  expect(again.counts).toMatchObject({ sent: 0, skipped: 2 });
  expect(digestsTo(anna)).toHaveLength(1);
  const forced = await trigger('?force=true');
  expect(forced.counts).toMatchObject({ sent: 2 });
  expect(digestsTo(anna)).toHaveLength(2);
  now = new Date('2026-11-25T06:30:00Z');
  await trigger();
  expect(digestsTo(anna)).toHaveLength(3);
});

test('people manage it in chat: avsluta digest, prenumerera, digest varje vecka', async () => {
  await start();
  await seed();
  expect(cardText(cardOf(await d.say(chats[anna.id]!, 'avsluta digest')))).toContain(
    'Du får inte längre remissöversikten',
  );
  await trigger();
  expect(digestsTo(anna)).toEqual([]);
  await d.say(chats[anna.id]!, 'Digest varje vecka!');
  await trigger();
  expect(digestsTo(anna)).toHaveLength(1);
  now = new Date('2026-11-26T06:30:00Z'); // Thursday, same week
  await trigger();
  expect(digestsTo(anna)).toHaveLength(1);
  now = new Date('2026-11-30T06:30:00Z'); // Monday, next week
  await trigger();
  expect(digestsTo(anna)).toHaveLength(2);
  await d.say(chats[anna.id]!, 'digest varje dag');
  now = new Date('2026-12-01T06:30:00Z');
  await trigger();
  expect(digestsTo(anna)).toHaveLength(3);
});

test(
  'failures by kind: a blocked person is retired, a lost 1:1 chat is recreated, and nobody else ' + 'suffers',
  async () => {
    await start();
    await seed();
    await h.bot.register.save(
      remiss({ dnr: 'KS 2026/5', title: 'Bertils', dueDate: '2026-11-30', handlaggare: { email: bertil.email } }),
    );
    await h.bot.register.save(
      remiss({
        dnr: 'KS 2026/6',
        title: 'Doras',
        dueDate: '2026-11-30',
        handlaggare: { email: dora.email, aadObjectId: dora.aadObjectId },
      }),
    );
    await d.say(chats[dora.id]!, 'hej');
    h.connector.failNextPosts(chats[bertil.id]!.conversationId, {
      status: 403,
      code: 'ConversationBlockedByUser',
      message: 'User blocked the conversation with the bot.',
    });
    h.connector.failNextPosts(chats[dora.id]!.conversationId, {
      status: 404,
      code: 'ConversationNotFound',
      message: 'Conversation not found.',
    });

    const run = await trigger();
    expect(run.counts).toMatchObject({ sent: 3, failed: 1 });
    expect(run.failures).toEqual({ blocked: 1 });
    expect(digestsTo(anna)).toHaveLength(1);
    // Dora's chat was created again through the connector, and the digest went there.
    const created = h.connector.created.find((c) => c.memberId === dora.id)!;
    expect(created.tenantId).toBe(TENANT);
    expect(
      h.connector
        .sentTo(created.id)
        .map((a) => cardOf(a))
        .filter((c) => c && cardText(c).includes('Doras')),
    ).toHaveLength(1);

    // Bertil is retired: the next day's run does not write to him, until he speaks to the bot again.
    now = new Date('2026-11-25T06:30:00Z');
    const next = await trigger();
    expect(next.failures).toEqual({});
    expect(h.connector.sentTo(chats[bertil.id]!.conversationId).filter((a) => cardOf(a))).toEqual([]);
    await d.say(chats[bertil.id]!, 'hej igen');
    now = new Date('2026-11-26T06:30:00Z');
    await trigger();
    expect(cardsTo(bertil).filter((c) => cardText(c).includes('Bertils'))).toHaveLength(1);
  },
);

test(
  'someone who never spoke to the bot gets their 1:1 chat created, when the register knows their Entra ' + 'id',
  async () => {
    await start();
    const channel = channelOf(h.connector, chats[cecilia.id]!, '19:remisser@thread.tacv2');
    await h.post(installFrom(h.connector, channel));
    // Erik is in the tenant (the connector knows him) but has never written to the bot.
    const erik = { id: '29:erik', name: 'Erik Ek', aadObjectId: 'aad-erik', email: 'erik.ek@stad.se' };
    h.connector.addConversation('19:annan@thread.tacv2', [erik]);
    await h.bot.register.save(
      remiss({
        dnr: 'KS 2026/8',
        title: 'Eriks remiss',
        dueDate: '2026-11-30',
        handlaggare: { email: erik.email, aadObjectId: erik.aadObjectId },
      }),
    );
    await trigger();
    const created = h.connector.created.find((c) => c.memberId === erik.aadObjectId)!;
    expect(created.tenantId).toBe(TENANT);
    expect(
      h.connector
        .sentTo(created.id)
        .map((a) => cardOf(a))
        .filter((c) => c && cardText(c).includes('Eriks remiss')),
    ).toHaveLength(1);
  },
);

test('BotDisabledByAdmin stops the run and says so, instead of retiring everyone', async () => {
  await start();
  await seed();
  for (const p of [anna, cecilia])
    h.connector.failNextPosts(chats[p.id]!.conversationId, {
      status: 403,
      code: 'BotDisabledByAdmin',
      message: 'The bot is disabled by the admin.',
    });
  const run = await trigger();
  expect(run.state).toBe('stopped');
  expect(run.stoppedBecause).toContain('BotDisabledByAdmin');
  // Messages already in flight when the first refusal came back fail the same way; none after it is tried.
  expect(Object.keys(run.failures)).toEqual(['botDisabled']);
  expect(run.counts.sent).toBe(0);
  // Nobody was retired: once the admin allows the app, the next run reaches them.
  const again = await trigger();
  expect(again).toMatchObject({ state: 'done', counts: { sent: 2 } });
});

test("Teams' rate limits are kept: many recipients at TEAMS_TENANT_RPS=5 get no 429 and one digest each", async () => {
  await start({ TEAMS_TENANT_RPS: '5' });
  const people = Array.from({ length: 12 }, (_, i) => ({
    id: `29:p${i}`,
    name: `Person ${i}`,
    aadObjectId: `aad-p${i}`,
    email: `p${i}@stad.se`,
  }));
  for (const p of people) {
    chats[p.id] = personalChat(h.connector, p);
    await d.say(chats[p.id]!, 'hej');
    await h.bot.register.save(
      remiss({
        dnr: `KS 2026/${p.id}`,
        title: `Remiss för ${p.name}`,
        dueDate: '2026-11-30',
        handlaggare: { email: p.email },
      }),
    );
  }
  // Teams counts the replies to the greetings above too: start the run after they have left the window.
  await new Promise((r) => setTimeout(r, 1100));
  h.connector.limitRates({ perConversation: 7, perTenant: 5 });
  const started = Date.now();
  const run = await trigger();
  expect(run.counts).toMatchObject({ sent: 12, throttled: 0, failed: 0 });
  expect(h.connector.throttled).toBe(0);
  expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  for (const p of people) expect(digestsTo(p)).toHaveLength(1);
}, 30_000);

test('a run stopped half-way (SIGTERM) is resumed at the next start, and no one gets two digests', async () => {
  await start({ TEAMS_TENANT_RPS: '4' });
  const people = Array.from({ length: 12 }, (_, i) => ({
    id: `29:q${i}`,
    name: `Person ${i}`,
    aadObjectId: `aad-q${i}`,
    email: `q${i}@stad.se`,
  }));
  for (const p of people) {
    chats[p.id] = personalChat(h.connector, p);
    await d.say(chats[p.id]!, 'hej');
    await h.bot.register.save(
      remiss({
        dnr: `KS 2026/${p.id}`,
        title: `Remiss för ${p.name}`,
        dueDate: '2026-11-30',
        handlaggare: { email: p.email },
      }),
    );
  }
  const res = await fetch(`${h.baseUrl}/api/digest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SECRET}` },
  });
  const { id } = (await res.json()) as { id: string };
  await new Promise((r) => setTimeout(r, 1200));
  const dataDir = h.dataDir;
  const connector = h.connector;
  await h.bot.close(); // what SIGTERM does
  const interrupted = (await h.bot.store.get<DigestRun>(`digest-runs/${id}`))!.value;
  expect(interrupted.state).toBe('interrupted');
  expect(interrupted.counts.sent).toBeGreaterThan(0);
  expect(interrupted.counts.sent).toBeLessThan(12);

  // The next start resumes the run, through the same Teams.
  h = await startHarness({
    now: () => now,
    env: { DIGEST_TRIGGER_SECRET: SECRET, TEAMS_TENANT_RPS: '4' },
    dataDir,
    connector,
  });
  await new Promise((r) => setTimeout(r, 50));
  await h.bot.digest.idle();
  const resumed = (await h.bot.store.get<DigestRun>(`digest-runs/${id}`))!.value;
  expect(resumed).toMatchObject({ state: 'done', counts: { sent: 12 } });
  for (const p of people) expect(digestsTo(p)).toHaveLength(1);
}, 30_000);

test(
  'reminders: the handläggare ahead of klart senast (5 working days before a handling stop, 2 before the day ' +
    'before the svarsdatum), the approver after 2 working days without a decision',
  async () => {
    await start();
    await seed();
    // The meeting on Tuesday 15 December: its handling stop ten working days before is Tuesday 1 December, and
    // five working days before that is Tuesday 24 November.
    await h.bot.register.save(
      remiss({
        dnr: 'KS 2026/7',
        title: 'Sammanträdet',
        dueDate: '2026-12-20',
        meetingDate: '2026-12-15',
        handlaggare: { email: anna.email },
      }),
    );
    await trigger();
    expect(textsTo(anna).filter((t) => t.startsWith('Påminnelse'))).toEqual([
      'Påminnelse: svaret på ”Sammanträdet” (KS 2026/7) ska vara klart senast den 1 december 2026 för att hinna ' +
        'till sammanträdet den 15 december 2026. Skriv ”besvara KS 2026/7” för att fortsätta.',
    ]);
    // The next day: no second meeting reminder, and Snart (svarsdatum Monday 30 November, so klart senast Friday
    // 27th) two working days ahead.
    now = new Date('2026-11-25T06:30:00Z');
    await trigger();
    expect(
      textsTo(anna)
        .filter((t) => t.startsWith('Påminnelse'))
        .slice(1),
    ).toEqual([
      'Påminnelse: svaret på ”Snart” (KS 2026/1) ska vara klart senast den 27 november 2026 (svarsdatum den ' +
        '30 november 2026). Skriv ”besvara KS 2026/1” för att fortsätta.',
    ]);

    // Sent for approval on Wednesday 25 November: Cecilia is reminded on Friday 27th, once.
    const annaChat = chats[anna.id]!;
    const { card: preview } = await d.answerToPreview(annaChat, 'KS 2026/1', anna.email);
    await d.click(annaChat, await d.click(annaChat, preview, 'Skicka för godkännande'), 'Skicka', {
      approver: cecilia.email,
    });
    await h.bot.outbox.idle();
    const reminded = () => textsTo(cecilia).filter((t) => t.startsWith('Påminnelse'));
    now = new Date('2026-11-26T06:30:00Z');
    await trigger();
    expect(reminded()).toEqual([]);
    now = new Date('2026-11-27T06:30:00Z');
    await trigger();
    expect(reminded()).toEqual([
      'Påminnelse: Anna Andersson väntar sedan 25 november 2026 på ditt beslut om svaret på ”Snart”. Kortet med ' +
        'Godkänn och Begär ändringar finns längre upp i chatten.',
    ]);
    now = new Date('2026-11-30T06:30:00Z');
    await trigger();
    expect(reminded()).toHaveLength(1);
  },
  30_000,
);
