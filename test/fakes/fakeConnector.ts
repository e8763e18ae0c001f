/**
 * A fake Bot Connector (the Teams side of the Bot Framework REST API) on 127.0.0.1. It implements the
 * subset the bot uses and refuses what the real service refuses, with its ErrorResponse bodies:
 * unknown conversations, activities without a type, members not in the conversation's roster.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

export interface FakeMember {
  id: string;
  name: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
  givenName?: string;
  surname?: string;
  tenantId?: string;
}

export interface ReceivedActivity {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** The activity replied to (POST .../activities/{id}) or updated (PUT). */
  activityId?: string;
  id: string;
  body: Record<string, unknown>;
  /** When it arrived (ms since the epoch). */
  at: number;
}

/** Teams refuses messages over roughly 100 KB; the bot keeps cards under 80 KB. */
const MAX_ACTIVITY_BYTES = 100 * 1024;

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

export class FakeConnector {
  readonly received: ReceivedActivity[] = [];
  /** Every request, for asserting on what the bot asked for. */
  readonly requests: { method: string; path: string }[] = [];
  private readonly rosters = new Map<string, FakeMember[]>();
  /** Conversations whose posts are held until released: proves the bot answered before slow work. */
  private readonly held = new Map<string, { gate: Promise<void>; open: () => void }>();

  block(conversationId: string): void {
    let open = () => undefined as void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    this.held.set(conversationId, { gate, open });
  }

  /** Teams' answers for the next posts to a conversation (403 blocked, 404 gone, BotDisabledByAdmin...). */
  private readonly scripted = new Map<string, { status: number; code: string; message: string }[]>();
  /** False keeps only each activity's type, so a benchmark's memory measures the bot rather than this fake. */
  keepBodies = true;
  /** Posts answered 429 because they passed the limits. */
  throttled = 0;
  private limits?: { perConversation: number; perTenant: number };
  private readonly recentPosts: { at: number; conversationId: string; tenant: string }[] = [];

  /** Injected faults: 429 with Retry-After, 503, or a connection reset before the request is processed. */
  private faults = { rate: 0, seed: 7 };
  readonly faultsInjected: string[] = [];

  injectFaults(rate: number, seed = 7): void {
    this.faults = { rate, seed };
  }

  private nextFault(): '429' | '503' | 'reset' | 'timeout' | undefined {
    if (this.faults.rate <= 0) return undefined;
    const next = () => (this.faults.seed = (this.faults.seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    if (next() >= this.faults.rate) return undefined;
    return (['429', '503', 'reset', 'timeout'] as const)[Math.floor(next() * 4)];
  }

  failNextPosts(conversationId: string, ...answers: { status: number; code: string; message?: string }[]): void {
    this.scripted.set(conversationId, [
      ...(this.scripted.get(conversationId) ?? []),
      ...answers.map((a) => ({ message: a.code, ...a })),
    ]);
  }

  /** Enforces Teams' rates like the service: past them, 429 with Retry-After. */
  limitRates(limits: { perConversation: number; perTenant: number }): void {
    this.limits = limits;
  }

  /** True when this post passes a limit (a one-second sliding window, as Teams measures). */
  private overLimit(conversationId: string, tenant: string): boolean {
    if (!this.limits) return false;
    const now = Date.now();
    while (this.recentPosts.length && this.recentPosts[0]!.at <= now - 1000) this.recentPosts.shift();
    const inConversation = this.recentPosts.filter((p) => p.conversationId === conversationId).length;
    const inTenant = this.recentPosts.filter((p) => p.tenant === tenant).length;
    if (inConversation >= this.limits.perConversation || inTenant >= this.limits.perTenant) return true;
    this.recentPosts.push({ at: now, conversationId, tenant });
    return false;
  }

  release(conversationId: string): void {
    this.held.get(conversationId)?.open();
    this.held.delete(conversationId);
  }
  private readonly waiters: (() => void)[] = [];
  private server?: http.Server;
  serviceUrl = '';

  /** A conversation exists once it has a roster; the member lookup finds only its members (as in Teams). */
  addConversation(conversationId: string, members: FakeMember[]): void {
    this.rosters.set(conversationId, members);
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.serviceUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Activities sent to one conversation, in order. */
  sentTo(conversationId: string): ReceivedActivity[] {
    return this.received.filter((a) => a.conversationId === conversationId);
  }

  /** Resolves when `predicate` holds, re-checked after every received activity. */
  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('FakeConnector.waitFor timed out')), timeoutMs);
      const check = () => {
        if (predicate()) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  readonly created: CreatedConversation[] = [];

  /**
   * POST v3/conversations: a 1:1 chat with a user of the tenant. Like Teams, it works only for a user who
   * has the app (here: one the fake knows from any roster); otherwise 403 BotNotInConversationRoster.
   */
  private async createConversation(
    req: http.IncomingMessage,
    send: (status: number, body: unknown) => void,
  ): Promise<void> {
    let body: { isGroup?: boolean; members?: { id?: string }[]; tenantId?: string; bot?: { id?: string } };
    try {
      body = JSON.parse((await readBody(req)).toString('utf8')) as typeof body;
    } catch {
      return send(400, errorBody('BadSyntax', 'Request body is not valid JSON.'));
    }
    const memberId = body.members?.[0]?.id;
    if (!memberId || body.members?.length !== 1 || body.isGroup)
      return send(400, errorBody('BadArgument', 'Exactly one member is required for a 1:1 conversation.'));
    if (!body.tenantId) return send(400, errorBody('BadArgument', 'TenantId is required.'));
    // Teams accepts the user's Teams id or Entra object id.
    const member = [...this.rosters.values()].flat().find((m) => m.id === memberId || m.aadObjectId === memberId);
    if (!member)
      return send(403, errorBody('BotNotInConversationRoster', 'The bot is not part of the conversation roster.'));
    const id = `a:1:created:${memberId}`;
    this.rosters.set(id, [member]);
    this.created.push({ id, memberId, tenantId: body.tenantId });
    send(201, { id });
  }

  private notify(): void {
    const pending = this.waiters.splice(0);
    pending.forEach((w) => w());
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    const fault = this.nextFault();
    if (fault) {
      this.faultsInjected.push(`${fault} ${req.method} ${url.pathname}`);
      if (fault === 'reset') return void req.socket.destroy();
      // Never answered: the caller's own deadline must end it (stop() closes the connection).
      if (fault === 'timeout') return;
      res.writeHead(Number(fault), {
        'content-type': 'application/json; charset=utf-8',
        ...(fault === '429' ? { 'retry-after': '1' } : {}),
      });
      res.end(JSON.stringify(errorBody(fault === '429' ? 'TooManyRequests' : 'ServiceUnavailable', 'Injected fault.')));
      return;
    }
    this.requests.push({ method: req.method ?? '', path: url.pathname });
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'v3' || parts[1] !== 'conversations' || (!parts[2] && req.method !== 'POST')) {
      return send(404, errorBody('NotFound', 'Resource not found'));
    }
    if (req.method === 'POST' && parts.length === 2) return this.createConversation(req, send);
    const conversationId = parts[2] ?? '';
    const roster = this.rosters.get(conversationId);
    if (!roster) return send(404, errorBody('ConversationNotFound', 'Conversation not found.'));

    if (req.method === 'GET' && parts[3] === 'members' && parts[4]) {
      const member = roster.find((m) => m.id === parts[4] || m.aadObjectId === parts[4]);
      if (!member)
        return send(
          404,
          errorBody('MemberNotFoundInConversation', 'The specified member was not found in the conversation.'),
        );
      return send(200, { ...member, userRole: 'user' });
    }
    if (req.method === 'GET' && parts[3] === 'members' && !parts[4]) {
      return send(200, roster);
    }
    if ((req.method === 'POST' || req.method === 'PUT') && parts[3] === 'activities') {
      const raw = await readBody(req);
      await this.held.get(conversationId)?.gate;
      if (raw.length > MAX_ACTIVITY_BYTES) return send(413, errorBody('MessageSizeTooBig', 'Message size too big.'));
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      } catch {
        return send(400, errorBody('BadSyntax', 'Request body is not valid JSON.'));
      }
      if (typeof body.type !== 'string' || !body.type)
        return send(400, errorBody('BadArgument', 'Activity must have a type.'));
      const conversationType = (body.conversation as { conversationType?: unknown } | undefined)?.conversationType;
      if (conversationType !== undefined && !['personal', 'groupChat', 'channel'].includes(String(conversationType))) {
        return send(400, errorBody('BadArgument', 'Invalid input'));
      }
      const scripted = this.scripted.get(conversationId)?.shift();
      if (scripted) return send(scripted.status, errorBody(scripted.code, scripted.message));
      const tenant = String((body.conversation as { tenantId?: unknown } | undefined)?.tenantId ?? '');
      if (req.method === 'POST' && this.overLimit(conversationId, tenant)) {
        this.throttled++;
        res.writeHead(429, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' });
        res.end(JSON.stringify(errorBody('TooManyRequests', 'Too many requests.')));
        return;
      }
      const activityId = parts[4];
      if (req.method === 'PUT') {
        if (!activityId || !this.received.some((a) => a.id === activityId))
          return send(404, errorBody('ActivityNotFound', 'Activity not found.'));
      }
      const id = req.method === 'PUT' ? activityId! : randomUUID();
      this.received.push({
        method: req.method,
        conversationId,
        activityId,
        id,
        body: this.keepBodies ? body : { type: body.type },
        at: Date.now(),
      });
      send(200, { id });
      this.notify();
      return;
    }
    send(405, errorBody('MethodNotAllowed', 'Method not allowed.'));
  }
}

/** Conversations the bot created (POST v3/conversations), in order. */
export interface CreatedConversation {
  id: string;
  memberId: string;
  tenantId?: string;
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The Adaptive Card of a received activity, if it carries one. */
export function cardOf(activity: ReceivedActivity): Record<string, unknown> | undefined {
  const attachments = activity.body.attachments as
    { contentType?: string; content?: Record<string, unknown> }[] | undefined;
  return attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/** All text in a card (TextBlock text, TextRun text, action titles), for assertions on what a person reads. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if ((n.type === 'TextBlock' || n.type === 'TextRun') && typeof n.text === 'string') out.push(n.text);
      if (typeof n.type === 'string' && n.type.startsWith('Action.') && typeof n.title === 'string') out.push(n.title);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out.join('\n');
}
