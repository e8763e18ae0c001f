/**
 * Every reason a card action or message is refused, with a stable code. The code is logged on every refusal
 * (event card.refused) and carried by the refusal card, so that support and tests see the cause; the person
 * sees the text of the message key, in their language.
 */
import type { Messages } from './messages.js';

export const REFUSALS = {
  /** The card's data did not match what the verb takes (an old card, or forged data). */
  INVALID_SUBMISSION: 'errorInvalidSubmission',
  /** No feature answers the verb. */
  UNKNOWN_VERB: 'invalidAction',
  /** The remiss named by the card or message is not in the register. */
  REMISS_NOT_FOUND: 'remissNotFound',
  /** The remiss belongs to an organisation the asker does not act in (and none that sees all). */
  OTHER_ORGANISATION: 'otherOrganisation',
  /** Fördelning by someone who is not a chef or registrator of the remiss's organisation. */
  NOT_DISTRIBUTOR: 'notDistributor',
  /** "Remittera vidare" by someone who is not a registrator, chef or the handläggare of the kansli's remiss. */
  REFERRAL_NOT_ALLOWED: 'notReferrer',
  /** "Lämna tillbaka" by someone other than the handläggare. */
  NOT_HANDLAGGARE: 'notHandlaggare',
  /** "Lämna tillbaka" while the handläggare has a draft answer (it would be left without an owner). */
  HAND_BACK_DRAFT: 'handBackDraftExists',
  /** Anstånd recorded by someone who is neither the handläggare nor a chef or registrator of its organisation. */
  EXTENSION_NOT_ALLOWED: 'notExtensionAllowed',
  /** An answer started for a remiss already answered or closed. */
  REMISS_CLOSED: 'remissClosed',
  /** An answer started by someone other than the handläggare the remiss is assigned to. */
  NOT_ASSIGNED: 'notAssigned',
  /** A button of a card whose remiss, draft or page no longer matches what is stored. */
  CARD_OUTDATED: 'invalidAction',
  /** The remiss has no draft answer (yet, or any longer). */
  DRAFT_NOT_FOUND: 'invalidAction',
  /** Someone other than the handläggare who started the draft pressed its button. */
  NOT_DRAFT_OWNER: 'invalidAction',
  /** Sent for approval with sections still empty (the preview hides the button, a forged card does not). */
  SECTIONS_MISSING: 'invalidAction',
  /** A unit's answer to a remiss the kansli sent on, sent for approval with no position chosen (issue 21). */
  POSITION_MISSING: 'positionMissing',
  /** The approval (or the version) the card names does not exist. */
  APPROVAL_NOT_FOUND: 'invalidAction',
  /** Someone other than the version's approver (or its sender, for a download) pressed its button. */
  NOT_THE_APPROVER: 'notTheApprover',
  /** A decision on a version that a newer one has replaced. */
  NOT_LATEST_VERSION: 'notLatestVersion',
  /** A second decision on a version already decided. */
  ALREADY_DECIDED: 'alreadyDecided',
  /** "Ångra" after its window closed, once filing began, or with data naming another decision (forged, old). */
  UNDO_EXPIRED: 'undoExpired',
  /** The version's Word document is no longer stored. */
  DOCUMENT_NOT_FOUND: 'invalidAction',
  /** "Registrerad" pressed while no registrator is configured. */
  NO_REGISTRATOR: 'invalidAction',
  /** "Registrerad" pressed outside the registrator's channel, or by someone who is not the registrator. */
  NOT_REGISTRATOR: 'notTheRegistrator',
  /** The filed version the card names has no filing record. */
  FILING_NOT_FOUND: 'invalidAction',
  /** The digest needs the person's e-mail, which Teams did not give. */
  EMAIL_UNKNOWN: 'digestNeedsEmail',
  /** "Mina remisser" asked by someone Teams gave no e-mail, UPN or object id for: whose remisser is unknown. */
  MINE_UNKNOWN_USER: 'mineUnknownUser',
  /** "Ny remiss" by someone who is no registrator or chef of the organisation the data names (or of any). */
  INTAKE_NOT_ALLOWED: 'intakeNotAllowed',
  /** A remiss registered with a diarienummer already in the register (or created by someone else meanwhile). */
  REMISS_EXISTS: 'invalidAction',
  /** A registration whose fields do not validate (a date, a length, a link, markup): shown beside the fields. */
  INTAKE_INVALID: 'intakeInvalid',
} as const satisfies Record<string, keyof Messages>;

export type RefusalCode = keyof typeof REFUSALS;

/** The catalogue's text; a message that takes arguments is given by the caller instead (ctx.refuse's text). */
export function refusalText(t: Messages, code: RefusalCode): string {
  const message = t[REFUSALS[code]];
  return typeof message === 'string' ? message : t.invalidAction;
}
