/**
 * The guided answer form: start, save step by step, preview, download; the drafts and links it keeps. Every
 * answer store key is built here, from the prefixes its keyspaces declare.
 */
import { expiresAfter, keptKeys, type KeySpace } from '../../storage/keyspace.js';
import type { FeatureModule } from '../featureModule.js';
import type { AnswerDialog } from './answerDialog.js';
import type { AnswerRoutes } from './answerRoutes.js';

export const ANSWER_VERBS = {
  start: 'answer.start',
  avsta: 'answer.avsta',
  save: 'answer.save',
  download: 'answer.download',
  refresh: 'answer.refresh',
  switch: 'answer.switch',
  discard: 'answer.discard',
} as const;

/** The writing dialog (task module), by the name its opening button carries. */
export const WRITE_DIALOG = 'answer.write';

/** The store prefixes the answer owns, and the suffix of a profile (under users/, which other features share). */
export const ANSWER_PREFIXES = {
  /** drafts/<dnr>: the head of a remiss's draft. */
  drafts: 'drafts/',
  /** draft-history/<dnr>/<time>-<id>: each submission of a step. */
  history: 'draft-history/',
  /** The one record rewritten whenever any draft is created or changes step. */
  marker: 'markers/drafts',
  /** users/<Entra object id or Teams id>/profile: a handläggare's profile. */
  users: 'users/',
  profile: '/profile',
  /** downloads/<random id>: a stored download's bytes. */
  downloads: 'downloads/',
} as const;

/** The store keys of the answer's records, built from ANSWER_PREFIXES only. */
export const answerKeys = {
  marker: ANSWER_PREFIXES.marker,
  draft: (dnr: string): string => ANSWER_PREFIXES.drafts + dnr,
  history: (dnr: string): string => `${ANSWER_PREFIXES.history}${dnr}/`,
  profile: (userId: string): string => `${ANSWER_PREFIXES.users}${userId}${ANSWER_PREFIXES.profile}`,
  download: (id: string): string => `${ANSWER_PREFIXES.downloads}${id}`,
};

export const ANSWER_KEYS: KeySpace[] = [
  ...keptKeys('answer', {
    [ANSWER_PREFIXES.drafts]: 'the draft answer of each remiss',
    [ANSWER_PREFIXES.history]: 'every saved step, so that a lost race or a mistake can be traced and restored',
    [ANSWER_PREFIXES.marker]: 'when any draft last changed',
    [`${ANSWER_PREFIXES.users}*${ANSWER_PREFIXES.profile}`]:
      "the handläggare's name and title for the document's signature",
  }),
  {
    prefix: ANSWER_PREFIXES.downloads,
    owner: 'answer',
    retention: expiresAfter('expiresAt', 0),
    purpose: 'signed download links of draft documents, removed when they expire',
  },
];

export function answerModule(answer: AnswerRoutes, dialog: AnswerDialog): FeatureModule {
  return {
    name: 'answer',
    verbs: {
      [ANSWER_VERBS.start]: (ctx, data) => answer.startFromCard(ctx, data, 'answer'),
      [ANSWER_VERBS.avsta]: (ctx, data) => answer.startFromCard(ctx, data, 'avstar'),
      [ANSWER_VERBS.save]: (ctx, data) => answer.save(ctx, data),
      [ANSWER_VERBS.download]: (ctx, data) => answer.download(ctx, data),
      [ANSWER_VERBS.refresh]: (ctx, data) => answer.refresh(ctx, data),
      [ANSWER_VERBS.switch]: (ctx, data) => answer.switchToAnswer(ctx, data),
      [ANSWER_VERBS.discard]: (ctx, data) => answer.discard(ctx, data),
    },
    intents: { answer: (ctx, intent) => answer.startFromMessage(ctx, intent.dnr) },
    dialogs: { [WRITE_DIALOG]: dialog },
    keys: ANSWER_KEYS,
  };
}
