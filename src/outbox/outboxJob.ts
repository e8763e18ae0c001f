/**
 * An outbox job as it is stored, the outbox's tuning, and the keyspace its jobs live in (finished jobs are
 * purged after a week).
 */
import { DAY_MS, type KeySpace } from '../storage/keyspace.js';

export type JobState = 'pending' | 'running' | 'done' | 'failed';

export interface OutboxJob<P = unknown> {
  schemaVersion: 1;
  id: string;
  kind: string;
  payload: P;
  state: JobState;
  attempts: number;
  /** Not to be run before this time (backoff, or a deliberate wait). */
  notBefore: string;
  /** While running: the claim lapses at this time if the worker dies. */
  leaseUntil?: string;
  /** The last failure's code and message, never payload or document text. */
  lastError?: string;
  createdAt: string;
  doneAt?: string;
}

/** Thrown by a handler that cannot proceed yet: the job waits without counting as a failure. */
export class RetryLater extends Error {
  readonly code = 'RETRY_LATER';
  constructor(
    readonly delayMs: number,
    reason: string,
  ) {
    super(reason);
    this.name = 'RetryLater';
  }
}

export interface OutboxOptions {
  pollMs: number;
  leaseMs: number;
  maxAttempts: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_OUTBOX_OPTIONS: OutboxOptions = {
  pollMs: 1000,
  leaseMs: 15_000,
  maxAttempts: 8,
  baseBackoffMs: 2000,
  maxBackoffMs: 10 * 60_000,
};

export const OUTBOX_PREFIX = 'outbox/';

/** Finished jobs are kept a week for troubleshooting. */
const FINISHED_JOB_DAYS = 7;

export const OUTBOX_KEYS: KeySpace[] = [
  {
    prefix: OUTBOX_PREFIX,
    owner: 'outbox',
    retention: (job) => {
      const finished = job.state === 'done' || job.state === 'failed';
      const at = typeof job.doneAt === 'string' ? job.doneAt : job.createdAt;
      return finished && typeof at === 'string' ? Date.parse(at) + FINISHED_JOB_DAYS * DAY_MS : undefined;
    },
    purpose: 'work to run after a turn; finished jobs are kept a week for troubleshooting',
  },
];
