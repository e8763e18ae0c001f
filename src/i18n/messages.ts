/**
 * Every text a user sees in chat, in Swedish (the default) and English, gathered from one catalogue per feature
 * (src/i18n/*Texts.ts). All user-facing text lives in src/i18n. Notices sent to other people (an approver, the
 * registrator, the handläggare told of a decision) are always Swedish: they are written with messages('sv').
 * Documents are always Swedish and do not use this table.
 */
import type { Language } from '../domain/language.js';
import * as commands from './commandsTexts.js';
import * as common from './commonTexts.js';
import * as due from './dueTexts.js';
import * as approval from './approvalTexts.js';
import * as links from './linksTexts.js';
import * as answer from './answerTexts.js';
import * as filing from './filingTexts.js';
import * as digest from './digestTexts.js';
import * as distribution from './distributionTexts.js';
import * as question from './questionTexts.js';
import * as intake from './intakeTexts.js';
import * as referral from './referralTexts.js';

/** The catalogues, each owning its keys (test/unit/messages.test.ts checks that no key is defined twice). */
export const CATALOGUES = [
  commands,
  common,
  due,
  approval,
  links,
  answer,
  filing,
  digest,
  distribution,
  question,
  intake,
  referral,
] as const;

/** The keys a catalogue defines that an earlier one in the list already defines. */
type KeysDefinedTwice<Tables extends readonly unknown[], Seen extends PropertyKey = never> = Tables extends readonly [
  infer First,
  ...infer Rest,
]
  ? (keyof First & Seen) | KeysDefinedTwice<Rest, Seen | keyof First>
  : never;
type SwedishOf<Catalogues extends readonly { sv: object }[]> = { [I in keyof Catalogues]: Catalogues[I]['sv'] };
/**
 * Compiles only while no two catalogues define the same key; otherwise the error names the key ("Type '"back"'
 * does not satisfy the constraint 'never'"). English needs no check of its own: each en is typed by its sv.
 */
type NoKeyDefinedTwice<Twice extends never> = Twice;
type _EachKeyDefinedOnce = NoKeyDefinedTwice<KeysDefinedTwice<SwedishOf<typeof CATALOGUES>>>;

const sv = {
  ...commands.sv,
  ...common.sv,
  ...due.sv,
  ...approval.sv,
  ...links.sv,
  ...answer.sv,
  ...filing.sv,
  ...digest.sv,
  ...distribution.sv,
  ...question.sv,
  ...intake.sv,
  ...referral.sv,
};

export type Messages = typeof sv;

const en: Messages = {
  ...commands.en,
  ...common.en,
  ...due.en,
  ...approval.en,
  ...links.en,
  ...answer.en,
  ...filing.en,
  ...digest.en,
  ...distribution.en,
  ...question.en,
  ...intake.en,
  ...referral.en,
};

const tables: Record<Language, Messages> = { sv, en };

export function messages(language: Language): Messages {
  return tables[language];
}
