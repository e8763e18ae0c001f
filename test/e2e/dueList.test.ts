/**
 * "Which remisser are due?" through the real HTTP server, adapter and file store, with the fake connector
 * receiving the cards. The clock stands at 23:30 UTC, already the next day in Stockholm.
 */
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import {
  cardActionFrom,
  messageFrom,
  personalChat,
  startHarness,
  type ChatUser,
  type Harness,
} from '../support/botHarness.js';
import { remiss } from '../support/remissFixtures.js';
import { LocalRemissRepository } from '../../src/register/localRemissRepository.js';
import { createStore } from '../../src/storage/createStore.js';

// Tuesday 24 November 2026 23:30 UTC = Wednesday 25 November 00:30 in Stockholm.
const NOW = new Date('2026-11-24T23:30:00Z');

const anna = {
  id: '29:anna',
  name: 'Anna Andersson',
  aadObjectId: 'aad-anna',
  email: 'anna.andersson@stad.se',
  userPrincipalName: 'anna.andersson@stad.se',
};
const bertil = {
  id: '29:bertil',
  name: 'Bertil Berg',
  aadObjectId: 'aad-bertil',
  email: 'bertil.berg@stad.se',
  userPrincipalName: 'bertil.berg@stad.se',
};

let h: Harness;
let annaChat: ChatUser;
let bertilChat: ChatUser;

async function ask(user: ChatUser, text: string) {
  const before = h.connector.sentTo(user.conversationId).length;
  const res = await h.post(messageFrom(h.connector, user, text));
  expect(res.status).toBe(200);
  await h.connector.waitFor(() => h.connector.sentTo(user.conversationId).length > before);
  const sent = h.connector.sentTo(user.conversationId).at(-1)!;
  return { activity: sent, card: cardOf(sent), text: cardText(cardOf(sent)) || String(sent.body.text ?? '') };
}

interface Row {
  type: string;
  selectAction?: { verb: string };
  columns: { items: { type: string; inlines?: { text: string }[]; actions?: { title: string }[] }[] }[];
}

/** The list's rows: the column sets that open a remiss, in order. */
function rowsOf(card: Record<string, unknown> | undefined): Row[] {
  const rows: Row[] = [];
  JSON.stringify(card ?? {}, (_k, v: unknown) => {
    if (
      v &&
      typeof v === 'object' &&
      (v as Row).type === 'ColumnSet' &&
      (v as Row).selectAction?.verb === 'remiss.show'
    )
      rows.push(v as Row);
    return v;
  });
  return rows;
}

function itemTitles(card: Record<string, unknown> | undefined): string[] {
  return rowsOf(card).map((r) => r.columns[0]!.items[1]!.inlines![0]!.text);
}

/** The titles of the rows that offer "Besvara" (or "Fortsätt"). */
function answerable(card: Record<string, unknown> | undefined): string[] {
  return rowsOf(card)
    .filter((r) => r.columns[1]!.items.some((i) => i.type === 'ActionSet'))
    .map((r) => r.columns[0]!.items[1]!.inlines![0]!.text);
}

/** The group headings, in order. */
function headings(card: Record<string, unknown> | undefined): string[] {
  const body = (card?.body ?? []) as { type: string; items?: { type: string; text?: string }[] }[];
  return body.filter((b) => b.type === 'Container').map((c) => c.items![0]!.text!);
}

beforeEach(async () => {
  h = await startHarness({ now: NOW });
  annaChat = personalChat(h.connector, anna);
  bertilChat = personalChat(h.connector, bertil);
  const annaRef = { email: anna.email, name: anna.name };
  const bertilRef = { email: bertil.email, name: bertil.name };
  await Promise.all(
    [
      remiss({ dnr: 'KS 2026/101', title: 'Försenad remiss', dueDate: '2026-11-22', handlaggare: annaRef }),
      remiss({ dnr: 'KS 2026/102', title: 'Remiss som ska in i dag', dueDate: '2026-11-25', handlaggare: bertilRef }),
      remiss({ dnr: 'KS 2026/103', title: 'Remiss om tolv dagar', dueDate: '2026-12-07', handlaggare: annaRef }),
      remiss({ dnr: 'SBR 201.3.1-389/2012', title: 'Remiss på juldagen', dueDate: '2026-12-25' }),
      remiss({
        dnr: 'KS 2026/105',
        title: 'Redan besvarad',
        dueDate: '2026-11-26',
        status: 'Besvarad',
        handlaggare: annaRef,
      }),
      remiss({ dnr: 'KS 2026/106', title: 'Söndagsremiss', dueDate: '2026-11-29', handlaggare: bertilRef }),
      remiss({ dnr: 'KS 2026/107', title: 'Avstådd remiss', dueDate: '2026-11-27', status: 'Avstår' }),
    ].map((r) => h.bot.register.save(r)),
  );
});

afterEach(async () => {
  await h.stop();
});

test('"ska besvaras" is mine and the unassigned, by klart senast, grouped, in Swedish words', async () => {
  const { card, text, activity } = await ask(annaChat, 'Vilka remisser ska besvaras?');
  expect(activity.activityId).toBeDefined(); // a reply to the user's message
  // Klart senast: a working day before the svarsdatum (20 November, 4 December, 23 December: julafton is off).
  expect(itemTitles(card)).toEqual(['Försenad remiss', 'Remiss om tolv dagar', 'Remiss på juldagen']);
  expect(headings(card)).toEqual(['Försenade', 'Senare']);
  expect(text).toMatch(/20 nov · 5 dagar försenad\s+Försenad remiss/);
  expect(text).toMatch(/4 dec · om 9 dagar\s+Remiss om tolv dagar/);
  expect(text).toMatch(/23 dec · om 28 dagar\s+Remiss på juldagen/);
  expect(text).not.toContain('Redan besvarad');
  expect(text).not.toContain('Avstådd remiss');
  expect(text).toContain('KS 2026/101 · Anna Andersson · Fördelad');
  expect(text).toContain('SBR 201.3.1-389/2012 · Ej fördelad');
  expect(card?.version).toBe('1.5');
});

test('"vilka remisser har vi?" lists every open one; Besvara only on the asker\'s own and the unassigned', async () => {
  const { card } = await ask(annaChat, 'vilka remisser har vi?');
  expect(itemTitles(card)).toEqual([
    'Försenad remiss',
    'Remiss som ska in i dag',
    'Söndagsremiss',
    'Remiss om tolv dagar',
    'Remiss på juldagen',
  ]);
  expect(headings(card)).toEqual(['Försenade', 'Den här veckan', 'Senare']);
  expect(answerable(card)).toEqual(['Försenad remiss', 'Remiss om tolv dagar', 'Remiss på juldagen']);
  expect(answerable((await ask(bertilChat, 'vilka remisser har vi?')).card)).toEqual([
    'Remiss som ska in i dag',
    'Söndagsremiss',
    'Remiss på juldagen',
  ]);
});

test('a meeting before the svarsdatum makes klart senast its handling stop, ten working days before', async () => {
  await h.bot.register.save(
    remiss({ dnr: 'KS 2026/300', title: 'Till nämnden', dueDate: '2027-01-29', meetingDate: '2026-12-17' }),
  );
  const { card, text } = await ask(annaChat, 'vilka remisser har vi?');
  // 17 December less ten working days is 3 December: just before "Remiss om tolv dagar" (4 December).
  expect(itemTitles(card).indexOf('Till nämnden')).toBe(itemTitles(card).indexOf('Remiss om tolv dagar') - 1);
  expect(text).toMatch(/3 dec · om 8 dagar\s+Till nämnden/);
});

test('a late remiss stands out; a svarsdatum on a weekend within two weeks carries a warning', async () => {
  const { card } = await ask(annaChat, 'vilka remisser har vi?');
  const late = rowsOf(card)[0]!.columns[0]!.items[0]!.inlines as { text?: string; color?: string }[];
  expect(late).toMatchObject([
    { text: '⚠ ', color: 'Attention' },
    { text: '20 nov · 5 dagar försenad', weight: 'Bolder' },
  ]);
  const text = cardText(card);
  expect(text).toContain('Svarsdatumet är en söndag. Svaret bör vara klart senast fredag den 27 november 2026.');
  // Christmas Day is a month away: not yet worth a warning.
  expect(text).not.toContain('Svarsdatumet är juldagen');
});

test('"mina remisser" lists only the asker\'s, matched by the e-mail from the Teams member lookup', async () => {
  const mine = await ask(annaChat, 'mina remisser');
  expect(itemTitles(mine.card)).toEqual(['Försenad remiss', 'Remiss om tolv dagar']);
  const bertils = await ask(bertilChat, 'Mina remisser!');
  expect(itemTitles(bertils.card)).toEqual(['Remiss som ska in i dag', 'Söndagsremiss']);
  expect(
    h.connector.requests.some((r) => r.method === 'GET' && r.path.endsWith(`/members/${encodeURIComponent(anna.id)}`)),
  ).toBe(true);
});

test('"mina remisser" falls back to the Entra object id when the member lookup fails', async () => {
  const stranger = { id: '29:ceasar', name: 'Ceasar', aadObjectId: 'aad-ceasar' };
  const chat = { ...stranger, conversationId: 'a:1:unknown-roster' };
  h.connector.addConversation(chat.conversationId, []); // the lookup answers 404 MemberNotFoundInConversation
  await h.bot.register.save(
    remiss({
      dnr: 'KS 2026/200',
      title: 'Ceasars remiss',
      dueDate: '2026-12-01',
      handlaggare: { email: 'ceasar@stad.se', aadObjectId: 'aad-ceasar' },
    }),
  );
  const { card } = await ask(chat, 'mina remisser');
  expect(itemTitles(card)).toEqual(['Ceasars remiss']);
});

test('"försenade remisser" and "remisser denna vecka" (Monday to Sunday, Stockholm time)', async () => {
  // By klart senast: 'Remiss som ska in i dag' (svarsdatum today) was to be ready yesterday.
  expect(itemTitles((await ask(annaChat, 'forsenade remisser')).card)).toEqual([
    'Försenad remiss',
    'Remiss som ska in i dag',
  ]);
  const week = await ask(annaChat, 'remisser denna vecka');
  expect(itemTitles(week.card)).toEqual(['Remiss som ska in i dag', 'Söndagsremiss']);
  expect(week.text).toContain('23 november 2026–29 november 2026');
});

test('more than 15 shows the first 15 and "Visa fler" shows the rest', async () => {
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      h.bot.register.save(
        remiss({
          dnr: `KS 2027/${String(i).padStart(3, '0')}`,
          title: `Senare remiss ${i}`,
          dueDate: `2027-01-${String(i + 5).padStart(2, '0')}`,
        }),
      ),
    ),
  );
  const { card, text } = await ask(annaChat, 'vilka remisser har vi?');
  expect(itemTitles(card)).toHaveLength(15);
  expect(text).toContain('Visar 15 av 25');
  const more = (card!.actions as { verb: string; title: string; data: unknown }[]).find(
    (a) => a.title === 'Visa fler',
  )!;
  expect(more.verb).toBe('due.list');
  const res = await h.post(cardActionFrom(h.connector, annaChat, more.verb, more.data));
  expect(res.status).toBe(200);
  const body = res.body as { statusCode: number; type: string; value: Record<string, unknown> };
  expect(body.statusCode).toBe(200);
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(itemTitles(body.value)).toHaveLength(25);
  expect(cardText(body.value)).not.toContain('Visa fler');
});

test('"Visa" shows every field and the history of a remiss', async () => {
  const { card } = await ask(annaChat, 'remisser');
  const firstShow = JSON.stringify(card).match(/"verb":"remiss.show","data":(\{[^}]*\})/);
  const data = JSON.parse(firstShow![1]!) as { dnr: string };
  expect(data.dnr).toBe('KS 2026/101');
  const res = await h.post(cardActionFrom(h.connector, annaChat, 'remiss.show', data));
  const detail = (res.body as { value: unknown }).value;
  const text = cardText(detail);
  for (const expected of [
    'Försenad remiss',
    'KS 2026/101',
    'Kommunstyrelsen',
    '1 oktober 2026',
    '22 november 2026 (3 dagar försenad)',
    'Anna Andersson, anna.andersson@stad.se',
    'Fördelad',
    'Historik',
    'Inlagd i Remissbot',
    'Tillbaka till listan',
  ]) {
    expect(text).toContain(expected);
  }
});

test('"Visa" with forged or foreign data answers in Swedish and changes nothing', async () => {
  for (const data of [{ dnr: 'finns inte' }, { dnr: 42 }, null, 'x', { dnr: 'a'.repeat(5000) }]) {
    const res = await h.post(cardActionFrom(h.connector, annaChat, 'remiss.show', data));
    expect(res.status).toBe(200);
    const text = cardText((res.body as { value: unknown }).value);
    expect(text).toMatch(/Jag hittar ingen remiss|kortet går inte att använda/);
  }
  const unknownVerb = await h.post(cardActionFrom(h.connector, annaChat, 'drop.tables', {}));
  expect(cardText((unknownVerb.body as { value: unknown }).value)).toContain(
    'Det där kortet går inte att använda längre',
  );
});

test('user text cannot inject markdown or links: titles travel as TextRun text only', async () => {
  const hostile = '**fet** [klicka](https://evil.example) <b>x</b> ${dnr}';
  await h.bot.register.save(remiss({ dnr: 'KS 2026/666', title: hostile, dueDate: '2026-11-30' }));
  const { card } = await ask(annaChat, 'remisser');
  const json = JSON.stringify(card);
  expect(json).not.toContain('evil.example"'); // no URL outside the text
  expect(json).not.toMatch(/"url":/);
  const runs: { type: string; text: string }[] = [];
  JSON.parse(json, (_k, v: unknown) => {
    // The row cuts a long title to one line: its start is what travels.
    const text = (v as { text?: unknown } | null)?.text;
    if (v && typeof v === 'object' && typeof text === 'string' && text.startsWith(hostile.slice(0, 30)))
      runs.push(v as { type: string; text: string });
    return v;
  });
  expect(runs.length).toBeGreaterThan(0);
  expect(runs.every((r) => r.type === 'TextRun')).toBe(true);
});

test('fifteen remisser with the longest titles keep the card under 80 KB', async () => {
  await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      h.bot.register.save(
        remiss({
          dnr: `LÅNG ${i} ${'x'.repeat(180)}`,
          title: 'Å'.repeat(500),
          remittent: 'R'.repeat(200),
          dueDate: '2026-12-10',
        }),
      ),
    ),
  );
  const { activity } = await ask(annaChat, 'remisser');
  expect(Buffer.byteLength(JSON.stringify(activity.body))).toBeLessThan(80 * 1024);
});

test('a change to the register, even by another process, shows in the next answer', async () => {
  expect(itemTitles((await ask(annaChat, 'remisser')).card)).not.toContain('Alldeles ny remiss');
  // Another writer (the import CLI, say) with its own repository over the same store.
  const other = new LocalRemissRepository(createStore({ STORAGE: 'file', DATA_DIR: h.dataDir }));
  await other.save(remiss({ dnr: 'KS 2026/900', title: 'Alldeles ny remiss', dueDate: '2026-11-26' }));
  expect(itemTitles((await ask(annaChat, 'remisser')).card)).toContain('Alldeles ny remiss');
});
