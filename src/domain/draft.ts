/**
 * A draft answer being written in the guided form. The head record holds the current text and step; every
 * submission (applied or not) is kept as a separate history record, so no text a user sent is ever lost.
 */
import type { Answer } from './answer.js';
import type { CalendarDate } from './calendar.js';
import type { ReferralText } from './referralAnswer.js';

export interface DraftOwner {
  teamsUserId: string;
  aadObjectId?: string;
  email?: string;
  name?: string;
}

/** A message the bot posted, as the domain keeps it: enough to update it later, from any instance. */
export interface PostedMessage {
  serviceUrl: string;
  channelId: string;
  conversationId: string;
  activityId: string;
  tenantId?: string;
  botId: string;
  userId?: string;
}

/** Where the form's card was posted, so it can be updated outside the turn (another device, a reload). */
export type FormMessage = PostedMessage;

/** The draft while a version is with the approver, and the last request for changes. */
export interface DraftApprovalState {
  /** The version awaiting a decision; editing is closed meanwhile. */
  awaitingVersion?: number;
  approvedVersion?: number;
  changesRequested?: { version: number; comment: string; by: string; at: string };
}

export interface Draft {
  schemaVersion: 1;
  dnr: string;
  owner: DraftOwner;
  /** The step the handläggare is on, 1-based. */
  step: number;
  /** Incremented on every applied save; a card carries the revision it showed. */
  revision: number;
  answer: Answer;
  /** Set when sent for approval (a later issue); until then the document date is today's. */
  frozenDate?: CalendarDate;
  formMessage?: FormMessage;
  approval?: DraftApprovalState;
  /**
   * The kansli's answer (issue 21): what the form last wrote into Ärendet and Bilagor from its units' answers, so
   * that a newer suggestion replaces that text and nothing else.
   */
  referralText?: ReferralText;
  createdAt: string;
  updatedAt: string;
}

export interface DraftSubmission {
  schemaVersion: 1;
  dnr: string;
  at: string;
  by: string;
  /** The revision the card showed. */
  basedOn: number;
  step: number;
  /** False when the submission came from an older copy of the form and was not applied. */
  applied: boolean;
  fields: Record<string, string>;
}

export function isDraftOwner(draft: Draft, who: { teamsUserId: string; aadObjectId?: string }): boolean {
  if (draft.owner.aadObjectId && who.aadObjectId) return draft.owner.aadObjectId === who.aadObjectId;
  return draft.owner.teamsUserId === who.teamsUserId;
}
