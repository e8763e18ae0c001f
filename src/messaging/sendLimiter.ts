/**
 * Paces proactive messages to Teams' limits: per conversation 7 messages a second, per tenant a configured
 * rate (TEAMS_TENANT_RPS). Each send waits for a slot in both. The connector client retries a 429 itself; one
 * that still comes back reaches the limiter, which halves the tenant's rate and lets it grow back slowly, so
 * the whole run slows down instead of each message retrying blindly.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export const PER_CONVERSATION_RPS = 7;
/**
 * Messages are paced slightly under the limits: Teams counts arrivals in a sliding second, and network jitter
 * can bring two paced messages closer together than they were sent.
 */
const PACING = 0.97;
/** The sliding window Teams counts in, widened by the pacing margin (our clock and Teams' are not the same). */
const WINDOW_MS = 1000 / PACING;
/** Past this many conversations, the paces of idle ones are dropped, so a long-running process does not grow. */
const FORGET_CONVERSATIONS_ABOVE = 10_000;
/** After a 429, the rate grows back by this share of the configured rate per second. */
const RECOVERY_PER_SECOND = 0.1;

/**
 * The sends of one tenant or conversation that may still count in Teams' window. A send can arrive at any
 * moment between its start and its end (its work before the HTTP call takes a varying time), so each is
 * counted until a window after it ended: then no two sends `limit` apart can arrive within one window,
 * however late the earlier one was.
 */
class SendWindow {
  /** The recent sends; `end` is Infinity while a send is under way. */
  private readonly sends: { end: number }[] = [];
  private readonly onEnd: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /** 0 when a send may start now; otherwise how long to wait (Infinity: until a send under way ends). */
  waitAt(now: number): number {
    this.forgetEndedBefore(now - WINDOW_MS);
    if (this.sends.length < this.limit) return 0;
    const ends = this.sends.map((s) => s.end).sort((a, b) => a - b);
    return ends[this.sends.length - this.limit]! + WINDOW_MS - now;
  }

  /** Counts a send that starts now; the returned function records its end. */
  enter(now: () => number): () => void {
    const send = { end: Infinity };
    this.sends.push(send);
    return () => {
      send.end = now();
      for (const wake of this.onEnd.splice(0)) wake();
    };
  }

  /** True when nothing of this window counts any more at `now`: it can be dropped. */
  isIdleAt(now: number): boolean {
    this.forgetEndedBefore(now - WINDOW_MS);
    return this.sends.length === 0;
  }

  private forgetEndedBefore(cutoff: number): void {
    for (let i = this.sends.length - 1; i >= 0; i--) if (this.sends[i]!.end <= cutoff) this.sends.splice(i, 1);
  }

  /** Resolves when any send under way ends. */
  nextEnd(): Promise<void> {
    return new Promise((resolve) => this.onEnd.push(resolve));
  }
}

interface Pace {
  nextSlot: number;
  window: SendWindow;
}

export class SendLimiter {
  private readonly tenants = new Map<string, Pace & { rate: number; slowedAt: number }>();
  private readonly conversations = new Map<string, Pace>();

  constructor(
    private readonly tenantRps: number,
    private readonly now: () => number = () => performance.timeOrigin + performance.now(),
    private readonly wait: (ms: number) => Promise<unknown> = sleep,
  ) {}

  /** Runs `send` in the next free slot of the tenant and the conversation. */
  async schedule<T>(tenantId: string, conversationId: string, send: () => Promise<T>): Promise<T> {
    const now = this.now();
    if (this.conversations.size >= FORGET_CONVERSATIONS_ABOVE) this.forgetIdleConversations(now);
    const tenant = this.tenant(tenantId);
    const conversation = this.conversations.get(conversationId) ?? {
      nextSlot: 0,
      window: new SendWindow(PER_CONVERSATION_RPS),
    };
    this.conversations.set(conversationId, conversation);
    const at = Math.max(now, tenant.nextSlot, conversation.nextSlot);
    tenant.nextSlot = at + 1000 / (this.currentRate(tenant, now) * PACING);
    conversation.nextSlot = at + 1000 / (PER_CONVERSATION_RPS * PACING);
    if (at > now) await this.wait(at - now);
    const ends = await this.enter([tenant.window, conversation.window]);
    try {
      return await send();
    } finally {
      for (const end of ends) end();
    }
  }

  /** A 429 came through: halve the tenant's rate. */
  throttled(tenantId: string): void {
    const tenant = this.tenant(tenantId);
    const now = this.now();
    tenant.rate = Math.max(1, this.currentRate(tenant, now) / 2);
    tenant.slowedAt = now;
  }

  /** How many conversations the limiter keeps a pace for (tests). */
  get trackedConversations(): number {
    return this.conversations.size;
  }

  /** The tenant's current rate, for reports and tests. */
  rateOf(tenantId: string): number {
    return this.currentRate(this.tenant(tenantId), this.now());
  }

  /**
   * Waits until every window has room, then counts the send in all of them at once (no await in between, so
   * two waiters woken together cannot both take the last place).
   */
  private async enter(windows: SendWindow[]): Promise<(() => void)[]> {
    for (;;) {
      const now = this.now();
      const waits = windows.map((w) => w.waitAt(now));
      const longest = Math.max(...waits);
      if (longest <= 0) return windows.map((w) => w.enter(this.now));
      if (longest === Infinity)
        await Promise.race(windows.filter((_, i) => waits[i] === Infinity).map((w) => w.nextEnd()));
      else await this.wait(Math.ceil(longest));
    }
  }

  /** A daily digest meets every 1:1 chat once: the paces that no longer hold anything back are dropped. */
  private forgetIdleConversations(now: number): void {
    for (const [id, pace] of this.conversations)
      if (pace.nextSlot <= now && pace.window.isIdleAt(now)) this.conversations.delete(id);
  }

  private tenant(tenantId: string) {
    let tenant = this.tenants.get(tenantId);
    if (!tenant)
      this.tenants.set(
        tenantId,
        (tenant = {
          nextSlot: 0,
          window: new SendWindow(Math.max(1, Math.floor(this.tenantRps))),
          rate: this.tenantRps,
          slowedAt: 0,
        }),
      );
    return tenant;
  }

  private currentRate(tenant: { rate: number; slowedAt: number }, now: number): number {
    const recovered = tenant.rate + ((now - tenant.slowedAt) / 1000) * RECOVERY_PER_SECOND * this.tenantRps;
    return Math.min(this.tenantRps, recovered);
  }
}
