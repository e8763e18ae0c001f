/**
 * Structured logs (pino). Secrets and document text never reach a log line: known secret fields are
 * redacted, and callers log identifiers (dnr, activity id), never free text a user typed.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

const REDACTED_PATHS = [
  'MicrosoftAppPassword',
  'GRAPH_CLIENT_SECRET',
  '*.GRAPH_CLIENT_SECRET',
  '*.MicrosoftAppPassword',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'token',
  '*.token',
  'text',
  '*.text',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, base: { app: 'remissbot' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    destination,
  );
}
