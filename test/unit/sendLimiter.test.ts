/** The send limiter's pacing, on a fake clock: per tenant, per conversation, and slowing down after a 429. */
import { SendLimiter } from '../../src/messaging/sendLimiter.js';

function limiterAt(rps: number) {
  let now = 0;
  const sentAt: number[] = [];
  const limiter = new SendLimiter(
    rps,
    () => now,
    async (ms) => {
      now += ms;
    },
  );
  const send = (tenant: string, conversation: string) =>
    limiter.schedule(tenant, conversation, async () => void sentAt.push(now));
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

test('a send that is slow to reach the wire never lets the next ones crowd into its second', async () => {
  // Each send does work before its HTTP call (claiming its key, building its card) that takes a varying time;
  // Teams sees it arrive any time up to its end. Even pacing by start times alone let six arrive in one second.
  jest.useFakeTimers({ now: 0 });
  try {
    const limiter = new SendLimiter(
      5,
      () => Date.now(),
      (ms) => new Promise((r) => setTimeout(r, ms)),
    );
    const sends: { start: number; end: number }[] = [];
    const slowness = [150, 0, 0, 0, 0, 0, 150, 0, 0, 0, 0, 0, 150, 0, 0, 0, 0, 0];
    const all = Promise.all(
      slowness.map((ms, i) =>
        limiter.schedule('t', `c${i}`, async () => {
          const start = Date.now();
          if (ms) await new Promise((r) => setTimeout(r, ms));
          sends.push({ start, end: Date.now() });
        }),
      ),
    );
    await jest.runAllTimersAsync();
    await all;
    sends.sort((a, b) => a.start - b.start);
    expect(sends).toHaveLength(slowness.length);
    // Any six consecutive sends: the sixth starts a full second after the first one ended.
    for (let k = 0; k + 5 < sends.length; k++) expect(sends[k + 5]!.start - sends[k]!.end).toBeGreaterThan(1000);
  } finally {
    jest.useRealTimers();
  }
});

test(
  'the paces of conversations that no longer hold anything back are dropped, so day after day of digests does ' +
    'not grow memory',
  async () => {
    const { limiter, send, advance } = limiterAt(1_000_000);
    for (let i = 0; i < 10_000; i++) await send('t', `day1-${i}`);
    expect(limiter.trackedConversations).toBe(10_000);
    advance(2000);
    for (let i = 0; i < 10; i++) await send('t', `day2-${i}`);
    expect(limiter.trackedConversations).toBe(10);
  },
);
