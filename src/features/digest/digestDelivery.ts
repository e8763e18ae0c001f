/**
 * Sends one planned digest message at most once. Every message has a persisted sent key, claimed just before
 * the send, so a second run the same day, a retried trigger or a restart mid-run sends no one a second copy
 * (force is the deliberate exception). A crash between the claim and the send can lose that one message; the
 * run's record counts them (possiblyLost).
 *
 * Failures by kind: a person who blocked the bot is retired; a conversation that is gone is recreated once;
 * a bot disabled by an admin, or refused credentials, stops the run rather than retiring everyone.
 */
import type { Language } from '../../domain/language.js';
import type { Logger } from '../../logging/logger.js';
import {
  DeliveryFailedError,
  RecipientUnreachableError,
  type DeliveryFailureKind,
  type ConversationTarget,
  type Messenger,
} from '../../messaging/messenger.js';
import type { SendLimiter } from '../../messaging/sendLimiter.js';
import { writeUnlessRaced } from '../../storage/conditionalUpdate.js';
import type { RecordStore } from '../../storage/store.js';
import type { Installations } from '../conversations/installations.js';
import type { PeopleDirectory, PersonRecord } from '../people/peopleDirectory.js';
import type { Delivery, DeliveryContent } from './digestPlan.js';
import type { DigestRun } from './digestRunner.js';
import { digestKeys } from './index.js';

/** The record under a message's sent key: claimed ('sending') by a run, then confirmed ('sent'). */
interface SentKey {
  schemaVersion: 1;
  runId: string;
  state: 'sending' | 'sent';
  at: string;
}

/** What a message's sent key means for a run: 'claimed' to send it; 'taken' or 'mine' when held already. */
type Claim = 'claimed' | 'taken' | 'mine';

/** How a message's send ended: sent, nobody to send to, left alone, or a failure by kind. */
type Outcome = 'sent' | 'nobody' | 'notClaimed' | 'stopping' | 'notInstalled' | 'error' | DeliveryFailureKind;

export interface DeliveryDependencies {
  store: RecordStore;
  people: PeopleDirectory;
  installations: Installations;
  messenger: Messenger;
  limiter: SendLimiter;
  language: (person: PersonRecord) => Promise<Language>;
  clock: () => Date;
  logger: Logger;
}

/** Why a run stopped, for GET /api/digest/<id> (read by admins, in English like the rest of the API). */
const STOPPED_BECAUSE = {
  botDisabled: 'Teams says an admin has blocked the app (BotDisabledByAdmin).',
  unauthorized: "Teams refused the bot's credentials (401).",
} as const;

export class DigestDelivery {
  /** `stopping`: true once the runner is stopped (SIGTERM); messages still waiting are left for the resume. */
  constructor(
    private readonly deps: DeliveryDependencies,
    private readonly stopping: () => boolean,
  ) {}

  /**
   * Sends one message at most once, counting the outcome on the run. The key is claimed in the rate limiter's
   * slot, just before the message goes on the wire, so a crash can leave unconfirmed only the messages being
   * sent at that instant; it is released if the message was not sent.
   */
  async deliver(run: DigestRun, d: Delivery): Promise<void> {
    const key = digestKeys.sent(d.key);
    // Messages sent earlier are recognised before they wait for a slot, so a resumed run skips them quickly.
    const earlier = this.judge(run, (await this.deps.store.get<SentKey>(key))?.value);
    if (earlier) {
      if (earlier === 'taken') run.counts.skipped++;
      return;
    }
    let claim: Promise<Claim> | undefined;
    const claimOnce = () => (claim ??= this.claim(run, key));
    const outcome: Outcome = await this.send(d, claimOnce).catch((err: unknown) => this.failureOf(err));
    if (outcome === 'sent') {
      run.counts.sent++;
      await this.deps.store.put(key, this.sentKey(run, 'sent'));
      return;
    }
    const claimed = claim ? await claim.catch(() => undefined) : undefined;
    if (outcome === 'notClaimed') {
      if (claimed === 'taken') run.counts.skipped++;
      return;
    }
    // Not sent: the key goes, so a later run may try again (a retired person is skipped by the plan).
    if (claimed === 'claimed') await this.deps.store.delete(key);
    if (outcome === 'stopping') return;
    if (outcome === 'nobody') run.counts.skipped++;
    else if (outcome === 'throttled') run.counts.throttled++;
    else {
      run.counts.failed++;
      run.failures[outcome] = (run.failures[outcome] ?? 0) + 1;
      if (outcome === 'botDisabled' || outcome === 'unauthorized') {
        run.state = 'stopped';
        run.stoppedBecause = STOPPED_BECAUSE[outcome];
        this.deps.logger.error({ event: 'digest.run.stopped', runId: run.id, reason: outcome }, 'digest run stopped');
      }
    }
  }

  private sentKey(run: DigestRun, state: SentKey['state']): SentKey {
    return { schemaVersion: 1, runId: run.id, state, at: this.deps.clock().toISOString() };
  }

  /**
   * What an existing key means for this run: 'taken' when another run sent it; 'mine' when an earlier attempt
   * of this same run sent it (counted as sent), or claimed it and died before knowing (counted as possibly
   * lost, never sent twice); undefined when this run may send it.
   */
  private judge(run: DigestRun, existing: SentKey | undefined): Exclude<Claim, 'claimed'> | undefined {
    if (!existing) return undefined;
    if (existing.runId === run.id) {
      if (existing.state === 'sending') run.possiblyLost++;
      else run.counts.sent++;
      return 'mine';
    }
    return run.force ? undefined : 'taken';
  }

  /** Claims a message's key: 'claimed' to send it, otherwise what the key another writer holds means. */
  private async claim(run: DigestRun, key: string): Promise<Claim> {
    const claim = this.sentKey(run, 'sending');
    if (await writeUnlessRaced(() => this.deps.store.create(key, claim))) return 'claimed';
    const verdict = this.judge(run, (await this.deps.store.get<SentKey>(key))?.value);
    if (verdict) return verdict;
    await this.deps.store.put(key, claim);
    return 'claimed';
  }

  private async send(d: Delivery, claimOnce: () => Promise<Claim>): Promise<'sent' | 'nobody'> {
    if (d.recipient.kind === 'conversation') {
      await this.post(d.recipient.target, () => d.content('sv'), claimOnce);
      return 'sent';
    }
    const { email, aadObjectId } = d.recipient;
    // Someone who never spoke to the bot can still be reached when the register knows their Entra object id.
    const person =
      (await this.deps.people.findByEmail(email)) ??
      (aadObjectId
        ? { schemaVersion: 1 as const, teamsUserId: aadObjectId, aadObjectId, email, updatedAt: '' }
        : undefined);
    if (!person || person.retiredAt) return 'nobody';
    const language = await this.deps.language(person);
    const content = () => d.content(language);
    const target = person.personalChat ?? (await this.openChat(person));
    if (!target) return 'nobody';
    try {
      await this.post(target, content, claimOnce);
    } catch (err) {
      if (!(err instanceof DeliveryFailedError)) throw err;
      if (err.kind === 'blocked') {
        // They blocked the bot: no more scheduled messages until they speak to it again.
        await this.deps.people.update(person, { retiredAt: this.deps.clock().toISOString() }, this.deps.clock());
        throw err;
      }
      if (err.kind !== 'conversationNotFound') throw err;
      // A 1:1 chat that is gone is created again once before anyone is given up on.
      const recreated = await this.openChat(person);
      if (!recreated) throw err;
      await this.post(recreated, content, claimOnce);
    }
    return 'sent';
  }

  /** The content is built once the slot is free, so cards do not pile up while messages wait for their turn. */
  private async post(
    to: ConversationTarget,
    build: () => Promise<DeliveryContent>,
    claimOnce: () => Promise<Claim>,
  ): Promise<void> {
    await this.deps.limiter.schedule(to.tenantId ?? '', to.conversationId, async () => {
      // A stop (SIGTERM) while this message waited for its slot: it is left for the resumed run.
      if (this.stopping()) throw new RunStopping();
      if ((await claimOnce()) !== 'claimed') throw new SentKeyHeld();
      const content = await build();
      try {
        if ('card' in content) await this.deps.messenger.post(to, content.card);
        else await this.deps.messenger.postText(to, content.text);
      } catch (err) {
        if (err instanceof DeliveryFailedError && err.kind === 'throttled')
          this.deps.limiter.throttled(to.tenantId ?? '');
        throw err;
      }
    });
  }

  /** Creates the person's 1:1 chat through the connector (the tenant and user are known) and keeps it. */
  private async openChat(person: PersonRecord): Promise<ConversationTarget | undefined> {
    const via = person.personalChat ?? (await this.anyConversation());
    if (!via) return undefined;
    const chat = await this.deps.messenger.openPersonalChat(
      { teamsUserId: person.teamsUserId, aadObjectId: person.aadObjectId },
      { serviceUrl: via.serviceUrl, channelId: via.channelId, tenantId: via.tenantId, botId: via.botId },
    );
    await this.deps.people.remember(
      {
        teamsUserId: person.teamsUserId,
        aadObjectId: person.aadObjectId,
        email: person.email,
        name: person.name,
        personalChat: chat,
      },
      this.deps.clock(),
    );
    return chat;
  }

  private async anyConversation(): Promise<ConversationTarget | undefined> {
    return (
      (await this.deps.installations.list('channel'))[0]?.target ??
      (await this.deps.installations.list('groupChat'))[0]?.target
    );
  }

  private failureOf(err: unknown): Exclude<Outcome, 'sent' | 'nobody'> {
    if (err instanceof RunStopping) return 'stopping';
    if (err instanceof SentKeyHeld) return 'notClaimed';
    if (err instanceof RecipientUnreachableError) return 'notInstalled';
    if (err instanceof DeliveryFailedError) return err.kind;
    this.deps.logger.warn({ event: 'digest.send.error', err: (err as Error).name }, 'a digest message failed');
    return 'error';
  }
}

/** Thrown to a message still waiting for its slot when the runner is stopped; it is sent by the resumed run. */
export class RunStopping extends Error {
  readonly code = 'DIGEST_RUN_STOPPING';
  constructor() {
    super('The digest run is stopping; the message is left for the resumed run');
    this.name = 'RunStopping';
  }
}

/** Thrown in a message's slot when its sent key is held already (another run, or an earlier attempt). */
export class SentKeyHeld extends Error {
  readonly code = 'DIGEST_SENT_KEY_HELD';
  constructor() {
    super("The message's sent key is held already; it is not sent again");
    this.name = 'SentKeyHeld';
  }
}
