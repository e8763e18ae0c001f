/**
 * A persisted outbox: slow or outbound work (card updates, notifications, later filing and digests) is
 * stored as a job and run after the turn that asked for it. A job is claimed with a conditional write and a
 * lease, so two workers (or two instances) never run it at once; a crashed worker's lease runs out and the
 * job is resumed; failures are retried with exponential backoff.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logging/logger.js';
import { StoreConflictError, type RecordStore } from '../storage/store.js';
import type { JobHandlerOf, JobHandlers, JobKind, Jobs } from './jobs.js';
import {
  DEFAULT_OUTBOX_OPTIONS,
  OUTBOX_PREFIX as PREFIX,
  RetryLater,
  type OutboxJob,
  type OutboxOptions,
} from './outboxJob.js';

export {
  DEFAULT_OUTBOX_OPTIONS,
  OUTBOX_KEYS,
  RetryLater,
  type JobState,
  type OutboxJob,
  type OutboxOptions,
} from './outboxJob.js';

/** A handler as the outbox keeps it: the payload's type was checked where the handler was registered. */
type JobHandler = (payload: unknown, job: OutboxJob) => Promise<void>;

export class Outbox {
  private readonly handlers = new Map<string, JobHandler>();
  /** Ids of jobs known to be finished: finished is final, so they need not be read again. */
  private readonly finished = new Set<string>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private rerun = false;
  private stopped = true;
  private readonly worker = randomUUID();

  constructor(
    private readonly store: RecordStore,
    private readonly clock: () => Date,
    private readonly logger: Logger,
    private readonly options: OutboxOptions = DEFAULT_OUTBOX_OPTIONS,
  ) {}

  /** With several instances only the leader claims jobs (see Leadership); claims stay safe without it. */
  private mayRun: () => boolean = () => true;

  runWhen(mayRun: () => boolean): void {
    this.mayRun = mayRun;
  }

  register<K extends JobKind>(kind: K, handler: JobHandlerOf<K>): void {
    this.handlers.set(kind, handler as JobHandler);
  }

  /** The job kinds this outbox runs. */
  kinds(): string[] {
    return [...this.handlers.keys()];
  }

  /** The handlers the features declared (src/features/featureModule.ts). */
  registerAll(handlers: JobHandlers): void {
    for (const [kind, handler] of Object.entries(handlers)) this.handlers.set(kind, handler as JobHandler);
  }

  /**
   * Stores a job. With `id`, enqueuing is idempotent: a second enqueue of the same id (a retried request,
   * a concurrent click) adds nothing and returns false.
   */
  async enqueue<K extends JobKind>(
    kind: K,
    payload: Jobs[K],
    options: { id?: string; delayMs?: number } = {},
  ): Promise<boolean> {
    const now = this.clock();
    // Keys sort by time, so a pass runs jobs in the order they were asked for.
    const id = options.id ?? `${now.toISOString()}-${randomUUID()}`;
    const job: OutboxJob = {
      schemaVersion: 1,
      id,
      kind,
      payload,
      state: 'pending',
      attempts: 0,
      notBefore: new Date(now.getTime() + (options.delayMs ?? 0)).toISOString(),
      createdAt: now.toISOString(),
    };
    try {
      await this.store.create(PREFIX + id, job);
    } catch (err) {
      if (err instanceof StoreConflictError) return false;
      throw err;
    }
    this.kick();
    return true;
  }

  async get(id: string): Promise<OutboxJob | undefined> {
    return (await this.store.get<OutboxJob>(PREFIX + id))?.value;
  }

  /** Starts the worker loop (resuming any job whose lease ran out). */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops the loop and waits for the job under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Runs due jobs soon, without waiting for the next poll. */
  kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  /** Waits until nothing is due or running (for tests and a clean shutdown). */
  async idle(): Promise<void> {
    if (!this.mayRun()) return;
    for (;;) {
      await this.runOnce();
      if (!(await this.hasDueWork())) return;
    }
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.runOnce().finally(() => {
        if (!this.stopped) this.schedule(this.options.pollMs);
      });
    }, delay);
  }

  /** One pass over the due jobs; concurrent calls share one pass (and ask for another). */
  runOnce(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.rerun = false;
        await this.pass();
      } while (this.rerun);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async hasDueWork(): Promise<boolean> {
    const now = this.clock().getTime();
    for (const key of await this.store.list(PREFIX)) {
      const job = (await this.store.get<OutboxJob>(key))?.value;
      if (job && this.isDue(job, now)) return true;
    }
    return false;
  }

  private isDue(job: OutboxJob, now: number): boolean {
    if (job.state === 'pending') return Date.parse(job.notBefore) <= now;
    if (job.state === 'running') return !!job.leaseUntil && Date.parse(job.leaseUntil) <= now;
    return false;
  }

  private async pass(): Promise<void> {
    if (!this.mayRun()) return;
    const keys = await this.store.list(PREFIX);
    for (const key of keys) {
      const id = key.slice(PREFIX.length);
      if (this.finished.has(id)) continue;
      const stored = await this.store.get<OutboxJob>(key);
      if (!stored) continue;
      const job = stored.value;
      if (job.state === 'done' || job.state === 'failed') {
        this.finished.add(id);
        continue;
      }
      const now = this.clock();
      if (!this.isDue(job, now.getTime())) continue;
      const handler = this.handlers.get(job.kind);
      if (!handler) continue; // another version of the bot may know it
      const claimed: OutboxJob = {
        ...job,
        state: 'running',
        attempts: job.attempts + 1,
        leaseUntil: new Date(now.getTime() + this.options.leaseMs).toISOString(),
      };
      let eTag: string;
      try {
        eTag = await this.store.put(key, claimed, { ifMatch: stored.eTag });
      } catch (err) {
        if (err instanceof StoreConflictError) continue; // someone else claimed it
        throw err;
      }
      await this.execute(key, claimed, eTag, handler);
    }
  }

  private async execute(key: string, job: OutboxJob, claimedETag: string, handler: JobHandler): Promise<void> {
    let eTag = claimedETag;
    const log = { event: 'outbox.job', kind: job.kind, jobId: job.id, attempt: job.attempts, worker: this.worker };
    let next: OutboxJob;
    // The lease is renewed while the job runs, so it can be short: a crashed worker's job is taken over soon,
    // and a long job (a large filing) is not.
    let renewal = Promise.resolve();
    let renewing = true;
    const heartbeat = setInterval(
      () => {
        renewal = renewal.then(async () => {
          if (!renewing) return;
          try {
            eTag = await this.store.put(
              key,
              { ...job, leaseUntil: new Date(this.clock().getTime() + this.options.leaseMs).toISOString() },
              { ifMatch: eTag },
            );
          } catch (err) {
            // Taken over: the other worker's outcome will win, so renewing is over. Any other error (the store
            // unreachable for a moment) is tried again at the next beat, before the lease runs out.
            if (err instanceof StoreConflictError) renewing = false;
            else
              this.logger.warn(
                { ...log, event: 'outbox.lease.renewFailed', err: (err as Error).name },
                'lease not renewed; trying again',
              );
          }
        });
      },
      Math.max(this.options.leaseMs / 3, 10),
    );
    try {
      await handler(job.payload, job);
      next = { ...job, state: 'done', leaseUntil: undefined, doneAt: this.clock().toISOString() };
      this.logger.info({ ...log, outcome: 'done' }, 'outbox job done');
    } catch (err) {
      const e = err as Error & { code?: string };
      const now = this.clock().getTime();
      if (err instanceof RetryLater) {
        next = {
          ...job,
          state: 'pending',
          attempts: job.attempts - 1,
          leaseUntil: undefined,
          notBefore: new Date(now + err.delayMs).toISOString(),
          lastError: `waiting: ${e.message}`,
        };
        this.logger.info({ ...log, outcome: 'waiting', reason: e.message }, 'outbox job waits');
      } else if (job.attempts >= this.options.maxAttempts) {
        next = {
          ...job,
          state: 'failed',
          leaseUntil: undefined,
          lastError: `${e.code ?? e.name}: ${e.message}`.slice(0, 500),
        };
        this.logger.error({ ...log, outcome: 'failed', err: e.code ?? e.name }, 'outbox job failed for good');
      } else {
        const backoff = Math.min(this.options.baseBackoffMs * 2 ** (job.attempts - 1), this.options.maxBackoffMs);
        next = {
          ...job,
          state: 'pending',
          leaseUntil: undefined,
          notBefore: new Date(now + backoff).toISOString(),
          lastError: `${e.code ?? e.name}: ${e.message}`.slice(0, 500),
        };
        this.logger.warn(
          { ...log, outcome: 'retry', backoffMs: backoff, err: e.code ?? e.name },
          'outbox job will be retried',
        );
      }
    }
    clearInterval(heartbeat);
    renewing = false;
    await renewal;
    try {
      await this.store.put(key, next, { ifMatch: eTag });
      if (next.state === 'done' || next.state === 'failed') this.finished.add(job.id);
    } catch (err) {
      // The lease ran out and another worker took the job over: its outcome wins.
      if (!(err instanceof StoreConflictError)) throw err;
    }
  }
}
