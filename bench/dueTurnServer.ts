/**
 * The bot process of the "due?" turn-cost benchmark. It serves two bots on the same adapter, store and
 * settings: the real Remissbot on one port, and an echo bot that answers every message with a fixed card of
 * the same size on another. The parent asks for this process's CPU usage over IPC. BENCH_DATA_DIR and
 * BENCH_ORG_CONFIG are the DATA_DIR and ORG_CONFIG it serves.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ActivityHandler, CardFactory, MessageFactory } from 'botbuilder';
import { createRemissbot } from '../src/app.js';
import { createGatedAdapter } from '../src/bot/gatedAdapter.js';
import { loadSettings } from '../src/config/settings.js';
import { createLogger } from '../src/logging/logger.js';
import { createHttpServer } from '../src/server/httpServer.js';

async function main(): Promise<void> {
  const dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'remissbot-bench-'));
  const settings = loadSettings({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    ...(process.env.BENCH_ORG_CONFIG ? { ORG_CONFIG: process.env.BENCH_ORG_CONFIG } : {}),
  });
  const logger = createLogger('silent');
  const real = createRemissbot(settings, { logger });
  const realPort = await real.listen();

  let fixedCard: Record<string, unknown> = { type: 'AdaptiveCard', version: '1.5', body: [] };
  const echo = new ActivityHandler();
  echo.onMessage(async (context, next) => {
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(fixedCard)));
    await next();
  });
  const echoServer = createHttpServer(createGatedAdapter(settings, logger, real.store), echo, logger);
  const echoPort = await new Promise<number>((resolve) =>
    echoServer.listen(0, '127.0.0.1', () => resolve((echoServer.address() as AddressInfo).port)),
  );

  process.on('message', (msg: { kind: string; card?: Record<string, unknown> }) => {
    if (msg.kind === 'cpu') process.send!({ kind: 'cpu', usage: process.cpuUsage() });
    if (msg.kind === 'setEchoCard' && msg.card) {
      fixedCard = msg.card;
      process.send!({ kind: 'ok' });
    }
    if (msg.kind === 'stop') process.exit(0);
  });
  process.send!({ kind: 'ready', realPort, echoPort, dataDir });
}

void main();
