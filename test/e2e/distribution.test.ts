/**
 * Fördelning, lämna tillbaka and anstånd through the real HTTP server (issue 20): a chef assigns a remiss from its
 * detail card, the handläggare gets it with Besvara, hands it back with a reason (the chef is told), and an anstånd
 * asked for and granted moves the svarsdatum; the history says who did what when. The wrong person, another
 * organisation and forged data are refused and change nothing.
 */
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import type { ChatUser, Harness } from '../support/botHarness.js';
import { FormDriver, hasButton, type Card } from '../support/formDriver.js';
import { remiss } from '../support/remissFixtures.js';
import { people, startCity, type CityHarness, type CityPerson } from '../support/testCity.js';
import { refusalOf } from '../../src/cards/messageCard.js';

let city: CityHarness;
let h: Harness;
let chats: Record<CityPerson, ChatUser>;
const d = () => new FormDriver(h);
const DNR = 'SOF 2026/2';

beforeAll(async () => {
  city = await startCity({ now: new Date('2026-11-24T09:00:00Z') });
  ({ h, chats } = city);
  await h.bot.register.save(
    remiss({ dnr: DNR, title: 'Äldreomsorgsplan', dueDate: '2026-12-15', organisation: 'sof' }),
  );
  // Anna and Doris have opened Remissbot: the bot knows their 1:1 chats.
  for (const who of [chats.anna, chats.doris]) await d().say(who, 'hej');
}, 30_000);

afterAll(async () => {
  await city?.stop();
});

const post = (who: ChatUser, verb: string, data: object): Promise<Card> => city.press(who, verb, data);
const stored = async () => (await h.bot.register.get(DNR))!.remiss;
const detailOf = async (who: ChatUser) => post(who, 'remiss.show', { dnr: DNR });

test('a chef assigns from the detail card; the handläggare gets the remiss with Besvara', async () => {
  const detail = await detailOf(chats.doris);
  expect(hasButton(detail, 'Fördela')).toBe(true);
  // A handläggare who is not a chef has no Fördela, and a forged one is refused.
  expect(hasButton(await detailOf(chats.erik), 'Fördela')).toBe(false);
  const form = await d().click(chats.doris, detail, 'Fördela');
  expect(cardText(form)).toContain('Fördela remissen');
  // Nothing chosen: the error beside the field, nothing saved.
  const empty = await d().click(chats.doris, form, 'Fördela', { person: '', email: '' });
  expect(cardText(empty)).toContain('Välj en handläggare eller skriv en e-postadress.');
  expect((await stored()).handlaggare).toBeUndefined();
  const done = await d().click(chats.doris, form, 'Fördela', { person: people.anna.email, email: '' });
  expect(cardText(done)).toContain('Remissen är fördelad till Anna Andersson, som får ett meddelande i Teams.');
  const after = await stored();
  expect([after.handlaggare?.email, after.status]).toEqual([people.anna.email, 'Fördelad']);
  expect(after.history.at(-2)).toMatchObject({ kind: 'assigned', to: people.anna.email, by: 'Doris Dahl' });
  await h.bot.outbox.idle();
  const told = cardOf(h.connector.sentTo(chats.anna.conversationId).at(-1)!)!;
  expect(cardText(told)).toContain('Doris Dahl har fördelat remissen till dig.');
  expect(['Besvara', 'Lämna tillbaka', 'Anstånd'].map((b) => hasButton(told, b))).toEqual([true, true, true]);
  expect(hasButton(told, 'Fördela om')).toBe(false);
  expect(cardText(await detailOf(chats.doris))).toContain('Fördelad till Anna Andersson av Doris Dahl');
});

test('the handläggare hands it back with a reason: unassigned again, and the chef is told', async () => {
  const detail = await detailOf(chats.anna);
  const form = await d().click(chats.anna, detail, 'Lämna tillbaka');
  const noReason = await d().click(chats.anna, form, 'Lämna tillbaka', { reason: '  ' });
  expect(cardText(noReason)).toContain('Skriv varför du lämnar tillbaka remissen.');
  const done = await d().click(chats.anna, form, 'Lämna tillbaka', { reason: 'Jag är föräldraledig i december.' });
  expect(cardText(done)).toContain('Du har lämnat tillbaka remissen. Den är ofördelad igen.');
  const after = await stored();
  expect([after.handlaggare, after.status]).toEqual([undefined, 'Inkommen']);
  await h.bot.outbox.idle();
  expect(h.connector.sentTo(chats.doris.conversationId).map((a) => String(a.body.text))).toContain(
    'Anna Andersson har lämnat tillbaka ”Äldreomsorgsplan”, som är ofördelad igen: Jag är föräldraledig i december.',
  );
});

test('anstånd: asked for, then granted, moves the svarsdatum and says so on the card and in the history', async () => {
  await d().click(chats.doris, await d().click(chats.doris, await detailOf(chats.doris), 'Fördela'), 'Fördela', {
    person: people.erik.email,
  });
  const form = await d().click(chats.erik, await detailOf(chats.erik), 'Anstånd');
  const early = await d().click(chats.erik, form, 'Registrera begäran', { requested: '2026-12-01' });
  expect(cardText(early)).toContain('Det nya svarsdatumet måste vara senare än det nuvarande.');
  const asked = await d().click(chats.erik, form, 'Registrera begäran', { requested: '2027-01-31', note: 'Mejl' });
  expect(cardText(asked)).toContain('Begäran om anstånd till den 31 januari 2027 är registrerad.');
  expect(cardText(asked)).toContain('anstånd begärt till den 31 januari 2027');
  expect((await stored()).dueDate).toBe('2026-12-15');
  const noOne = await d().click(chats.erik, form, 'Registrera beviljat anstånd', { granted: '2027-01-31' });
  expect(cardText(noOne)).toContain('Skriv vem hos remittenten som beviljade anståndet.');
  const granted = await d().click(chats.erik, form, 'Registrera beviljat anstånd', {
    granted: '2027-01-31',
    agreedBy: 'Socialdepartementet, Eva Ek',
  });
  expect(cardText(granted)).toContain('Anståndet är registrerat: svarsdatumet är nu den 31 januari 2027.');
  expect(cardText(granted)).toContain('anstånd från den 15 december 2026, beviljat av Socialdepartementet, Eva Ek');
  expect(cardText(granted)).toContain(
    'Anstånd beviljat av Socialdepartementet, Eva Ek: svarsdatum från den 15 december 2026 till den 31 januari 2027',
  );
  expect((await stored()).dueDate).toBe('2027-01-31');
  // The lists use the new date and say that anstånd was given.
  const list = cardText(cardOf(await d().say(chats.erik, 'alla remisser'))!);
  expect(list).toContain('SOF 2026/2 · erik.sandberg · Fördelad · anstånd');
  expect(list).toMatch(/29 jan · om \d+ dagar/);
});

test('the wrong person, another organisation and forged data are refused and change nothing', async () => {
  const before = JSON.stringify(await stored());
  const refusals: [ChatUser, string, object, string][] = [
    [chats.anna, 'distribution.assignSave', { dnr: DNR, person: people.anna.email }, 'NOT_DISTRIBUTOR'],
    [chats.anna, 'distribution.handBackSave', { dnr: DNR, reason: 'Inte min' }, 'NOT_HANDLAGGARE'],
    [chats.bertil, 'distribution.assignSave', { dnr: DNR, person: people.bertil.email }, 'OTHER_ORGANISATION'],
    [chats.bertil, 'distribution.extensionSave', { dnr: DNR, action: 'grant' }, 'OTHER_ORGANISATION'],
    [chats.okand, 'distribution.extension', { dnr: DNR }, 'OTHER_ORGANISATION'],
    [chats.doris, 'distribution.assign', { dnr: 'SOF 9999/1' }, 'REMISS_NOT_FOUND'],
    [chats.doris, 'distribution.extensionSave', { dnr: DNR, action: 'drop table' }, 'INVALID_SUBMISSION'],
  ];
  for (const [who, verb, data, code] of refusals)
    expect({ verb, code: refusalOf((await post(who, verb, data)) as never) }).toEqual({ verb, code });
  const hostile = await post(chats.doris, 'distribution.assignSave', { dnr: DNR, person: '<script>x</script>' });
  expect(cardText(hostile)).toContain('Jag hittar ingen e-postadress för den personen.');
  const badDate = await post(chats.doris, 'distribution.extensionSave', { dnr: DNR, action: 'grant', granted: 'x' });
  expect(cardText(badDate)).toContain('Välj ett datum.');
  expect(JSON.stringify(await stored())).toBe(before);
});
