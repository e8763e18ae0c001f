/**
 * Every setting Remissbot reads, validated once at start. Nothing else in the code reads process.env.
 */
import { z } from 'zod';

import {
  botPublicUrl,
  commaList,
  emptyToUndefined,
  isTimeZone,
  isValidCron,
  normaliseRegistrator,
  optionalText,
  teamsAppId,
} from './settingFields.js';
import { graphProblems } from './graphSettings.js';

const settingsSchema = z
  .object({
    NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'production', 'test']).default('development')),
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
    HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.preprocess(
      emptyToUndefined,
      z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).optional(),
    ),
    MicrosoftAppTenantId: optionalText,
    ALLOWED_TENANTS: commaList,
    /** Overrides for offline authentication tests and sovereign clouds; botbuilder reads them as named. */
    ToBotFromChannelOpenIdMetadataUrl: optionalText,
    ToBotFromChannelTokenIssuer: optionalText,
    ToChannelFromBotLoginUrl: optionalText,
    ToChannelFromBotOAuthScope: optionalText,
    ValidateAuthority: optionalText,
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
    /** Where approved answers are filed without SharePoint; default <DATA_DIR>/arkiv. */
    FILING_DIR: optionalText,
    /**
     * Who registers filed answers in the diarium: `channel:<team id>/<channel id>`, `channel:<the channel's link>`
     * or `person:<e-mail>`; a channel is normalised to `channel:<team id>/19:…@thread.tacv2`.
     */
    REGISTRATOR: z.preprocess(emptyToUndefined, z.string().trim().transform(normaliseRegistrator).optional()),
    /**
     * Microsoft Graph, for filing in SharePoint. The credential is chosen explicitly (never a fallback chain):
     * a client secret, a certificate, or a managed identity.
     */
    GRAPH_TENANT_ID: optionalText,
    GRAPH_CLIENT_ID: optionalText,
    GRAPH_CLIENT_SECRET: optionalText,
    GRAPH_CERTIFICATE_PATH: optionalText,
    GRAPH_USE_MANAGED_IDENTITY: z.preprocess(
      emptyToUndefined,
      z
        .enum(['true', 'false'])
        .default('false')
        .transform((v) => v === 'true'),
    ),
    /** The client id of a user-assigned managed identity; unset means the system-assigned one. */
    AZURE_CLIENT_ID: optionalText,
    SHAREPOINT_SITE_ID: optionalText,
    /** e.g. https://stad.sharepoint.com/sites/remisser, resolved to a site id once at start. */
    SHAREPOINT_SITE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https$/ }).optional()),
    /** The document library's name as shown in SharePoint, e.g. "Remissvar". */
    SHAREPOINT_LIBRARY: optionalText,
    /** National clouds, and the tests' fakes; without the version path. */
    GRAPH_BASE_URL: z.preprocess(
      emptyToUndefined,
      z.url({ protocol: /^https$/ }).default('https://graph.microsoft.com'),
    ),
    AZURE_AUTHORITY_HOST: z.preprocess(
      emptyToUndefined,
      z.url({ protocol: /^https$/ }).default('https://login.microsoftonline.com'),
    ),
    /** Digests and reminders (working days follow the Swedish holidays). */
    DIGEST_HORIZON_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(365).default(14)),
    /** Working days before a sammanträde by which its papers must be ready: the meeting's "klart senast". */
    MEETING_HANDLING_STOP_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(60).default(10)),
    REMINDER_DAYS_BEFORE_MEETING: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(60).default(5)),
    REMINDER_DAYS_BEFORE_DUE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(60).default(2)),
    APPROVAL_REMINDER_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(60).default(2)),
    /** When the digest runs (cron, in DIGEST_TIMEZONE): weekdays 07:30. */
    DIGEST_CRON: z.preprocess(
      emptyToUndefined,
      z.string().trim().refine(isValidCron, 'must be a cron expression such as "30 7 * * 1-5"').default('30 7 * * 1-5'),
    ),
    DIGEST_TIMEZONE: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .refine(isTimeZone, 'must be an IANA time zone such as Europe/Stockholm')
        .default('Europe/Stockholm'),
    ),
    /** off: no in-process schedule; an external timer calls POST /api/digest. */
    DIGEST_SCHEDULER: z.preprocess(emptyToUndefined, z.enum(['on', 'off']).default('on')),
    /** Bearer secret for POST /api/digest; without it the endpoint is off. */
    DIGEST_TRIGGER_SECRET: z.preprocess(
      emptyToUndefined,
      z.string().min(32, 'must be at least 32 characters').optional(),
    ),
    /** Proactive messages per second per tenant (Teams allows more, but shares it across the tenant's bots). */
    TEAMS_TENANT_RPS: z.preprocess(emptyToUndefined, z.coerce.number().min(1).max(1000).default(30)),
    /** A call to the Bot Connector or Graph unanswered after this long is abandoned and retried like a reset. */
    OUTBOUND_TIMEOUT_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().min(1).max(600).default(30)),
    /** file: the embedded store under DATA_DIR (one instance); blob: Azure Blob Storage, shared by several. */
    STORAGE: z.preprocess(emptyToUndefined, z.enum(['file', 'blob']).default('file')),
    AZURE_STORAGE_CONNECTION_STRING: optionalText,
    /** With a managed identity instead of a connection string, e.g. https://remissbot.blob.core.windows.net. */
    AZURE_STORAGE_ACCOUNT_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
    /** How long an approver can undo a decision ("Ångra"); filing waits for it. 0: no Ångra. */
    APPROVAL_UNDO_MINUTES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(30).default(5)),
    /** With STORAGE=blob: how long the scheduler's lease lasts if its holder dies (15–60 s). */
    LEADER_LEASE_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(15).max(60).default(30)),
    AZURE_STORAGE_CONTAINER: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .regex(
          /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/,
          'must be a container name: 3–63 lower-case letters, digits and single hyphens',
        )
        .default('remissbot'),
    ),
    REMISS_SOURCE: z.preprocess(emptyToUndefined, z.enum(['local', 'sharepoint']).default('local')),
    /** With REMISS_SOURCE=sharepoint: the list on the configured site that holds the register (display name or id). */
    SHAREPOINT_REMISS_LIST: optionalText,
    BOT_LANGUAGE: z.preprocess(emptyToUndefined, z.enum(['sv', 'en', 'auto']).default('sv')),
    ORG_CONFIG: z.preprocess(emptyToUndefined, z.string().default('config/organisation.json')),
    /** Signs download links; without it a random key is made at start (links then die with the process). */
    FILE_LINK_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
    /** The Teams app's own id (a GUID), for the app package's manifest. */
    TEAMS_APP_ID: teamsAppId,
    /** The bot's public base URL, for download links. */
    BOT_PUBLIC_URL: botPublicUrl,
  })
  .superRefine((s, ctx) => {
    if (s.MicrosoftAppId) {
      const type = s.MicrosoftAppType ?? 'SingleTenant';
      // botbuilder asserts the tenant for a managed identity too; said here, with the other settings, instead.
      if (type !== 'MultiTenant' && !s.MicrosoftAppTenantId) {
        ctx.addIssue({
          code: 'custom',
          path: ['MicrosoftAppTenantId'],
          message: `required when MicrosoftAppType is ${type === 'SingleTenant' ? 'SingleTenant (the default)' : type}`,
        });
      }
      if (type !== 'UserAssignedMSI' && !s.MicrosoftAppPassword) {
        ctx.addIssue({
          code: 'custom',
          path: ['MicrosoftAppPassword'],
          message: `required when MicrosoftAppId is set and MicrosoftAppType is ${type}`,
        });
      }
    }
    if (s.NODE_ENV === 'production') {
      if (!s.MicrosoftAppId) {
        ctx.addIssue({
          code: 'custom',
          path: ['MicrosoftAppId'],
          message: 'required in production: anonymous mode accepts unauthenticated requests',
        });
      }
      if (s.ALLOWED_TENANTS.length === 0 && !s.MicrosoftAppTenantId) {
        ctx.addIssue({
          code: 'custom',
          path: ['ALLOWED_TENANTS'],
          message: 'required in production (or set MicrosoftAppTenantId)',
        });
      }
    }
    if (s.NODE_ENV === 'production' && !s.FILE_LINK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['FILE_LINK_SECRET'],
        message: 'required in production (download links must survive restarts and work across instances)',
      });
    }
    if (s.NODE_ENV === 'production' && !s.BOT_PUBLIC_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['BOT_PUBLIC_URL'],
        message: 'required in production (the host of download links)',
      });
    }
    graphProblems(s).forEach(([setting, message]) => ctx.addIssue({ code: 'custom', path: [setting], message }));
    if (s.STORAGE === 'blob' && !s.AZURE_STORAGE_CONNECTION_STRING === !s.AZURE_STORAGE_ACCOUNT_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['STORAGE'],
        message:
          'blob needs either AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL (with a managed identity)',
      });
    }
    if (s.REMISS_SOURCE === 'sharepoint') {
      if (!s.SHAREPOINT_REMISS_LIST)
        ctx.addIssue({
          code: 'custom',
          path: ['SHAREPOINT_REMISS_LIST'],
          message: "required when REMISS_SOURCE is sharepoint (the list's name or id)",
        });
      if (!s.GRAPH_TENANT_ID)
        ctx.addIssue({
          code: 'custom',
          path: ['REMISS_SOURCE'],
          message:
            'sharepoint needs the Graph settings (GRAPH_TENANT_ID, a credential, the site and SHAREPOINT_LIBRARY)',
        });
    }
  });

type RawSettings = z.infer<typeof settingsSchema>;

export interface Settings extends Omit<
  RawSettings,
  'MicrosoftAppType' | 'BOT_PUBLIC_URL' | 'GRAPH_BASE_URL' | 'AZURE_AUTHORITY_HOST'
> {
  /** Without a trailing slash. */
  GRAPH_BASE_URL: string;
  AZURE_AUTHORITY_HOST: string;
  /** Set when filing goes to SharePoint; unset means the local filing folder. */
  sharePoint?: SharePointSettings;
  /** Base URL for links the bot hands out, without a trailing slash. */
  BOT_PUBLIC_URL: string;
  MicrosoftAppType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  /** True when no app id is set: the adapter accepts unauthenticated requests (local development only). */
  anonymous: boolean;
  /** Tenants served; empty means any (local anonymous mode only). */
  allowedTenants: string[];
}

/** Raised at start when settings are invalid; its message names every bad or missing setting. */
export class SettingsError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

export function settingsError(error: z.ZodError): SettingsError {
  return new SettingsError(error.issues.map((i) => `${i.path.join('.') || '(settings)'}: ${i.message}`));
}

export function loadSettings(env: Record<string, string | undefined>): Settings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) throw settingsError(parsed.error);
  const s = parsed.data;
  const allowedTenants =
    s.ALLOWED_TENANTS.length > 0 ? s.ALLOWED_TENANTS : s.MicrosoftAppTenantId ? [s.MicrosoftAppTenantId] : [];
  return {
    ...s,
    MicrosoftAppType: s.MicrosoftAppType ?? (s.MicrosoftAppId ? 'SingleTenant' : 'MultiTenant'),
    anonymous: !s.MicrosoftAppId,
    allowedTenants,
    BOT_PUBLIC_URL: (s.BOT_PUBLIC_URL ?? `http://localhost:${s.PORT}`).replace(/\/+$/, ''),
    GRAPH_BASE_URL: s.GRAPH_BASE_URL.replace(/\/+$/, ''),
    AZURE_AUTHORITY_HOST: s.AZURE_AUTHORITY_HOST.replace(/\/+$/, ''),
    sharePoint: sharePointSettings(s),
  };
}

export type GraphCredentialChoice =
  | { kind: 'secret'; tenantId: string; clientId: string; secret: string }
  | { kind: 'certificate'; tenantId: string; clientId: string; certificatePath: string }
  | { kind: 'managedIdentity'; tenantId: string; clientId?: string };

export interface SharePointSettings {
  credential: GraphCredentialChoice;
  site: { id: string } | { url: string };
  library: string;
  /** Set when the register lives in a SharePoint list (REMISS_SOURCE=sharepoint). */
  remissList?: string;
}

function sharePointSettings(s: RawSettings): SharePointSettings | undefined {
  // graphProblems has already refused a partial configuration.
  if (!s.GRAPH_TENANT_ID || !s.SHAREPOINT_LIBRARY) return undefined;
  const tenantId = s.GRAPH_TENANT_ID;
  const credential: GraphCredentialChoice = s.GRAPH_USE_MANAGED_IDENTITY
    ? { kind: 'managedIdentity', tenantId, clientId: s.AZURE_CLIENT_ID }
    : s.GRAPH_CERTIFICATE_PATH
      ? { kind: 'certificate', tenantId, clientId: s.GRAPH_CLIENT_ID!, certificatePath: s.GRAPH_CERTIFICATE_PATH }
      : { kind: 'secret', tenantId, clientId: s.GRAPH_CLIENT_ID!, secret: s.GRAPH_CLIENT_SECRET! };
  return {
    credential,
    site: s.SHAREPOINT_SITE_ID ? { id: s.SHAREPOINT_SITE_ID } : { url: s.SHAREPOINT_SITE_URL! },
    library: s.SHAREPOINT_LIBRARY,
    remissList: s.REMISS_SOURCE === 'sharepoint' ? s.SHAREPOINT_REMISS_LIST : undefined,
  };
}
