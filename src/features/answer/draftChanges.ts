/**
 * How a draft changes, as pure functions: a new draft for a remiss, a form step applied (its inputs parsed,
 * the navigation taken, the sections checked before the preview), and a submission as the history keeps it.
 */
import {
  emptySections,
  missingSections,
  SECTION_KEYS,
  type Answer,
  type AnswerDetails,
  type SectionKey,
} from '../../domain/answer.js';
import { suggestedBakgrund } from '../../domain/answerPhrasing.js';
import type { Draft, DraftSubmission } from '../../domain/draft.js';
import type { Language } from '../../domain/language.js';
import type { Organisation } from '../../domain/organisation.js';
import type { Remiss } from '../../domain/remiss.js';
import type { Asker } from '../featureContext.js';
import { todayIn, type CalendarDate } from '../../domain/calendar.js';
import { parseDetails, parseSectionText, type FieldErrors, type FormAction } from './formInput.js';
import { formSteps, meetingChoices } from './formSteps.js';
import { messages } from '../../i18n/messages.js';

/** A remiss with its draft, as read together (the eTag is the draft's). */
export type Loaded = { remiss: Remiss; draft: Draft; eTag: string };

/** Sent for approval or approved: the form is read-only until changes are requested. */
export function isLocked(draft: Draft): boolean {
  return !!(draft.approval?.awaitingVersion || draft.approval?.approvedVersion);
}

/** The date the document carries: frozen once sent for approval, else today. */
export function documentDate(draft: Draft, now: Date): CalendarDate {
  return draft.frozenDate ?? todayIn(now);
}

/** Input ids on the form card; anything else in the card data is ignored. */
const INPUT_IDS = ['name', 'email', 'phone', 'meeting', 'adjust', 'text', 'position', ...SECTION_KEYS] as const;

/** The input values a card sent, as text, for the draft's history. */
export function submittedFields(data: unknown): Record<string, string> {
  const input = (data ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const id of INPUT_IDS) {
    const v = input[id];
    if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') out[id] = String(v).slice(0, 25_000);
  }
  return out;
}

/** A step as it was submitted, kept in the draft's history whether it was applied or lost a race. */
export function submission(
  now: Date,
  action: FormAction,
  asker: Asker,
  fields: Record<string, string>,
  applied: boolean,
): DraftSubmission {
  const by = asker.aadObjectId ?? asker.teamsUserId;
  return {
    schemaVersion: 1 as const,
    dnr: action.dnr,
    at: now.toISOString(),
    by,
    basedOn: action.revision,
    step: action.step,
    applied,
    fields,
  };
}

/** A new draft for `remiss`, owned by the asker, its details filled from what is known of them. */
export function newDraft(
  org: Organisation,
  remiss: Remiss,
  asker: Asker,
  kind: Answer['kind'],
  phone: string | undefined,
  now: Date,
): Draft {
  const assigned = remiss.handlaggare;
  const details: AnswerDetails = {
    handlaggareName: asker.name ?? assigned?.name ?? '',
    handlaggareEmail: asker.email ?? asker.userPrincipalName ?? assigned?.email ?? '',
    handlaggarePhone: phone ?? assigned?.phone ?? '',
    meetingDate: remiss.meetingDate,
    adjustImmediately: false,
  };
  const answer: Answer =
    kind === 'avstar'
      ? { kind, details, reason: '' }
      : { kind, details, sections: { ...emptySections(), bakgrund: suggestedBakgrund(org, remiss) } };
  const at = now.toISOString();
  return {
    schemaVersion: 1,
    dnr: remiss.dnr,
    owner: {
      teamsUserId: asker.teamsUserId,
      aadObjectId: asker.aadObjectId,
      email: asker.email ?? asker.userPrincipalName,
      name: asker.name,
    },
    step: 1,
    revision: 0,
    answer,
    createdAt: at,
    updatedAt: at,
  };
}

/** The draft after this step's inputs and navigation, or the errors to show beside the fields. */
export function applyStep(
  org: Organisation,
  loaded: Loaded,
  action: FormAction,
  data: unknown,
  at: { language: Language; now: Date },
): { draft: Draft; missing: SectionKey[]; leftEmpty?: SectionKey } | { errors: FieldErrors } {
  const input = (data ?? {}) as Record<string, unknown>;
  const draft = loaded.draft;
  const steps = formSteps(draft.answer.kind, org, at.language);
  const step = steps[draft.step - 1];
  let answer: Answer = draft.answer;
  if (step?.kind === 'details') {
    const { value, errors } = parseDetails(input, meetingChoices(org, loaded.remiss), at.language);
    if (Object.keys(errors).length > 0) return { errors };
    const details: AnswerDetails = {
      handlaggareName: value.name,
      handlaggareEmail: value.email,
      handlaggarePhone: value.phone,
      meetingDate: value.meeting || undefined,
      adjustImmediately: org.kind !== 'bolag' && value.adjust,
    };
    answer = { ...answer, details };
  } else if (step?.kind === 'section' || step?.kind === 'avstar') {
    const { value, errors } = parseSectionText(input, 'text', at.language);
    if (Object.keys(errors).length > 0) return { errors };
    if (answer.kind === 'answer' && step.kind === 'section')
      answer = { ...answer, sections: { ...answer.sections, [step.key]: value } };
    if (answer.kind === 'avstar') answer = { ...answer, reason: value };
  }
  let target = navigationTarget(draft.step, action);
  target = Math.min(Math.max(target, 1), steps.length);
  // Leaving a required section empty forwards is asked about once; "Fortsätt ändå" (force) goes on.
  const leftEmpty =
    step?.kind === 'section' && !step.optional && answer.kind === 'answer' && target > draft.step && !action.force
      ? missingSections(answer.sections).find((k) => k === step.key)
      : undefined;
  // The preview is reached only with every required section written; until then the step stays.
  const missing =
    steps[target - 1]?.kind === 'preview' && answer.kind === 'answer' ? missingSections(answer.sections) : [];
  if (missing.length > 0 || leftEmpty) target = draft.step;
  return {
    draft: { ...draft, answer, step: target, revision: draft.revision + 1, updatedAt: at.now.toISOString() },
    missing: leftEmpty ? [] : missing,
    leftEmpty,
  };
}

/** Every section at once, as the writing dialog sends them; the step stays where it was. */
export function applySections(
  loaded: Loaded,
  data: unknown,
  at: { language: Language; now: Date },
): { draft: Draft; missing: SectionKey[] } | { errors: FieldErrors } {
  const input = (data ?? {}) as Record<string, unknown>;
  const draft = loaded.draft;
  if (draft.answer.kind !== 'answer') return { errors: { text: messages(at.language).errorInvalidSubmission } };
  const sections = { ...draft.answer.sections };
  let errors: FieldErrors = {};
  for (const key of SECTION_KEYS) {
    const parsed = parseSectionText(input, key, at.language);
    sections[key] = parsed.value;
    errors = { ...errors, ...parsed.errors };
  }
  if (Object.keys(errors).length > 0) return { errors };
  const answer = { ...draft.answer, sections };
  return {
    draft: { ...draft, answer, revision: draft.revision + 1, updatedAt: at.now.toISOString() },
    missing: missingSections(sections),
  };
}

function navigationTarget(current: number, action: FormAction): number {
  switch (action.nav) {
    case 'next':
      return current + 1;
    case 'prev':
      return current - 1;
    case 'goto':
      return action.to ?? current;
    case 'save':
      return current;
  }
}

/** An Avstår draft turned into a full answer: the details kept, a written reason becomes the summary. */
export function asFullAnswer(org: Organisation, remiss: Remiss, draft: Draft, now: Date): Draft {
  if (draft.answer.kind !== 'avstar') return draft;
  const sections = {
    ...emptySections(),
    bakgrund: suggestedBakgrund(org, remiss),
    sammanfattning: draft.answer.reason,
  };
  return {
    ...draft,
    answer: { kind: 'answer', details: draft.answer.details, sections },
    step: 1,
    revision: draft.revision + 1,
    updatedAt: now.toISOString(),
  };
}
