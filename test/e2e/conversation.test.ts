/**
 * Welcome, help, language choice and unknown text, through the real HTTP server.
 */
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import {
  installFrom,
  membersAddedFrom,
  messageFrom,
  personalChat,
  startHarness,
  type ChatUser,
  type Harness,
} from '../support/botHarness.js';
import { remiss } from '../support/remissFixtures.js';

const NOW = new Date('2026-11-24T10:00:00Z');
const eva = {
  id: '29:eva',
  name: 'Eva Ek',
  aadObjectId: 'aad-eva',
  email: 'eva.ek@stad.se',
  userPrincipalName: 'eva.ek@stad.se',
};

let h: Harness;
let chat: ChatUser;

async function start(env: Record<string, string> = {}) {
  h = await startHarness({ now: NOW, env });
  chat = personalChat(h.connector, eva);
  await h.bot.register.save(
    remiss({ dnr: 'KS 2026/1', title: 'Trygghetsprogram', dueDate: '2026-12-15', handlaggare: { email: eva.email } }),
  );
}

async function say(text: string, extra: Record<string, unknown> = {}) {
  const before = h.connector.sentTo(chat.conversationId).length;
  expect((await h.post(messageFrom(h.connector, chat, text, extra))).status).toBe(200);
  await h.connector.waitFor(() => h.connector.sentTo(chat.conversationId).length > before);
  const sent = h.connector.sentTo(chat.conversationId).at(-1)!;
  return cardText(cardOf(sent)) || String(sent.body.text ?? '');
}

afterEach(async () => {
  await h.stop();
});

test('installing sends one welcome card, though Teams announces the install twice', async () => {
  await start();
  expect((await h.post(installFrom(h.connector, chat))).status).toBe(200);
  expect((await h.post(membersAddedFrom(h.connector, chat))).status).toBe(200);
  await h.connector.waitFor(() => h.connector.sentTo(chat.conversationId).length >= 1);
  const sent = h.connector.sentTo(chat.conversationId);
  expect(sent).toHaveLength(1);
  const text = cardText(cardOf(sent[0]!));
  expect(text).toContain('Hej! Jag är Remissbot');
  expect(text).toContain('Vilka remisser ska besvaras?');
});

test('help and unknown text answer with the commands as buttons', async () => {
  await start();
  expect(await say('hjälp')).toContain('Det här kan du skriva till mig');
  const unknown = await say('vad blir det för väder i morgon?');
  expect(unknown).toContain('Det förstod jag tyvärr inte');
  expect(unknown).toContain('Mina remisser');
});

test('a button on the help card works like typing its command', async () => {
  await start();
  const text = await say('', { text: undefined, value: { command: 'Mina remisser' } });
  expect(text).toContain('Trygghetsprogram');
});

test('Swedish is the default even though the client says en-US; "english" switches and is remembered', async () => {
  await start();
  expect(await say('which remisser are due?', { locale: 'en-US' })).toContain('Remisser att besvara');
  expect(await say('english')).toContain('I will answer in English');
  const english = await say('which remisser are due?');
  expect(english).toContain('Remisser to answer');
  // Ready by (klart senast) is a working day before the svarsdatum, 15 December.
  expect(english).toContain('14 Dec');
  expect(english).toContain('in 20 days');
  expect(english).toContain('Assigned');
  expect(await say('svenska')).toContain('Jag svarar på svenska');
  expect(await say('remisser')).toContain('om 20 dagar');
});

test('BOT_LANGUAGE=auto follows the activity locale', async () => {
  await start({ BOT_LANGUAGE: 'auto' });
  expect(await say('my remisser', { locale: 'en-US' })).toContain('My remisser');
  expect(await say('mina remisser', { locale: 'sv-SE' })).toContain('Mina remisser');
});

test('the language choice survives a restart', async () => {
  await start();
  await say('english');
  const dataDir = h.dataDir;
  await h.bot.close();
  await h.connector.stop();
  h = await startHarness({ now: NOW, dataDir });
  chat = personalChat(h.connector, eva);
  const text = await say('remisser');
  expect(text).toContain('Remisser to answer');
  expect(text).toContain('Trygghetsprogram');
});
