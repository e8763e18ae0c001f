/**
 * Who gets which overview in a city of organisations: each organisation's managers and its channel get its
 * remisser; a manager of several gets one overview of them all; the kansli's (which sees all) get everything.
 * A single organisation sends the overview of everything to its managers and every channel the bot is in.
 */
import type { Organisation } from '../../domain/organisation.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';
import type { Remiss } from '../../domain/remiss.js';
import type { ConversationTarget } from '../../messaging/messenger.js';
import type { OverviewAudience } from './digestPlan.js';

export async function overviewAudiences(
  directory: OrganisationDirectory,
  installedChannels: readonly ConversationTarget[],
): Promise<OverviewAudience[]> {
  if (directory.single)
    return [
      { managers: await directory.peopleWith('chef', directory.defaultOrganisation), channels: installedChannels },
    ];
  const ledBy = new Map<string, Organisation[]>();
  for (const organisation of directory.organisations)
    for (const email of await directory.peopleWith('chef', organisation))
      ledBy.set(email, [...(ledBy.get(email) ?? []), organisation]);
  // Managers of the same organisations share one audience (and one set of cards).
  const byScope = new Map<string, { organisations: Organisation[]; managers: string[] }>();
  for (const [email, organisations] of ledBy) {
    const scope = organisations.map((o) => directory.idFor(o)).join(',');
    const audience = byScope.get(scope) ?? { organisations, managers: [] };
    audience.managers.push(email);
    byScope.set(scope, audience);
  }
  const audiences: OverviewAudience[] = [...byScope.values()].map(({ organisations, managers }) => ({
    sees: seenBy(directory, organisations),
    managers,
    channels: [],
  }));
  for (const organisation of directory.organisations) {
    const target = installedChannels.find((c) => isChannelOf(organisation, c));
    if (target) audiences.push({ sees: seenBy(directory, [organisation]), managers: [], channels: [target] });
  }
  return audiences;
}

/** The remisser of these organisations; all of them when one of them sees all. */
function seenBy(
  directory: OrganisationDirectory,
  organisations: readonly Organisation[],
): ((remiss: Remiss) => boolean) | undefined {
  if (organisations.some((o) => o.seesAll)) return undefined;
  const ids = new Set(organisations.map((o) => directory.idFor(o)));
  return (remiss) => ids.has(directory.idFor(directory.of(remiss)));
}

/** The organisation's channel setting (channel:<team>/<channel id>) names this installed channel. */
export function isChannelOf(organisation: Organisation, target: ConversationTarget): boolean {
  const channelId = organisation.channel?.split('/').at(-1);
  return !!channelId && decodeURIComponent(channelId) === target.conversationId.split(';')[0];
}
