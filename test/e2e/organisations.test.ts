/**
 * One bot, a city of organisations (issue 19): a förvaltning and a bolag answer their own remisser, each in its
 * own template, and neither can see or touch the other's, through HTTP, with forged data too. The kansli sees
 * every organisation's remisser but takes none of theirs.
 */
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import {
  cardActionFrom,
  personalChat,
  startHarness,
  taskFrom,
  type ChatUser,
  type Harness,
} from '../support/botHarness.js';
import { FormDriver, type Card } from '../support/formDriver.js';
import { remiss } from '../support/remissFixtures.js';
import { people, SOF_CHANNEL, writeTestCity } from '../support/testCity.js';
import { refusalOf } from '../../src/cards/messageCard.js';
import { ANSWER_VERBS, WRITE_DIALOG } from '../../src/features/answer/index.js';
import { APPROVAL_VERBS } from '../../src/features/approval/index.js';
import { DUE_VERBS } from '../../src/features/due/index.js';
import { FILING_VERBS } from '../../src/features/filing/index.js';

const { anna, bertil, kerstin, erik, doris, okand } = people;

let configDir: string;
let h: Harness;
let chats: Record<'anna' | 'bertil' | 'kerstin' | 'okand' | 'doris' | 'erik', ChatUser>;
const d = () => new FormDriver(h);

beforeAll(async () => {
  configDir = await writeTestCity();
  h = await startHarness({ now: new Date('2026-11-24T09:00:00Z'), env: { ORG_CONFIG: configDir } });
  chats = {
    anna: personalChat(h.connector, anna),
    bertil: personalChat(h.connector, bertil),
    kerstin: personalChat(h.connector, kerstin),
    okand: personalChat(h.connector, okand),
    doris: personalChat(h.connector, doris),
    erik: personalChat(h.connector, erik),
  };
  h.connector.addConversation(SOF_CHANNEL, [doris]);
  const save = (dnr: string, organisation: string, handlaggare?: string) =>
    h.bot.register.save(
      remiss({
        dnr,
        title: `Remiss ${dnr}`,
        dueDate: '2026-12-15',
        organisation,
        ...(handlaggare ? { handlaggare: { email: handlaggare } } : {}),
      }),
    );
  await save('SOF 2026/1', 'sof', anna.email);
  await save('SOF 2026/2', 'sof');
  await save('SBR 2026/1', 'sbr', bertil.email);
  await save('SBR 2026/2', 'sbr');
}, 30_000);

afterAll(async () => {
  await h?.stop();
  await rm(configDir, { recursive: true, force: true });
});

const listed = async (who: ChatUser, text: string): Promise<string> => cardText(cardOf(await d().say(who, text))!);
const dnrsIn = (text: string) => [...new Set(text.match(/S(?:OF|BR) 2026\/\d/g) ?? [])].sort();

test('each organisation lists its own remisser; the kansli sees all of them; a stranger none', async () => {
  expect(dnrsIn(await listed(chats.anna, 'vilka remisser ska besvaras'))).toEqual(['SOF 2026/1', 'SOF 2026/2']);
  expect(dnrsIn(await listed(chats.bertil, 'alla remisser'))).toEqual(['SBR 2026/1', 'SBR 2026/2']);
  expect(dnrsIn(await listed(chats.kerstin, 'alla remisser'))).toEqual([
    'SBR 2026/1',
    'SBR 2026/2',
    'SOF 2026/1',
    'SOF 2026/2',
  ]);
  // "Ska besvaras" for the kansli is its own: no unit's unassigned remisser.
  expect(dnrsIn(await listed(chats.kerstin, 'vilka remisser ska besvaras'))).toEqual([]);
  expect(dnrsIn(await listed(chats.okand, 'alla remisser'))).toEqual([]);
});

test('a person in two organisations acts for one at a time: the list says which, switches, and remembers', async () => {
  const first = cardOf(await d().say(chats.erik, 'alla remisser'))!;
  expect(cardText(first)).toContain('För Socialförvaltningen');
  expect(dnrsIn(cardText(first))).toEqual(['SOF 2026/1', 'SOF 2026/2']);
  const switched = await d().click(chats.erik, first, 'Byt till SBR');
  expect(cardText(switched)).toContain('För Stockholm Business Region');
  expect(dnrsIn(cardText(switched))).toEqual(['SBR 2026/1', 'SBR 2026/2']);
  // Remembered: the next question is answered for SBR, and a switch to an organisation not his is ignored.
  expect(dnrsIn(await listed(chats.erik, 'alla remisser'))).toEqual(['SBR 2026/1', 'SBR 2026/2']);
  const forged = await h.post(
    cardActionFrom(h.connector, chats.erik, 'due.list', { filter: 'all', organisation: 'kansliet' }),
  );
  expect(dnrsIn(cardText((forged.body as { value: Card }).value))).toEqual(['SBR 2026/1', 'SBR 2026/2']);
});

test('the förvaltning and the bolag answer their own remisser, each in its own template', async () => {
  const sof = cardText((await d().answerToPreview(chats.anna, 'SOF 2026/1', anna.email)).card);
  for (const line of ['Till Socialnämnden', 'Förvaltningens förslag till beslut', 'Förvaltningens synpunkter'])
    expect(sof).toContain(line);
  expect(sof).not.toContain('Stockholm Business Region');
  // The driver writes a bolag's words; in a förvaltning's answer the preview says so.
  expect(sof).toContain('Texten innehåller ”Bolaget”, som hör till en annan sorts organisation än en förvaltning.');
  const sbr = cardText((await d().answerToPreview(chats.bertil, 'SBR 2026/1', bertil.email)).card);
  expect(sbr).toContain('Stockholm Business Regions förslag till beslut');
  expect(sbr).toContain('Bolagets analys och bedömning');
  expect(sbr).not.toContain('Socialförvaltningen');
});

test("no way to see or touch another organisation's remiss: messages and forged card data are refused", async () => {
  const before = JSON.stringify(await h.bot.store.list('drafts/'));
  const refused = async (who: ChatUser, verb: string, data: object): Promise<Card> => {
    const res = await h.post(cardActionFrom(h.connector, who, verb, data));
    expect(res.status).toBe(200);
    return (res.body as { value: Card }).value;
  };
  const attempts: [ChatUser, string, object][] = [
    [chats.anna, 'answer.start', { dnr: 'SBR 2026/2', kind: 'answer' }],
    [chats.anna, 'answer.save', { dnr: 'SBR 2026/1', revision: 0, step: 2, nav: 'next', text: 'Kapat!' }],
    [chats.anna, 'answer.download', { dnr: 'SBR 2026/1', revision: 0, step: 7, nav: 'save' }],
    [chats.anna, 'remiss.show', { dnr: 'SBR 2026/1', filter: 'all', offset: 0 }],
    [chats.anna, 'approval.compose', { dnr: 'SBR 2026/1', revision: 5 }],
    [chats.anna, 'approval.decide', { dnr: 'SBR 2026/1', version: 1, decision: 'approve' }],
    [chats.anna, 'answer.refresh', { dnr: 'SBR 2026/1' }],
    [chats.bertil, 'answer.discard', { dnr: 'SOF 2026/1', revision: 5, step: 1, nav: 'save' }],
    [chats.okand, 'answer.start', { dnr: 'SOF 2026/2', kind: 'answer' }],
  ];
  for (const [who, verb, data] of attempts) {
    const card = await refused(who, verb, data);
    expect({ verb, refusal: refusalOf(card as never) }).toEqual({ verb, refusal: 'OTHER_ORGANISATION' });
    expect(cardText(card)).toContain('Remissen hör till en annan organisation än din.');
  }
  for (const text of ['besvara SBR 2026/2', 'visa SBR 2026/1']) {
    const reply = cardText(cardOf(await d().say(chats.anna, text))!);
    expect(reply).toContain('Remissen hör till en annan organisation än din.');
  }
  // The kansli sees a unit's remiss, but it is the unit's to answer.
  const taken = await refused(chats.kerstin, 'answer.start', { dnr: 'SBR 2026/2', kind: 'answer' });
  expect(refusalOf(taken as never)).toBe('OTHER_ORGANISATION');
  expect(cardText(await refused(chats.kerstin, 'remiss.show', { dnr: 'SBR 2026/2' }))).toContain('SBR 2026/2');
  // Nothing of the other organisation's was written.
  expect(JSON.stringify(await h.bot.store.list('drafts/'))).toBe(before);
  expect((await h.bot.register.get('SBR 2026/2'))!.remiss.status).toBe('Inkommen');
});

test("an approved answer is filed in its organisation's folder, its registrator card sent to its channel", async () => {
  // Anna's answer from the test above waits at its preview.
  await d().say(chats.doris, 'hej');
  const preview = cardOf(await d().say(chats.anna, 'besvara SOF 2026/1'))!;
  const compose = await d().click(chats.anna, preview, 'Skicka för godkännande');
  await d().click(chats.anna, compose, 'Skicka', { approver: doris.email });
  await h.bot.outbox.idle();
  const request = h.connector
    .sentTo(chats.doris.conversationId)
    .map((a) => cardOf(a))
    .filter(Boolean)
    .at(-1)!;
  await d().click(chats.doris, request, 'Godkänn');
  await h.bot.outbox.idle();
  const filed = (await readdir(path.join(h.dataDir, 'arkiv', 'sof', '2026'), { recursive: true })).map(String);
  expect(filed.some((f) => f.endsWith('.docx'))).toBe(true);
  expect(existsSync(path.join(h.dataDir, 'arkiv', '2026'))).toBe(false);
  const toChannel = h.connector
    .sentTo(SOF_CHANNEL)
    .map((a) => cardOf(a))
    .filter(Boolean) as Card[];
  expect(toChannel.map((c) => cardText(c)).join('\n')).toContain('SOF 2026/1');
  expect((await h.bot.register.get('SOF 2026/1'))!.remiss.status).toBe('Klar för diarieföring');
}, 30_000);

test("every card verb and the writing dialog refuse another organisation's remiss, whatever the data", async () => {
  const forged = { dnr: 'SBR 2026/1', revision: 0, version: 1, step: 2, nav: 'next', text: 'Kapat!', kind: 'answer' };
  const verbs = [
    ...Object.values(ANSWER_VERBS),
    ...Object.values(APPROVAL_VERBS),
    ...Object.values(FILING_VERBS),
    DUE_VERBS.show,
  ];
  for (const verb of verbs) {
    const res = await h.post(cardActionFrom(h.connector, chats.anna, verb, forged));
    const card = (res.body as { value: Card }).value;
    expect({ verb, status: res.status, refusal: refusalOf(card as never) }).toEqual({
      verb,
      status: 200,
      refusal: 'OTHER_ORGANISATION',
    });
  }
  for (const name of ['task/fetch', 'task/submit'] as const) {
    const res = await h.post(taskFrom(h.connector, chats.anna, name, { ...forged, dialog: WRITE_DIALOG }));
    expect((res.body as { task: { value: unknown } }).task.value).toBe(
      'Remissen hör till en annan organisation än din. Fråga registratorn där om du ska arbeta med den.',
    );
  }
});
