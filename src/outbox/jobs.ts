/**
 * The outbox's job kinds and their payloads, as one typed table. Each feature declares its own kinds by
 * adding to `Jobs` (TypeScript declaration merging), next to the code that enqueues and runs them:
 *
 *   declare module '../../outbox/jobs.js' { interface Jobs { 'filing.file': { dnr: string; version: number } } }
 *
 * so that enqueueing an undeclared kind, or a payload of the wrong shape, does not compile.
 */
import { createHash } from 'node:crypto';
import type { OutboxJob } from './outbox.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the features' declarations
export interface Jobs {}

export type JobKind = keyof Jobs & string;

export type JobHandlerOf<K extends JobKind> = (payload: Jobs[K], job: OutboxJob<Jobs[K]>) => Promise<void>;

/** A feature's job handlers, one per kind it owns. */
export type JobHandlers = { [K in JobKind]?: JobHandlerOf<K> };

/**
 * The id of a job that must exist once per occasion (a notice per decision, a filing per version): a retried
 * turn or a second click enqueues the same id, which the outbox refuses to store twice.
 */
export function jobId(kind: JobKind, ...occasion: (string | number)[]): string {
  const hash = createHash('sha256').update(occasion.join('\u0000')).digest('hex').slice(0, 24);
  return `${kind}-${hash}`;
}
