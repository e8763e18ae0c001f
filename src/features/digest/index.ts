/** Scheduled digests and reminders, and the chat commands that subscribe to them; the runs and sent keys. */
import { DAY_MS, expiresAfter, keptKeys, type KeySpace } from '../../storage/keyspace.js';
import type { FeatureModule } from '../featureModule.js';
import type { DigestSubscriptionFeature } from './digestHandler.js';

/** A sent key guards one message of one day (or week, or version); a month later nothing asks for it again. */
const SENT_KEY_DAYS = 31;
/** Finished runs answer GET /api/digest/<id> for a month. */
const RUN_DAYS = 31;

export const DIGEST_KEYS: KeySpace[] = [
  {
    prefix: 'digest-runs/',
    owner: 'digest',
    retention: (run) => (run.state === 'running' ? undefined : expiresAfter('updatedAt', RUN_DAYS * DAY_MS)(run)),
    purpose: 'each run, its counts and where it stopped, so a crashed run resumes',
  },
  {
    prefix: 'digest-keys/',
    owner: 'digest',
    retention: expiresAfter('at', SENT_KEY_DAYS * DAY_MS),
    purpose: 'one key per message sent, so a resumed or repeated run never sends it twice',
  },
  ...keptKeys('digest', { 'digest-preferences/': 'who wants which digest, how often' }),
];

export function digestModule(subscriptions: DigestSubscriptionFeature): FeatureModule {
  return {
    name: 'digest',
    intents: { digest: (ctx, intent) => subscriptions.change(ctx, intent.change) },
    keys: DIGEST_KEYS,
  };
}
