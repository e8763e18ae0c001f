/** Who the bot can reach, and where: people with their 1:1 chats, and the team channels and group chats. */
import type { KeySpace } from '../../storage/keyspace.js';
import type { FeatureModule } from '../featureModule.js';

export const PEOPLE_KEYS: KeySpace[] = [
  { prefix: 'people/', owner: 'people', retention: 'kept', purpose: "people's 1:1 chats and e-mail, for messages" },
  {
    prefix: 'installations/',
    owner: 'people',
    retention: 'kept',
    purpose: 'channels and group chats the app is installed in, until it is removed',
  },
  {
    prefix: 'conversations/',
    owner: 'people',
    retention: 'kept',
    purpose: 'the conversations already welcomed, so the welcome is shown once',
  },
  {
    prefix: 'users/',
    suffix: '/language',
    owner: 'people',
    retention: 'kept',
    purpose: 'the language each person chose',
  },
];

export function peopleModule(): FeatureModule {
  return { name: 'people', keys: PEOPLE_KEYS };
}
