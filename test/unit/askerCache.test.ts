/** Recent askers' member lookups: kept ten minutes, the oldest dropped when full. */
import { AskerCache } from '../../src/bot/askerCache.js';

const anna = { teamsUserId: '29:anna', email: 'anna@stad.se' };

test('a lookup is kept ten minutes, then asked again', () => {
  let now = 0;
  const cache = new AskerCache(() => now);
  cache.set('t|29:anna', anna);
  now = 10 * 60_000;
  expect(cache.get('t|29:anna')).toEqual(anna);
  now += 1;
  expect(cache.get('t|29:anna')).toBeUndefined();
});

test('when full, the oldest entry goes first', () => {
  const cache = new AskerCache(() => 0);
  for (let i = 0; i < 10_000; i++) cache.set(`t|29:${i}`, { teamsUserId: `29:${i}` });
  cache.set('t|29:new', anna);
  expect(cache.get('t|29:0')).toBeUndefined();
  expect(cache.get('t|29:1')).toEqual({ teamsUserId: '29:1' });
  expect(cache.get('t|29:new')).toEqual(anna);
});
