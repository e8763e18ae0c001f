/**
 * The approval feature's cards, as plain functions of data and language: the request to the approver, the
 * handläggare's status while the answer is with the approver, and the form that sends it.
 */
import { cardBytes, renderCard } from '../../cards/cardTemplates.js';
import { messageCard } from '../../cards/messageCard.js';
import { latestVersion, type ApprovalParty, type ApprovalRecord, type ApprovalVersion } from '../../domain/approval.js';
import type { Draft } from '../../domain/draft.js';
import type { Language } from '../../domain/language.js';
import type { Remiss } from '../../domain/remiss.js';
import { formatDateTime, formatLongDate } from '../../domain/swedishDates.js';
import { messages } from '../../i18n/messages.js';
import type { AdaptiveCard } from '../featureContext.js';
import { emptyReading, shorten, type ApproverReading, type ReadingPart } from './approvalReading.js';

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

function facts(language: Language, remiss: Remiss, v: ApprovalVersion, reading: ApproverReading = emptyReading) {
  const t = messages(language);
  // The sammanträde is the date a chef plans against; the phone is how they reach the handläggare quickly.
  const meeting = reading.meetingDate ?? remiss.meetingDate;
  return [
    { label: t.fieldDnr, value: remiss.dnr },
    { label: t.fieldRemittent, value: remiss.remittent },
    { label: t.fieldDueDate, value: formatLongDate(remiss.dueDate, language) },
    ...(meeting ? [{ label: t.fieldMeeting, value: formatLongDate(meeting, language) }] : []),
    { label: t.fieldVersion, value: String(v.version) },
    { label: t.fieldHandlaggare, value: who(v.sentBy) },
    ...(reading.phone ? [{ label: t.fieldPhone, value: reading.phone }] : []),
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
  /** Until when "Ångra" is offered on a decided card (approvalWorkflow's undo window). */
  undoUntil?: Date;
}

/** Teams refuses a card over 28 KB; the whole answer is cut to fit and the download keeps all of it. */
export const MAX_APPROVER_CARD_BYTES = 28 * 1024;

/**
 * The request in the approver's chat, with Godkänn / Begär ändringar until it is decided: the excerpts, the
 * whole answer behind "Visa hela svaret" (cut with a note where the card would grow past Teams' limit).
 */
export function approverCard(
  language: Language,
  remiss: Remiss,
  v: ApprovalVersion,
  reading: ApproverReading,
  extras: ApproverCardExtras = {},
): AdaptiveCard {
  let budget = MAX_APPROVER_CARD_BYTES;
  for (;;) {
    const full = fitText(reading.full, budget);
    const card = approverCardWith(language, remiss, v, reading, full, extras);
    const over = cardBytes(card) - MAX_APPROVER_CARD_BYTES;
    if (over <= 0 || budget <= 0) return card;
    budget = Math.max(0, budget - over - 256);
  }
}

/** The parts of the whole answer that fit in `budget` bytes of text, and whether any was cut. */
function fitText(parts: readonly ReadingPart[], budget: number): { parts: ReadingPart[]; cut: boolean } {
  const kept: ReadingPart[] = [];
  let left = budget;
  for (const p of parts) {
    const size = Buffer.byteLength(p.heading + p.text, 'utf8');
    if (size <= left) {
      kept.push(p);
      left -= size;
      continue;
    }
    const text = shorten(p.text, Math.floor(Math.max(0, left - Buffer.byteLength(p.heading)) / 2));
    if (left > 200) kept.push({ heading: p.heading, text });
    return { parts: kept, cut: true };
  }
  return { parts: kept, cut: false };
}

function approverCardWith(
  language: Language,
  remiss: Remiss,
  v: ApprovalVersion,
  reading: ApproverReading,
  full: { parts: ReadingPart[]; cut: boolean },
  extras: ApproverCardExtras,
): AdaptiveCard {
  const t = messages(language);
  const decided = !!v.decision;
  const { link, note, undoUntil } = extras;
  const undo = decided && undoUntil ? t.undoHint(formatDateTime(undoUntil, language)) : '';
  return renderCard('approval-request', {
    heading: t.approvalRequestTitle(who(v.sentBy)),
    remissTitle: remiss.title,
    facts: facts(language, remiss, v, reading),
    excerpts: reading.excerpts,
    showFullLabel: t.showFullAnswer,
    full: full.parts,
    fullCut: full.cut ? t.fullAnswerCut : '',
    status: decided ? [decisionText(language, v), note, undo].filter(Boolean).join(' ') : (extras.commentError ?? ''),
    statusStyle: decided ? (v.decision?.kind === 'approved' ? 'good' : 'warning') : 'attention',
    canDecide: !decided,
    approveLabel: t.approve,
    approveData: { dnr: remiss.dnr, version: v.version, decision: 'approve' },
    changesLabel: t.requestChanges,
    commentLabel: t.labelChangeComment,
    commentError: t.errorCommentRequired,
    sendChangesLabel: t.sendChangeRequest,
    changesData: { dnr: remiss.dnr, version: v.version, decision: 'changes' },
    undoLabel: undo ? t.undo : '',
    undoData: { dnr: remiss.dnr, version: v.version, decidedAt: v.decision?.at ?? '' },
    downloadLabel: t.downloadVersion(v.version),
    downloadData: { dnr: remiss.dnr, version: v.version },
    link: link?.url ?? '',
    linkLabel: link?.label ?? '',
    backLabel: '',
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
    excerpts: [],
    full: [],
    showFullLabel: '',
    fullCut: '',
    status: v.decision ? decisionText(language, v) : t.awaitingApproval(v.version, who(v.approver)),
    statusStyle: v.decision ? (v.decision.kind === 'approved' ? 'good' : 'warning') : 'accent',
    canDecide: false,
    ...Object.fromEntries(
      [
        'approveLabel',
        'changesLabel',
        'commentLabel',
        'commentError',
        'sendChangesLabel',
        'link',
        'linkLabel',
        'undoLabel',
      ].map((k) => [k, '']),
    ),
    approveData: {},
    undoData: {},
    changesData: {},
    downloadLabel: t.downloadVersion(v.version),
    downloadData: { dnr: remiss.dnr, version: v.version },
    // The form's message becomes this card: like every form, it leads back to the list.
    backLabel: t.back,
  });
}
