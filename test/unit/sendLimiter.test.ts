/** The send limiter's pacing, on a fake clock: per tenant, per conversation, and slowing down after a 429. */
import { SendLimiter } from '../../src/messaging/sendLimiter.js';

function limiterAt(rps: number) {
  let now = 0;
  const sentAt: number[] = [];
  const limiter = new SendLimiter(rps, () => now, async (ms) => {
    now += ms;
  });
  const send = (tenant: string, conversation: string) => limiter.schedule(tenant, conversation, async () => void sentAt.push(now));
  return { limiter, sentAt, send, advance: (ms: number) => (now += ms) };
}

test('a tenant gets at most its rate (paced a little under it)', async () => {
  const { sentAt, send } = limiterAt(10);
  for (let i = 0; i < 21; i++) await send('t', `c${i}`);
  expect(sentAt.filter((t) => t < 1000).length).toBeLessThanOrEqual(10);
  expect(sentAt.at(-1)! / 20).toBeGreaterThanOrEqual(100);
  expect(sentAt.at(-1)! / 20).toBeLessThan(105);
});

test('one conversation gets at most 7 messages a second even when the tenant allows more', async () => {
  const { sentAt, send } = limiterAt(100);
  for (let i = 0; i < 15; i++) await send('t', 'same');
  expect(sentAt.filter((t) => t < 1000).length).toBeLessThanOrEqual(7);
});

test('tenants are paced separately', async () => {
  const { sentAt, send } = limiterAt(1);
  await Promise.all([send('a', 'x'), send('b', 'y')]);
  expect(sentAt).toEqual([0, 0]);
});

test('a 429 halves the tenant rate, which grows back over time', async () => {
  const { limiter, advance } = limiterAt(30);
  limiter.throttled('t');
  expect(limiter.rateOf('t')).toBe(15);
  limiter.throttled('t');
  expect(limiter.rateOf('t')).toBe(7.5);
  advance(5000);
  expect(limiter.rateOf('t')).toBeCloseTo(22.5);
  advance(60_000);
  expect(limiter.rateOf('t')).toBe(30);
});
