/**
 * Who registers filed answers in the diarium (the REGISTRATOR setting): a team channel, where anyone may press
 * "Registrerad och skickad", or one person, known by e-mail. Parsing the setting, who counts as them, and where
 * their card is posted.
 */
import type { OrganisationDirectory } from '../../domain/organisations.js';
import type { Remiss } from '../../domain/remiss.js';
import type { ConversationTarget } from '../../messaging/messenger.js';
import type { FeatureContext } from '../featureContext.js';
import type { PeopleDirectory } from '../people/peopleDirectory.js';

export type Registrator = { kind: 'channel'; teamId: string; channelId: string } | { kind: 'person'; email: string };

/** `channel:<teamId>/<channelId>` or `person:<e-mail>` (normalised by the settings). */
export function parseRegistrator(setting: string | undefined): Registrator | undefined {
  if (!setting) return undefined;
  if (setting.startsWith('person:')) return { kind: 'person', email: setting.slice('person:'.length).toLowerCase() };
  const [teamId, channelId] = setting.slice('channel:'.length).split('/') as [string, string];
  return { kind: 'channel', teamId, channelId };
}

/** Who registers a remiss's answer: its organisation's channel, else the REGISTRATOR setting's. */
export type Registrators = (remiss: Pick<Remiss, 'organisation'>) => Registrator | undefined;

export function registratorsOf(organisations: OrganisationDirectory, setting: string | undefined): Registrators {
  const fallback = parseRegistrator(setting);
  return (remiss) => parseRegistrator(organisations.of(remiss).channel) ?? fallback;
}

/**
 * In a channel, the turn's conversation id is `<channelId>;messageid=<thread>`; a person is matched by e-mail or
 * UPN, as Teams' member lookup gives them.
 */
export async function actsAsRegistrator(registrator: Registrator, ctx: FeatureContext): Promise<boolean> {
  if (registrator.kind === 'channel') return ctx.conversation.conversationId.split(';')[0] === registrator.channelId;
  const asker = await ctx.asker();
  return [asker.email, asker.userPrincipalName].some((m) => m?.toLowerCase() === registrator.email);
}

/**
 * Where the registrator's card goes: their channel, reached through the same bot connection as `via` (the
 * handläggare's form), or the person's 1:1 chat, undefined until they have opened Remissbot.
 */
export async function registratorTarget(
  registrator: Registrator,
  via: ConversationTarget,
  people: PeopleDirectory,
): Promise<ConversationTarget | undefined> {
  if (registrator.kind === 'person') return (await people.findByEmail(registrator.email))?.personalChat;
  return {
    serviceUrl: via.serviceUrl,
    channelId: via.channelId,
    tenantId: via.tenantId,
    botId: via.botId,
    conversationId: registrator.channelId,
    conversationType: 'channel',
  };
}
