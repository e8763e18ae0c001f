/**
 * Questions in your own words (issue 20) through the real HTTP server: the list answers within what the asker's
 * organisation may see, its title says how the question was understood, "Visa fler" keeps the question, one
 * title hit opens the remiss, and hostile text gets the help reply. The clock stands on Tuesday 24 November 2026.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import { cardActionFrom, personalChat, startHarness, type ChatUser, type Harness } from '../support/botHarness.js';
import { exampleOrganisation } from '../support/answerFixtures.js';
import { FormDriver } from '../support/formDriver.js';
import { remiss } from '../support/remissFixtures.js';

const anna = { id: '29:anna', name: 'Anna Lindqvist', aadObjectId: 'aad-anna', email: 'anna.lindqvist@stad.se' };
const erik = { id: '29:erik', name: 'Erik Holm', aadObjectId: 'aad-erik', email: 'erik.holm@stad.se' };
const bertil = { id: '29:bertil', name: 'Bertil Berg', aadObjectId: 'aad-bertil', email: 'bertil.berg@stad.se' };
const FI = 'Finansdepartementet';

let configDir: string;
let h: Harness;
let annaChat: ChatUser;

async function ask(text: string) {
  const card = cardOf(await new FormDriver(h).say(annaChat, text));
  return { card, text: cardText(card), title: String((card?.body as { text?: string }[] | undefined)?.[0]?.text) };
}

/** The remisser a list card shows, by the data of the rows that open them. */
function dnrsOf(card: unknown): string[] {
  const dnrs: string[] = [];
  JSON.stringify(card, (_k, v: { verb?: string; data?: { dnr?: string } }) => {
    if (v?.verb === 'remiss.show' && v.data?.dnr) dnrs.push(v.data.dnr);
    return v;
  });
  return dnrs;
}

beforeAll(async () => {
  configDir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-questions-'));
  const write = (name: string, json: object) => writeFile(path.join(configDir, name), JSON.stringify(json));
  await write('1-sof.json', {
    ...exampleOrganisation('forvaltning'),
    id: 'sof',
    members: { handlaggare: [anna.email, erik.email] },
  });
  await write('2-sbr.json', { ...exampleOrganisation('bolag'), id: 'sbr', members: { handlaggare: [bertil.email] } });
  h = await startHarness({ now: new Date('2026-11-24T09:00:00Z'), env: { ORG_CONFIG: configDir } });
  annaChat = personalChat(h.connector, anna);
  const annaRef = { email: anna.email, name: anna.name };
  const erikRef = { email: erik.email };
  await Promise.all(
    [
      remiss({
        dnr: 'SOF 1',
        title: 'Nationellt trygghetsprogram',
        dueDate: '2027-01-20',
        handlaggare: annaRef,
        remittent: FI,
        organisation: 'sof',
      }),
      remiss({
        dnr: 'SOF 2',
        title: 'Bostadsförsörjning',
        dueDate: '2026-11-20',
        handlaggare: annaRef,
        organisation: 'sof',
      }),
      remiss({ dnr: 'SOF 3', title: 'Skatt på bostäder', dueDate: '2027-01-12', remittent: FI, organisation: 'sof' }),
      remiss({
        dnr: 'SOF 4',
        title: 'Trygghet i skolan',
        dueDate: '2027-01-05',
        handlaggare: erikRef,
        organisation: 'sof',
      }),
      remiss({ dnr: 'SOF 5', title: 'Tryggare bostadsområden', dueDate: '2026-12-10', organisation: 'sof' }),
      // Another organisation's: never shown to Anna, however she asks.
      remiss({
        dnr: 'SBR 1',
        title: 'Trygghetsprogram för bolag',
        dueDate: '2027-01-15',
        remittent: FI,
        organisation: 'sbr',
      }),
      ...Array.from({ length: 17 }, (_, i) =>
        remiss({
          dnr: `SOF 1${String(i).padStart(2, '0')}`,
          title: `Remiss ${i}`,
          dueDate: '2027-02-10',
          organisation: 'sof',
        }),
      ),
    ].map((r) => h.bot.register.save(r)),
  );
});

afterAll(async () => {
  await h.stop();
  await rm(configDir, { recursive: true, force: true });
});

test.each<[string, string[], string]>([
  ['vilka remisser har anna i januari', ['SOF 1'], 'Visar: Annas remisser med svarsdatum i januari'],
  ['annas försenade', ['SOF 2'], 'Visar: Annas försenade remisser'],
  ['ofördelade remisser från finansdepartementet', ['SOF 3'], 'Visar: ofördelade remisser från Finansdepartementet'],
  ['remisser från Fi', ['SOF 3', 'SOF 1'], 'Visar: remisser från Finansdepartementet'],
  ['eriks remisser före jul', [], 'Visar: Eriks remisser med svarsdatum före jul'],
  ['Eriks remisser i januari', ['SOF 4'], 'Visar: Eriks remisser med svarsdatum i januari'],
  ['remisser som ska vara klara före jul', ['SOF 2', 'SOF 5'], 'Visar: remisser som ska vara klara före jul'],
  ['remisser om trygghet', ['SOF 4', 'SOF 1'], 'Visar: remisser vars titel liknar ”trygghet”'],
])('%p lists %p under %p', async (question, dnrs, title) => {
  const { card, text } = await ask(question);
  expect(dnrsOf(card)).toEqual(dnrs);
  expect(title).toBe(String((card?.body as { text?: string }[])[0]!.text));
  if (dnrs.length === 0) expect(text).toContain('Inga remisser stämmer med frågan.');
  expect(text).not.toContain('SBR 1');
});

test('in English when the user chose English', async () => {
  await ask('english');
  try {
    expect((await ask("anna's overdue remisser")).title).toBe('Showing: Anna’s overdue remisser');
  } finally {
    await ask('svenska');
  }
});

test('"visa <words of a title>": one hit opens the remiss, several are listed, none is not found', async () => {
  const one = await ask('visa trygghetsprogrammet');
  expect(one.text).toMatch(/^Nationellt trygghetsprogram/);
  expect(one.text).toContain('SOF 1');
  expect(one.text).toContain('Historik');
  expect((await ask('visa bostäder')).text).toMatch(/^Skatt på bostäder/);
  const several = await ask('visa bostad');
  expect(dnrsOf(several.card)).toEqual(['SOF 2', 'SOF 5', 'SOF 3']);
  expect(several.title).toBe('Visar: remisser vars titel liknar ”bostad”');
  expect((await ask('visa tandvård')).text).toContain('Jag hittar ingen remiss');
});

test('"Visa fler" keeps the question; forged query data falls back to the due list', async () => {
  const first = await ask('ofördelade remisser');
  expect(dnrsOf(first.card)).toHaveLength(15);
  let data: unknown;
  JSON.stringify(first.card, (_k, v: { verb?: string; data?: { offset?: number } }) => {
    if (v?.verb === 'due.list' && v.data?.offset === 15) data = v.data;
    return v;
  });
  expect(data).toEqual({ filter: 'all', offset: 15, query: { whose: { kind: 'unassigned' } } });
  const res = await h.post(cardActionFrom(h.connector, annaChat, 'due.list', data));
  const page = (res.body as { value: unknown }).value;
  expect(dnrsOf(page)).toHaveLength(19);
  expect(cardText(page)).toContain('Visar: ofördelade remisser');
  expect(cardText(page)).not.toContain('SBR 1');
  for (const forged of [{ whose: { kind: 'everyone' } }, { from: 'x'.repeat(10_000) }, 'SELECT *', {}]) {
    const r = await h.post(
      cardActionFrom(h.connector, annaChat, 'due.list', { filter: 'all', offset: 0, query: forged }),
    );
    expect(cardText((r.body as { value: unknown }).value)).toContain('Alla öppna remisser');
  }
});

test.each([
  ['very long text', 'annas försenade '.repeat(500)],
  ['control characters', '\u0000\u0007\u001b[2J\u0008'],
  ['a flood of slot words', 'före '.repeat(40)],
  ['markup', '<script>alert(1)</script> från'],
])('%s gets the help reply', async (_what, text) => {
  expect((await ask(text)).text).toContain('Det förstod jag tyvärr inte');
});
