/**
 * Registering a remiss from chat (issue 20), through POST /api/messages with two organisations: a registrator
 * pastes a missive, checks what was read and saves; the same diarienummer again is refused with Visa; a handläggare,
 * a stranger and a registrator naming the other organisation are refused; forged data is refused; and nothing is
 * written on any refusal. Two registrators saving one new diarienummer at once create it once.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import { cardActionFrom, personalChat, startHarness, type ChatUser, type Harness } from '../support/botHarness.js';
import { FormDriver, hasButton, type Card } from '../support/formDriver.js';
import { exampleOrganisation } from '../support/answerFixtures.js';
import { FINANSDEPARTEMENTET, KOMMUNSTYRELSEN } from '../support/missiveTexts.js';
import { refusalOf } from '../../src/cards/messageCard.js';
import { INTAKE_VERBS } from '../../src/features/intake/index.js';

const rita = { id: '29:rita', name: 'Rita Registrator', aadObjectId: 'aad-rita', email: 'rita.r@stad.se' };
const doris = { id: '29:doris', name: 'Doris Dahl', aadObjectId: 'aad-doris', email: 'doris.dahl@stad.se' };
const anna = { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna', email: 'anna.andersson@stad.se' };
const sven = { id: '29:sven', name: 'Sven Bolag', aadObjectId: 'aad-sven', email: 'sven.b@stad.se' };
const okand = { id: '29:okand', name: 'Okänd Person', aadObjectId: 'aad-okand', email: 'okand@stad.se' };
const MISSIVE_LINK = 'https://www.regeringen.se/remisser/2026/12/remiss-fi2026-03121/';

let configDir: string;
let h: Harness;
let chats: Record<'rita' | 'doris' | 'anna' | 'sven' | 'okand', ChatUser>;
const d = () => new FormDriver(h);

/** The values of a card's inputs, as Teams sends them with a button. */
function inputsOf(card: Card): Record<string, string> {
  const values: Record<string, string> = {};
  JSON.stringify(card, (_k, v: unknown) => {
    const el = v as { type?: unknown; id?: unknown; value?: unknown } | null;
    if (el && typeof el === 'object' && String(el.type).startsWith('Input.') && typeof el.id === 'string')
      values[el.id] = typeof el.value === 'string' ? el.value : '';
    return v;
  });
  return values;
}

const press = async (who: ChatUser, verb: string, data: unknown): Promise<Card> => {
  const res = await h.post(cardActionFrom(h.connector, who, verb, data));
  expect(res.status).toBe(200);
  return (res.body as { value: Card }).value;
};

/** The register as stored (its records and its change marker), to prove a refusal wrote nothing. */
const snapshot = async () =>
  JSON.stringify([
    await h.bot.register.listAll(),
    await h.bot.store.list('remisser/'),
    await h.bot.store.get('register/changed'),
  ]);

const form = (dnr: string, extra: Record<string, string> = {}) => ({
  organisation: 'sof',
  diarienummer: dnr,
  titel: 'Remiss av något',
  remittent: 'Kommunstyrelsen',
  inkom: '2026-11-20',
  svarsdatum: '2027-02-28',
  ...extra,
});

beforeAll(async () => {
  configDir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-intake-'));
  const write = (name: string, json: object) => writeFile(path.join(configDir, name), JSON.stringify(json));
  await write('1-sof.json', {
    ...exampleOrganisation('forvaltning'),
    id: 'sof',
    members: { handlaggare: [anna.email], registrator: [rita.email], chef: [doris.email] },
  });
  await write('2-sbr.json', {
    ...exampleOrganisation('bolag'),
    id: 'sbr',
    members: { registrator: [sven.email] },
  });
  h = await startHarness({ now: new Date('2026-12-03T09:00:00Z'), env: { ORG_CONFIG: configDir } });
  chats = {
    rita: personalChat(h.connector, rita),
    doris: personalChat(h.connector, doris),
    anna: personalChat(h.connector, anna),
    sven: personalChat(h.connector, sven),
    okand: personalChat(h.connector, okand),
  };
}, 30_000);

afterAll(async () => {
  await h?.stop();
  await rm(configDir, { recursive: true, force: true });
});

test('a registrator registers a remiss from a pasted missive: read, checked, saved as Inkommen', async () => {
  const opened = cardOf(await d().say(chats.rita, 'ny remiss'))!;
  expect(cardText(opened)).toContain('Läggs in för Socialförvaltningen');
  expect(inputsOf(opened).inkom).toBe('2026-12-03');

  const read = await d().click(chats.rita, opened, 'Läs in missivet', {
    ...inputsOf(opened),
    missiv_text: FINANSDEPARTEMENTET,
  });
  const values = inputsOf(read);
  expect(values).toMatchObject({
    remittentens_dnr: 'Fi2026/03121',
    titel: 'Promemorian Ett enklare regelverk för kommunal fastighetsskatt',
    remittent: 'Finansdepartementet',
    svarsdatum: '2027-03-15',
    inkom: '2026-12-03',
  });
  expect(values.instanser!.split('\n')).toHaveLength(8);
  // The pasted letter is not sent back: the card stays small.
  expect(values.missiv_text).toBe('');
  expect(cardText(read)).toContain('Ur missivet läste jag: remittentens dnr, titel, remittent, svarsdatum');

  const saved = await d().click(chats.rita, read, 'Lägg in remissen', {
    ...values,
    diarienummer: 'SOF 2026/0088',
    missiv: MISSIVE_LINK,
  });
  expect(cardText(saved)).toContain('Remissen SOF 2026/0088 Promemorian Ett enklare regelverk');
  expect(hasButton(saved, 'Lägg in remissen')).toBe(false);
  const stored = (await h.bot.register.get('SOF 2026/0088'))!.remiss;
  expect(stored).toMatchObject({
    dnr: 'SOF 2026/0088',
    remittentDnr: 'Fi2026/03121',
    remittent: 'Finansdepartementet',
    received: '2026-12-03',
    dueDate: '2027-03-15',
    status: 'Inkommen',
    organisation: 'sof',
    links: { missive: MISSIVE_LINK },
    history: [{ kind: 'created', source: 'teams:rita.r@stad.se', at: '2026-12-03T09:00:00.000Z' }],
  });
  expect(stored.instanser).toContain('Sveriges Kommuner och Regioner');

  // Visa: the handläggare of the organisation sees it, with its links and instanser.
  const shown = await d().click(chats.rita, saved, 'Visa remissen');
  expect(cardText(shown)).toContain('Promemorian Ett enklare regelverk');
  expect(cardText(shown)).toContain('Skatteverket');
  expect(hasButton(shown, 'Öppna missivet')).toBe(true);
  expect(hasButton(shown, 'Öppna remissdokumentet')).toBe(false);

  // The form's header names the instanser and links the missive; the answer names the remittent's dnr (the
  // document's header gives it too, from the same field: src/domain/documents/remissvarModel.ts).
  const form = cardOf(await d().say(chats.anna, 'besvara SOF 2026/0088'))!;
  expect(cardText(form)).toContain('Remissinstanser: Riksdagens ombudsmän (JO), Kammarrätten i Stockholm');
  expect(hasButton(form, 'Öppna missivet')).toBe(true);
  const preview = await d().answerToPreview(chats.anna, 'SOF 2026/0088', anna.email);
  expect(cardText(preview.card)).toContain('(dnr Fi2026/03121)');
}, 30_000);

test('the same diarienummer again is refused with Visa, and nothing changes', async () => {
  const before = await snapshot();
  const opened = cardOf(await d().say(chats.doris, 'registrera remiss'))!;
  const refused = await d().click(chats.doris, opened, 'Lägg in remissen', {
    ...inputsOf(opened),
    ...form('SOF 2026/0088'),
  });
  expect(refusalOf(refused as never)).toBe('REMISS_EXISTS');
  expect(cardText(refused)).toContain('Det finns redan en remiss med diarienummer SOF 2026/0088');
  const shown = await d().click(chats.doris, refused, 'Visa remissen');
  expect(cardText(shown)).toContain('Promemorian Ett enklare regelverk');
  expect(await snapshot()).toBe(before);
});

test('a handläggare, a stranger and a registrator of another organisation are refused, writing nothing', async () => {
  const before = await snapshot();
  for (const who of [chats.anna, chats.okand]) {
    const reply = cardOf(await d().say(who, 'ny remiss'))!;
    expect(cardText(reply)).toContain('Bara en registrator eller chef i organisationen kan lägga in remisser.');
    expect(refusalOf(reply as never)).toBe('INTAKE_NOT_ALLOWED');
  }
  const attempts: [ChatUser, string, object][] = [
    [chats.anna, INTAKE_VERBS.save, form('SOF 2026/0100')],
    [chats.okand, INTAKE_VERBS.save, form('SOF 2026/0101')],
    [chats.okand, INTAKE_VERBS.open, {}],
    [chats.rita, INTAKE_VERBS.save, form('SBR 2026/0100', { organisation: 'sbr' })],
    [chats.rita, INTAKE_VERBS.read, { organisation: 'sbr', missiv_text: KOMMUNSTYRELSEN }],
    [chats.sven, INTAKE_VERBS.save, form('SOF 2026/0102')],
    [chats.rita, INTAKE_VERBS.save, form('SOF 2026/0103', { organisation: 'default' })],
    [chats.rita, INTAKE_VERBS.save, { ...form('SOF 2026/0104'), organisation: undefined }],
  ];
  for (const [who, verb, data] of attempts) {
    const card = await press(who, verb, data);
    expect({ verb, data, refusal: refusalOf(card as never) }).toEqual({ verb, data, refusal: 'INTAKE_NOT_ALLOWED' });
  }
  // Sven registers for his own organisation; the form names it.
  expect(cardText(cardOf(await d().say(chats.sven, 'new remiss'))!)).toContain(
    'Läggs in för Stockholm Business Region',
  );
  expect(await snapshot()).toBe(before);
});

test('forged data (bad dates, huge strings, script text, wrong types, links) is refused in Swedish', async () => {
  const before = await snapshot();
  const invalid: [object, RegExp][] = [
    [form('SOF 2026/0200', { svarsdatum: '2027-02-30' }), /”2027-02-30” är inget giltigt datum/],
    [form('SOF 2026/0201', { inkom: 'igår' }), /”igår” är inget giltigt datum/],
    [form('SOF 2026/0202', { titel: 'T'.repeat(5000) }), /får vara högst 500 tecken \(är 5000\)/],
    [form('SOF 2026/0203', { titel: '<script>alert(1)</script>' }), /får inte innehålla HTML-kod/],
    [form('SOF 2026/0204', { missiv: 'javascript:alert(1)' }), /måste vara en webbadress som börjar med https/],
    [form(''), /saknas/],
  ];
  for (const [data, message] of invalid) {
    const card = await press(chats.rita, INTAKE_VERBS.save, data);
    expect(refusalOf(card as never)).toBe('INTAKE_INVALID');
    expect(cardText(card)).toContain('Remissen är inte inlagd. Rätta uppgifterna som är markerade.');
    expect(cardText(card)).toMatch(message);
  }
  const malformed: unknown[] = [
    form('SOF 2026/0205', { titel: 'x'.repeat(100_000) }),
    { ...form('SOF 2026/0206'), svarsdatum: 20270228 },
    { ...form('SOF 2026/0207'), organisation: ['sof'] },
    'SOF 2026/0208',
    null,
  ];
  for (const data of malformed) {
    const card = await press(chats.rita, INTAKE_VERBS.save, data);
    expect(refusalOf(card as never)).toBe('INVALID_SUBMISSION');
  }
  expect(await snapshot()).toBe(before);
});

test('two registrators saving one new diarienummer at once: created once, the other told it exists', async () => {
  const cards = await Promise.all([
    press(chats.rita, INTAKE_VERBS.save, form('SOF 2026/0300', { titel: 'Ritas' })),
    press(chats.doris, INTAKE_VERBS.save, form('SOF 2026/0300', { titel: 'Doris' })),
  ]);
  const refusals = cards.map((c) => refusalOf(c as never));
  expect(refusals.filter((r) => r === 'REMISS_EXISTS')).toHaveLength(1);
  expect(refusals.filter((r) => r === undefined)).toHaveLength(1);
  const stored = (await h.bot.register.get('SOF 2026/0300'))!.remiss;
  expect(stored.history).toHaveLength(1);
  expect(stored.title).toBe(refusals[0] === undefined ? 'Ritas' : 'Doris');
});
