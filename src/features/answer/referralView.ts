/**
 * What the form card shows of remittering vidare (issue 21), as the card's `referral` data: on a unit's remiss
 * the kansli that sent it on (first step), the position to choose (analysis step) and the one chosen (preview);
 * on the kansli's remiss the newer suggestion from its units (Ärendet and Bilagor) and the units' answers with the
 * ones still missing (preview). Every field is always set, so the template's conditions never meet a missing one.
 */
import { capitalise } from '../../domain/answerPhrasing.js';
import type { Draft } from '../../domain/draft.js';
import { listText, type Language } from '../../domain/language.js';
import { ANSWER_POSITIONS } from '../../domain/referral.js';
import { answerPosition, missingAnswers, type ReferralText, type UnitAnswerRow } from '../../domain/referralAnswer.js';
import { isAwaited } from '../../domain/referral.js';
import { formatLongDate } from '../../domain/swedishDates.js';
import { messages } from '../../i18n/messages.js';
import { ANSWER_VERBS } from './index.js';
import type { FormStep } from './formSteps.js';

export interface ReferralView {
  /** A unit's remiss: the kansli that sent it on, by name, and what it wrote. */
  referredBy?: { kansli: string; message?: string };
  /** The kansli's remiss: each unit it was sent on to. */
  units?: UnitAnswerRow[];
  /** The kansli's remiss: what the units' answers suggest now for Ärendet and Bilagor. */
  suggestion?: ReferralText;
}

/** A filed answer's address becomes a link only when it is the archive's (https, or a file of the local one). */
function linkable(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'https:' || protocol === 'file:';
  } catch {
    return false;
  }
}

/** "Socialnämnden: tillstyrker", "Norrmalms stadsdelsnämnd: inte påbörjat, svarsdatum 15 januari 2027". */
function unitRows(rows: readonly UnitAnswerRow[], language: Language) {
  const t = messages(language);
  return rows.map((row) => {
    const state = row.position ? t.unitPositionLabels[row.position] : t.unitStateLabels[row.state];
    const status = isAwaited(row.state) ? t.formUnitAwaited(state, formatLongDate(row.dueDate, language)) : state;
    const url = row.document && linkable(row.document.url) ? row.document.url : '';
    return { text: t.formUnitRow(row.name, status), url, urlTitle: url ? t.formOpenUnitAnswer(row.name) : '' };
  });
}

/** The card's `referral` data for the step shown. */
export function referralCardData(
  draft: Draft,
  step: FormStep,
  options: { referral?: ReferralView; readOnly?: boolean; language: Language },
  typedPosition: string | undefined,
) {
  const view = options.referral;
  const shown = { readOnly: !!options.readOnly, language: options.language };
  const t = messages(shown.language);
  const writing = !shown.readOnly && draft.answer.kind === 'answer';
  const kansli = view?.referredBy?.kansli ?? '';
  const onSection = (key: string) => writing && step.kind === 'section' && step.key === key;
  const position = answerPosition(draft.answer);
  const suggestionKey = step.kind === 'section' && (step.key === 'arendet' || step.key === 'bilagor') ? step.key : '';
  const suggested = suggestionKey && view?.suggestion ? view.suggestion[suggestionKey] : undefined;
  const offered = writing && suggestionKey && suggested !== undefined && suggested !== prefilled(draft, suggestionKey);
  const onPreview = step.kind === 'preview' || shown.readOnly;
  return {
    intro: kansli && step.kind === 'details' && !shown.readOnly ? t.formReferredIntro(kansli) : '',
    messageLabel: kansli ? t.formReferredMessage(kansli) : '',
    message: kansli && step.kind === 'details' && !shown.readOnly ? (view?.referredBy?.message ?? '') : '',
    showPosition: !!kansli && onSection('analys'),
    positionLabel: t.formPositionLabel,
    positionHint: kansli ? t.formPositionHint(kansli) : '',
    positionValue: typedPosition ?? (draft.answer.kind === 'answer' ? (draft.answer.details.position ?? '') : ''),
    positionChoices: ANSWER_POSITIONS.map((p) => ({ title: capitalise(t.unitPositionLabels[p]), value: p })),
    previewPosition:
      kansli && onPreview && position ? t.formPreviewPosition(kansli, t.unitPositionLabels[position]) : '',
    unitsHeading: t.formUnitsHeading,
    units: onPreview && view?.units ? unitRows(view.units, shown.language) : [],
    warnings: step.kind === 'preview' && !shown.readOnly ? referralWarnings(draft, view, shown.language) : [],
    suggestionNote: offered ? t.formReferralChanged : '',
    suggestionText: offered ? (suggested ?? '') : '',
    updateLabel: t.formReferralUpdate,
    updateData: {
      dnr: draft.dnr,
      revision: draft.revision,
      step: draft.step,
      nav: 'save',
      referral: suggestionKey || undefined,
    },
    updateVerb: ANSWER_VERBS.save,
  };
}

/** What the form last wrote into the section from the units (nothing, for a draft started before they were asked). */
function prefilled(draft: Draft, key: keyof ReferralText): string {
  return draft.referralText?.[key] ?? '';
}

/** The preview's warnings: the units whose answers are still missing, and a unit's position not yet chosen. */
function referralWarnings(draft: Draft, view: ReferralView | undefined, language: Language): { text: string }[] {
  const t = messages(language);
  const warnings: string[] = [];
  const missing = missingAnswers(view?.units ?? []);
  if (missing.length > 0) {
    const names = missing.map((row) => t.formMissingUnit(row.name, formatLongDate(row.dueDate, language)));
    warnings.push(t.formAnswersMissing(listText(names, language)));
  }
  if (view?.referredBy && answerPosition(draft.answer) === undefined)
    warnings.push(t.formPositionMissing(view.referredBy.kansli));
  return warnings.map((text) => ({ text }));
}
