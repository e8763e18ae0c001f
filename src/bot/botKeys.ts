/** The store keys the bot layer itself writes. */
import { HOUR_MS, expiresAfter, type KeySpace } from '../storage/keyspace.js';

export const SEEN_ACTIVITY_PREFIX = 'seen-activities/';

export const BOT_KEYS: KeySpace[] = [
  {
    prefix: SEEN_ACTIVITY_PREFIX,
    owner: 'bot',
    // Teams retries a delivery within minutes; a day is ample.
    retention: expiresAfter('at', 24 * HOUR_MS),
    purpose: 'activities already handled, so one Teams delivers twice is handled once',
  },
];
