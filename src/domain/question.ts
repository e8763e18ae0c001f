/**
 * Questions in the officials' own words (issue 20): "annas försenade", "ofördelade remisser från Fi", "vilka
 * remisser ska vara klara före jul", "whats due next week". A small grammar over normalised words (chatText.ts):
 * every word must be understood, as a slot (whose, when, from whom, status, title words), a word that carries
 * nothing ("vilka", "remisser", "the"), or a person's name where a name can stand ("Annas", "har Anna"). Swedish
 * and English are read alike, and a word of five letters or more may have one typing slip (fuzzy.ts). Anything
 * else is not a question: the caller answers with help. Pure: the register, the asker and today's date are
 * applied later (features/due/querySelection.ts).
 */
import { normalise } from './chatText.js';
import { lookup } from './questionWords.js';

export type Whose = { kind: 'mine' } | { kind: 'unassigned' } | { kind: 'person'; name: string };
const MINE: Whose = { kind: 'mine' };

/** A day of a month ("15 januari"), or the month alone ("före januari"); the year when it was said. */
export interface DayOfYear {
  month: number;
  day?: number;
  year?: number;
}

export type When =
  | { kind: 'overdue' }
  | { kind: 'today' }
  | { kind: 'tomorrow' }
  | { kind: 'week'; which: 'this' | 'next' }
  | { kind: 'weekNumber'; week: number }
  | { kind: 'month'; month: number; year?: number }
  | { kind: 'calendarMonth'; which: 'this' | 'next' }
  | { kind: 'beforeChristmas' }
  | { kind: 'before' | 'by' | 'after'; date: DayOfYear };

export const QUERY_STATUSES = ['approval', 'ongoing', 'received', 'approved', 'answered'] as const;
export type QueryStatus = (typeof QUERY_STATUSES)[number];

export interface Query {
  whose?: Whose;
  when?: When;
  /** `when` is about klart senast ("ska vara klara före jul"), not the svarsdatum. */
  ready?: true;
  /** The remittent's name as typed ("finansdep", "fi"). */
  from?: string;
  status?: QueryStatus;
  /** Words of a title ("visa trygghetsprogrammet", "remisser om bostäder"). */
  titleWords?: string[];
}

/** Longer text is no question: it is answered with help, and never walked word by word. */
export const MAX_QUESTION_LENGTH = 200;
const MAX_WORDS = 24;
const MAX_NAME_WORDS = 6;

const isNameWord = (token: string | undefined): token is string =>
  !!token && /^\p{L}{2,}$/u.test(token) && !lookup(token);
const isGenitive = (token: string | undefined): token is string => isNameWord(token) && /.s$/.test(token);

/** What reading a word did: how many words it took (0: not understood), having set slots on the query. */
type Step = (tokens: readonly string[], i: number, q: Query) => number;

/** Sets a slot; the same slot said twice in two ways ("mina ofördelade") is not understood. */
function set<K extends 'whose' | 'when' | 'from' | 'status'>(q: Query, key: K, value: NonNullable<Query[K]>): boolean {
  if (q[key] !== undefined && JSON.stringify(q[key]) !== JSON.stringify(value)) return false;
  q[key] = value;
  return true;
}

const taken = (ok: boolean, n: number) => (ok ? n : 0);

/** "Annas", "Anna Lindqvists", "anna's": a person's remisser. */
const genitive: Step = (tokens, i, q) => {
  const [first, next] = [tokens[i], tokens[i + 1]];
  if (!isNameWord(first)) return 0;
  if (next === 's') return taken(set(q, 'whose', { kind: 'person', name: first }), 2);
  if (isGenitive(next)) return taken(set(q, 'whose', { kind: 'person', name: `${first} ${next.slice(0, -1)}` }), 2);
  return isGenitive(first) ? taken(set(q, 'whose', { kind: 'person', name: first.slice(0, -1) }), 1) : 0;
};

/** After "har", "hos", "för", "till", "has": a name of one or two words, "mig" (me), or nothing. */
const personAfter: Step = (tokens, i, q) => {
  const next = tokens[i + 1];
  if (next === 'mig' || (next === 'me' && tokens[i] === 'to')) return taken(set(q, 'whose', MINE), 2);
  if (!isNameWord(next)) return 1;
  const name = isNameWord(tokens[i + 2]) ? `${next} ${tokens[i + 2]}` : next;
  return taken(set(q, 'whose', { kind: 'person', name }), 1 + name.split(' ').length);
};

const number = (token: string | undefined, max: number): number | undefined =>
  token && /^\d{1,4}$/.test(token) && Number(token) >= 1 && Number(token) <= max ? Number(token) : undefined;
const year = (token: string | undefined) => {
  const y = number(token, 2100);
  return y !== undefined && y >= 2000 ? y : undefined;
};
const monthOf = (token: string | undefined) => {
  const word = lookup(token);
  return word?.t === 'month' ? word.month : undefined;
};
/** Days per month in a leap year: 29 February is a date in some years. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A date after "före", "senast", "efter": "15 januari", "january 15", "15/1", "2027-01-15", "januari 2027". */
function dateAt(tokens: readonly string[], i: number): { date: DayOfYear; used: number } | undefined {
  const [a, b, c] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  const valid = (date: DayOfYear, used: number) =>
    date.day === undefined || date.day <= DAYS_IN_MONTH[date.month - 1]! ? { date, used } : undefined;
  const withYear = (date: DayOfYear, used: number, y: number | undefined) =>
    valid(y === undefined ? date : { ...date, year: y }, y === undefined ? used : used + 1);
  const isoYear = year(a);
  if (isoYear !== undefined && number(b, 12) && number(c, 31))
    return valid({ year: isoYear, month: number(b, 12)!, day: number(c, 31)! }, 3);
  const day = number(a, 31);
  if (day !== undefined && monthOf(b)) return withYear({ month: monthOf(b)!, day }, 2, year(c));
  if (day !== undefined && number(b, 12)) return withYear({ month: number(b, 12)!, day }, 2, year(c));
  const month = monthOf(a);
  if (month && number(b, 31) && !year(b)) return withYear({ month, day: number(b, 31)! }, 2, year(c));
  if (month) return withYear({ month }, 1, year(b));
  return undefined;
}

/** "vecka 3", "v. 3", "v3", "week 3": the week's number, or undefined. */
function weekNumberAt(tokens: readonly string[], i: number): { week: number; used: number } | undefined {
  const glued = /^(?:v|w|vecka|week)(\d{1,2})$/.exec(tokens[i] ?? '');
  if (glued) return Number(glued[1]) >= 1 && Number(glued[1]) <= 53 ? { week: Number(glued[1]), used: 1 } : undefined;
  const word = lookup(tokens[i]);
  const week = number(tokens[i + 1], 53);
  return (word?.t === 'week' || word?.t === 'weekLetter') && week !== undefined ? { week, used: 2 } : undefined;
}

/** Words up to the next one that starts another slot ("från Finansdepartementet i januari"). */
function phraseAt(tokens: readonly string[], i: number): string[] {
  const phrase: string[] = [];
  for (let j = i; j < tokens.length && phrase.length < MAX_NAME_WORDS; j++) {
    const word = lookup(tokens[j]);
    if (word && (word.t !== 'filler' || ['i', 'med', 'som', 'in', 'with', 'that', 'due', 'och'].includes(tokens[j]!)))
      break;
    phrase.push(tokens[j]!);
  }
  return phrase;
}

const step: Step = (tokens, i, q) => {
  const token = tokens[i]!;
  const weekNumber = weekNumberAt(tokens, i);
  if (weekNumber) return taken(set(q, 'when', { kind: 'weekNumber', week: weekNumber.week }), weekNumber.used);
  // English "I have", "I need": the asker's own.
  if (token === 'i' && ['have', 'got', 'need'].includes(tokens[i + 1] ?? '')) return taken(set(q, 'whose', MINE), 2);
  const word = lookup(token);
  if (!word) return genitive(tokens, i, q);
  const next = lookup(tokens[i + 1]);
  switch (word.t) {
    case 'filler':
      return 1;
    case 'ready':
      q.ready = true;
      return 1;
    case 'whose':
      return taken(set(q, 'whose', word.whose), 1);
    case 'status':
      return taken(set(q, 'status', word.status), 1);
    case 'not': {
      // "ej fördelade", "utan handläggare", "inte är fördelade", "not assigned", "not yet assigned"
      const skip = ['ar', 'is', 'yet', 'annu'].includes(tokens[i + 1] ?? '') ? 1 : 0;
      const assigned = lookup(tokens[i + 1 + skip])?.t === 'assigned';
      return taken(assigned && set(q, 'whose', { kind: 'unassigned' }), 2 + skip);
    }
    case 'personBefore':
      return personAfter(tokens, i, q);
    case 'me':
      return 1;
    case 'overdue':
      return taken(set(q, 'when', { kind: 'overdue' }), 1);
    case 'today':
      return taken(set(q, 'when', { kind: 'today' }), 1);
    case 'tomorrow':
      return taken(set(q, 'when', { kind: 'tomorrow' }), 1);
    case 'dayWord':
    case 'morningWord':
      // "i dag", "i morgon": the word alone means nothing here.
      return taken(tokens[i - 1] === 'i' && set(q, 'when', { kind: word.t === 'dayWord' ? 'today' : 'tomorrow' }), 1);
    case 'week':
      return taken(set(q, 'when', { kind: 'week', which: 'this' }), 1);
    case 'calendarMonth':
      return taken(set(q, 'when', { kind: 'calendarMonth', which: 'this' }), 1);
    case 'relative':
      if (next?.t === 'week') return taken(set(q, 'when', { kind: 'week', which: word.which }), 2);
      if (next?.t === 'calendarMonth') return taken(set(q, 'when', { kind: 'calendarMonth', which: word.which }), 2);
      return 0;
    case 'month': {
      const y = year(tokens[i + 1]);
      const when: When =
        y === undefined ? { kind: 'month', month: word.month } : { kind: 'month', month: word.month, year: y };
      return taken(set(q, 'when', when), y === undefined ? 1 : 2);
    }
    case 'christmas':
      return taken(set(q, 'when', { kind: 'beforeChristmas' }), 1);
    case 'boundary': {
      if (next?.t === 'christmas')
        return taken(word.kind !== 'after' && set(q, 'when', { kind: 'beforeChristmas' }), 2);
      // "före den 15 januari", "by the 15th"
      const article = ['den', 'the'].includes(tokens[i + 1] ?? '') ? 1 : 0;
      const at = dateAt(tokens, i + 1 + article);
      return at ? taken(set(q, 'when', { kind: word.kind, date: at.date }), 1 + article + at.used) : 0;
    }
    case 'from': {
      const phrase = phraseAt(tokens, i + 1);
      return phrase.length ? taken(set(q, 'from', phrase.join(' ')), 1 + phrase.length) : 0;
    }
    case 'about': {
      const rest = tokens.slice(i + 1);
      if (!rest.length || q.titleWords) return 0;
      q.titleWords = rest;
      return 1 + rest.length;
    }
    case 'assigned':
      // "fördelade till Anna", "assigned to me": the next word names whose.
      return next?.t === 'personBefore' ? 1 : 0;
    case 'weekLetter':
      return 0;
  }
};

/** The query a message asks, or undefined when it is not a question this grammar reads (or says nothing). */
export function parseQuestion(text: string): Query | undefined {
  if (text.length > MAX_QUESTION_LENGTH) return undefined;
  const tokens = normalise(text).split(' ').filter(Boolean);
  if (tokens.length === 0 || tokens.length > MAX_WORDS) return undefined;
  const q: Query = {};
  for (let i = 0; i < tokens.length;) {
    const used = step(tokens, i, q);
    if (used === 0) return undefined;
    i += used;
  }
  const { whose, when, from, status, titleWords } = q;
  return whose || when || from || status || titleWords ? q : undefined;
}

/** "visa <ord ur titeln>": the words of a title to look for, or undefined when there are none. */
export function titleQuery(text: string): Query | undefined {
  const titleWords = normalise(text).split(' ').filter(Boolean).slice(0, MAX_WORDS);
  return text.length <= MAX_QUESTION_LENGTH && titleWords.length ? { titleWords } : undefined;
}
