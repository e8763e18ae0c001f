/**
 * The Bot Framework adapter with explicit authentication settings. Authentication is separated from
 * processing so that any authentication failure, including one caused by an unreachable metadata endpoint,
 * is refused closed with 401.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import { connectorHttpClient } from './connectorHttpClient.js';
import type { Settings } from '../config/settings.js';
import { messages } from '../i18n/messages.js';
import type { Logger } from '../logging/logger.js';

export class RemissAdapter extends CloudAdapter {
  constructor(private readonly auth: ConfigurationBotFrameworkAuthentication) {
    super(auth);
  }

  /** Throws when the request is not authenticated (bad, missing or unverifiable token). */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.auth.authenticateRequest(activity, authHeader);
  }

  run(
    authResult: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authResult, activity, logic);
  }
}

export function createAdapter(settings: Settings, logger: Logger): RemissAdapter {
  const credentials = {
    MicrosoftAppId: settings.MicrosoftAppId ?? '',
    MicrosoftAppPassword: settings.MicrosoftAppPassword ?? '',
    MicrosoftAppType: settings.MicrosoftAppType,
    MicrosoftAppTenantId: settings.MicrosoftAppTenantId ?? '',
  };
  const overrides = Object.fromEntries(
    (
      [
        'ToBotFromChannelOpenIdMetadataUrl',
        'ToBotFromChannelTokenIssuer',
        'ToChannelFromBotLoginUrl',
        'ToChannelFromBotOAuthScope',
        'ValidateAuthority',
      ] as const
    )
      .filter((k) => settings[k] !== undefined)
      .map((k) => [k, settings[k]]),
  );
  const auth = new ConfigurationBotFrameworkAuthentication(
    { ...credentials, ...overrides },
    new ConfigurationServiceClientCredentialFactory(credentials),
    undefined,
    undefined,
    { httpClient: connectorHttpClient(settings.OUTBOUND_TIMEOUT_SECONDS * 1000) },
  );
  const adapter = new RemissAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    // The user gets a plain apology; the error goes to the log only (never error text to the caller).
    logger.error(
      {
        event: 'turn.error',
        err: { name: error.name, message: error.message, stack: error.stack },
        activityType: context.activity.type,
      },
      'turn failed',
    );
    if (context.activity.type === 'message') {
      try {
        await context.sendActivity(messages('sv').somethingWentWrong);
      } catch (sendError) {
        logger.error(
          { event: 'turn.errorReplyFailed', err: (sendError as Error).message },
          'could not tell the user about the error',
        );
      }
    }
  };
  return adapter;
}
