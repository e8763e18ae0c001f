/**
 * The words a question (question.ts) is read with, Swedish and English side by side, in normalised spelling
 * (å/ä → a, ö → o), each with what it says; a word of five letters or more is found with one typing slip.
 */
import { sameWord } from './fuzzy.js';
import type { QueryStatus, Whose } from './question.js';

export type Word =
  | { t: 'filler' | 'ready' | 'overdue' | 'today' | 'tomorrow' | 'christmas' | 'from' | 'about' | 'personBefore' }
  | { t: 'not' | 'assigned' | 'week' | 'calendarMonth' | 'weekLetter' | 'dayWord' | 'morningWord' | 'me' }
  | { t: 'whose'; whose: Whose }
  | { t: 'status'; status: QueryStatus }
  | { t: 'month'; month: number }
  | { t: 'relative'; which: 'this' | 'next' }
  | { t: 'boundary'; kind: 'before' | 'by' | 'after' };

const words = (list: string, word: Word): [string, Word][] => list.split(' ').map((w) => [w, word]);

const MONTH_WORDS: [string, Word][] = [
  'januari|january|jan',
  'februari|february|feb',
  'mars|march|mar',
  'april|apr',
  'maj|may',
  'juni|june|jun',
  'juli|july',
  'augusti|august|aug',
  'september|sep|sept',
  'oktober|october|okt|oct',
  'november|nov',
  'december|dec',
].flatMap((names, i) => words(names.replaceAll('|', ' '), { t: 'month', month: i + 1 }));

/** The lexicon, in normalised spelling (å/ä → a, ö → o). */
const LEXICON = new Map<string, Word>([
  ...words(
    'vilka vilken vilket vad visa lista se ge fa har finns nagra nagon alla allt remisser remiss remissen ' +
      'remisserna remisserna vi ska skall kommer som vara ar det de den denna detta dessa med svarsdatum ' +
      'svarsdatumet svarsdag sista datum besvaras besvara besvarat svara svar i pa och inom under nu just kan du ' +
      'tack snalla hej hallo att handlaggs handlagger what whats which show list me the are is there any all ' +
      'remisses referrals referral consultations do we have got need needs be that with due deadline deadlines ' +
      'in on of it a an please can you give get s hi hello answer annu yet',
    { t: 'filler' },
  ),
  ...words('klar klara klart fardig fardiga fardigt ready finished completed', { t: 'ready' }),
  ...words('mina min mitt jag my mine', { t: 'whose', whose: { kind: 'mine' } }),
  ...words('ofordelade ofordelad ofordelat unassigned', { t: 'whose', whose: { kind: 'unassigned' } }),
  ...words('ej inte utan not without no', { t: 'not' }),
  ...words('fordelade fordelad fordelat handlaggare assigned officer', { t: 'assigned' }),
  ...words('har hos av for till has does to', { t: 'personBefore' }),
  ...words('mig', { t: 'me' }),
  ...words('godkannande approval vantar awaiting pending waiting', { t: 'status', status: 'approval' }),
  ...words('pagaende pagar paborjade ongoing progress started arbete', { t: 'status', status: 'ongoing' }),
  ...words('inkomna inkommen inkomma nya received new incoming', { t: 'status', status: 'received' }),
  ...words('godkanda godkand godkant approved', { t: 'status', status: 'approved' }),
  ...words('besvarade besvarad avslutade avslutad answered closed', { t: 'status', status: 'answered' }),
  ...words('forsenade forsenad forsenat forsenad sena overdue late', { t: 'overdue' }),
  ...words('idag today', { t: 'today' }),
  ...words('imorgon tomorrow', { t: 'tomorrow' }),
  ...words('dag', { t: 'dayWord' }),
  ...words('morgon', { t: 'morningWord' }),
  ...words('vecka veckan week', { t: 'week' }),
  ...words('v w', { t: 'weekLetter' }),
  ...words('manad manaden month', { t: 'calendarMonth' }),
  ...words('nasta kommande next coming', { t: 'relative', which: 'next' }),
  ...words('this current', { t: 'relative', which: 'this' }),
  ...words('fore innan before', { t: 'boundary', kind: 'before' }),
  ...words('senast by until', { t: 'boundary', kind: 'by' }),
  ...words('efter after', { t: 'boundary', kind: 'after' }),
  ...words('jul julen julafton christmas xmas', { t: 'christmas' }),
  ...words('fran from', { t: 'from' }),
  ...words('om angaende ang about regarding titel titeln title', { t: 'about' }),
  ...MONTH_WORDS,
]);
const FUZZY_ENTRIES = [...LEXICON].filter(([w]) => w.length >= 5);

export function lookup(token: string | undefined): Word | undefined {
  if (token === undefined) return undefined;
  const exact = LEXICON.get(token);
  if (exact) return exact;
  return FUZZY_ENTRIES.find(([w]) => sameWord(token, w))?.[1];
}
