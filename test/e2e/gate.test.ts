/**
 * Who is served, and what malformed requests get: tenants and channels outside the configuration are
 * refused before any feature runs; bad bodies get 400 with a fixed body and never 500.
 */
import {
  cardActionFrom,
  messageFrom,
  personalChat,
  startHarness,
  type ChatUser,
  type Harness,
} from '../support/botHarness.js';

const NOW = new Date('2026-11-24T10:00:00Z');
let h: Harness;
let chat: ChatUser;

beforeEach(async () => {
  h = await startHarness({ now: NOW });
  chat = personalChat(h.connector, { id: '29:x', name: 'X', aadObjectId: 'aad-x', email: 'x@stad.se' });
});
afterEach(async () => {
  await h.stop();
});

const settle = () => new Promise((r) => setTimeout(r, 200));

test('a message from another tenant gets no answer and stores nothing', async () => {
  const foreign = messageFrom(h.connector, chat, 'english', {
    conversation: { id: chat.conversationId, tenantId: 'evil-tenant' },
    channelData: { tenant: { id: 'evil-tenant' } },
  });
  expect((await h.post(foreign)).status).toBe(200);
  await settle();
  expect(h.connector.received).toHaveLength(0);
  expect(await h.bot.store.list('users/')).toEqual([]);
});

test('a message without any tenant is refused when tenants are configured', async () => {
  const noTenant = messageFrom(h.connector, chat, 'remisser', {
    conversation: { id: chat.conversationId },
    channelData: {},
  });
  expect((await h.post(noTenant)).status).toBe(200);
  await settle();
  expect(h.connector.received).toHaveLength(0);
});

test('a card action from another tenant is refused in Swedish on the card; other invokes get 403', async () => {
  const foreign = {
    conversation: { id: chat.conversationId, tenantId: 'evil-tenant' },
    channelData: { tenant: { id: 'evil-tenant' } },
  };
  const res = await h.post(cardActionFrom(h.connector, chat, 'due.list', { filter: 'due', offset: 0 }, foreign));
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: 'Remissbot används inte i din organisation eller kanal. Ingenting har ändrats.',
  });
  const other = await h.post({
    ...cardActionFrom(h.connector, chat, 'due.list', {}, foreign),
    name: 'composeExtension/query',
  });
  expect(other.status).toBe(403);
});

test('another channel is refused', async () => {
  expect((await h.post(messageFrom(h.connector, chat, 'remisser', { channelId: 'slack' }))).status).toBe(200);
  const res = await h.post(cardActionFrom(h.connector, chat, 'due.list', {}, { channelId: 'slack' }));
  expect(res.status).toBe(200);
  expect((res.body as { value: string }).value).toContain('används inte i din organisation eller kanal');
  await settle();
  expect(h.connector.received).toHaveLength(0);
});

test.each([
  ['not JSON', '{"type": "message",'],
  ['an empty object', '{}'],
  ['an array', '[1,2,3]'],
  ['null', 'null'],
  [
    'no serviceUrl',
    JSON.stringify({
      type: 'message',
      channelId: 'msteams',
      from: { id: 'a' },
      recipient: { id: 'b' },
      conversation: { id: 'c' },
    }),
  ],
  [
    'a javascript: serviceUrl',
    JSON.stringify({
      type: 'message',
      channelId: 'msteams',
      serviceUrl: 'javascript:alert(1)',
      from: { id: 'a' },
      recipient: { id: 'b' },
      conversation: { id: 'c' },
    }),
  ],
  [
    'a numeric type',
    JSON.stringify({
      type: 5,
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1/',
      from: { id: 'a' },
      recipient: { id: 'b' },
      conversation: { id: 'c' },
    }),
  ],
])('a body that is %s gets 400 with a fixed error body', async (_name, body) => {
  const res = await h.post(body);
  expect(res.status).toBe(400);
  expect(res.body).toEqual({ error: { code: 'BAD_REQUEST', message: 'The request body is not a valid activity.' } });
});

test('an oversized body gets 413', async () => {
  const res = await h.post(messageFrom(h.connector, chat, 'x'.repeat(2 * 1024 * 1024)));
  expect(res.status).toBe(413);
});

test('odd messages get an answer, never a 500', async () => {
  for (const text of [
    '\u0000\u0007\u001b[31m',
    '   ',
    '🙂'.repeat(500),
    'remisser'.repeat(1000),
    '<at>Remissbot</at> remisser',
  ]) {
    const before = h.connector.received.length;
    const res = await h.post(messageFrom(h.connector, chat, text));
    expect(res.status).toBe(200);
    await h.connector.waitFor(() => h.connector.received.length > before);
  }
});

test('GET /healthz answers', async () => {
  const res = await fetch(`${h.baseUrl}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', scheduler: 'leader' });
});
