/**
 * The HTTP surface answers every error from one catalogue: a stable code, the catalogue's message, and the
 * status that goes with it, whichever route refused.
 */
import { HTTP_ERRORS, type HttpErrorCode } from '../../src/server/httpErrors.js';
import { startHarness, type Harness } from '../support/botHarness.js';

const SECRET = 'a-digest-trigger-secret-of-32-chars!';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ env: { DIGEST_TRIGGER_SECRET: SECRET } });
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

async function expectError(res: Response, code: HttpErrorCode): Promise<void> {
  expect(res.status).toBe(HTTP_ERRORS[code].status);
  expect(await res.json()).toEqual({ error: { code, message: HTTP_ERRORS[code].message } });
}

test('a body that is not JSON is BAD_REQUEST, one over a megabyte PAYLOAD_TOO_LARGE', async () => {
  const post = (body: string) =>
    fetch(`${h.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await expectError(await post('{"type":'), 'BAD_REQUEST');
  await expectError(await post(JSON.stringify({ type: 'message', text: 'x'.repeat(1_100_000) })), 'PAYLOAD_TOO_LARGE');
});

test(
  'the digest routes answer TOKEN_REQUIRED without the secret and DIGEST_RUN_NOT_FOUND for an unknown ' + 'run',
  async () => {
    const bearer = { authorization: `Bearer ${SECRET}` };
    await expectError(await fetch(`${h.baseUrl}/api/digest`, { method: 'POST' }), 'TOKEN_REQUIRED');
    await expectError(
      await fetch(`${h.baseUrl}/api/digest`, { method: 'POST', headers: { authorization: 'Bearer wrong' } }),
      'TOKEN_REQUIRED',
    );
    await expectError(await fetch(`${h.baseUrl}/api/digest/no-such-run`, { headers: bearer }), 'DIGEST_RUN_NOT_FOUND');
  },
);
