/** The guided answer form: start, save step by step, preview, download; the drafts and links it keeps. */
import { expiresAfter, keptKeys, type KeySpace } from '../../storage/keyspace.js';
import type { FeatureModule } from '../featureModule.js';
import type { AnswerFeature } from './answerHandler.js';

export const ANSWER_VERBS = {
  start: 'answer.start',
  avsta: 'answer.avsta',
  save: 'answer.save',
  download: 'answer.download',
  refresh: 'answer.refresh',
} as const;

export const ANSWER_KEYS: KeySpace[] = [
  ...keptKeys('answer', {
    'drafts/': 'the draft answer of each remiss',
    'draft-history/': 'every saved step, so that a lost race or a mistake can be traced and restored',
    'markers/drafts': 'when any draft last changed',
    'users/*/profile': "the handläggare's name and title for the document's signature",
  }),
  {
    prefix: 'downloads/',
    owner: 'answer',
    retention: expiresAfter('expiresAt', 0),
    purpose: 'signed download links of draft documents, removed when they expire',
  },
];

export function answerModule(answer: AnswerFeature): FeatureModule {
  return {
    name: 'answer',
    verbs: {
      [ANSWER_VERBS.start]: (ctx, data) => answer.startFromCard(ctx, data, 'answer'),
      [ANSWER_VERBS.avsta]: (ctx, data) => answer.startFromCard(ctx, data, 'avstar'),
      [ANSWER_VERBS.save]: (ctx, data) => answer.save(ctx, data),
      [ANSWER_VERBS.download]: (ctx, data) => answer.download(ctx, data),
      [ANSWER_VERBS.refresh]: (ctx, data) => answer.refresh(ctx, data),
    },
    intents: { answer: (ctx, intent) => answer.startFromMessage(ctx, intent.dnr) },
    keys: ANSWER_KEYS,
  };
}
