/**
 * The approval feature's cards, as plain functions of data and language: the request to the approver, the
 * handläggare's status while the answer is with the approver, and the form that sends it.
 */
import { renderCard } from '../../cards/cardTemplates.js';
import { messageCard } from '../../cards/messageCard.js';
import { latestVersion, type ApprovalParty, type ApprovalRecord, type ApprovalVersion } from '../../domain/approval.js';
import type { Draft } from '../../domain/draft.js';
import type { Language } from '../../domain/language.js';
import type { Remiss } from '../../domain/remiss.js';
import { formatDateTime, formatLongDate } from '../../domain/swedishDates.js';
import { messages } from '../../i18n/messages.js';
import type { AdaptiveCard } from '../featureContext.js';

/** How a party is named on cards and in history: name, else e-mail, else the object id. */
export function who(p: ApprovalParty): string {
  return p.name ?? p.email ?? p.aadObjectId ?? '';
}

export function decisionText(language: Language, v: ApprovalVersion): string {
  const t = messages(language);
  const d = v.decision;
  if (!d) return '';
  const at = formatDateTime(new Date(d.at), language);
  return d.kind === 'approved'
    ? t.decidedApproved(who(d.by), at)
    : `${t.decidedChanges(who(d.by), at)}: ${d.comment ?? ''}`;
}

function facts(language: Language, remiss: Remiss, v: ApprovalVersion) {
  const t = messages(language);
  return [
    { label: t.fieldDnr, value: remiss.dnr },
    { label: t.fieldRemittent, value: remiss.remittent },
    { label: t.fieldDueDate, value: formatLongDate(remiss.dueDate, language) },
    { label: t.fieldVersion, value: String(v.version) },
    { label: t.fieldHandlaggare, value: who(v.sentBy) },
    ...(v.message ? [{ label: t.approvalMessageLabel, value: v.message }] : []),
  ];
}

export interface ComposeCardData {
  remiss: Remiss;
  draft: Draft;
  /** The organisation's approvers to choose from, and the remiss's (or organisation's) default. */
  approvers: readonly { name: string; email: string }[];
  defaultApprover: string;
  approverValue: string;
  message: string;
  error: string;
}

/** "Skicka för godkännande": choose the approver and write a message. */
export function composeCard(language: Language, d: ComposeCardData): AdaptiveCard {
  const t = messages(language);
  const choices = d.approvers.map((a) => ({ title: `${a.name} (${a.email})`, value: a.email }));
  const fallback = d.defaultApprover;
  if (fallback && !choices.some((c) => c.value.toLowerCase() === fallback.toLowerCase()))
    choices.unshift({ title: fallback, value: fallback });
  return renderCard('approval-compose', {
    remissTitle: d.remiss.title,
    title: t.approvalComposeTitle,
    intro: t.approvalComposeIntro,
    approverLabel: t.labelApprover,
    approverValue: d.approverValue || fallback,
    approvers: choices,
    approverError: d.error,
    messageLabel: t.labelApprovalMessage,
    messageValue: d.message,
    sendLabel: t.send,
    sendData: { dnr: d.draft.dnr, revision: d.draft.revision },
    backLabel: t.backToForm,
    backData: { dnr: d.draft.dnr },
  });
}

/** What the approver's card can show besides the request: a comment error, a link, a note after filing. */
export interface ApproverCardExtras {
  commentError?: string;
  link?: { url: string; label: string };
  note?: string;
}

/** The request in the approver's chat, with Godkänn / Begär ändringar until it is decided. */
export function approverCard(
  language: Language,
  remiss: Remiss,
  v: ApprovalVersion,
  summary: string,
  extras: ApproverCardExtras = {},
): AdaptiveCard {
  const t = messages(language);
  const decided = !!v.decision;
  const { link, note } = extras;
  return renderCard('approval-request', {
    heading: t.approvalRequestTitle(who(v.sentBy)),
    remissTitle: remiss.title,
    facts: facts(language, remiss, v),
    summary,
    status: decided ? [decisionText(language, v), note].filter(Boolean).join(' ') : (extras.commentError ?? ''),
    statusStyle: decided ? (v.decision?.kind === 'approved' ? 'good' : 'warning') : 'attention',
    canDecide: !decided,
    approveLabel: t.approve,
    approveData: { dnr: remiss.dnr, version: v.version, decision: 'approve' },
    changesLabel: t.requestChanges,
    commentLabel: t.labelChangeComment,
    commentError: t.errorCommentRequired,
    sendChangesLabel: t.sendChangeRequest,
    changesData: { dnr: remiss.dnr, version: v.version, decision: 'changes' },
    downloadLabel: t.downloadVersion(v.version),
    downloadData: { dnr: remiss.dnr, version: v.version },
    link: link?.url ?? '',
    linkLabel: link?.label ?? '',
  });
}

/** What the handläggare's form message shows while the answer is with the approver, and after. */
export function requesterStatusCard(language: Language, remiss: Remiss, record: ApprovalRecord | undefined) {
  const t = messages(language);
  const v = latestVersion(record);
  if (!v) return messageCard(t.editingClosed);
  // The request's template without its buttons: the handläggare follows, the approver decides.
  return renderCard('approval-request', {
    heading: v.decision ? t.sentForApprovalTitle : t.awaitingApprovalTitle,
    remissTitle: remiss.title,
    facts: facts(language, remiss, v),
    summary: '',
    status: v.decision ? decisionText(language, v) : t.awaitingApproval(v.version, who(v.approver)),
    statusStyle: v.decision ? (v.decision.kind === 'approved' ? 'good' : 'warning') : 'accent',
    canDecide: false,
    ...Object.fromEntries(
      ['approveLabel', 'changesLabel', 'commentLabel', 'commentError', 'sendChangesLabel', 'link', 'linkLabel'].map(
        (k) => [k, ''],
      ),
    ),
    approveData: {},
    changesData: {},
    downloadLabel: t.downloadVersion(v.version),
    downloadData: { dnr: remiss.dnr, version: v.version },
  });
}
