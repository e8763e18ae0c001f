/**
 * The digest runs: a run is started (by the schedule or POST /api/digest), goes on in the background, saves
 * its counts as it goes, and is resumed after a stop (SIGTERM) or a crash. What a run sends is planned by
 * digestPlan.ts; each message is sent at most once by digestDelivery.ts, digests and overviews before the
 * reminders.
 */
import { randomUUID } from 'node:crypto';
import { todayIn, type CalendarDate } from '../../domain/calendar.js';
import type { DigestPolicy } from '../../domain/digest.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import type { ApprovalStore } from '../approval/approvalStore.js';
import type { Progress } from '../due/dueView.js';
import { DigestDelivery, type DeliveryDependencies } from './digestDelivery.js';
import { planDeliveries, planInputFor } from './digestPlan.js';
import type { DigestPreferences } from './digestPreferences.js';
import { DIGEST_PREFIXES, digestKeys } from './index.js';

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

export interface DigestDependencies extends DeliveryDependencies {
  register: RemissRepository;
  preferences: DigestPreferences;
  approvals: ApprovalStore;
  organisations: OrganisationDirectory;
  policy: DigestPolicy;
  progress: (dnr: string) => Promise<Progress>;
}

/** Messages in flight at once: enough to keep the tenant's rate busy while each send waits on the network. */
const CONCURRENCY = 8;
/** How often the run's record is written while it runs. */
const SAVE_EVERY_MS = 1000;

export class DigestRunner {
  private stopping = false;
  private readonly active = new Map<string, Promise<void>>();
  private readonly delivery: DigestDelivery;

  constructor(private readonly deps: DigestDependencies) {
    this.delivery = new DigestDelivery(deps, () => this.stopping);
  }

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
    await this.deps.store.create(digestKeys.run(run.id), run);
    this.launch(run);
    return run.id;
  }

  async get(id: string): Promise<DigestRun | undefined> {
    if (!/^[\w-]{1,100}$/.test(id)) return undefined;
    return (await this.deps.store.get<DigestRun>(digestKeys.run(id)))?.value;
  }

  /** Resumes runs that a stop (SIGTERM) or a crash left unfinished. */
  async resumeUnfinished(): Promise<void> {
    for (const key of await this.deps.store.list(DIGEST_PREFIXES.runs)) {
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
    const deliveries = planDeliveries(await planInputFor(this.deps, run.day));
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
      await this.deps.store.put(digestKeys.run(run.id), { ...run, updatedAt: this.deps.clock().toISOString() });
    };
    for (const phase of [1, 2]) {
      const queue = deliveries.filter((d) => d.phase === phase);
      const worker = async () => {
        for (let d = queue.shift(); d && !this.stopping && run.state === 'running'; d = queue.shift()) {
          await this.delivery.deliver(run, d);
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
}
