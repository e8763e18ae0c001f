/**
 * Sending an answer for approval: each send freezes the draft as a numbered version with its exact .docx
 * bytes (by hash), and a decision applies only to the version it was asked for.
 */
import type { CalendarDate } from './calendar.js';
import type { PostedMessage } from './draft.js';

export interface ApprovalParty {
  name?: string;
  email?: string;
  aadObjectId?: string;
  teamsUserId?: string;
}

export interface ApprovalDecision {
  kind: 'approved' | 'changesRequested';
  by: ApprovalParty;
  at: string;
  comment?: string;
}

export interface ApprovalVersion {
  version: number;
  /** sha256 of the stored .docx: what the approver saw is what will be filed. */
  hash: string;
  documentDate: CalendarDate;
  sentAt: string;
  sentBy: ApprovalParty;
  approver: ApprovalParty;
  message: string;
  decision?: ApprovalDecision;
  /** Where the approver's card was posted, once delivered. */
  approverCard?: PostedMessage;
  /** Set when filing starts on an approved version: from then on the decision cannot be undone. */
  filingClaimedAt?: string;
  /** Set once the handläggare has been told the approver cannot be reached yet. */
  unreachableToldAt?: string;
}

export interface ApprovalRecord {
  schemaVersion: 1;
  dnr: string;
  versions: ApprovalVersion[];
}

export function latestVersion(record: ApprovalRecord | undefined): ApprovalVersion | undefined {
  return record?.versions.at(-1);
}

/** Whether `who` is the stored approver: by Entra object id when both have one, else by e-mail. */
export function isApprover(
  version: ApprovalVersion,
  who: { aadObjectId?: string; email?: string; userPrincipalName?: string },
): boolean {
  const a = version.approver;
  if (a.aadObjectId && who.aadObjectId) return a.aadObjectId === who.aadObjectId;
  const mail = a.email?.toLowerCase();
  return !!mail && [who.email, who.userPrincipalName].some((m) => m?.toLowerCase() === mail);
}
