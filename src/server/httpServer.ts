/**
 * The HTTP surface: POST /api/messages for the Bot Framework, GET /healthz for load balancers, and the
 * privacy and terms pages the Teams app's details link to (/privacy, /terms).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import restify from 'restify';
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from '../logging/logger.js';
import { readActivityRequest } from './activityRequest.js';
import { sendError } from './httpErrors.js';
import type { RemissAdapter } from './botAdapter.js';
import type { DownloadLinks } from '../features/answer/downloadLinks.js';
import { messages } from '../i18n/messages.js';
import { shippedFolder } from '../config/shippedFiles.js';

/** A short Swedish page for a dead link: what happened and what to do, nothing else. */
function linkErrorPage(reason: 'expired' | 'invalid'): string {
  const t = messages('sv');
  const [title, body] =
    reason === 'expired' ? [t.linkExpiredTitle, t.linkExpiredBody] : [t.linkInvalidTitle, t.linkInvalidBody];
  return (
    `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${title}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;max-width:36em;margin:4em auto">` +
    `<h1>${title}</h1><p>${body}</p></body></html>`
  );
}

function asciiFallback(fileName: string): string {
  return fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '');
}

export interface FileRoutes {
  downloads: DownloadLinks;
  clock: () => Date;
}

/** Whether this instance runs the scheduled work (shown by /healthz, for operators of several instances). */
export type SchedulerRole = () => 'leader' | 'standby';

export function createHttpServer(
  adapter: RemissAdapter,
  bot: ActivityHandler,
  logger: Logger,
  files?: FileRoutes,
  role: SchedulerRole = () => 'leader',
): restify.Server {
  const server = restify.createServer({ name: 'remissbot', handleUncaughtExceptions: false });

  if (files) {
    server.get('/files/:token', async (req, res) => {
      const token = typeof req.params.token === 'string' ? req.params.token : '';
      const link = await files.downloads.resolve(token, files.clock());
      if (!link.ok) {
        logger.info({ event: 'download.refused', reason: link.reason }, 'download link refused');
        const status = link.reason === 'expired' ? 410 : 404;
        res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(linkErrorPage(link.reason));
        return;
      }
      res.writeHead(200, {
        'content-type': link.contentType,
        'content-length': link.bytes.length,
        'content-disposition':
          `attachment; filename="${asciiFallback(link.fileName)}"; ` +
          `filename*=UTF-8''${encodeURIComponent(link.fileName)}`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(link.bytes);
    });
  }

  for (const page of ['privacy', 'terms']) {
    const html = readFileSync(path.join(shippedFolder('pages', 'privacy.html'), `${page}.html`));
    server.get(`/${page}`, async (_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': html.length,
        'cache-control': 'public, max-age=3600',
      });
      res.end(html);
    });
  }

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok', scheduler: role() });
  });

  server.post('/api/messages', async (req, res) => {
    const read = await readActivityRequest(req);
    if (!read.ok) {
      logger.warn({ event: 'request.rejected', code: read.code }, 'malformed activity request');
      sendError(res, read.code);
      return;
    }
    const { activity } = read;
    const authHeader = req.header('authorization') ?? '';
    let authResult;
    try {
      authResult = await adapter.authenticate(activity, authHeader);
    } catch (err) {
      logger.warn({ event: 'request.unauthenticated', err: (err as Error).message }, 'authentication failed');
      sendError(res, 'UNAUTHORIZED');
      return;
    }
    try {
      const invokeResponse = await adapter.run(authResult, activity, (context) => bot.run(context));
      if (invokeResponse) res.send(invokeResponse.status, invokeResponse.body ?? null);
      else res.send(200);
    } catch (err) {
      // onTurnError has already handled turn failures; this is the adapter itself failing (e.g. connector down).
      logger.error({ event: 'request.failed', err: (err as Error).message }, 'activity processing failed');
      sendError(res, 'INTERNAL');
    }
  });

  return server;
}
