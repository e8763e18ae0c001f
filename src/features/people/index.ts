/** Who the bot can reach, and where: people with their 1:1 chats, and the team channels and group chats. */
import { keptKeys, type KeySpace } from '../../storage/keyspace.js';
import type { FeatureModule } from '../featureModule.js';

export const PEOPLE_KEYS: KeySpace[] = keptKeys('people', {
  'people/': "people's 1:1 chats and e-mail, for messages",
  'installations/': 'channels and group chats the app is installed in, until it is removed',
  'conversations/': 'the conversations already welcomed, so the welcome is shown once',
  'users/*/language': 'the language each person chose',
});

export function peopleModule(): FeatureModule {
  return { name: 'people', keys: PEOPLE_KEYS };
}
