/**
 * The checks and parsers of single settings (a cron expression, a time zone, the registrator, lists and URLs),
 * used by the settings schema in settings.ts.
 */
import { z } from 'zod';
import { Cron } from 'croner';

export function isValidCron(expression: string): boolean {
  try {
    new Cron(expression, { paused: true });
    return true;
  } catch {
    return false;
  }
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A Teams channel's (or a team's) conversation id, as Teams' own links carry it once decoded. */
const TEAMS_THREAD_ID = /^19:[^\s/@]+@thread\.(tacv2|skype)$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REGISTRATOR_FORMAT =
  'must be channel:<team id>/<channel id> (both from Teams\' "Get link to channel": the groupId and the ' +
  '19:…@thread.tacv2 part), channel:<that link> or person:<e-mail>';

function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Admins copy channel ids from Teams' "Get link to channel", which percent-encodes them (19%3a…%40thread.tacv2):
 * decoded here, or read from the whole link, and checked, so that the registrator's card goes to a real channel.
 */
export function normaliseRegistrator(value: string, ctx: z.RefinementCtx): string {
  if (/^person:[^\s@]+@[^\s@]+$/.test(value)) return value;
  const target = value.startsWith('channel:') ? value.slice('channel:'.length) : undefined;
  let ids: [string | undefined, string | undefined] = [undefined, undefined];
  if (target && /^https:\/\//i.test(target)) {
    const link = URL.canParse(target) ? new URL(target) : undefined;
    const channel = link?.pathname.match(/^\/l\/channel\/([^/]+)/)?.[1];
    ids = [link?.searchParams.get('groupId') ?? undefined, channel && decoded(channel)];
  } else if (target) {
    const parts = target.split('/');
    if (parts.length === 2) ids = [decoded(parts[0]!), decoded(parts[1]!)];
  }
  const [teamId, channelId] = ids;
  if (teamId && channelId && (GUID.test(teamId) || TEAMS_THREAD_ID.test(teamId)) && TEAMS_THREAD_ID.test(channelId))
    return `channel:${teamId}/${channelId}`;
  ctx.addIssue({ code: 'custom', message: REGISTRATOR_FORMAT });
  return z.NEVER;
}

export const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
export const optionalText = z.preprocess(emptyToUndefined, z.string().trim().optional());
export const commaList = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
);

export const teamsAppId = z.preprocess(emptyToUndefined, z.uuid().optional());
export const botPublicUrl = z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional());
export const optionalHttpsUrl = z.preprocess(emptyToUndefined, z.url({ protocol: /^https$/ }).optional());
