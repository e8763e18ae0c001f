/**
 * The answer form for remisser sent on by the kansli (issue 21). A unit's form asks its position in one word on
 * the analysis step and will not reach the preview without it; the kansli's form starts Ärendet and Bilagor from
 * its units' answers and offers a newer suggestion when more answers have come. What the form shows of it is
 * built in referralView.ts.
 */
import { ANSWER_POSITIONS, type AnswerPosition } from '../../domain/referral.js';
import {
  positionMissing,
  REFERRAL_SECTIONS,
  referralText,
  replaceReferralText,
  type ReferralText,
} from '../../domain/referralAnswer.js';
import { todayIn } from '../../domain/calendar.js';
import type { Draft } from '../../domain/draft.js';
import type { Language } from '../../domain/language.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';
import type { Remiss } from '../../domain/remiss.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import type { applyStep, Loaded } from './draftChanges.js';
import type { FormAction } from './formInput.js';
import { formSteps, type FormStep } from './formSteps.js';
import type { ReferralView } from './referralView.js';
import { kansliName, readUnitAnswerRows } from '../referral/referralReading.js';

/** A step applied (draftChanges.ts), and whether it was kept from the preview for want of the unit's position. */
export type StepApplied = ReturnType<typeof applyStep> & { positionMissing?: boolean };

function isAnswerPosition(value: unknown): value is AnswerPosition {
  return (ANSWER_POSITIONS as readonly unknown[]).includes(value);
}

/**
 * The referral's part of a step, after the step's own fields: the unit's position chosen on the analysis step,
 * the units' newer suggestion written into Ärendet or Bilagor ("Uppdatera med enheternas svar", `action.referral`),
 * and a unit's answer on its way to the preview without a position led back to the analysis step.
 */
export function applyReferralStep(
  applied: StepApplied,
  loaded: Pick<Loaded, 'remiss' | 'draft'>,
  action: FormAction,
  data: unknown,
  steps: readonly FormStep[],
  suggestion: ReferralText | undefined,
): StepApplied {
  if ('errors' in applied || applied.draft.answer.kind !== 'answer') return applied;
  const answer = applied.draft.answer;
  const saved = steps[loaded.draft.step - 1];
  const savedKey = saved?.kind === 'section' ? saved.key : undefined;
  const input = (data ?? {}) as Record<string, unknown>;
  let { details, sections } = answer;
  let referral = applied.draft.referralText;
  if (loaded.remiss.referredBy && savedKey === 'analys' && typeof input.position === 'string')
    details = { ...details, position: isAnswerPosition(input.position) ? input.position : undefined };
  if (action.referral && suggestion && savedKey === action.referral) {
    const key = action.referral;
    sections = { ...sections, [key]: replaceReferralText(sections[key], referral?.[key] ?? '', suggestion[key], key) };
    referral = { ...(referral ?? { arendet: '', bilagor: '' }), [key]: suggestion[key] };
  }
  const draft: Draft = {
    ...applied.draft,
    answer: { ...answer, details, sections },
    ...(referral && { referralText: referral }),
  };
  if (steps[draft.step - 1]?.kind === 'preview' && positionMissing(loaded.remiss, draft.answer)) {
    const analys = steps.findIndex((s) => s.kind === 'section' && s.key === 'analys');
    return { ...applied, draft: { ...draft, step: analys + 1 }, positionMissing: true };
  }
  return { ...applied, draft };
}

export class ReferralForm {
  constructor(
    private readonly organisations: OrganisationDirectory,
    private readonly register: RemissRepository,
  ) {}

  private readonly organisationOf = (id: string) => this.organisations.byId(id);

  /** What the kansli's units' answers suggest now; undefined for a remiss not sent on. */
  suggestion(remiss: Remiss): ReferralText | undefined {
    return referralText(remiss, this.organisationOf);
  }

  /**
   * The kansli's full answer with an empty Ärendet or Bilagor started from its units (a new draft, or an Avstår
   * just made a full answer); a section already written is left to "Uppdatera med enheternas svar".
   */
  prefill(draft: Draft, remiss: Remiss): Draft {
    const suggestion = this.suggestion(remiss);
    if (!suggestion || draft.answer.kind !== 'answer') return draft;
    const sections = { ...draft.answer.sections };
    const written = { ...(draft.referralText ?? { arendet: '', bilagor: '' }) };
    for (const key of REFERRAL_SECTIONS)
      if (sections[key].trim() === '') [sections[key], written[key]] = [suggestion[key], suggestion[key]];
    return { ...draft, answer: { ...draft.answer, sections }, referralText: written };
  }

  /** applyReferralStep for the remiss's organisation and the suggestion as it stands. */
  apply(applied: StepApplied, loaded: Loaded, action: FormAction, data: unknown, language: Language): StepApplied {
    if (!loaded.remiss.referredBy && !loaded.remiss.referral) return applied;
    const steps = formSteps(loaded.draft.answer.kind, this.organisations.of(loaded.remiss), language);
    return applyReferralStep(applied, loaded, action, data, steps, this.suggestion(loaded.remiss));
  }

  /**
   * What the form shows of the referral: on a unit's remiss the kansli and its message; on the kansli's its units
   * (each with the state of its own remiss) and their suggestion. Undefined for every other remiss.
   */
  async view(remiss: Remiss, now: Date): Promise<ReferralView | undefined> {
    if (remiss.referredBy)
      return { referredBy: { kansli: kansliName(remiss, this.organisations), message: remiss.referredBy.message } };
    const suggestion = this.suggestion(remiss);
    if (!suggestion) return undefined;
    const rows = await readUnitAnswerRows(this.register, this.organisations, remiss, todayIn(now));
    return { units: rows, suggestion };
  }
}
