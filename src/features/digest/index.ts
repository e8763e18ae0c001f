/**
 * Scheduled digests and reminders, and the chat commands that subscribe to them: the intent, and the store
 * keys of the runs, the sent keys and the preferences. Every digest key is built here, from its prefix.
 */
import { DAY_MS, expiresAfter, keptKeys, type KeySpace } from '../../storage/keyspace.js';
import type { FeatureModule } from '../featureModule.js';
import type { DigestSubscriptionRoutes } from './digestSubscriptionRoutes.js';

/** A sent key guards one message of one day (or week, or version); a month later nothing asks for it again. */
export const SENT_KEY_DAYS = 31;
/** Finished runs answer GET /api/digest/<id> for a month. */
const RUN_DAYS = 31;

/** The store prefixes the digest owns. */
export const DIGEST_PREFIXES = {
  runs: 'digest-runs/',
  sent: 'digest-keys/',
  preferences: 'digest-preferences/',
} as const;

/** The store keys of the digest's records, under DIGEST_PREFIXES. */
export const digestKeys = {
  /** A run's record. */
  run: (id: string): string => `${DIGEST_PREFIXES.runs}${id}`,
  /** The sent key of one planned message (its plan key: day or week, kind, hashed recipient). */
  sent: (planKey: string): string => `${DIGEST_PREFIXES.sent}${planKey}`,
  /** A person's preference, by e-mail in any case. */
  preference: (email: string): string => `${DIGEST_PREFIXES.preferences}${email.trim().toLowerCase()}`,
};

export const DIGEST_KEYS: KeySpace[] = [
  {
    prefix: DIGEST_PREFIXES.runs,
    owner: 'digest',
    retention: (run) => (run.state === 'running' ? undefined : expiresAfter('updatedAt', RUN_DAYS * DAY_MS)(run)),
    purpose: 'each run, its counts and where it stopped, so a crashed run resumes',
  },
  {
    prefix: DIGEST_PREFIXES.sent,
    owner: 'digest',
    retention: expiresAfter('at', SENT_KEY_DAYS * DAY_MS),
    purpose: 'one key per message sent, so a resumed or repeated run never sends it twice',
  },
  ...keptKeys('digest', { [DIGEST_PREFIXES.preferences]: 'who wants which digest, how often' }),
];

export function digestModule(subscriptions: DigestSubscriptionRoutes): FeatureModule {
  return {
    name: 'digest',
    intents: { digest: (ctx, intent) => subscriptions.change(ctx, intent.change) },
    keys: DIGEST_KEYS,
  };
}
