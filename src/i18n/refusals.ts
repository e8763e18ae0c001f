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
  /** The remiss named by the card is not in the register. */
  REMISS_NOT_FOUND: 'invalidAction',
  /** The remiss has no draft answer (yet, or any longer). */
  DRAFT_NOT_FOUND: 'invalidAction',
  /** Someone other than the handläggare who started the draft pressed its button. */
  NOT_DRAFT_OWNER: 'invalidAction',
  /** Sent for approval with sections still empty (the preview hides the button, a forged card does not). */
  SECTIONS_MISSING: 'invalidAction',
  /** The approval (or the version) the card names does not exist. */
  APPROVAL_NOT_FOUND: 'invalidAction',
  /** A decision by someone other than the version's approver. */
  NOT_APPROVER: 'invalidAction',
  /** The version's Word document is no longer stored. */
  DOCUMENT_NOT_FOUND: 'invalidAction',
  /** "Registrerad" pressed while no registrator is configured. */
  NO_REGISTRATOR: 'invalidAction',
  /** "Registrerad" pressed outside the registrator's channel, or by someone who is not the registrator. */
  NOT_REGISTRATOR: 'invalidAction',
  /** The filed version the card names has no filing record. */
  FILING_NOT_FOUND: 'invalidAction',
  /** The digest needs the person's e-mail, which Teams did not give. */
  EMAIL_UNKNOWN: 'digestNeedsEmail',
} as const satisfies Record<string, keyof Messages>;

export type RefusalCode = keyof typeof REFUSALS;

export function refusalText(t: Messages, code: RefusalCode): string {
  return t[REFUSALS[code]];
}
