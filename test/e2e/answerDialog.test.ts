/**
 * The writing dialog (task module) through the real HTTP server: the form's button opens it with task/fetch,
 * every section on one page; task/submit saves them as a new revision (kept in the history first), updates the
 * form card in the chat, and refuses forged, foreign and stale data by code.
 */
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import { personalChat, startHarness, taskFrom, type ChatUser, type Harness } from '../support/botHarness.js';
import { remiss } from '../support/remissFixtures.js';
import { button, FormDriver, input, type Card } from '../support/formDriver.js';
import { refusalOf } from '../../src/cards/messageCard.js';
import { DraftRepository } from '../../src/features/answer/draftRepository.js';
import { createStore } from '../../src/storage/createStore.js';

const now = new Date('2026-11-24T09:00:00Z');
const DNR = 'SBR 201.3.1-389/2026';
const anna = { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna', email: 'anna.andersson@stad.se' };
const bertil = { id: '29:bertil', name: 'Bertil Berg', aadObjectId: 'aad-bertil', email: 'bertil.berg@stad.se' };

let h: Harness;
let annaChat: ChatUser;
let bertilChat: ChatUser;

beforeEach(async () => {
  h = await startHarness({ now: () => now });
  annaChat = personalChat(h.connector, anna);
  bertilChat = personalChat(h.connector, bertil);
  await h.bot.register.save(
    remiss({ dnr: DNR, title: 'Näringslivspolicy', dueDate: '2026-12-15', handlaggare: { email: anna.email } }),
  );
});
afterEach(async () => {
  await h.stop();
});

type Task = { task: { type: string; value: string | { title: string; width: string; card: { content: Card } } } };

async function task(user: ChatUser, name: 'task/fetch' | 'task/submit', data: unknown): Promise<Task['task']> {
  const res = await h.post(taskFrom(h.connector, user, name, data));
  expect(res.status).toBe(200);
  return (res.body as Task).task;
}
const dialogCard = (t: Task['task']): Card => (t.value as { card: { content: Card } }).card.content;
const drafts = () => new DraftRepository(createStore({ STORAGE: 'file', DATA_DIR: h.dataDir }));

/** The form at step 2 (a section), posted in Anna's chat. */
async function formAtSection(): Promise<{ card: Card; formId: string }> {
  const driver = new FormDriver(h);
  const posted = await driver.say(annaChat, `besvara ${DNR}`);
  const details = { name: anna.name, email: anna.email, phone: '', meeting: 'none' };
  const card = await driver.click(annaChat, cardOf(posted)!, 'Nästa', details, posted.id);
  return { card, formId: posted.id };
}

test('"Skriv i stort fönster" opens every section on one page in a large dialog; saving updates the form', async () => {
  const { card, formId } = await formAtSection();
  const open = button(card, 'Skriv i stort fönster');
  expect(open.type).toBe('Action.Submit');
  expect(open.data).toMatchObject({ msteams: { type: 'task/fetch' }, dialog: 'answer.write', dnr: DNR });

  const fetched = await task(annaChat, 'task/fetch', open.data);
  expect(fetched.type).toBe('continue');
  expect(fetched.value).toMatchObject({ title: 'Skriv svaret', width: 'large', height: 'large' });
  const dialog = dialogCard(fetched);
  for (const id of ['sammanfattning', 'bakgrund', 'arendet', 'analys', 'bilagor'])
    expect(input(dialog, id)).toMatchObject({ isMultiline: true });
  expect(input(dialog, 'arendet')!.label).toBe('Ärendet (ska fyllas i)');
  expect(input(dialog, 'bakgrund')!.value).toContain('har remitterat');

  const submit = button(dialog, 'Spara och stäng');
  const sections = {
    sammanfattning: 'Bolaget tillstyrker.',
    bakgrund: input(dialog, 'bakgrund')!.value,
    arendet: 'Programmet har tre delar.',
    analys: 'Första stycket.\n\nAndra stycket.',
    bilagor: '',
  };
  const saved = await task(annaChat, 'task/submit', { ...submit.data, ...sections });
  expect(saved).toEqual({ type: 'message', value: 'Sparat. Formuläret i chatten visar det du skrev.' });
  const draft = (await drafts().get(DNR))!.value;
  expect(draft.answer).toMatchObject({ sections: { arendet: 'Programmet har tre delar.', analys: sections.analys } });
  expect(draft.revision).toBe(2);
  const history = await drafts().history(DNR);
  expect(history.filter((s) => s.applied && s.fields.analys === sections.analys)).toHaveLength(1);

  // The form card in the chat now shows the new revision, with ✓ for what was written.
  await h.bot.outbox.idle();
  const update = h.connector.received.filter((a) => a.method === 'PUT' && a.id === formId).at(-1)!;
  expect(cardText(cardOf(update))).toContain('✓ Ärendet');
  expect(JSON.stringify(cardOf(update))).toContain('"revision":2');
});

test('a submission from an older dialog is kept in the history only; the dialog shows the newest text', async () => {
  const { card } = await formAtSection();
  const dialog = dialogCard(await task(annaChat, 'task/fetch', button(card, 'Skriv i stort fönster').data));
  const data = button(dialog, 'Spara och stäng').data;
  await task(annaChat, 'task/submit', { ...data, arendet: 'Nyare.' });
  const stale = await task(annaChat, 'task/submit', { ...data, arendet: 'Äldre.' });
  expect(stale.type).toBe('continue');
  expect(cardText(dialogCard(stale))).toContain('Svaret har ändrats på en annan enhet');
  expect(input(dialogCard(stale), 'arendet')!.value).toBe('Nyare.');
  expect((await drafts().get(DNR))!.value.answer).toMatchObject({ sections: { arendet: 'Nyare.' } });
  expect((await drafts().history(DNR)).filter((s) => !s.applied).map((s) => s.fields.arendet)).toEqual(['Äldre.']);
});

test('too long a section comes back in the dialog with the error beside it, as typed, unsaved', async () => {
  const { card } = await formAtSection();
  const dialog = dialogCard(await task(annaChat, 'task/fetch', button(card, 'Skriv i stort fönster').data));
  const before = await drafts().get(DNR);
  const invalid = await task(annaChat, 'task/submit', {
    ...button(dialog, 'Spara och stäng').data,
    analys: 'x'.repeat(20_001),
  });
  expect(cardText(dialogCard(invalid))).toContain('Texten får vara högst 20');
  expect((input(dialogCard(invalid), 'analys')!.value as string).length).toBe(20_001);
  expect(await drafts().get(DNR)).toEqual(before);
});

test.each([
  ['forged data', 'annaChat', { dialog: 'answer.write', dnr: DNR, revision: 'x' }, 'INVALID_SUBMISSION'],
  ['a dnr that does not exist', 'annaChat', { dialog: 'answer.write', dnr: 'KS 9/9', revision: 0 }, 'REMISS_NOT_FOUND'],
  ['an unknown dialog', 'annaChat', { dialog: 'answer.delete', dnr: DNR, revision: 1 }, 'UNKNOWN_VERB'],
  ["someone else's draft", 'bertilChat', { dialog: 'answer.write', dnr: DNR, revision: 1 }, 'NOT_DRAFT_OWNER'],
])('%s is refused with its code, on fetch and submit, and changes nothing', async (_n, who, data, code) => {
  await formAtSection();
  const user = who === 'annaChat' ? annaChat : bertilChat;
  const before = await drafts().get(DNR);
  for (const name of ['task/fetch', 'task/submit'] as const) {
    const answered = await task(user, name, { ...data, arendet: 'Kapat!' });
    expect(refusalOf(dialogCard(answered) as never)).toBe(code);
  }
  expect(await drafts().get(DNR)).toEqual(before);
});
