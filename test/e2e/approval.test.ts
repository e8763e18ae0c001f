/**
 * Manager approval through the real HTTP server with two and three users on the fake connector: the happy
 * path, send back and resend, forged and stale clicks, concurrent clicks, a duplicated activity, the 1:1 chat
 * created proactively, the 403 path, and both cards replaced. Slow work runs in the outbox, after the turn.
 */
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import { cardActionFrom, personalChat, startHarness, type ChatUser, type Harness } from '../support/botHarness.js';
import { button, FormDriver, hasButton, type Card } from '../support/formDriver.js';
import { remiss } from '../support/remissFixtures.js';
import { readDocx } from '../support/docxText.js';
import { ApprovalStore, sha256 } from '../../src/features/approval/approvalStore.js';
import { createStore } from '../../src/storage/createStore.js';

const DNR = 'KS 2026/500';
const anna = { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna', email: 'anna.andersson@stad.se' };
// The organisation's configured approver (config/organisation.json).
const cecilia = {
  id: '29:cecilia',
  name: 'Cecilia Holm',
  aadObjectId: 'aad-cecilia',
  email: 'cecilia.holm@stad.example.se',
};
const mallory = { id: '29:mallory', name: 'Mallory', aadObjectId: 'aad-mallory', email: 'mallory@stad.se' };

let h: Harness;
let d: FormDriver;
let annaChat: ChatUser;
let ceciliaChat: ChatUser;
let malloryChat: ChatUser;
let now = new Date('2026-11-24T13:03:00Z');

beforeEach(async () => {
  now = new Date('2026-11-24T13:03:00Z');
  h = await startHarness({ now: () => now });
  d = new FormDriver(h);
  annaChat = personalChat(h.connector, anna);
  ceciliaChat = personalChat(h.connector, cecilia);
  malloryChat = personalChat(h.connector, mallory);
  await h.bot.register.save(
    remiss({
      dnr: DNR,
      title: 'Näringslivspolicy',
      remittent: 'Stockholms Stadshus AB',
      dueDate: '2026-12-15',
      handlaggare: { email: anna.email },
    }),
  );
});
afterEach(async () => {
  await h.stop();
});

async function sendForApproval(message = 'Hej! Kan du godkänna?'): Promise<{ status: Card; formId: string }> {
  const { card: preview, formId } = await d.answerToPreview(annaChat, DNR, anna.email);
  const compose = await d.click(annaChat, preview, 'Skicka för godkännande');
  expect(cardText(compose)).toContain('Välj vem som ska godkänna svaret');
  const status = await d.click(annaChat, compose, 'Skicka', { approver: cecilia.email, message });
  return { status, formId };
}

/** The approval request card that reached Cecilia's chat. */
async function approverCard(): Promise<{ card: Card; id: string; conversationId: string }> {
  await h.bot.outbox.idle();
  const sent = h.connector.received.filter(
    (a) => a.method === 'POST' && cardText(cardOf(a)).includes('ber dig godkänna'),
  );
  const last = sent.at(-1)!;
  return { card: cardOf(last)!, id: last.id, conversationId: last.conversationId };
}

test(
  'happy path: sent, delivered to the approver who said "hej", approved; both cards replaced; the handläggare ' +
    'told',
  async () => {
    await d.say(ceciliaChat, 'hej');
    const { status, formId } = await sendForApproval();
    expect(cardText(status)).toContain('Version 1 har skickats till Cecilia Holm för godkännande');
    // A status, not the imperative of the button that sent it.
    expect(cardText(status).split('\n')[0]).toBe('Väntar på godkännande');
    expect((await h.bot.register.get(DNR))!.remiss.status).toBe('För godkännande');

    const request = await approverCard();
    expect(request.conversationId).toBe(ceciliaChat.conversationId);
    const text = cardText(request.card);
    for (const expected of [
      'Anna Andersson ber dig godkänna ett remissvar',
      'Näringslivspolicy',
      DNR,
      'Stockholms Stadshus AB',
      '15 december 2026',
      'Hej! Kan du godkänna?',
      'Bolaget tillstyrker förslaget.',
      'Godkänn',
      'Begär ändringar',
      'Ladda ned version 1',
    ]) {
      expect(text).toContain(expected);
    }

    const decided = await d.click(ceciliaChat, request.card, 'Godkänn', {}, request.id);
    expect(cardText(decided)).toContain('Godkänd av Cecilia Holm den 24 november 2026 kl. 14.03');
    expect(hasButton(decided, 'Godkänn')).toBe(false);
    await h.bot.outbox.idle();

    const updates = h.connector.received.filter((a) => a.method === 'PUT');
    expect(
      updates.some(
        (u) =>
          u.id === request.id && cardText(cardOf(u)).includes('Godkänd av Cecilia Holm den 24 november 2026 kl. 14.03'),
      ),
    ).toBe(true);
    expect(updates.some((u) => u.id === formId && cardText(cardOf(u)).includes('Godkänd av Cecilia Holm'))).toBe(true);
    expect(
      h.connector
        .sentTo(annaChat.conversationId)
        .some((a) => String(a.body.text).includes('Ditt svar på ”Näringslivspolicy” är godkänt av Cecilia Holm')),
    ).toBe(true);
    // Approved, then filed (the filing feature's job): without a registrator that makes it Besvarad.
    expect(
      (await h.bot.register.get(DNR))!.remiss.history
        .filter((e) => e.kind === 'statusChanged')
        .map((e) => (e as { to: string }).to),
    ).toEqual(['Pågår', 'För godkännande', 'Godkänd', 'Besvarad']);
    // One filing job per decision: its id carries the decision's time.
    const filingId = `filing-${sha256(Buffer.from(DNR)).slice(0, 16)}-v1-${Date.parse('2026-11-24T13:03:00Z')}`;
    expect(await h.bot.outbox.get(filingId)).toMatchObject({
      state: 'done',
    });

    // The audit trail shows who sent and approved which version, with its hash.
    const history = (await h.bot.register.get(DNR))!.remiss.history;
    const approval = (await new ApprovalStore(createStore({ STORAGE: 'file', DATA_DIR: h.dataDir })).get(DNR))!.value;
    expect(history.filter((e) => e.kind === 'approvalRequested' || e.kind === 'approved')).toEqual([
      expect.objectContaining({
        kind: 'approvalRequested',
        version: 1,
        hash: approval.versions[0]!.hash,
        by: 'Anna Andersson',
        approver: 'Cecilia Holm',
      }),
      expect.objectContaining({ kind: 'approved', version: 1, hash: approval.versions[0]!.hash, by: 'Cecilia Holm' }),
    ]);
    const detail = cardOf(await d.say(annaChat, `visa ${DNR}`))!;
    expect(cardText(detail)).toContain('Version 1 godkänd av Cecilia Holm');
  },
);

test('the status card that replaces the sent form leads back to the list; the approver decides instead', async () => {
  await d.say(ceciliaChat, 'hej');
  const { status } = await sendForApproval();
  expect(cardText(status).split('\n')[0]).toBe('Väntar på godkännande');
  expect(button(status, 'Tillbaka till listan').verb).toBe('due.list');
  const list = await d.click(annaChat, status, 'Tillbaka till listan');
  expect(cardText(list)).toContain('Remisser att besvara');
  expect(cardText(list)).toContain('Näringslivspolicy');
  expect(hasButton((await approverCard()).card, 'Tillbaka till listan')).toBe(false);
});

test('the approver downloads exactly the version that was sent', async () => {
  await d.say(ceciliaChat, 'hej');
  await sendForApproval();
  const request = await approverCard();
  const withLink = await d.click(ceciliaChat, request.card, 'Ladda ned version 1');
  const link = (withLink.actions as { type: string; url?: string }[]).find((a) => a.type === 'Action.OpenUrl')!.url!;
  const bytes = Buffer.from(await (await fetch(`${h.baseUrl}${new URL(link).pathname}`)).arrayBuffer());
  const stored = (await new ApprovalStore(createStore({ STORAGE: 'file', DATA_DIR: h.dataDir })).getDocument(DNR, 1))!;
  expect(sha256(bytes)).toBe(stored.hash);
  expect((await readDocx(bytes)).paragraphs.map((p) => p.text)).toContain('SBR tillstyrker avsnitt 3.');
  // Mallory cannot fetch a link for it.
  const refused = await d.click(malloryChat, request.card, 'Ladda ned version 1');
  expect(cardText(refused)).toContain('Det är bara den utsedda godkännaren');
});

test('send back with a comment, edit, resend as version 2; the old card cannot decide', async () => {
  await d.say(ceciliaChat, 'hej');
  await sendForApproval();
  const first = await approverCard();
  const noComment = await d.click(ceciliaChat, first.card, 'Skicka begäran', { comment: '   ' });
  expect(cardText(noComment)).toContain('Skriv vad som behöver ändras.');
  const sentBack = await d.click(ceciliaChat, first.card, 'Skicka begäran', { comment: 'Förtydliga avsnitt 3.' });
  expect(cardText(sentBack)).toContain('Ändringar begärda av Cecilia Holm');
  await h.bot.outbox.idle();
  expect((await h.bot.register.get(DNR))!.remiss.status).toBe('Ändringar begärda');
  expect(
    h.connector
      .sentTo(annaChat.conversationId)
      .some((a) =>
        String(a.body.text).includes(
          'Cecilia Holm vill att du ändrar svaret på ”Näringslivspolicy”: Förtydliga avsnitt 3.',
        ),
      ),
  ).toBe(true);

  // Editing opens again, with the comment at the top of the form.
  const form = cardOf(await d.say(annaChat, `besvara ${DNR}`))!;
  expect(cardText(form)).toContain('Cecilia Holm begärde ändringar: Förtydliga avsnitt 3.');
  const back = await d.click(annaChat, form, 'Föregående');
  const analysis = await d.click(annaChat, back, 'Föregående');
  const edited = await d.click(annaChat, analysis, 'Nästa', { text: 'SBR tillstyrker avsnitt 3 i sin helhet.' });
  const preview = await d.click(annaChat, edited, 'Nästa', { text: '' });
  const compose = await d.click(annaChat, preview, 'Skicka för godkännande');
  const status = await d.click(annaChat, compose, 'Skicka', { approver: cecilia.email });
  expect(cardText(status)).toContain('Version 2 har skickats till');

  const stale = await d.click(ceciliaChat, first.card, 'Godkänn');
  expect(cardText(stale)).toContain(
    'Det här kortet gäller version 1, men den senaste versionen är 2. Ingenting har ändrats.',
  );
  const second = await approverCard();
  expect(cardText(second.card)).toContain('Version');
  await d.click(ceciliaChat, second.card, 'Godkänn');
  const approval = (await new ApprovalStore(createStore({ STORAGE: 'file', DATA_DIR: h.dataDir })).get(DNR))!.value;
  expect(approval.versions.map((v) => [v.version, v.decision?.kind])).toEqual([
    [1, 'changesRequested'],
    [2, 'approved'],
  ]);
  const again = await d.click(ceciliaChat, second.card, 'Godkänn');
  expect(cardText(again)).toContain('Beslutet är redan fattat: Godkänd av Cecilia Holm');
});

test('a forged approval by a third user, or by the handläggare, changes nothing', async () => {
  await d.say(ceciliaChat, 'hej');
  await sendForApproval();
  const request = await approverCard();
  const approvals = new ApprovalStore(createStore({ STORAGE: 'file', DATA_DIR: h.dataDir }));
  const before = await approvals.get(DNR);
  for (const user of [malloryChat, annaChat]) {
    const res = await d.click(user, request.card, 'Godkänn');
    expect(cardText(res)).toContain('Det är bara den utsedda godkännaren som kan fatta beslut');
  }
  expect(await approvals.get(DNR)).toEqual(before);
  expect((await h.bot.register.get(DNR))!.remiss.status).toBe('För godkännande');
});

test('50 concurrent Godkänn clicks give exactly one decision and one filing job', async () => {
  await d.say(ceciliaChat, 'hej');
  await sendForApproval();
  const request = await approverCard();
  const b = button(request.card, 'Godkänn');
  const responses = await Promise.all(
    Array.from({ length: 50 }, () => h.post(cardActionFrom(h.connector, ceciliaChat, b.verb, b.data))),
  );
  expect(responses.every((r) => r.status === 200)).toBe(true);
  const texts = responses.map((r) => cardText((r.body as { value: Card }).value));
  expect(texts.filter((t) => !t.includes('Beslutet är redan fattat')).length).toBe(1);
  await h.bot.outbox.idle();
  const store = createStore({ STORAGE: 'file', DATA_DIR: h.dataDir });
  const jobs = await Promise.all((await store.list('outbox/')).map((k) => store.get<{ kind: string }>(k)));
  expect(jobs.filter((j) => j?.value.kind === 'filing.file')).toHaveLength(1);
  expect((await h.bot.register.get(DNR))!.remiss.history.filter((e) => e.kind === 'approved')).toHaveLength(1);
});

test('the same activity delivered twice (a Teams retry) is handled once', async () => {
  await d.say(ceciliaChat, 'hej');
  await sendForApproval();
  const request = await approverCard();
  const b = button(request.card, 'Godkänn');
  const activity = cardActionFrom(h.connector, ceciliaChat, b.verb, b.data);
  const [first, second] = [await h.post(activity), await h.post(activity)];
  expect(first.status).toBe(200);
  expect(second.status).toBe(200);
  await h.bot.outbox.idle();
  expect((await h.bot.register.get(DNR))!.remiss.history.filter((e) => e.kind === 'approved')).toHaveLength(1);
  const toldAnna = h.connector
    .sentTo(annaChat.conversationId)
    .filter((a) => String(a.body.text).includes('är godkänt av'));
  expect(toldAnna).toHaveLength(1);
});

test('an approver who never spoke to the bot gets a 1:1 chat created through the connector', async () => {
  // Cecilia has the app (she is in a roster the connector knows) but has not written to the bot; the people
  // picker gave her Entra object id.
  h.connector.addConversation('19:team-roster', [
    { ...cecilia, id: '29:cecilia-2', aadObjectId: '0f0e0d0c-0b0a-0908-0706-050403020100' },
  ]);
  const { card: preview } = await d.answerToPreview(annaChat, DNR, anna.email);
  const compose = await d.click(annaChat, preview, 'Skicka för godkännande');
  await d.click(annaChat, compose, 'Skicka', { approver: '0f0e0d0c-0b0a-0908-0706-050403020100' });
  await h.bot.outbox.idle();
  expect(h.connector.created.map((c) => c.memberId)).toContain('0f0e0d0c-0b0a-0908-0706-050403020100');
  const created = h.connector.created.find((c) => c.memberId === '0f0e0d0c-0b0a-0908-0706-050403020100')!;
  expect(cardText(cardOf(h.connector.sentTo(created.id).at(-1)!))).toContain('ber dig godkänna');
});

test('403 BotNotInConversationRoster: the handläggare is told in Swedish and the request waits', async () => {
  const { card: preview } = await d.answerToPreview(annaChat, DNR, anna.email);
  const compose = await d.click(annaChat, preview, 'Skicka för godkännande');
  // A person with no app: the connector refuses the 1:1 chat.
  await d.click(annaChat, compose, 'Skicka', { approver: '11111111-2222-3333-4444-000000000099' });
  await h.bot.outbox.idle();
  const told = h.connector.sentTo(annaChat.conversationId).filter((a) => String(a.body.text).includes('Jag når inte'));
  expect(told).toHaveLength(1);
  expect(String(told[0]!.body.text)).toContain('Be 11111111-2222-3333-4444-000000000099 att öppna Remissbot en gång');
  const job = (await createStore({ STORAGE: 'file', DATA_DIR: h.dataDir }).list('outbox/')).find((k) =>
    k.includes('approval-notify'),
  )!;
  expect(await h.bot.outbox.get(job.slice('outbox/'.length))).toMatchObject({ state: 'pending', attempts: 0 });
});

test('the handläggare is answered before the slow delivery runs', async () => {
  await d.say(ceciliaChat, 'hej');
  h.connector.block(ceciliaChat.conversationId);
  const { status } = await sendForApproval();
  // The send was answered while the delivery to Cecilia is still held by the connector.
  expect(cardText(status)).toContain('Version 1 har skickats till');
  expect(
    h.connector.sentTo(ceciliaChat.conversationId).filter((a) => cardText(cardOf(a)).includes('ber dig godkänna')),
  ).toHaveLength(0);
  h.connector.release(ceciliaChat.conversationId);
  await approverCard();
  expect(
    h.connector.sentTo(ceciliaChat.conversationId).filter((a) => cardText(cardOf(a)).includes('ber dig godkänna')),
  ).toHaveLength(1);
});
