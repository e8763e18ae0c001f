/**
 * The Teams member lookups of recent askers, kept a few minutes: every list turn needs the asker's e-mail (whose
 * remisser, which organisation), and asking Teams for it on each turn cost more than the rest of the turn. Only
 * successful lookups are kept; the oldest go first when the cache is full. Per process: it holds no state that
 * another instance needs.
 */
import type { Asker } from '../features/featureContext.js';

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 10_000;

export class AskerCache {
  private readonly entries = new Map<string, { asker: Asker; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): Asker | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at > TTL_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.asker;
  }

  set(key: string, asker: Asker): void {
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { asker, at: this.now() });
  }
}
