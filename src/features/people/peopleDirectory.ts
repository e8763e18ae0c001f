/**
 * The people who have talked to the bot: their 1:1 chat (for proactive messages) and their e-mail, so an
 * approver named by e-mail can be reached. Stored when someone installs the bot or speaks to it.
 */
import type { ConversationTarget } from '../../messaging/messenger.js';
import type { RecordStore } from '../../storage/store.js';

export interface PersonRecord {
  schemaVersion: 1;
  teamsUserId: string;
  aadObjectId?: string;
  email?: string;
  name?: string;
  personalChat?: ConversationTarget;
  /** Set when the person blocked the bot (Teams answered 403): scheduled messages skip them until they speak again. */
  retiredAt?: string;
  updatedAt: string;
}

const byId = (id: string) => `people/by-id/${id}`;
const byEmail = (email: string) => `people/by-email/${email.trim().toLowerCase()}`;

export class PeopleDirectory {
  constructor(private readonly store: RecordStore) {}

  async get(idOrAad: string): Promise<PersonRecord | undefined> {
    return (await this.store.get<PersonRecord>(byId(idOrAad)))?.value;
  }

  async findByEmail(email: string): Promise<PersonRecord | undefined> {
    const pointer = (await this.store.get<{ id: string }>(byEmail(email)))?.value;
    return pointer ? this.get(pointer.id) : undefined;
  }

  /** Merges what this turn tells about a person into their record. */
  async remember(person: Omit<PersonRecord, 'schemaVersion' | 'updatedAt'>, now: Date): Promise<PersonRecord> {
    const key = person.aadObjectId ?? person.teamsUserId;
    const existing = await this.get(key);
    const record: PersonRecord = {
      schemaVersion: 1,
      teamsUserId: person.teamsUserId,
      aadObjectId: person.aadObjectId ?? existing?.aadObjectId,
      email: person.email ?? existing?.email,
      name: person.name ?? existing?.name,
      personalChat: person.personalChat ?? existing?.personalChat,
      // Speaking to the bot again is the way back from having blocked it.
      retiredAt: person.personalChat ? undefined : existing?.retiredAt,
      updatedAt: now.toISOString(),
    };
    await this.store.put(byId(key), record);
    if (record.email) await this.store.put(byEmail(record.email), { schemaVersion: 1, id: key });
    return record;
  }

  /** Keeps a changed record (a recreated 1:1 chat, retirement, an uninstall). */
  async update(
    record: PersonRecord,
    change: Partial<Pick<PersonRecord, 'personalChat' | 'retiredAt'>>,
    now: Date,
  ): Promise<PersonRecord> {
    const updated: PersonRecord = { ...record, ...change, updatedAt: now.toISOString() };
    await this.store.put(byId(record.aadObjectId ?? record.teamsUserId), updated);
    return updated;
  }
}
