/**
 * Starts the real Remissbot (restify, adapter, file store) on an ephemeral port with a fake connector,
 * and builds Teams-shaped activities. Only the clock is fixed, so day arithmetic is deterministic.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createRemissbot, type Remissbot, type RemissbotOptions } from '../../src/app.js';
import type { OutboxOptions } from '../../src/outbox/outbox.js';
import { loadSettings } from '../../src/config/settings.js';
import { createLogger } from '../../src/logging/logger.js';
import { FakeConnector, type FakeMember } from '../fakes/fakeConnector.js';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const BOT = { id: '28:remissbot', name: 'Remissbot' };

export interface Harness {
  bot: Remissbot;
  connector: FakeConnector;
  baseUrl: string;
  dataDir: string;
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  now?: Date | (() => Date);
  dataDir?: string;
  outbox?: OutboxOptions;
  sharePoint?: RemissbotOptions['sharePoint'];
  /** Receives every log line at trace level (to prove what logs never contain). */
  log?: (line: string) => void;
  /** A connector kept from an earlier harness (a restart keeps the conversations it knows). */
  connector?: FakeConnector;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'remissbot-e2e-')));
  const settings = loadSettings({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    ALLOWED_TENANTS: TENANT,
    DIGEST_SCHEDULER: 'off',
    // Filing as soon as approved (no Ångra window) unless a test sets it: the clock is fixed in most tests.
    APPROVAL_UNDO_MINUTES: '0',
    ...options.env,
  });
  const now = options.now;
  const clock = typeof now === 'function' ? now : now ? () => now : undefined;
  const log = options.log;
  const logger = log
    ? createLogger('trace', { write: (line: string) => log(line) })
    : createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const bot = createRemissbot(settings, { logger, clock, outbox: options.outbox, sharePoint: options.sharePoint });
  const port = await bot.listen();
  const connector = options.connector ?? new FakeConnector();
  if (!options.connector) await connector.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    bot,
    connector,
    baseUrl,
    dataDir,
    async post(activity, headers = {}) {
      const res = await fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: keep the text */
      }
      return { status: res.status, body };
    },
    async stop() {
      await bot.close();
      await connector.stop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ChatUser extends FakeMember {
  conversationId: string;
}

/** A person with a 1:1 chat with the bot, known to the fake connector's roster. */
export function personalChat(connector: FakeConnector, member: FakeMember): ChatUser {
  const conversationId = `a:1:${member.id}`;
  connector.addConversation(conversationId, [member]);
  return { ...member, conversationId };
}

/** A channel conversation that the user is a member of. */
export function channelOf(connector: FakeConnector, user: ChatUser, channelId = '19:remisser@thread.tacv2'): ChatUser {
  connector.addConversation(channelId, [user]);
  return { ...user, conversationId: channelId };
}

function base(connector: FakeConnector, user: ChatUser, tenant = TENANT) {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl: connector.serviceUrl,
    channelId: 'msteams',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: BOT,
    conversation: {
      id: user.conversationId,
      conversationType: user.conversationId.startsWith('19:') ? 'channel' : 'personal',
      tenantId: tenant,
    },
    channelData: { tenant: { id: tenant } },
    locale: 'sv-SE',
  };
}

export function messageFrom(
  connector: FakeConnector,
  user: ChatUser,
  text: string,
  extra: Record<string, unknown> = {},
) {
  return { ...base(connector, user), type: 'message', text, textFormat: 'plain', ...extra };
}

export function cardActionFrom(
  connector: FakeConnector,
  user: ChatUser,
  verb: string,
  data: unknown,
  extra: Record<string, unknown> = {},
) {
  return {
    ...base(connector, user),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    ...extra,
  };
}

/** A Teams dialog (task module) invoke: task/fetch when its button is pressed, task/submit from inside it. */
export function taskFrom(connector: FakeConnector, user: ChatUser, name: 'task/fetch' | 'task/submit', data: unknown) {
  return { ...base(connector, user), type: 'invoke', name, value: { data, context: { theme: 'default' } } };
}

export function installFrom(connector: FakeConnector, user: ChatUser) {
  return { ...base(connector, user), type: 'installationUpdate', action: 'add' };
}

export function membersAddedFrom(connector: FakeConnector, user: ChatUser) {
  return { ...base(connector, user), type: 'conversationUpdate', membersAdded: [{ id: BOT.id }, { id: user.id }] };
}
