/**
 * Every setting Remissbot reads, validated once at start. Nothing else in the code reads process.env.
 */
import { z } from 'zod';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(emptyToUndefined, z.string().trim().optional());
const commaList = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean)),
);

const settingsSchema = z
  .object({
    NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'production', 'test']).default('development')),
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
    HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
    LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.preprocess(emptyToUndefined, z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).optional()),
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
    /** Who registers filed answers in the diarium: `channel:<team id>/<channel id>` or `person:<e-mail>`. */
    REGISTRATOR: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .regex(/^(channel:[^/\s]+\/[^/\s]+|person:[^\s@]+@[^\s@]+)$/, 'must be channel:<team id>/<channel id> or person:<e-mail>')
        .optional(),
    ),
    STORAGE: z.preprocess(emptyToUndefined, z.enum(['file']).default('file')),
    REMISS_SOURCE: z.preprocess(emptyToUndefined, z.enum(['local', 'sharepoint']).default('local')),
    BOT_LANGUAGE: z.preprocess(emptyToUndefined, z.enum(['sv', 'en', 'auto']).default('sv')),
    ORG_CONFIG: z.preprocess(emptyToUndefined, z.string().default('config/organisation.json')),
    /** Signs download links; without it a random key is made at start (links then die with the process). */
    FILE_LINK_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
    /** The Teams app's own id (a GUID), for the app package's manifest. */
    TEAMS_APP_ID: z.preprocess(emptyToUndefined, z.uuid().optional()),
    /** The bot's public base URL, for download links. */
    BOT_PUBLIC_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  })
  .superRefine((s, ctx) => {
    if (s.MicrosoftAppId) {
      const type = s.MicrosoftAppType ?? 'SingleTenant';
      if (type === 'SingleTenant' && !s.MicrosoftAppTenantId) {
        ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'required when MicrosoftAppType is SingleTenant (the default)' });
      }
      if (type !== 'UserAssignedMSI' && !s.MicrosoftAppPassword) {
        ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: `required when MicrosoftAppId is set and MicrosoftAppType is ${type}` });
      }
    }
    if (s.NODE_ENV === 'production') {
      if (!s.MicrosoftAppId) {
        ctx.addIssue({ code: 'custom', path: ['MicrosoftAppId'], message: 'required in production: anonymous mode accepts unauthenticated requests' });
      }
      if (s.ALLOWED_TENANTS.length === 0 && !s.MicrosoftAppTenantId) {
        ctx.addIssue({ code: 'custom', path: ['ALLOWED_TENANTS'], message: 'required in production (or set MicrosoftAppTenantId)' });
      }
    }
    if (s.NODE_ENV === 'production' && !s.FILE_LINK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['FILE_LINK_SECRET'], message: 'required in production (download links must survive restarts and work across instances)' });
    }
    if (s.NODE_ENV === 'production' && !s.BOT_PUBLIC_URL) {
      ctx.addIssue({ code: 'custom', path: ['BOT_PUBLIC_URL'], message: 'required in production (the host of download links)' });
    }
    if (s.REMISS_SOURCE === 'sharepoint') {
      ctx.addIssue({ code: 'custom', path: ['REMISS_SOURCE'], message: '"sharepoint" is not available in this version; use "local"' });
    }
  });

type RawSettings = z.infer<typeof settingsSchema>;

export interface Settings extends Omit<RawSettings, 'MicrosoftAppType' | 'BOT_PUBLIC_URL'> {
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

export function loadSettings(env: Record<string, string | undefined>): Settings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    throw new SettingsError(parsed.error.issues.map((i) => `${i.path.join('.') || '(settings)'}: ${i.message}`));
  }
  const s = parsed.data;
  const allowedTenants = s.ALLOWED_TENANTS.length > 0 ? s.ALLOWED_TENANTS : s.MicrosoftAppTenantId ? [s.MicrosoftAppTenantId] : [];
  return {
    ...s,
    MicrosoftAppType: s.MicrosoftAppType ?? (s.MicrosoftAppId ? 'SingleTenant' : 'MultiTenant'),
    anonymous: !s.MicrosoftAppId,
    allowedTenants,
    BOT_PUBLIC_URL: (s.BOT_PUBLIC_URL ?? `http://localhost:${s.PORT}`).replace(/\/+$/, ''),
  };
}
