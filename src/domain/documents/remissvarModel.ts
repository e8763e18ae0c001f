/**
 * The remissvar as an ordered list of typed blocks: the one source of truth for the Word document, the
 * card preview and the tests, so the three never disagree.
 */
import { splitParagraphs, type Answer } from '../answer.js';
import {
  analysisHeading,
  avstarProposal,
  proposalHeading,
  proposalParagraphs,
  recipientLines,
} from '../answerPhrasing.js';
import type { CalendarDate } from '../calendar.js';
import type { Organisation } from '../organisation.js';
import type { Remiss } from '../remiss.js';

export type Block =
  | { kind: 'meta'; text: string }
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'signature'; name: string; role: string };

export interface RemissvarInput {
  organisation: Organisation;
  remiss: Remiss;
  answer: Answer;
  /** Today's date for a draft; frozen when the draft is sent for approval. */
  documentDate: CalendarDate;
}

/**
 * The first page's header, the same for every kind and for Avstår: the organisation on the left; on the right
 * the document kind, our Dnr, the remittent's dnr, the date (the page number is a field the builder adds).
 */
export interface DocumentHeader {
  organisation: string;
  unit?: string;
  documentKind: 'Tjänsteutlåtande';
  dnr: string;
  remittentDnr?: string;
  date: CalendarDate;
}

export interface RemissvarModel {
  header: DocumentHeader;
  blocks: Block[];
}

// A diarienummer reads as one word: its spaces do not break.
const unbroken = (dnr: string) => dnr.replace(/ /g, '\u00a0');

/** The header's right-hand block, line by line. */
export function headerRightLines(h: DocumentHeader): string[] {
  return [
    h.documentKind,
    `Dnr ${unbroken(h.dnr)}`,
    ...(h.remittentDnr ? [`Remittentens dnr ${unbroken(h.remittentDnr)}`] : []),
    h.date,
  ];
}

const paragraphs = (text: string): Block[] => splitParagraphs(text).map((p) => ({ kind: 'paragraph', text: p }));

function section(heading: string, text: string): Block[] {
  const body = paragraphs(text);
  return body.length > 0 ? [{ kind: 'heading', text: heading }, ...body] : [];
}

export function remissvarModel({ organisation: org, remiss, answer, documentDate }: RemissvarInput): RemissvarModel {
  const d = answer.details;
  // The sender and the recipient, under the header: who wrote it, to whom, for which meeting.
  const meta: Block[] = [{ kind: 'meta', text: `Handläggare: ${d.handlaggareName}` }];
  if (d.handlaggarePhone) meta.push({ kind: 'meta', text: `Tel: ${d.handlaggarePhone}` });
  meta.push({ kind: 'meta', text: `E-post: ${d.handlaggareEmail}` });
  for (const text of recipientLines(org, remiss, d.meetingDate ?? remiss.meetingDate))
    meta.push({ kind: 'meta', text });

  const opening: Block[] = [
    ...meta,
    { kind: 'title', text: remiss.title },
    { kind: 'subtitle', text: 'Svar på remiss' },
    { kind: 'heading', text: proposalHeading(org) },
  ];
  const header: DocumentHeader = {
    organisation: org.name,
    ...(org.unit ? { unit: org.unit } : {}),
    documentKind: 'Tjänsteutlåtande',
    dnr: remiss.dnr,
    ...(remiss.remittentDnr ? { remittentDnr: remiss.remittentDnr } : {}),
    date: documentDate,
  };
  const asParagraphs = (texts: string[]) => texts.map((text): Block => ({ kind: 'paragraph', text }));
  const signatures = org.signatories.map((p): Block => ({ kind: 'signature', name: p.name, role: p.role }));

  if (answer.kind === 'avstar') {
    return {
      header,
      blocks: [
        ...opening,
        ...asParagraphs(avstarProposal(org, d.adjustImmediately)),
        ...paragraphs(answer.reason),
        ...signatures,
      ],
    };
  }
  const s = answer.sections;
  return {
    header,
    blocks: [
      ...opening,
      ...asParagraphs(proposalParagraphs(org, remiss, d.meetingDate, d.adjustImmediately)),
      ...signatures,
      ...section('Sammanfattning', s.sammanfattning),
      ...section('Bakgrund', s.bakgrund),
      ...section('Ärendet', s.arendet),
      ...section(analysisHeading(org), s.analys),
      ...section('Bilagor', s.bilagor),
    ],
  };
}

/** Every paragraph's text in document order, as a reader (or a test reading the .docx) sees it. */
export function modelParagraphs(model: RemissvarModel): string[] {
  return model.blocks.flatMap((b) => (b.kind === 'signature' ? [b.name, b.role] : [b.text]));
}

/** "<dnr> Svar på remiss - <titel>.docx", with characters Windows, SharePoint and Teams refuse removed. */
export function remissvarFileName(dnr: string, title: string, extension = 'docx'): string {
  const safe = (s: string) =>
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/[/\\]/g, '-')
      .replace(/[:*?"<>|#%]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  let stem = `${safe(dnr)} Svar på remiss - ${safe(title)}`;
  if (stem.length > 180) stem = stem.slice(0, 180);
  stem = stem.replace(/[.\s]+$/, '').replace(/^[.\s]+/, '');
  return `${stem}.${extension}`;
}
