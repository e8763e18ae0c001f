/**
 * What a chat message asks for. Matching tolerates case, punctuation, extra spaces, a leading @mention and
 * missing å/ä/ö: text is normalised first, then compared with a table of phrases; what no phrase or command
 * names may be a question in the user's own words (question.ts).
 */
import { foldSwedish, normalise, stripMention } from './chatText.js';
import type { Language } from './language.js';
import { parseQuestion, titleQuery, type Query } from './question.js';

export type Intent =
  | { kind: 'due' }
  | { kind: 'all' }
  | { kind: 'mine' }
  | { kind: 'overdue' }
  | { kind: 'thisWeek' }
  | { kind: 'help' }
  | { kind: 'register' }
  | { kind: 'setLanguage'; language: Language }
  | { kind: 'digest'; change: 'off' | 'on' | 'daily' | 'weekly' }
  | { kind: 'answer'; dnr: string }
  | { kind: 'show'; dnr: string }
  | { kind: 'question'; query: Query };

type SimpleIntent = Exclude<Intent, { dnr: string } | { query: Query }>;

/** Normalised phrases (lower case, no å/ä/ö, no punctuation, single spaces). */
const PHRASES: [string, SimpleIntent][] = [
  ...[
    'vilka remisser ska besvaras',
    'vilka remisser ska vi besvara',
    'vilka remisser ska jag besvara',
    'remisser som ska besvaras',
    'remisser att besvara',
    'remisser',
    'remiss',
    'visa remisser',
    'lista remisser',
    'which remisser are due',
    'what remisser are due',
    'which remisser do we have to answer',
    'due remisser',
    'list remisser',
    'show remisser',
  ].map((p): [string, SimpleIntent] => [p, { kind: 'due' }]),
  ...['vilka remisser har vi', 'alla remisser', 'all remisser', 'which remisser do we have'].map(
    (p): [string, SimpleIntent] => [p, { kind: 'all' }],
  ),
  ...['mina remisser', 'mina', 'my remisser', 'my remisses', 'mine'].map((p): [string, SimpleIntent] => [
    p,
    { kind: 'mine' },
  ]),
  ...[
    'forsenade remisser',
    'forsenade',
    'vilka remisser ar forsenade',
    'overdue remisser',
    'overdue',
    'late remisser',
  ].map((p): [string, SimpleIntent] => [p, { kind: 'overdue' }]),
  ...['remisser denna vecka', 'remisser den har veckan', 'denna vecka', 'remisser this week', 'this week'].map(
    (p): [string, SimpleIntent] => [p, { kind: 'thisWeek' }],
  ),
  ...['ny remiss', 'registrera remiss', 'lagg in remiss', 'lagg in en remiss', 'new remiss', 'register a remiss'].map(
    (p): [string, SimpleIntent] => [p, { kind: 'register' }],
  ),
  ...['hjalp', 'help', 'vad kan du', 'what can you do', 'kommandon', 'commands'].map((p): [string, SimpleIntent] => [
    p,
    { kind: 'help' },
  ]),
  ...['svenska', 'swedish', 'pa svenska', 'in swedish'].map((p): [string, SimpleIntent] => [
    p,
    { kind: 'setLanguage', language: 'sv' },
  ]),
  ...['english', 'engelska', 'pa engelska', 'in english'].map((p): [string, SimpleIntent] => [
    p,
    { kind: 'setLanguage', language: 'en' },
  ]),
  ...['avsluta digest', 'avsluta prenumeration', 'avprenumerera', 'stoppa digest', 'stop digest', 'unsubscribe'].map(
    (p): [string, SimpleIntent] => [p, { kind: 'digest', change: 'off' }],
  ),
  ...['prenumerera', 'starta digest', 'subscribe', 'start digest'].map((p): [string, SimpleIntent] => [
    p,
    { kind: 'digest', change: 'on' },
  ]),
  ...['digest varje dag', 'daglig digest', 'daily digest', 'digest every day'].map((p): [string, SimpleIntent] => [
    p,
    { kind: 'digest', change: 'daily' },
  ]),
  ...['digest varje vecka', 'veckodigest', 'weekly digest', 'digest every week'].map((p): [string, SimpleIntent] => [
    p,
    { kind: 'digest', change: 'weekly' },
  ]),
];
const PHRASE_TABLE = new Map(PHRASES);

const COMMANDS_WITH_DNR: [RegExp, 'answer' | 'show'][] = [
  [/^(?:besvara|svara pa|answer)\s+(.+)$/i, 'answer'],
  [/^(?:visa|show|open|oppna)\s+(?!remisser\b)(.+)$/i, 'show'],
];

export function matchIntent(text: string): Intent | undefined {
  const cleaned = stripMention(text);
  if (cleaned === '?') return { kind: 'help' };
  const phrase = PHRASE_TABLE.get(normalise(cleaned));
  if (phrase) return phrase;
  const command = commandWithDnr(cleaned);
  // "besvara <dnr>" names a remiss; "visa …" may be a question ("visa annas försenade") or words of a title.
  const query = command?.kind === 'answer' ? undefined : parseQuestion(command ? command.dnr : cleaned);
  if (query) return { kind: 'question', query };
  if (command?.kind === 'show' && !/\d/.test(command.dnr)) {
    const title = titleQuery(command.dnr);
    if (title) return { kind: 'question', query: title };
  }
  return command;
}

/** Commands that carry a diarienummer keep its original spelling: dnr formats vary widely. */
function commandWithDnr(cleaned: string): Extract<Intent, { dnr: string }> | undefined {
  const folded = foldSwedish(cleaned);
  for (const [pattern, kind] of COMMANDS_WITH_DNR) {
    const m = pattern.exec(folded);
    if (m?.[1]) {
      const dnr = cleaned
        .slice(cleaned.length - m[1].length)
        .trim()
        .replace(/[?!.]+$/, '')
        .trim();
      if (dnr) return { kind, dnr };
    }
  }
  return undefined;
}
