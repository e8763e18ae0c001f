/**
 * Inbound Bot Framework authentication, offline: tokens signed with a local key, the OpenID metadata and keys
 * served over HTTPS (the metadata URL is a setting botbuilder reads), with an app id set. A valid token gets
 * its invoke answered; every kind of bad token gets 401 and nothing is processed.
 */
import { anotherKey, FakeOpenIdMetadata } from '../fakes/fakeOpenIdMetadata.js';
import {
  cardActionFrom,
  personalChat,
  startHarness,
  TENANT,
  type ChatUser,
  type Harness,
} from '../support/botHarness.js';

const APP_ID = '6b5e7d0a-1111-4222-8333-944445555666';
let metadata: FakeOpenIdMetadata;
let h: Harness;
let user: ChatUser;

beforeAll(async () => {
  metadata = new FakeOpenIdMetadata();
  await metadata.start();
  h = await startHarness({
    env: {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-used-for-inbound-0123456789',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT,
      ToBotFromChannelOpenIdMetadataUrl: metadata.metadataUrl,
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    },
  });
  user = personalChat(h.connector, { id: '29:anna', name: 'Anna', aadObjectId: 'aad-anna', email: 'anna@stad.se' });
});
afterAll(async () => {
  await h?.stop();
  await metadata?.stop();
});

/** An invoke the bot answers in the HTTP body: no outbound token is needed. */
const invoke = () => cardActionFrom(h.connector, user, 'due.list', { filter: 'due', offset: 0 });
const valid = (activity: { serviceUrl: string }) => ({ aud: APP_ID, serviceurl: activity.serviceUrl });

test('a valid channel token: the invoke is answered with a card', async () => {
  const activity = invoke();
  const res = await h.post(activity, { authorization: `Bearer ${metadata.token(valid(activity))}` });
  expect(res.status).toBe(200);
  expect(JSON.stringify(res.body)).toContain('AdaptiveCard');
});

const refusals: [string, (a: { serviceUrl: string }) => string | undefined][] = [
  ['no token', () => undefined],
  ['a bad signature (the right kid, another key)', (a) => `Bearer ${metadata.token(valid(a), { key: anotherKey() })}`],
  [
    'an expired token',
    (a) => `Bearer ${metadata.token({ ...valid(a), nbf: 1, iat: 1, exp: Math.floor(Date.now() / 1000) - 3600 })}`,
  ],
  [
    'the wrong audience',
    (a) => `Bearer ${metadata.token({ ...valid(a), aud: '00000000-0000-0000-0000-000000000001' })}`,
  ],
  ['the wrong issuer', (a) => `Bearer ${metadata.token({ ...valid(a), iss: 'https://sts.windows.net/evil/' })}`],
  [
    'a serviceurl claim that differs from the activity',
    (a) => `Bearer ${metadata.token({ ...valid(a), serviceurl: 'https://smba.evil.example/' })}`,
  ],
  ['a key id the metadata does not serve', (a) => `Bearer ${metadata.token(valid(a), { kid: 'unknown-kid' })}`],
  ['not a JWT at all', () => 'Bearer not.a.jwt'],
];

test.each(refusals)('%s: 401, and nothing is processed or stored', async (_name, header) => {
  const before = (await h.bot.store.list('')).length;
  const requestsBefore = h.connector.requests.length;
  const activity = invoke();
  const auth = header(activity);
  const res = await h.post(activity, auth ? { authorization: auth } : {});
  expect(res.status).toBe(401);
  expect(JSON.stringify(res.body)).not.toContain('AdaptiveCard');
  expect((await h.bot.store.list('')).length).toBe(before);
  expect(h.connector.requests.length).toBe(requestsBefore);
});
