/**
 * The form card: its view model (every string already in the user's language, the inputs' current values,
 * errors beside their fields, the buttons for the step), and the form of a draft as its state shows it
 * (locked while with the approver, someone else's read-only, a request for changes on top).
 */
import type { Answer, SectionKey } from '../../domain/answer.js';
import type { CalendarDate } from '../../domain/calendar.js';
import type { Draft } from '../../domain/draft.js';
import { remissvarModel, type Block } from '../../domain/documents/remissvarModel.js';
import type { Language } from '../../domain/language.js';
import type { Organisation } from '../../domain/organisation.js';
import { openableLinks, type Remiss } from '../../domain/remiss.js';
import { formatLongDate } from '../../domain/swedishDates.js';
import { documentDate, isLocked } from './draftChanges.js';
import { messages } from '../../i18n/messages.js';
import { cardBytes, renderCard } from '../../cards/cardTemplates.js';
import { dnrLine } from '../../cards/dnrLine.js';
import type { AdaptiveCard } from '../featureContext.js';
import { NO_MEETING, type FieldErrors } from './formInput.js';
import { formSteps, meetingChoices, type FormStep } from './formSteps.js';
import { formWarnings } from './formWarnings.js';
import { referralCardData, type ReferralView } from './referralView.js';
import { positionMissing } from '../../domain/referralAnswer.js';
import { WRITE_DIALOG } from './index.js';

/** Teams refuses large cards; the bot keeps every card under this. */
export const MAX_CARD_BYTES = 80 * 1024;
const ELLIPSIS = '…';

export interface FormViewOptions {
  language: Language;
  documentDate: CalendarDate;
  notice?: { text: string; style: 'warning' | 'good' | 'attention' | 'accent' };
  /** Offers "Skicka för godkännande" on the preview. */
  canSendForApproval?: boolean;
  errors?: FieldErrors;
  /** Values to show instead of the draft's (an invalid submission is shown back as typed). */
  typed?: Record<string, string>;
  readOnly?: boolean;
  /** Read-only because it is with the approver (not because it is someone else's). */
  locked?: boolean;
  /** Offers "Fortsätt ändå" to the step the user was leaving for. */
  continueAnyway?: { to: number; force: true };
  link?: { url: string; title: string };
  /** A remiss sent on by the kansli, or the kansli's own that it sent on (issue 21). */
  referral?: ReferralView;
}

function previewBlock(
  block: Block,
): { text: string; weight: string; size: string; italic: boolean; spacing: string }[] {
  const plain = { weight: 'Default', size: 'Default', italic: false, spacing: 'Small' };
  switch (block.kind) {
    case 'meta':
      return [{ ...plain, text: block.text, size: 'Small', spacing: 'None' }];
    case 'title':
      return [{ ...plain, text: block.text, weight: 'Bolder', size: 'Large', spacing: 'Large' }];
    case 'subtitle':
      return [{ ...plain, text: block.text, weight: 'Bolder', spacing: 'Small' }];
    case 'heading':
      return [{ ...plain, text: block.text, weight: 'Bolder', size: 'Medium', spacing: 'Medium' }];
    case 'paragraph':
      return [{ ...plain, text: block.text }];
    case 'signature':
      return [
        { ...plain, text: block.name, spacing: 'Medium' },
        { ...plain, text: block.role, italic: true, spacing: 'None' },
      ];
  }
}

/** The remissinstanser on one line under the title, cut at about three lines of a card. */
function instanserLine(instanser: string, label: string): string {
  const line = `${label}: ${instanser.split('\n').join(', ')}`;
  return line.length <= 300 ? line : line.slice(0, 299).trimEnd() + ELLIPSIS;
}

/** Caps every paragraph at `cap` characters, ending a cut one with "…". */
function capBlocks(blocks: Block[], cap: number): { blocks: Block[]; cut: boolean } {
  let cut = false;
  const capped = blocks.map((b) => {
    if (b.kind !== 'paragraph' || b.text.length <= cap) return b;
    cut = true;
    return { ...b, text: b.text.slice(0, cap).trimEnd() + ELLIPSIS };
  });
  return { blocks: capped, cut };
}

function previewData(
  org: Organisation,
  remiss: Remiss,
  answer: Answer,
  documentDate: CalendarDate,
  render: (blocks: Block[], cut: boolean) => AdaptiveCard,
): AdaptiveCard {
  const model = remissvarModel({ organisation: org, remiss, answer, documentDate });
  let card = render(model.blocks, false);
  // Cut the longest paragraphs until the card fits; the document itself always has the full text.
  let cap = Math.max(...model.blocks.map((b) => (b.kind === 'paragraph' ? b.text.length : 0)));
  while (cardBytes(card) > MAX_CARD_BYTES && cap > 40) {
    cap = Math.floor(cap * 0.7);
    const { blocks, cut } = capBlocks(model.blocks, cap);
    card = render(blocks, cut);
  }
  return card;
}

export function formCard(org: Organisation, remiss: Remiss, draft: Draft, options: FormViewOptions): AdaptiveCard {
  const { language } = options;
  const t = messages(language);
  const steps = formSteps(draft.answer.kind, org, language);
  const stepIndex = Math.min(Math.max(draft.step, 1), steps.length);
  const step = steps[stepIndex - 1] as FormStep;
  const errors = options.errors ?? {};
  const typed = options.typed ?? {};
  const mode = options.readOnly ? 'readonly' : step.kind;
  const actionData = (nav: string, extra: object = {}) => ({
    dnr: draft.dnr,
    revision: draft.revision,
    step: stepIndex,
    nav,
    ...extra,
  });
  const buttons: { title: string; verb: string; data: object; style: string; inputs: string }[] = [];
  const button = (title: string, verb: string, data: object, style = 'default', inputs = 'auto') =>
    buttons.push({ title, verb, data, style, inputs });
  if (!options.readOnly) {
    // Every click saves, so there is no separate "Spara".
    if (stepIndex > 1) button(t.previous, 'answer.save', actionData('prev'));
    if (options.continueAnyway) button(t.continueAnyway, 'answer.save', actionData('goto', options.continueAnyway));
    if (step.kind === 'preview') {
      button(t.downloadDraft, 'answer.download', actionData('save'), 'default', 'none');
      if (options.canSendForApproval)
        button(t.sendForApproval, 'approval.compose', actionData('save'), 'positive', 'none');
    } else button(t.next, 'answer.save', actionData('next'), 'positive');
    if (step.kind === 'avstar') {
      button(t.switchToAnswer, 'answer.switch', actionData('save'), 'default', 'none');
      button(t.discardDraft, 'answer.discard', actionData('save'), 'destructive', 'none');
    }
  }
  const stepList = options.readOnly
    ? []
    : steps.map((s, i) => ({
        title: `${stepMark(s, draft)}${s.title}`,
        data: actionData('goto', { to: i + 1 }),
        // The step shown is in bold; every row, this one too, saves and goes to its step.
        weight: i + 1 === stepIndex ? 'Bolder' : 'Default',
      }));
  const ownerName = draft.owner.name ?? draft.owner.email ?? draft.answer.details.handlaggareName;
  const required = step.kind === 'section' && !step.optional && !options.readOnly;

  const d = draft.answer.details;
  const sectionValue = (): string => {
    if ('text' in typed) return typed.text ?? '';
    if (step.kind === 'section' && draft.answer.kind === 'answer') return draft.answer.sections[step.key];
    if (step.kind === 'avstar' && draft.answer.kind === 'avstar') return draft.answer.reason;
    return '';
  };
  const base = {
    title: remiss.title,
    dnrLine: dnrLine(remiss, language),
    instanserLine: remiss.instanser ? instanserLine(remiss.instanser, t.fieldInstanser) : '',
    remissLinks: openableLinks(remiss).map((l) => ({ title: t.openLink[l.kind], url: l.url })),
    // Someone else's draft is not a step of theirs: whose it is, and no writing guidance.
    progress: options.readOnly
      ? options.locked
        ? t.awaitingApprovalTitle
        : t.readOnlyHeader(ownerName)
      : t.stepLine(stepIndex, steps.length, step.title),
    guidance: options.readOnly ? (options.locked ? '' : t.noticeReadOnly(ownerName)) : step.guidance,
    required: required ? t.requiredSection : '',
    stepListLabel: t.stepListLabel,
    steps: stepList,
    backLabel: t.back,
    // The writing dialog, from a section step (Teams reads `msteams` and opens it with task/fetch).
    dialogLabel: step.kind === 'section' && !options.readOnly ? t.dialogOpen : '',
    dialogData: { msteams: { type: 'task/fetch' }, dialog: WRITE_DIALOG, dnr: draft.dnr, revision: draft.revision },
    notice: options.notice?.text ?? '',
    noticeStyle: options.notice?.style ?? 'default',
    warnings: options.readOnly ? [] : formWarnings(org, remiss, draft.answer, step, typed.meeting, language),
    referral: referralCardData(draft, step, options, typed.position),
    mode,
    details: {
      labels: {
        name: t.labelName,
        email: t.labelEmail,
        phone: t.labelPhone,
        meeting: t.labelMeeting(true),
        adjust: t.labelAdjust,
        adjustTitle: t.titleAdjust,
      },
      name: typed.name ?? d.handlaggareName,
      email: typed.email ?? d.handlaggareEmail,
      phone: typed.phone ?? d.handlaggarePhone,
      meeting: typed.meeting || d.meetingDate || NO_MEETING,
      adjust: String(typed.adjust ?? d.adjustImmediately),
      showAdjust: org.kind !== 'bolag',
      meetingChoices: [
        { title: t.noMeeting, value: NO_MEETING },
        ...meetingChoices(org, remiss).map((m) => ({ title: formatLongDate(m, language), value: m })),
      ],
      errors: {
        name: errors.name ?? '',
        email: errors.email ?? '',
        phone: errors.phone ?? '',
        meeting: errors.meeting ?? '',
      },
    },
    section: {
      label: step.kind === 'section' ? t.labelSection(step.title, step.optional) : t.labelReason,
      value: sectionValue(),
      error: errors.text ?? '',
      hint: t.blankLineHint,
    },
    buttons,
    link: options.link?.url ?? '',
    linkTitle: options.link?.title ?? '',
    refreshData: { dnr: draft.dnr },
    refreshUserIds: [draft.owner.teamsUserId],
  };
  const render = (blocks: Block[], cut: boolean) =>
    renderCard('answer-form', { ...base, blocks: blocks.flatMap(previewBlock), cutNote: cut ? t.previewCut : '' });
  if (mode === 'preview' || mode === 'readonly')
    return previewData(org, remiss, draft.answer, options.documentDate, render);
  return render([], false);
}

/** ✓ for a filled step, ⚠ for a required one still empty; nothing for the optional and the preview. */
function stepMark(step: FormStep, draft: Draft): string {
  const answer = draft.answer;
  const filled =
    step.kind === 'details'
      ? !!(answer.details.handlaggareName && answer.details.handlaggareEmail)
      : step.kind === 'section' && answer.kind === 'answer'
        ? answer.sections[step.key].trim() !== ''
        : step.kind === 'avstar' && answer.kind === 'avstar'
          ? answer.reason.trim() !== ''
          : undefined;
  if (filled) return '✓ ';
  if (filled === false && step.kind === 'section' && !step.optional) return '⚠ ';
  return '';
}

/** What a form card shows besides the draft itself. */
export type FormShown = Omit<FormViewOptions, 'language' | 'documentDate' | 'canSendForApproval'>;
type Notice = NonNullable<FormViewOptions['notice']>;

/** Sent for approval (or approved): the form is shown read-only until changes are requested. */
export function lockedForm(language: Language): FormShown {
  return { readOnly: true, locked: true, notice: { text: messages(language).editingClosed, style: 'accent' } };
}

/** Someone else's draft: shown read-only, its header saying whose it is. */
export const READ_ONLY: FormShown = { readOnly: true };

/** The notice naming the required sections still empty, by their titles on the form. */
export function missingSectionsNotice(org: Organisation, missing: SectionKey[], language: Language): Notice {
  const steps = formSteps('answer', org, language);
  const names = missing.map((k) => steps.find((s) => s.kind === 'section' && s.key === k)?.title ?? k).join(', ');
  return { text: messages(language).errorMissingSections(names), style: 'attention' };
}

/** The form of a draft as it stands: locked while with the approver, a request for changes at the top. */
export function draftFormCard(
  org: Organisation,
  loaded: { remiss: Remiss; draft: Draft },
  shown: FormShown,
  language: Language,
  now: Date,
): AdaptiveCard {
  const { remiss, draft } = loaded;
  const locked = isLocked(draft);
  // A request for changes stays at the top of the form until the next version is sent.
  const changes = draft.approval?.changesRequested;
  const notice =
    shown.notice ??
    (locked
      ? lockedForm(language).notice
      : changes
        ? { text: messages(language).changesRequestedNotice(changes.by, changes.comment), style: 'warning' as const }
        : undefined);
  return formCard(org, remiss, draft, {
    ...shown,
    readOnly: shown.readOnly || locked,
    locked: shown.locked || (locked && !shown.readOnly),
    notice,
    canSendForApproval: !locked && !positionMissing(remiss, draft.answer),
    language,
    documentDate: documentDate(draft, now),
  });
}
