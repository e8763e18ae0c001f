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

/** The catalogues, each owning its keys (test/unit/messages.test.ts checks that no key is defined twice). */
export const CATALOGUES = [commands, common, due, approval, links, answer, filing, digest] as const;

const sv = {
  ...commands.sv,
  ...common.sv,
  ...due.sv,
  ...approval.sv,
  ...links.sv,
  ...answer.sv,
  ...filing.sv,
  ...digest.sv,
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
};

const tables: Record<Language, Messages> = { sv, en };

export function messages(language: Language): Messages {
  return tables[language];
}
