/**
 * The steps of the guided form. An answer has seven (Uppgifter, the five sections, Förhandsgranskning); an
 * Avstår answer has two (the reason, then the preview).
 */
import { OPTIONAL_SECTIONS, SECTION_KEYS, type Answer, type SectionKey } from '../../domain/answer.js';
import { analysisHeading } from '../../domain/answerPhrasing.js';
import type { CalendarDate } from '../../domain/calendar.js';
import type { Language } from '../../domain/language.js';
import type { Organisation } from '../../domain/organisation.js';
import type { Remiss } from '../../domain/remiss.js';
import { messages, type Messages } from '../../i18n/messages.js';

export type FormStep =
  | { kind: 'details'; title: string; guidance: string }
  | { kind: 'section'; key: SectionKey; title: string; optional: boolean; guidance: string }
  | { kind: 'avstar'; title: string; guidance: string }
  | { kind: 'preview'; title: string; guidance: string };

const SECTION_GUIDANCE: Record<SectionKey, keyof Messages> = {
  sammanfattning: 'guidanceSammanfattning',
  bakgrund: 'guidanceBakgrund',
  arendet: 'guidanceArendet',
  analys: 'guidanceAnalys',
  bilagor: 'guidanceBilagor',
};

/** Section titles are the document's own (Swedish) headings, whatever the chat language. */
export function sectionTitle(key: SectionKey, org: Organisation): string {
  const titles: Record<SectionKey, string> = {
    sammanfattning: 'Sammanfattning',
    bakgrund: 'Bakgrund',
    arendet: 'Ärendet',
    analys: analysisHeading(org),
    bilagor: 'Bilagor',
  };
  return titles[key];
}

export function formSteps(kind: Answer['kind'], org: Organisation, language: Language): FormStep[] {
  const t = messages(language);
  const preview: FormStep = { kind: 'preview', title: t.stepPreview, guidance: t.guidancePreview };
  if (kind === 'avstar') return [{ kind: 'avstar', title: t.stepAvstar, guidance: t.guidanceAvstar }, preview];
  return [
    { kind: 'details', title: t.stepDetails, guidance: t.guidanceDetails },
    ...SECTION_KEYS.map((key): FormStep => ({
      kind: 'section',
      key,
      title: sectionTitle(key, org),
      optional: OPTIONAL_SECTIONS.includes(key),
      guidance: t[SECTION_GUIDANCE[key]] as string,
    })),
    preview,
  ];
}

/** The meetings offered in step 1: the organisation's from the remiss's inkom date on, plus the record's own. */
export function meetingChoices(org: Organisation, remiss: Remiss): CalendarDate[] {
  const dates = new Set(org.meetings.filter((d) => d >= remiss.received));
  if (remiss.meetingDate) dates.add(remiss.meetingDate);
  return [...dates].sort();
}
