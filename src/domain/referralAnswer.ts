/**
 * The answer form's side of remittering vidare (issue 21), pure: a unit's answer carries its position in one
 * word; the kansli's answer starts from its units' answers (Ärendets beredning and Bilagor) and shows which are
 * still missing. The text the form generates is replaced by a newer suggestion without touching what the
 * handläggare wrote around it.
 */
import type { Answer } from './answer.js';
import type { CalendarDate } from './calendar.js';
import type { Organisation } from './organisation.js';
import {
  answerAttachmentLines,
  instansName,
  isAwaited,
  preparationParagraph,
  referredUnits,
  unitState,
  type UnitDocument,
  type UnitPosition,
  type UnitState,
} from './referral.js';
import type { Remiss } from './remiss.js';

/** The sections of the kansli's answer that its units' answers fill. */
export const REFERRAL_SECTIONS = ['arendet', 'bilagor'] as const;
export type ReferralSection = (typeof REFERRAL_SECTIONS)[number];

/** What the units' answers suggest for the kansli's Ärendet (a paragraph) and Bilagor (one line per answer). */
export type ReferralText = Record<ReferralSection, string>;

export type OrganisationOf = (id: string) => Organisation | undefined;

/** The position an answer gives the kansli: the one chosen, or avstår for an Avstå answer. */
export function answerPosition(answer: Answer): UnitPosition | undefined {
  return answer.kind === 'avstar' ? 'avstar' : answer.details.position;
}

/** A full answer to a remiss the kansli sent on, with no position chosen yet: it cannot be sent for approval. */
export function positionMissing(remiss: Pick<Remiss, 'referredBy'>, answer: Answer): boolean {
  return !!remiss.referredBy && answerPosition(answer) === undefined;
}

/**
 * The kansli's suggestion from its units, in the order they were sent to: "Ärendet har remitterats till X, Y och
 * Z. Y och Z har avstått från yttrande." and a Bilagor line for each answer that came back with a document (an
 * Avstå answer too: the unit's decision to avstå is its answer, filed like any other).
 * Undefined for a remiss not sent on. A unit no longer in the organisation files is left out.
 */
export function referralText(remiss: Remiss, organisationOf: OrganisationOf): ReferralText | undefined {
  const units = referredUnits(remiss);
  if (units.length === 0) return undefined;
  const known = units.flatMap((unit) => {
    const organisation = organisationOf(unit.organisation);
    return organisation ? [{ unit, organisation }] : [];
  });
  const avstod = known.filter(({ unit }) => unit.answer?.position === 'avstar');
  const documented = known.filter(({ unit }) => unit.answer?.document);
  return {
    arendet: preparationParagraph(
      known.map((k) => k.organisation),
      avstod.map((k) => k.organisation),
    ),
    bilagor: answerAttachmentLines(documented.map((k) => k.organisation)).join('\n'),
  };
}

/** Ärendet's parts are paragraphs (blank lines between), Bilagor's are lines. */
const SEPARATORS: Record<ReferralSection, { split: RegExp; join: string }> = {
  arendet: { split: /\n\s*\n/, join: '\n\n' },
  bilagor: { split: /\n/, join: '\n' },
};

/**
 * `current` with the generated text `previous` replaced by `next`: each part (paragraph or line) that is still
 * exactly a part of `previous` goes, and `next` takes the place of the first; a paragraph that begins with the
 * previous one (a sentence added after it) keeps the addition. When none is found (the handläggare rewrote or
 * removed it) `next` is added at the end. Nothing else the handläggare wrote is changed.
 */
export function replaceReferralText(current: string, previous: string, next: string, section: ReferralSection): string {
  const { split, join } = SEPARATORS[section];
  const parts = (text: string) => text.split(split).filter((p) => p.trim() !== '');
  const old = new Set(parts(previous).map((p) => p.trim()));
  const added = parts(next);
  const kept: string[] = [];
  let at = -1;
  for (const part of parts(current)) {
    const trimmed = part.trim();
    if (old.has(trimmed)) {
      if (at < 0) at = kept.length;
    } else if (section === 'arendet' && previous.trim() && at < 0 && trimmed.startsWith(previous.trim())) {
      at = kept.length;
      kept.push(`${added.join(join)}${trimmed.slice(previous.trim().length)}`.trim());
      added.length = 0;
    } else kept.push(part);
  }
  kept.splice(at < 0 ? kept.length : at, 0, ...added);
  return kept.join(join).trim();
}

/** One unit as the kansli's preview shows it. */
export interface UnitAnswerRow {
  name: string;
  state: UnitState;
  /** The unit's own svarsdatum (moved by an anstånd), else the one the kansli gave. */
  dueDate: CalendarDate;
  position?: UnitPosition;
  /** When its answer came back. */
  answeredAt?: string;
  document?: UnitDocument;
}

/** Each unit the remiss was sent on to, with its state from its own remiss (`own`, by the unit's dnr). */
export function unitAnswerRows(
  remiss: Remiss,
  own: (dnr: string) => Remiss | undefined,
  today: CalendarDate,
  organisationOf: OrganisationOf,
): UnitAnswerRow[] {
  return referredUnits(remiss).map((unit) => {
    const ownRemiss = own(unit.dnr);
    const organisation = organisationOf(unit.organisation);
    return {
      name: organisation ? instansName(organisation) : unit.organisation,
      state: unitState(unit, ownRemiss, today),
      dueDate: ownRemiss?.dueDate ?? unit.dueDate,
      ...(unit.answer && { position: unit.answer.position, answeredAt: unit.answer.at }),
      ...(unit.answer?.document && { document: unit.answer.document }),
    };
  });
}

/** The units whose answers are still awaited. */
export function missingAnswers(rows: readonly UnitAnswerRow[]): UnitAnswerRow[] {
  return rows.filter((row) => isAwaited(row.state));
}
