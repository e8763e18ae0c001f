/**
 * The one read-change-write loop: an attempt reads a record, decides, and writes it conditionally (ifMatch or
 * create); when another writer wins (StoreConflictError) the attempt runs again on fresh data. Every feature
 * that changes shared records goes through here, so the retry policy is written once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreConflictError } from './store.js';

export interface RetryOptions<R> {
  /** How many attempts in all (default 10). */
  attempts?: number;
  /** A random pause of up to this many milliseconds between attempts, so that racing writers spread out. */
  jitterMs?: number;
  /** What to return once every attempt has lost; without it the last conflict is thrown. */
  exhausted?: () => R | Promise<R>;
}

export const DEFAULT_ATTEMPTS = 10;

export async function retryOnConflict<R>(
  attempt: (attemptNumber: number) => Promise<R>,
  options: RetryOptions<R> = {},
): Promise<R> {
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err;
      if (n >= attempts) {
        if (options.exhausted) return options.exhausted();
        throw err;
      }
    }
    if (options.jitterMs) await sleep(Math.random() * options.jitterMs);
  }
}

/**
 * Runs one conditional write (a create, or a put with ifMatch): true when it was written, false when another
 * writer got there first.
 */
export async function writeUnlessRaced(create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (err) {
    if (err instanceof StoreConflictError) return false;
    throw err;
  }
}
