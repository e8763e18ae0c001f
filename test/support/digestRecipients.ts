/**
 * People a digest run reaches: each known to the fake connector with a 1:1 chat the bot remembers, and each
 * the handläggare of one remiss due in a week (inside the digest's horizon).
 */
import { PeopleDirectory } from '../../src/features/people/peopleDirectory.js';
import { LocalRemissRepository } from '../../src/register/localRemissRepository.js';
import type { RecordStore } from '../../src/storage/store.js';
import type { FakeConnector } from '../fakes/fakeConnector.js';
import { BOT, TENANT } from './botHarness.js';
import { remiss } from './remissFixtures.js';

export interface DigestRecipient {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
  conversationId: string;
}

export async function seedDigestRecipients(
  store: RecordStore,
  connector: FakeConnector,
  count: number,
  tag: string,
): Promise<DigestRecipient[]> {
  const people = new PeopleDirectory(store);
  const register = new LocalRemissRepository(store);
  const dueDate = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const recipients = Array.from({ length: count }, (_, i) => ({
    id: `29:${tag}${i}`,
    name: `Person ${i}`,
    aadObjectId: `aad-${tag}${i}`,
    email: `${tag}${i}@stad.se`,
    conversationId: `a:1:29:${tag}${i}`,
  }));
  for (const p of recipients) {
    connector.addConversation(p.conversationId, [p]);
    await people.remember(
      {
        teamsUserId: p.id,
        aadObjectId: p.aadObjectId,
        email: p.email,
        personalChat: {
          serviceUrl: connector.serviceUrl,
          channelId: 'msteams',
          conversationId: p.conversationId,
          tenantId: TENANT,
          botId: BOT.id,
          userId: p.id,
          conversationType: 'personal',
        },
      },
      new Date(),
    );
    await register.save(
      remiss({ dnr: `KS 2026/${p.id}`, title: `Remiss för ${p.name}`, dueDate, handlaggare: { email: p.email } }),
    );
  }
  return recipients;
}
