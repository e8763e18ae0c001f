/**
 * The registration card ("Ny remiss"): its view model, every string already in the reader's language, the inputs'
 * values as typed or read from a missive, each field's error beside it, and the card once the remiss is in.
 */
import { renderCard } from '../../cards/cardTemplates.js';
import type { Language } from '../../domain/language.js';
import type { RefusalCode } from '../../i18n/refusals.js';
import { messages } from '../../i18n/messages.js';
import type { AdaptiveCard } from '../featureContext.js';
import { INTAKE_FIELDS, type IntakeErrors, type IntakeField, type IntakeValues } from './registrationInput.js';

export interface IntakeNotice {
  text: string;
  style: 'good' | 'attention' | 'accent';
  /** Carried on the card, for support and tests, when the notice is a refusal. */
  refusal?: RefusalCode;
}

export interface IntakeViewOptions {
  language: Language;
  /** The organisation the remiss is registered for: its id goes back with the buttons, its name is shown. */
  organisation: { id: string; name: string };
  /** Whether to name the organisation (a deployment of several). */
  showOrganisation: boolean;
  values: IntakeValues;
  errors?: IntakeErrors;
  notice?: IntakeNotice;
  /** A remiss to offer "Visa" on: the one that exists already, or the one just registered. */
  show?: string;
  /** The remiss is registered: no more inputs. */
  saved?: boolean;
}

/** A notice's icon is in colour and its words in bold default colour: legible in both themes, never colour alone. */
const COLORS = { good: 'Good', attention: 'Attention', accent: 'Accent' } as const;
const ICONS = { good: '✓', attention: '⚠', accent: 'ℹ' } as const;

function labels(language: Language): Record<IntakeField, string> {
  const t = messages(language);
  return {
    diarienummer: t.intakeLabelDnr,
    remittentens_dnr: t.intakeLabelRemittentDnr,
    titel: t.intakeLabelTitle,
    remittent: t.intakeLabelRemittent,
    inkom: t.intakeLabelReceived,
    svarsdatum: t.intakeLabelDue,
    missiv: t.intakeLabelMissive,
    dokument: t.intakeLabelDocument,
    instanser: t.intakeLabelInstanser,
  };
}

/** The labels of the fields a missive filled, for "Ur missivet läste jag: …". */
export function fieldNames(fields: readonly IntakeField[], language: Language): string {
  const all = labels(language);
  return fields.map((f) => all[f].replace(/ \(.*\)$/, '').toLowerCase()).join(', ');
}

export function intakeView(o: IntakeViewOptions) {
  const t = messages(o.language);
  const label = labels(o.language);
  const errors = o.errors ?? {};
  const fields = Object.fromEntries(
    INTAKE_FIELDS.map((f) => [f, { label: label[f], value: o.values[f], error: errors[f] ?? '' }]),
  );
  return {
    title: t.intakeTitle,
    scopeLine: o.showOrganisation ? t.intakeFor(o.organisation.name) : '',
    notice: o.notice?.text ?? '',
    noticeColor: COLORS[o.notice?.style ?? 'accent'],
    noticeIcon: ICONS[o.notice?.style ?? 'accent'],
    noticeId: o.notice?.refusal ? `refusal-${o.notice.refusal}` : '',
    showForm: !o.saved,
    intro: t.intakeIntro,
    pasteLabel: t.intakePasteLabel,
    pastePlaceholder: t.intakePastePlaceholder,
    readLabel: t.intakeReadButton,
    linkPlaceholder: t.intakeLinkPlaceholder,
    fields,
    saveLabel: t.intakeSave,
    actionData: { organisation: o.organisation.id },
    showDnr: o.show ?? '',
    showLabel: t.intakeShow,
    anotherLabel: t.intakeAnother,
    backLabel: t.back,
  };
}

export function intakeCard(options: IntakeViewOptions): AdaptiveCard {
  return renderCard('remiss-intake', intakeView(options));
}
