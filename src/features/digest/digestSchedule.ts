/**
 * When the digest runs: DIGEST_CRON in DIGEST_TIMEZONE, with croner, which keeps local wall-clock time across
 * daylight-saving changes (a time that does not exist in spring runs an hour later; one that exists twice in
 * autumn runs once). The per-day keys of the run make any repeat harmless anyway.
 */
import { Cron } from 'croner';

/** The next `count` run times after `from` (for tests, and for the log at start). */
export function nextDigestTimes(cron: string, timeZone: string, from: Date, count: number): Date[] {
  return new Cron(cron, { timezone: timeZone, paused: true }).nextRuns(count, from);
}

/** Runs `run` on the schedule until stopped. A run still going when the next is due is not started twice. */
export function startDigestSchedule(cron: string, timeZone: string, run: () => Promise<unknown>): { stop(): void } {
  const job = new Cron(cron, { timezone: timeZone, protect: true }, async () => {
    await run();
  });
  return { stop: () => job.stop() };
}
