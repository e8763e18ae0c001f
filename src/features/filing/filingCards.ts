/** The registrator's card, from a filed version's data: plain functions, no dependencies. */
import { renderCard } from '../../cards/cardTemplates.js';
import type { Language } from '../../domain/language.js';
import type { Remiss } from '../../domain/remiss.js';
import { formatLongDate } from '../../domain/swedishDates.js';
import { messages } from '../../i18n/messages.js';
import type { AdaptiveCard } from '../featureContext.js';
import type { FilingRecord } from './filingRecords.js';

/** The filed Word file and PDF to open, and the "Registrerad och skickad" button; `status` says who pressed it. */
export function registratorCard(
  language: Language,
  remiss: Remiss,
  record: Pick<FilingRecord, 'docx' | 'pdf'>,
  version: number,
  status: string,
): AdaptiveCard {
  const t = messages(language);
  return renderCard('registrator', {
    heading: t.registratorHeading,
    remissTitle: remiss.title,
    facts: [
      { label: t.fieldDnr, value: remiss.dnr },
      { label: t.fieldRemittent, value: remiss.remittent },
      { label: t.fieldDueDate, value: formatLongDate(remiss.dueDate, language) },
    ],
    status,
    docxLabel: t.openWord,
    docxUrl: record.docx?.url ?? '',
    pdfLabel: t.openPdf,
    pdfUrl: record.pdf?.url ?? '',
    registeredLabel: t.registeredButton,
    registeredData: { dnr: remiss.dnr, version },
  });
}
