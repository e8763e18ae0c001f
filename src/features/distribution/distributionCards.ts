/** The cards of fördelning, lämna tillbaka and anstånd: one template, a mode each, errors beside their fields. */
import type { Language } from '../../domain/language.js';
import type { Remiss } from '../../domain/remiss.js';
import { messages } from '../../i18n/messages.js';
import { renderCard } from '../../cards/cardTemplates.js';
import { dnrLine } from '../../cards/dnrLine.js';
import type { AdaptiveCard } from '../featureContext.js';
import { DISTRIBUTION_VERBS } from './index.js';

export type DistributionMode = 'assign' | 'handBack' | 'extension';
const ERROR_FIELDS = ['person', 'reason', 'requested', 'granted', 'agreedBy'] as const;
/** The inputs, shown back as typed when the form comes back with errors. */
const TYPED_FIELDS = [...ERROR_FIELDS, 'email', 'note'] as const;
export type FieldErrors = Partial<Record<(typeof ERROR_FIELDS)[number], string>>;

export interface DistributionFormState {
  /** The assign form's own choices: the organisation's handläggare, by e-mail. */
  choices?: { title: string; value: string }[];
  errors?: FieldErrors;
  /** What was typed, shown back with the errors. */
  typed?: Record<string, string>;
}

export function distributionCard(
  remiss: Remiss,
  mode: DistributionMode,
  language: Language,
  state: DistributionFormState = {},
): AdaptiveCard {
  const t = messages(language);
  const headings = { assign: t.assignTitle, handBack: t.handBackTitle, extension: t.extensionTitle };
  const submits = {
    assign: [t.assignSubmit, DISTRIBUTION_VERBS.assignSave],
    handBack: [t.handBackSubmit, DISTRIBUTION_VERBS.handBackSave],
    extension: ['', ''],
  } as const;
  const errors = state.errors ?? {};
  const typed = state.typed ?? {};
  return renderCard('distribution', {
    mode,
    dnr: remiss.dnr,
    heading: headings[mode],
    title: remiss.title,
    dnrLine: dnrLine(remiss, language),
    guidance: mode === 'extension' ? t.extensionGuidance : '',
    choices: state.choices ?? [],
    labels: {
      person: t.labelPerson,
      personPlaceholder: t.placeholderPerson,
      email: t.labelPersonEmail,
      reason: t.labelHandBackReason,
      requested: t.labelRequestedDate,
      note: t.labelExtensionNote,
      requestSubmit: t.requestSubmit,
      granted: t.labelGrantedDate,
      agreedBy: t.labelAgreedBy,
      grantSubmit: t.grantSubmit,
    },
    errors: Object.fromEntries(ERROR_FIELDS.map((f) => [f, errors[f] ?? ''])),
    typed: Object.fromEntries(TYPED_FIELDS.map((f) => [f, typed[f] ?? ''])),
    submit: submits[mode][0],
    submitVerb: submits[mode][1],
    backLabel: t.backToRemiss,
  });
}
