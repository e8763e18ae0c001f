/**
 * A FeatureContext without Teams: what a feature did in the turn is recorded (replies, cards sent to the
 * personal chat, later updates, refusal codes), so workflows can be tested in process.
 */
import { messageCard } from '../../src/cards/messageCard.js';
import { Access, OrganisationDirectory } from '../../src/domain/organisations.js';
import type { AdaptiveCard, Asker, FeatureContext, PostedCard } from '../../src/features/featureContext.js';
import { messages } from '../../src/i18n/messages.js';
import { refusalText, type RefusalCode } from '../../src/i18n/refusals.js';
import { exampleOrganisation } from './answerFixtures.js';

/** One organisation and no members: the deployment of before, where everyone answers. */
const SINGLE = new OrganisationDirectory([exampleOrganisation('bolag')]);

export interface RecordedTurn {
  ctx: FeatureContext;
  replies: AdaptiveCard[];
  personalChat: AdaptiveCard[];
  updates: { where: PostedCard; card: AdaptiveCard }[];
  refusals: RefusalCode[];
}

const CONVERSATION = {
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: 'msteams',
  conversationId: 'a:personal-1',
  botId: '28:bot',
};

export function featureContextStub(
  asker: Asker,
  overrides: Partial<Omit<FeatureContext, 'refuse' | 'reply' | 'sendToPersonalChat' | 'updateCardLater'>> = {},
): RecordedTurn {
  const turn: Omit<RecordedTurn, 'ctx'> = { replies: [], personalChat: [], updates: [], refusals: [] };
  let posted = 0;
  const post = (cards: AdaptiveCard[]) => async (card: AdaptiveCard) => {
    cards.push(card);
    return { ...CONVERSATION, activityId: `activity-${++posted}` };
  };
  const ctx: FeatureContext = {
    language: 'sv',
    now: new Date('2026-11-24T10:00:00Z'),
    sender: { teamsUserId: asker.teamsUserId, aadObjectId: asker.aadObjectId, name: asker.name },
    asker: async () => asker,
    access: () => Access.of(SINGLE, asker),
    conversationKind: 'personal',
    conversation: CONVERSATION,
    ...overrides,
    reply: post(turn.replies),
    sendToPersonalChat: post(turn.personalChat),
    updateCardLater: async (where, card) => void turn.updates.push({ where, card }),
    refuse: (code, options) => {
      turn.refusals.push(code);
      return messageCard(options?.text ?? refusalText(messages(ctx.language), code), {
        backLabel: options?.backLabel,
        refusal: code,
      });
    },
  };
  return { ctx, ...turn };
}
