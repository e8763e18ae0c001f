/** The "Remittera vidare" form: the units and groups to choose from, the internal svarsdatum and a message. */
import { renderCard } from '../../cards/cardTemplates.js';
import { dnrLine } from '../../cards/dnrLine.js';
import type { Language } from '../../domain/language.js';
import type { Remiss } from '../../domain/remiss.js';
import { messages } from '../../i18n/messages.js';
import type { AdaptiveCard } from '../featureContext.js';

/** What the form shows back: the choices, what was typed, the errors beside their fields, a warning to confirm. */
export interface ReferralFormState {
  choices: { title: string; value: string }[];
  /** The units already sent to, by name. */
  already: string;
  typed: { units: string; dueDate: string; message: string };
  errors?: { units?: string; dueDate?: string };
  /** A warning the sender confirms by pressing again ("Skicka ändå"). */
  warning?: string;
}

export function referralCard(remiss: Remiss, language: Language, state: ReferralFormState): AdaptiveCard {
  const t = messages(language);
  return renderCard('referral', {
    heading: t.referralTitle,
    dnr: remiss.dnr,
    title: remiss.title,
    dnrLine: dnrLine(remiss, language),
    guidance: t.referralGuidance,
    already: state.already,
    choices: state.choices,
    typed: state.typed,
    labels: {
      units: t.labelUnits,
      unitsPlaceholder: t.placeholderUnits,
      dueDate: t.labelUnitDueDate,
      message: t.labelReferralMessage,
    },
    errors: { units: state.errors?.units ?? '', dueDate: state.errors?.dueDate ?? '' },
    warning: state.warning ?? '',
    submit: state.warning ? t.referralSubmitAnyway : t.referralSubmit,
    // The date the warning was about: a changed date is checked again.
    confirm: state.warning ? state.typed.dueDate : '',
    backLabel: t.backToRemiss,
  });
}
