/**
 * The HTTP surface: POST /api/messages for the Bot Framework, GET /healthz for load balancers.
 */
import restify from 'restify';
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from '../logging/logger.js';
import { readActivityRequest } from './activityRequest.js';
import type { RemissAdapter } from './botAdapter.js';

const ERROR_BODIES = {
  400: { error: { code: 'BAD_REQUEST', message: 'The request body is not a valid activity.' } },
  401: { error: { code: 'UNAUTHORIZED', message: 'Authentication failed.' } },
  413: { error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' } },
  500: { error: { code: 'INTERNAL', message: 'The activity could not be processed.' } },
} as const;

export function createHttpServer(adapter: RemissAdapter, bot: ActivityHandler, logger: Logger): restify.Server {
  const server = restify.createServer({ name: 'remissbot', handleUncaughtExceptions: false });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.post('/api/messages', async (req, res) => {
    const reply = (status: keyof typeof ERROR_BODIES): void => {
      res.send(status, ERROR_BODIES[status]);
    };
    const read = await readActivityRequest(req);
    if (!read.ok) {
      logger.warn({ event: 'request.rejected', status: read.status }, 'malformed activity request');
      reply(read.status);
      return;
    }
    const { activity } = read;
    const authHeader = req.header('authorization') ?? '';
    let authResult;
    try {
      authResult = await adapter.authenticate(activity, authHeader);
    } catch (err) {
      logger.warn({ event: 'request.unauthenticated', err: (err as Error).message }, 'authentication failed');
      reply(401);
      return;
    }
    try {
      const invokeResponse = await adapter.run(authResult, activity, (context) => bot.run(context));
      if (invokeResponse) res.send(invokeResponse.status, invokeResponse.body ?? null);
      else res.send(200);
    } catch (err) {
      // onTurnError has already handled turn failures; this is the adapter itself failing (e.g. connector down).
      logger.error({ event: 'request.failed', err: (err as Error).message }, 'activity processing failed');
      reply(500);
    }
  });

  return server;
}
