/**
 * Every Action.Execute verb, pressed by the wrong person, for a remiss that does not exist, or on a stale
 * version: the answer is a card with a Swedish refusal and the stored records are unchanged.
 */
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import { cardActionFrom, personalChat, startHarness, type ChatUser, type Harness } from '../support/botHarness.js';
import { button, FormDriver, type Card } from '../support/formDriver.js';
import { remiss } from '../support/remissFixtures.js';
import { refusalOf } from '../../src/cards/messageCard.js';
import type { AdaptiveCard } from '../../src/features/featureContext.js';
import type { RefusalCode } from '../../src/i18n/refusals.js';

const anna = { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna', email: 'anna.andersson@stad.se' };
const cecilia = {
  id: '29:cecilia',
  name: 'Cecilia Holm',
  aadObjectId: 'aad-cecilia',
  email: 'cecilia.holm@stad.example.se',
};
const mallory = { id: '29:mallory', name: 'Mallory Mörk', aadObjectId: 'aad-mallory', email: 'mallory@stad.se' };

let h: Harness;
let annaChat: ChatUser;
let ceciliaChat: ChatUser;
let malloryChat: ChatUser;
let form: Card;
let approvalRequest: Card;
const logged: Record<string, unknown>[] = [];

/** The records a refused action must leave alone (markers of seen activities and people are not decisions). */
async function decisions(): Promise<Record<string, string>> {
  const keys = (await h.bot.store.list('')).filter(
    (k) => !/^(seen-activities|people|conversations|installations|languages?)\//.test(k),
  );
  return Object.fromEntries(await Promise.all(keys.map(async (k) => [k, (await h.bot.store.get(k))!.eTag] as const)));
}

beforeAll(async () => {
  h = await startHarness({
    now: new Date('2026-11-24T09:00:00Z'),
    env: { REGISTRATOR: 'person:rut@stad.se' },
    log: (line) => void logged.push(JSON.parse(line) as Record<string, unknown>),
  });
  annaChat = personalChat(h.connector, anna);
  ceciliaChat = personalChat(h.connector, cecilia);
  malloryChat = personalChat(h.connector, mallory);
  await h.bot.register.save(
    remiss({ dnr: 'KS 2026/1', title: 'Trygghetsprogram', dueDate: '2026-12-15', handlaggare: { email: anna.email } }),
  );
  const d = new FormDriver(h);
  await d.say(ceciliaChat, 'hej');
  const { card: preview } = await d.answerToPreview(annaChat, 'KS 2026/1', anna.email);
  form = preview;
  await d.click(annaChat, await d.click(annaChat, preview, 'Skicka för godkännande'), 'Skicka', {
    approver: cecilia.email,
  });
  await h.bot.outbox.idle();
  approvalRequest = h.connector
    .sentTo(ceciliaChat.conversationId)
    .map((a) => cardOf(a))
    .filter((c): c is Card => !!c && cardText(c).includes('Godkänn'))
    .at(-1)!;
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

const data = (card: Card, title: string) => button(card, title).data;

/**
 * [what is tried, who, verb, data, a phrase of the Swedish refusal, the refusal code the card carries — none
 * where the answer is the form shown read-only]
 */
const attempts = (): [string, ChatUser, string, unknown, RegExp, RefusalCode | undefined][] => [
  [
    "someone else saves Anna's draft",
    malloryChat,
    'answer.save',
    { ...data(form, 'Föregående'), text: 'Kapat!' },
    /Bara Anna Andersson kan redigera|kan inte ändras/,
    undefined,
  ],
  [
    "someone else switches Anna's draft to a full answer",
    malloryChat,
    'answer.switch',
    data(form, 'Föregående'),
    /Anna Andersson skriver det här svaret/,
    undefined,
  ],
  [
    "someone else deletes Anna's draft",
    malloryChat,
    'answer.discard',
    data(form, 'Föregående'),
    /Anna Andersson skriver det här svaret/,
    undefined,
  ],
  [
    "someone else downloads Anna's draft",
    malloryChat,
    'answer.download',
    data(form, 'Ladda ned utkast'),
    /Bara Anna Andersson|kan inte|inte giltig/,
    undefined,
  ],
  [
    'a save for a remiss that does not exist',
    annaChat,
    'answer.save',
    { ...data(form, 'Föregående'), dnr: 'KS 9999/1' },
    /hittar ingen remiss|inte giltig|gick inte/i,
    'REMISS_NOT_FOUND',
  ],
  [
    'a save on a stale revision',
    annaChat,
    'answer.save',
    { ...data(form, 'Föregående'), revision: 0, text: 'Gammal text' },
    /ändrats|nyare|låst|kan inte ändras|skickat/i,
    undefined,
  ],
  [
    'an answer started for a remiss that does not exist',
    annaChat,
    'answer.start',
    { dnr: '../../etc/passwd' },
    /hittar ingen remiss/i,
    'REMISS_NOT_FOUND',
  ],
  [
    'someone else composes the approval request',
    malloryChat,
    'approval.compose',
    { dnr: 'KS 2026/1', revision: 99 },
    /går inte att använda längre/,
    'NOT_DRAFT_OWNER',
  ],
  [
    'someone else sends it for approval',
    malloryChat,
    'approval.send',
    { dnr: 'KS 2026/1', revision: 99, approver: mallory.email, message: '' },
    /går inte att använda längre/,
    'NOT_DRAFT_OWNER',
  ],
  [
    'someone other than the approver approves',
    malloryChat,
    'approval.decide',
    data(approvalRequest, 'Godkänn'),
    /bara den utsedda godkännaren/,
    'NOT_THE_APPROVER',
  ],
  [
    'the approver decides on a version that does not exist',
    ceciliaChat,
    'approval.decide',
    { ...data(approvalRequest, 'Godkänn'), version: 7 },
    /går inte att använda längre/,
    'APPROVAL_NOT_FOUND',
  ],
  [
    'someone else downloads the version for approval',
    malloryChat,
    'approval.download',
    data(approvalRequest, 'Ladda ned version 1'),
    /bara den utsedda godkännaren/,
    'NOT_THE_APPROVER',
  ],
  [
    'someone other than the registrator marks it registered',
    malloryChat,
    'filing.registered',
    { dnr: 'KS 2026/1', version: 1 },
    /Det är bara registratorn/,
    'NOT_REGISTRATOR',
  ],
  ['an unknown verb', annaChat, 'remiss.delete', { dnr: 'KS 2026/1' }, /går inte att använda längre/, 'UNKNOWN_VERB'],
];

const NAMES = [
  "someone else saves Anna's draft",
  "someone else switches Anna's draft to a full answer",
  "someone else deletes Anna's draft",
  "someone else downloads Anna's draft",
  'a save for a remiss that does not exist',
  'a save on a stale revision',
  'an answer started for a remiss that does not exist',
  'someone else composes the approval request',
  'someone else sends it for approval',
  'someone other than the approver approves',
  'the approver decides on a version that does not exist',
  'someone else downloads the version for approval',
  'someone other than the registrator marks it registered',
  'an unknown verb',
];

test('every attempt below is one of the cases', () => {
  expect(attempts().map((a) => a[0])).toEqual(NAMES);
});

test.each(NAMES)('%s: a Swedish refusal, nothing changed', async (name) => {
  const [, who, verb, payload, refusal, code] = attempts().find((a) => a[0] === name)!;
  const before = await decisions();
  const res = await h.post(cardActionFrom(h.connector, who, verb, payload));
  expect(res.status).toBe(200);
  const card = (res.body as { value: Card }).value;
  expect(cardText(card)).toMatch(refusal);
  expect(refusalOf(card as AdaptiveCard)).toBe(code);
  if (code) expect(logged.some((l) => l.event === 'card.refused' && l.code === code)).toBe(true);
  await h.bot.outbox.idle();
  expect(await decisions()).toEqual(before);
});

test('every verb pressed from another tenant: a Swedish refusal, nothing changed', async () => {
  const foreign = {
    conversation: { id: ceciliaChat.conversationId, tenantId: 'other-tenant' },
    channelData: { tenant: { id: 'other-tenant' } },
  };
  const before = await decisions();
  for (const [, , verb, payload] of attempts()) {
    const res = await h.post(cardActionFrom(h.connector, ceciliaChat, verb, payload, foreign));
    expect(res.status).toBe(200);
    expect((res.body as { value: string }).value).toContain('Remissbot används inte i din organisation');
  }
  await h.bot.outbox.idle();
  expect(await decisions()).toEqual(before);
});
