/**
 * Reads and checks the body of POST /api/messages before the SDK sees it: size-capped, JSON, and shaped
 * like an activity. Anything else is a 400 with a fixed body, never the parser's error text.
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { Activity } from 'botbuilder';
import type { HttpErrorCode } from './httpErrors.js';

export const MAX_ACTIVITY_BYTES = 1024 * 1024;

const idHolder = z.object({ id: z.string().min(1).max(1024) }).passthrough();

const activityShape = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(1024).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z
      .string()
      .max(2048)
      .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'serviceUrl must be an http(s) URL'),
    from: idHolder,
    recipient: idHolder,
    conversation: idHolder,
    text: z.string().max(100_000).optional(),
    locale: z.string().max(64).optional(),
  })
  .passthrough();

export type ActivityRequestResult =
  { ok: true; activity: Activity } | { ok: false; code: Extract<HttpErrorCode, 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE'> };

export async function readActivityRequest(req: IncomingMessage): Promise<ActivityRequestResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_ACTIVITY_BYTES) return { ok: false, code: 'PAYLOAD_TOO_LARGE' };
    chunks.push(chunk as Buffer);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return { ok: false, code: 'BAD_REQUEST' };
  }
  const parsed = activityShape.safeParse(json);
  return parsed.success
    ? { ok: true, activity: parsed.data as unknown as Activity }
    : { ok: false, code: 'BAD_REQUEST' };
}
