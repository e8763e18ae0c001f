/**
 * One digest run: personal digests, the overview for managers and channels, and the reminders that are due,
 * sent through the rate limiter. Every message has a persisted key, written before the send, so a second run
 * the same day, a retried trigger or a restart mid-run sends no one a second copy (force is the deliberate
 * exception). A crash between the key and the send can lose that one message; the run's record counts them.
 *
 * Failures by kind: a person who blocked the bot is retired; a conversation that is gone is recreated once;
 * a bot disabled by an admin, or refused credentials, stops the run rather than retiring everyone.
 */
import { createHash, randomUUID } from 'node:crypto';
import { todayIn, weekOf, type CalendarDate } from '../../domain/calendar.js';
import { approvalReminderDue, handlaggareReminders, personalDigests, type DigestPolicy } from '../../domain/digest.js';
import type { Language } from '../../domain/language.js';
import type { Organisation } from '../../domain/organisation.js';
import { formatLongDate } from '../../domain/swedishDates.js';
import { latestVersion } from '../../domain/approval.js';
import { messages } from '../../i18n/messages.js';
import type { Logger } from '../../logging/logger.js';
import {
  DeliveryFailedError,
  RecipientUnreachableError,
  type ConversationTarget,
  type Messenger,
} from '../../messaging/messenger.js';
import type { SendLimiter } from '../../messaging/sendLimiter.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import { StoreConflictError, type RecordStore } from '../../storage/store.js';
import type { ApprovalStore } from '../approval/approvalStore.js';
import type { Installations } from '../conversations/installations.js';
import type { AdaptiveCard } from '../featureContext.js';
import type { PeopleDirectory, PersonRecord } from '../people/peopleDirectory.js';
import type { Progress } from '../due/dueView.js';
import { overviewCards, personalDigestCard } from './digestCards.js';
import type { DigestPreferences } from './digestPreferences.js';

export type DigestTrigger = 'schedule' | 'api';

export interface DigestCounts {
  planned: number;
  sent: number;
  /** Already sent today (or this week), or nothing to send to. */
  skipped: number;
  /** Still 429 after the connector's retries; left for the next run. */
  throttled: number;
  failed: number;
}

export interface DigestRun {
  schemaVersion: 1;
  id: string;
  trigger: DigestTrigger;
  force: boolean;
  day: CalendarDate;
  state: 'running' | 'interrupted' | 'done' | 'stopped';
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
  counts: DigestCounts;
  /** Failures by kind (blocked, conversationNotFound, notInstalled, unreachable, error). */
  failures: Record<string, number>;
  stoppedBecause?: string;
  /** Keys written by an earlier attempt of this run whose send was never confirmed (a crash in between). */
  possiblyLost: number;
}

interface SentKey {
  schemaVersion: 1;
  runId: string;
  state: 'sending' | 'sent';
  at: string;
}

/** One message to one conversation. The content is built when it is sent, so a large run holds few cards. */
interface Delivery {
  key: string;
  /** Digests and overviews go first, reminders after them, so a person reads the list before the nudges. */
  phase: 1 | 2;
  /** A person by e-mail (with their Entra object id when the register knows it), or a conversation. */
  recipient:
    { kind: 'person'; email: string; aadObjectId?: string } | { kind: 'conversation'; target: ConversationTarget };
  content: (language: Language) => Promise<{ card: AdaptiveCard } | { text: string }>;
}

export interface DigestDependencies {
  store: RecordStore;
  register: RemissRepository;
  people: PeopleDirectory;
  installations: Installations;
  preferences: DigestPreferences;
  approvals: ApprovalStore;
  messenger: Messenger;
  limiter: SendLimiter;
  organisation: Organisation;
  policy: DigestPolicy;
  progress: (dnr: string) => Promise<Progress>;
  language: (person: PersonRecord) => Promise<Language>;
  clock: () => Date;
  logger: Logger;
}

/** Messages in flight at once: enough to keep the tenant's rate busy while each send waits on the network. */
const CONCURRENCY = 8;
/** How often the run's record is written while it runs. */
const SAVE_EVERY_MS = 1000;

const runKey = (id: string) => `digest-runs/${id}`;
const sentKey = (key: string) => `digest-keys/${key}`;
const hashOf = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);

export class DigestRunner {
  private stopping = false;
  private readonly active = new Map<string, Promise<void>>();

  constructor(private readonly deps: DigestDependencies) {}

  /** Starts a run and returns its id at once; the run goes on in the background. */
  async trigger(trigger: DigestTrigger, options: { force?: boolean } = {}): Promise<string> {
    const now = this.deps.clock();
    const run: DigestRun = {
      schemaVersion: 1,
      id: `${todayIn(now)}-${randomUUID()}`,
      trigger,
      force: !!options.force,
      day: todayIn(now),
      state: 'running',
      startedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      counts: { planned: 0, sent: 0, skipped: 0, throttled: 0, failed: 0 },
      failures: {},
      possiblyLost: 0,
    };
    await this.deps.store.create(runKey(run.id), run);
    this.launch(run);
    return run.id;
  }

  async get(id: string): Promise<DigestRun | undefined> {
    if (!/^[\w-]{1,100}$/.test(id)) return undefined;
    return (await this.deps.store.get<DigestRun>(runKey(id)))?.value;
  }

  /** Resumes runs that a stop (SIGTERM) or a crash left unfinished. */
  async resumeUnfinished(): Promise<void> {
    for (const key of await this.deps.store.list('digest-runs/')) {
      const run = (await this.deps.store.get<DigestRun>(key))?.value;
      if (run && (run.state === 'running' || run.state === 'interrupted') && !this.active.has(run.id))
        this.launch({ ...run, state: 'running' });
    }
  }

  /** Waits for the runs under way (tests, and a clean shutdown after stop()). */
  async idle(): Promise<void> {
    while (this.active.size > 0) await Promise.all([...this.active.values()]);
  }

  /** Stops taking new messages, lets the ones in flight finish, and leaves the runs to be resumed. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.idle();
  }

  private launch(run: DigestRun): void {
    const done = this.execute(run)
      .catch((err: Error) =>
        this.deps.logger.error({ event: 'digest.run.error', runId: run.id, err: err.name }, 'digest run failed'),
      )
      .finally(() => this.active.delete(run.id));
    this.active.set(run.id, done);
  }

  private async execute(run: DigestRun): Promise<void> {
    const { logger } = this.deps;
    const deliveries = await this.plan(run.day);
    // The counts are worked out afresh on every start: a resumed run walks every delivery again and counts
    // each message sent before the stop or crash by its key, so none saved or unsaved is lost or counted twice.
    run.counts = { planned: deliveries.length, sent: 0, skipped: 0, throttled: 0, failed: 0 };
    run.failures = {};
    run.possiblyLost = 0;
    logger.info(
      { event: 'digest.run.start', runId: run.id, planned: deliveries.length, trigger: run.trigger },
      'digest run started',
    );
    let lastSave = Date.now();
    const save = async (force = false) => {
      if (!force && Date.now() - lastSave < SAVE_EVERY_MS) return;
      lastSave = Date.now();
      await this.deps.store.put(runKey(run.id), { ...run, updatedAt: this.deps.clock().toISOString() });
    };
    for (const phase of [1, 2]) {
      const queue = deliveries.filter((d) => d.phase === phase);
      const worker = async () => {
        for (let d = queue.shift(); d && !this.stopping && run.state === 'running'; d = queue.shift()) {
          await this.deliver(run, d);
          await save();
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    }
    if (run.state === 'running') {
      if (this.stopping) run.state = 'interrupted';
      else {
        run.state = 'done';
        run.finishedAt = this.deps.clock().toISOString();
      }
    }
    await save(true);
    logger.info({ event: 'digest.run.end', runId: run.id, state: run.state, ...run.counts }, 'digest run ended');
  }

  /**
   * Sends one message at most once. The key is claimed in the rate limiter's slot, just before the message goes
   * on the wire, so a crash can leave unconfirmed only the messages being sent at that instant; it is released
   * if the message was not sent.
   */
  private async deliver(run: DigestRun, d: Delivery): Promise<void> {
    const key = sentKey(d.key);
    // Messages sent earlier are recognised before they wait for a slot, so a resumed run skips them quickly.
    const earlier = this.judge(run, (await this.deps.store.get<SentKey>(key))?.value);
    if (earlier) {
      if (earlier === 'taken') run.counts.skipped++;
      return;
    }
    let claim: Promise<Claim> | undefined;
    const claimOnce = () => (claim ??= this.claim(run, key));
    const outcome = await this.send(d, claimOnce).catch((err: unknown) => this.failureOf(err));
    if (outcome === 'sent') {
      run.counts.sent++;
      await this.deps.store.put(key, {
        schemaVersion: 1,
        runId: run.id,
        state: 'sent',
        at: this.deps.clock().toISOString(),
      } satisfies SentKey);
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
        run.stoppedBecause =
          outcome === 'botDisabled'
            ? 'Teams says an admin has blocked the app (BotDisabledByAdmin).'
            : "Teams refused the bot's credentials (401).";
        this.deps.logger.error({ event: 'digest.run.stopped', runId: run.id, reason: outcome }, 'digest run stopped');
      }
    }
  }

  /**
   * What an existing key means for this run: 'taken' when another run sent it; 'mine' when an earlier attempt
   * of this same run sent it (counted as sent), or claimed it and died before knowing (counted as possibly
   * lost, never sent twice); undefined when this run may send it.
   */
  private judge(run: DigestRun, existing: SentKey | undefined): 'taken' | 'mine' | undefined {
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
    const claim: SentKey = { schemaVersion: 1, runId: run.id, state: 'sending', at: this.deps.clock().toISOString() };
    try {
      await this.deps.store.create(key, claim);
      return 'claimed';
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err;
    }
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
    build: () => Promise<{ card: AdaptiveCard } | { text: string }>,
    claimOnce: () => Promise<Claim>,
  ): Promise<void> {
    await this.deps.limiter.schedule(to.tenantId ?? '', to.conversationId, async () => {
      // A stop (SIGTERM) while this message waited for its slot: it is left for the resumed run.
      if (this.stopping) throw new RunStopping();
      if ((await claimOnce()) !== 'claimed') throw new NotClaimed();
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

  private failureOf(
    err: unknown,
  ):
    | 'notClaimed'
    | 'stopping'
    | 'throttled'
    | 'botDisabled'
    | 'unauthorized'
    | 'blocked'
    | 'conversationNotFound'
    | 'notInstalled'
    | 'error' {
    if (err instanceof RunStopping) return 'stopping';
    if (err instanceof NotClaimed) return 'notClaimed';
    if (err instanceof RecipientUnreachableError) return 'notInstalled';
    if (err instanceof DeliveryFailedError) return err.kind;
    this.deps.logger.warn({ event: 'digest.send.error', err: (err as Error).name }, 'a digest message failed');
    return 'error';
  }

  /** Everything this run should send today, each under the key that makes it once-only. */
  private async plan(day: CalendarDate): Promise<Delivery[]> {
    const { policy, organisation } = this.deps;
    const remisser = (await this.deps.register.listOpen()).map((v) => v.remiss);
    const deliveries: Delivery[] = [];

    for (const [email, own] of personalDigests(remisser, day, policy.horizonDays)) {
      const preference = await this.deps.preferences.get(email);
      if (!preference.subscribed) continue;
      const period = preference.frequency === 'weekly' ? `week-${weekOf(day).start}` : day;
      deliveries.push({
        key: `${period}/personal/${hashOf(email)}`,
        phase: 1,
        recipient: {
          kind: 'person',
          email,
          aadObjectId: own.find((r) => r.handlaggare?.aadObjectId)?.handlaggare?.aadObjectId,
        },
        content: async (language) => {
          const progress = new Map(
            await Promise.all(own.map(async (r) => [r.dnr, await this.deps.progress(r.dnr)] as const)),
          );
          return { card: personalDigestCard(own, day, policy.horizonDays, language, progress) };
        },
      });
    }

    const open = remisser.filter((r) => r.status !== 'Besvarad' && r.status !== 'Avstår');
    if (open.length > 0) {
      const managers = organisation.managers ?? (organisation.approvers ?? []).map((a) => a.email);
      const overviewFor = (language: Language) => overviewCards(remisser, day, language);
      const partCount = overviewFor('sv').length;
      for (let part = 0; part < partCount; part++) {
        for (const email of new Set(managers.map((m) => m.toLowerCase()))) {
          deliveries.push({
            key: `${day}/overview/${hashOf(email)}/${part}`,
            phase: 1,
            recipient: { kind: 'person', email },
            content: async (language) => ({ card: overviewFor(language)[part] ?? overviewFor('sv')[part]! }),
          });
        }
        for (const channel of await this.deps.installations.list('channel')) {
          deliveries.push({
            key: `${day}/overview/${hashOf(channel.target.conversationId)}/${part}`,
            phase: 1,
            recipient: { kind: 'conversation', target: channel.target },
            content: async () => ({ card: overviewFor('sv')[part]! }),
          });
        }
      }
    }

    for (const reminder of handlaggareReminders(remisser, day, policy)) {
      const { remiss } = reminder;
      deliveries.push({
        key: `reminder/${reminder.kind}/${hashOf(remiss.dnr)}/${reminder.date}`,
        phase: 2,
        recipient: { kind: 'person', email: reminder.to, aadObjectId: remiss.handlaggare?.aadObjectId },
        content: async (language) => {
          const t = messages(language);
          const date = formatLongDate(reminder.date, language);
          return {
            text:
              reminder.kind === 'meeting'
                ? t.reminderMeeting(remiss.title, remiss.dnr, date)
                : t.reminderDue(remiss.title, remiss.dnr, date),
          };
        },
      });
    }

    for (const remiss of remisser.filter((r) => r.status === 'För godkännande')) {
      const waiting = latestVersion((await this.deps.approvals.get(remiss.dnr))?.value);
      if (!waiting || waiting.decision || !waiting.approverCard) continue;
      const sentOn = todayIn(new Date(waiting.sentAt));
      if (!approvalReminderDue(sentOn, day, policy.approvalReminderDays)) continue;
      const { approverCard } = waiting;
      deliveries.push({
        key: `reminder/approval/${hashOf(remiss.dnr)}/v${waiting.version}`,
        phase: 2,
        recipient: { kind: 'conversation', target: approverCard },
        content: async (language) => ({
          text: messages(language).reminderApproval(
            remiss.title,
            waiting.sentBy.name ?? waiting.sentBy.email ?? '',
            formatLongDate(sentOn, language),
          ),
        }),
      });
    }
    return deliveries;
  }
}

/** Thrown to a message still waiting for its slot when the runner is stopped. */
class RunStopping extends Error {}

/** Thrown in a message's slot when its key turns out to be held already (another run, or an earlier attempt). */
class NotClaimed extends Error {}

type Claim = 'claimed' | 'taken' | 'mine';
