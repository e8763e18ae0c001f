/**
 * The features' declarations are the whole truth: every verb a card can send is answered by a declared
 * handler, every job kind that reaches the outbox has a declared handler, and every key a full journey
 * writes (answer, approval, filing, registration, a digest run) belongs to a declared keyspace.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import { cardActionFrom, personalChat, startHarness, type ChatUser, type Harness } from '../support/botHarness.js';
import { FormDriver, type Card } from '../support/formDriver.js';
import { remiss } from '../support/remissFixtures.js';
import { exampleCards } from '../support/exampleCards.js';
import { refusalOf } from '../../src/cards/messageCard.js';
import { ownerOf } from '../../src/storage/keyspace.js';
import type { OutboxJob } from '../../src/outbox/outbox.js';
import type { AdaptiveCard } from '../../src/features/featureContext.js';

const ROOT = path.resolve(__dirname, '../..');
const anna = { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna', email: 'anna.andersson@stad.se' };
const cecilia = { id: '29:cecilia', name: 'Cecilia Holm', aadObjectId: 'aad-cecilia', email: 'cecilia.holm@stad.se' };
const DNR = 'KS 2026/7';

let h: Harness;
let annaChat: ChatUser;
let ceciliaChat: ChatUser;

beforeAll(async () => {
  h = await startHarness({
    now: new Date('2026-11-24T09:00:00Z'),
    env: { REGISTRATOR: `person:${anna.email}`, DIGEST_TRIGGER_SECRET: 'a-digest-trigger-secret-of-32-chars!' },
  });
  annaChat = personalChat(h.connector, anna);
  ceciliaChat = personalChat(h.connector, cecilia);
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

/** Every Action.Execute verb in a card, at any depth (actions, ShowCard, ActionSet). */
function verbsIn(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => verbsIn(n, found));
  else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    if (element.type === 'Action.Execute' && typeof element.verb === 'string') found.add(element.verb);
    Object.values(element).forEach((v) => verbsIn(v, found));
  }
  return found;
}

async function press(verb: string): Promise<AdaptiveCard> {
  const res = await h.post(cardActionFrom(h.connector, annaChat, verb, {}));
  return (res.body as { value: AdaptiveCard }).value;
}

test('every verb in a card template or a rendered card is declared by a feature', async () => {
  const templates = readdirSync(path.join(ROOT, 'cards')).map((f) =>
    JSON.parse(readFileSync(path.join(ROOT, 'cards', f), 'utf8')),
  );
  // A template's verb is either written in it or filled in from data (then the rendered examples show it).
  const written = [...verbsIn(templates)].filter((verb) => !verb.startsWith('${'));
  const verbs = new Set([...written, ...verbsIn((await exampleCards()).map((example) => example.card))]);
  expect(verbs.size).toBeGreaterThan(8);
  for (const verb of verbs) {
    // Empty data is refused by a declared verb's own validation; only an undeclared verb is unknown.
    expect([verb, refusalOf(await press(verb))]).not.toEqual([verb, 'UNKNOWN_VERB']);
  }
  expect(refusalOf(await press('approval.undeclared'))).toBe('UNKNOWN_VERB');
});

test('a full journey writes only declared keys and enqueues only declared job kinds', async () => {
  await h.bot.register.save(
    remiss({ dnr: DNR, title: 'Trygghetsprogram', dueDate: '2026-12-15', handlaggare: { email: anna.email } }),
  );
  const d = new FormDriver(h);
  await d.say(ceciliaChat, 'hej');
  await d.say(annaChat, 'english');
  await d.say(annaChat, 'svenska');
  const { card: preview } = await d.answerToPreview(annaChat, DNR, anna.email);
  await d.click(annaChat, await d.click(annaChat, preview, 'Skicka för godkännande'), 'Skicka', {
    approver: cecilia.email,
  });
  await h.bot.outbox.idle();
  const request = h.connector.received.filter((a) => a.method === 'POST' && cardText(cardOf(a)).includes('Godkänn'));
  const last = request.at(-1)!;
  await d.click(ceciliaChat, cardOf(last) as Card, 'Godkänn', {}, last.id);
  await h.bot.outbox.idle();
  const registrator = h.connector.received
    .filter((a) => a.method === 'POST' && cardText(cardOf(a)).includes('Markera som diariefört och skickat'))
    .at(-1)!;
  await d.click(annaChat, cardOf(registrator) as Card, 'Markera som diariefört och skickat', {}, registrator.id);
  await h.bot.outbox.idle();
  const run = await fetch(`${h.baseUrl}/api/digest?force=true`, {
    method: 'POST',
    headers: { authorization: 'Bearer a-digest-trigger-secret-of-32-chars!' },
  });
  expect(run.status).toBe(202);
  await h.bot.digest.idle();

  const keys = await h.bot.store.list('');
  const prefixes = new Set(keys.map((k) => k.split('/')[0]));
  for (const expected of ['remisser', 'drafts', 'approvals', 'filings', 'registrations', 'digest-runs', 'outbox'])
    expect(prefixes).toContain(expected);
  expect(keys.filter((k) => !ownerOf(h.bot.keyspaces, k))).toEqual([]);

  const jobs = await Promise.all(
    keys.filter((k) => k.startsWith('outbox/')).map(async (k) => (await h.bot.store.get<OutboxJob>(k))!.value),
  );
  expect(jobs.length).toBeGreaterThan(3);
  expect(jobs.filter((j) => !h.bot.outbox.kinds().includes(j.kind)).map((j) => j.kind)).toEqual([]);
  expect(jobs.filter((j) => j.state !== 'done').map((j) => `${j.kind}: ${j.state} ${j.lastError}`)).toEqual([]);
}, 120_000);
