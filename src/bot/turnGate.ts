/**
 * Refuses activities from channels and tenants this deployment does not serve, before any feature runs.
 */
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { messages } from '../i18n/messages.js';
import type { Logger } from '../logging/logger.js';

export interface TurnGateOptions {
  /** Channels served: always 'msteams'; local clients' channels are added in development only. */
  allowedChannels: readonly string[];
  /** Tenants served; empty means any (local anonymous mode only). */
  allowedTenants: readonly string[];
  logger: Logger;
}

export function tenantOf(context: TurnContext): string | undefined {
  const activity = context.activity;
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return activity.conversation?.tenantId ?? (typeof fromChannelData === 'string' ? fromChannelData : undefined);
}

export function turnGate(options: TurnGateOptions): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const { channelId, type } = context.activity;
      const tenant = tenantOf(context);
      const channelOk = options.allowedChannels.includes(channelId);
      const tenantOk = options.allowedTenants.length === 0 || (!!tenant && options.allowedTenants.includes(tenant));
      if (channelOk && tenantOk) return next();
      options.logger.warn(
        { event: 'turn.refused', channelId, tenant, activityType: type, reason: channelOk ? 'tenant' : 'channel' },
        'activity refused',
      );
      if (type !== ActivityTypes.Invoke) return;
      // A card button pressed outside this deployment's tenants: the person is told, in Swedish, on the card.
      const body =
        context.activity.name === 'adaptiveCard/action'
          ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: messages('sv').notServedHere }
          : undefined;
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: body ? { status: 200, body } : { status: 403 },
      });
    },
  };
}
