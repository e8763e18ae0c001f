/**
 * What the approver reads on the card: the förslag till beslut and the analysis as short excerpts, and the
 * whole answer in document order for "Visa hela svaret", all taken from the same model as the Word document.
 */
import type { Answer } from '../../domain/answer.js';
import { analysisHeading } from '../../domain/answerPhrasing.js';
import { remissvarModel } from '../../domain/documents/remissvarModel.js';
import type { Organisation } from '../../domain/organisation.js';
import type { Remiss } from '../../domain/remiss.js';

/** About six lines of a card at Teams' chat width. */
export const EXCERPT_CHARS = 420;

export interface ReadingPart {
  heading: string;
  text: string;
}

export interface ApproverReading {
  /** The förslag till beslut and the analysis (or an Avstår answer's reason), shortened. */
  excerpts: ReadingPart[];
  /** Every heading with its paragraphs, in document order. */
  full: ReadingPart[];
  meetingDate?: string;
  phone?: string;
}

export const emptyReading: ApproverReading = { excerpts: [], full: [] };

/** Cuts at a word boundary and marks the cut, so a shortened text never looks whole. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

export function approverReading(organisation: Organisation, remiss: Remiss, answer: Answer): ApproverReading {
  const model = remissvarModel({ organisation, remiss, answer, documentDate: remiss.dueDate });
  const full: ReadingPart[] = [];
  // The meta lines, title and signatures are on the card already or are the organisation's, not the answer.
  for (const block of model.blocks) {
    if (block.kind === 'heading') full.push({ heading: block.text, text: '' });
    else if (block.kind === 'paragraph') {
      if (full.length === 0) full.push({ heading: '', text: '' });
      const last = full[full.length - 1]!;
      last.text = last.text ? `${last.text}\n\n${block.text}` : block.text;
    }
  }
  // An answer opens with the förslag till beslut; an Avstår answer has only its reason.
  const wanted =
    answer.kind === 'answer' ? [full[0], full.find((p) => p.heading === analysisHeading(organisation))] : [full[0]];
  const excerpts = wanted
    .filter((p): p is ReadingPart => !!p && !!p.text)
    .map((p) => ({ heading: p.heading, text: shorten(p.text, EXCERPT_CHARS) }));
  return {
    excerpts,
    full,
    meetingDate: answer.details.meetingDate ?? remiss.meetingDate,
    phone: answer.details.handlaggarePhone || undefined,
  };
}
