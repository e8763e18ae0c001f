/**
 * POST /api/digest starts a digest run (for an external timer: Azure Functions, Logic Apps) and answers 202
 * with its id at once; GET /api/digest/<run id> says what the run did. Both need
 * `Authorization: Bearer <DIGEST_TRIGGER_SECRET>`; without the setting the routes do not exist.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type restify from 'restify';
import type { DigestRun, DigestTrigger } from '../features/digest/digestRunner.js';
import type { Logger } from '../logging/logger.js';
import { sendError } from './httpErrors.js';

export interface DigestControl {
  trigger(trigger: DigestTrigger, options: { force?: boolean }): Promise<string>;
  get(id: string): Promise<DigestRun | undefined>;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Compares hashes, so neither the secret's length nor its content leaks through timing. */
function authorised(req: restify.Request, secret: string): boolean {
  const header = req.header('authorization') ?? '';
  const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  return timingSafeEqual(digest(given), digest(secret)) && given.length > 0;
}

export function registerDigestRoutes(
  server: restify.Server,
  control: DigestControl,
  secret: string | undefined,
  logger: Logger,
): void {
  if (!secret) return;
  const refuse = (res: restify.Response) => {
    res.header('WWW-Authenticate', 'Bearer');
    sendError(res, 'TOKEN_REQUIRED');
  };

  server.post('/api/digest', async (req, res) => {
    if (!authorised(req, secret)) {
      logger.warn({ event: 'digest.trigger.refused' }, 'digest trigger without a valid secret');
      refuse(res);
      return;
    }
    const force = new URL(req.url ?? '/', 'http://localhost').searchParams.get('force') === 'true';
    const id = await control.trigger('api', { force });
    logger.info({ event: 'digest.triggered', runId: id, force }, 'digest run triggered');
    res.header('Location', `/api/digest/${id}`);
    res.send(202, { id, status: `/api/digest/${id}` });
  });

  server.get('/api/digest/:id', async (req, res) => {
    if (!authorised(req, secret)) {
      refuse(res);
      return;
    }
    const run = await control.get(typeof req.params.id === 'string' ? req.params.id : '');
    if (run) res.send(200, run);
    else sendError(res, 'DIGEST_RUN_NOT_FOUND');
  });
}
