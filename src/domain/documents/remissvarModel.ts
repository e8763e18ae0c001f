/**
 * The remissvar as an ordered list of typed blocks: the one source of truth for the Word document, the
 * card preview and the tests, so the three never disagree.
 */
import { splitParagraphs, type Answer } from '../answer.js';
import { analysisHeading, avstarSentence, proposalHeading, proposalParagraphs } from '../answerPhrasing.js';
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

export interface RemissvarModel {
  /** The first page's header: Dnr and the date (the page number is a field the builder adds). */
  header: { dnr: string; date: CalendarDate };
  blocks: Block[];
}

const paragraphs = (text: string): Block[] => splitParagraphs(text).map((p) => ({ kind: 'paragraph', text: p }));

function section(heading: string, text: string): Block[] {
  const body = paragraphs(text);
  return body.length > 0 ? [{ kind: 'heading', text: heading }, ...body] : [];
}

export function remissvarModel({ organisation: org, remiss, answer, documentDate }: RemissvarInput): RemissvarModel {
  const d = answer.details;
  const meta: Block[] = [];
  if (org.kind !== 'bolag') {
    meta.push({ kind: 'meta', text: org.name });
    if (org.unit) meta.push({ kind: 'meta', text: org.unit });
    meta.push({ kind: 'meta', text: 'Tjänsteutlåtande' });
  }
  meta.push({ kind: 'meta', text: `Handläggare: ${d.handlaggareName}` });
  if (d.handlaggarePhone) meta.push({ kind: 'meta', text: `Tel: ${d.handlaggarePhone}` });
  meta.push({ kind: 'meta', text: `E-post: ${d.handlaggareEmail}` });
  if (org.kind !== 'bolag') meta.push({ kind: 'meta', text: `Till ${org.board}` });

  const opening: Block[] = [
    ...meta,
    { kind: 'title', text: remiss.title },
    { kind: 'subtitle', text: 'Svar på remiss' },
  ];
  const header = { dnr: remiss.dnr, date: documentDate };

  if (answer.kind === 'avstar') {
    return {
      header,
      blocks: [...opening, { kind: 'paragraph', text: avstarSentence(org) }, ...paragraphs(answer.reason)],
    };
  }
  const s = answer.sections;
  return {
    header,
    blocks: [
      ...opening,
      { kind: 'heading', text: proposalHeading(org) },
      ...proposalParagraphs(org, remiss, d.meetingDate, d.adjustImmediately).map((text): Block => ({
        kind: 'paragraph',
        text,
      })),
      ...org.signatories.map((p): Block => ({ kind: 'signature', name: p.name, role: p.role })),
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
