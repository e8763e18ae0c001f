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
/** After a 429, the rate grows back by this share of the configured rate per second. */
const RECOVERY_PER_SECOND = 0.1;

interface Pace {
  nextSlot: number;
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
    const tenant = this.tenant(tenantId);
    const conversation = this.conversations.get(conversationId) ?? { nextSlot: 0 };
    this.conversations.set(conversationId, conversation);
    const now = this.now();
    const at = Math.max(now, tenant.nextSlot, conversation.nextSlot);
    tenant.nextSlot = at + 1000 / (this.currentRate(tenant, now) * PACING);
    conversation.nextSlot = at + 1000 / (PER_CONVERSATION_RPS * PACING);
    if (at > now) await this.wait(at - now);
    return send();
  }

  /** A 429 came through: halve the tenant's rate. */
  throttled(tenantId: string): void {
    const tenant = this.tenant(tenantId);
    const now = this.now();
    tenant.rate = Math.max(1, this.currentRate(tenant, now) / 2);
    tenant.slowedAt = now;
  }

  /** The tenant's current rate, for reports and tests. */
  rateOf(tenantId: string): number {
    return this.currentRate(this.tenant(tenantId), this.now());
  }

  private tenant(tenantId: string) {
    let tenant = this.tenants.get(tenantId);
    if (!tenant) this.tenants.set(tenantId, (tenant = { nextSlot: 0, rate: this.tenantRps, slowedAt: 0 }));
    return tenant;
  }

  private currentRate(tenant: { rate: number; slowedAt: number }, now: number): number {
    const recovered = tenant.rate + ((now - tenant.slowedAt) / 1000) * RECOVERY_PER_SECOND * this.tenantRps;
    return Math.min(this.tenantRps, recovered);
  }
}
