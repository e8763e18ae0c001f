/**
 * Teams delivers an activity again when it thinks the first went unanswered, sometimes while the first is still
 * running. Across the bot, the same activity (same id) is handled once: one reply to a message, one saved step,
 * one "besvara" draft.
 */
import { DraftRepository } from '../../src/features/answer/draftRepository.js';
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

const DNR = 'KS 2026/5';
let h: Harness;
let anna: ChatUser;

beforeEach(async () => {
  h = await startHarness({ now: new Date('2026-11-24T09:00:00Z') });
  anna = personalChat(h.connector, {
    id: '29:anna',
    name: 'Anna Andersson',
    aadObjectId: 'aad-anna',
    email: 'anna@stad.se',
  });
  await h.bot.register.save(
    remiss({ dnr: DNR, title: 'Cykelplan', dueDate: '2026-12-15', handlaggare: { email: 'anna@stad.se' } }),
  );
});
afterEach(async () => {
  await h.stop();
});

test.each([
  ['one after the other', false],
  ['at the same moment', true],
])('a message delivered twice %s gets one answer', async (_, together) => {
  const activity = messageFrom(h.connector, anna, 'vilka remisser ska besvaras?');
  const results = together
    ? await Promise.all([h.post(activity), h.post(activity)])
    : [await h.post(activity), await h.post(activity)];
  expect(results.map((r) => r.status)).toEqual([200, 200]);
  await h.connector.waitFor(() => h.connector.sentTo(anna.conversationId).length > 0);
  await new Promise((r) => setTimeout(r, 300));
  expect(h.connector.sentTo(anna.conversationId)).toHaveLength(1);
});

test('"besvara" delivered twice at once starts one draft, and a saved step delivered twice is saved once', async () => {
  const start = messageFrom(h.connector, anna, `besvara ${DNR}`);
  await Promise.all([h.post(start), h.post(start)]);
  await h.connector.waitFor(() => h.connector.sentTo(anna.conversationId).length > 0);
  await new Promise((r) => setTimeout(r, 300));
  expect(h.connector.sentTo(anna.conversationId)).toHaveLength(1);
  expect(cardText(cardOf(h.connector.sentTo(anna.conversationId)[0]!))).toContain('Steg 1 av 7');

  const drafts = new DraftRepository(h.bot.store);
  const draft = (await drafts.get(DNR))!.value;
  const save = cardActionFrom(h.connector, anna, 'answer.save', {
    dnr: DNR,
    revision: draft.revision,
    step: 1,
    nav: 'next',
    name: 'Anna Andersson',
    email: 'anna@stad.se',
    phone: '',
    meeting: 'none',
  });
  const [first, second] = await Promise.all([h.post(save), h.post(save)]);
  expect([first.status, second.status]).toEqual([200, 200]);
  const after = (await drafts.get(DNR))!.value;
  expect(after.revision).toBe(draft.revision + 1);
  expect(after.step).toBe(2);
  // One of the two answers is the next step; the repeat is told it was already handled, in Swedish.
  const shown = [first, second].map((r) => JSON.stringify(r.body));
  expect(shown.filter((s) => s.includes('Steg 2 av 7'))).toHaveLength(1);
  expect(shown.filter((s) => s.includes('Redan hanterat'))).toHaveLength(1);
});

test('a repeated card action is told it was already handled in the language the user chose', async () => {
  await h.post(messageFrom(h.connector, anna, 'english'));
  const list = cardActionFrom(h.connector, anna, 'due.list', { filter: 'due', offset: 0 });
  const shown = (await Promise.all([h.post(list), h.post(list)])).map((r) => JSON.stringify(r.body));
  expect(shown.filter((s) => s.includes('Already handled.'))).toHaveLength(1);
  expect(shown.filter((s) => s.includes('Redan hanterat'))).toHaveLength(0);
});
