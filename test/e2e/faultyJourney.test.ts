/**
 * A whole journey (answer, approval, filing in SharePoint) while the fake connector and the fake Graph fail
 * 30% of their calls with 429, 503, a reset connection or no answer at all (before processing them). People repeat what
 * got no
 * answer, as they would; what the bot sends on its own (the approval request, the filing, the notices) arrives
 * exactly once.
 */
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import type { FakeGraph } from '../fakes/fakeGraph.js';
import { personalChat, startHarness, type ChatUser, type Harness } from '../support/botHarness.js';
import { recordFigure } from '../support/figures.js';
import { button, FormDriver, type Card } from '../support/formDriver.js';
import { graphEnv, LIBRARY, startFakeGraph } from '../support/graphSetup.js';
import { remiss } from '../support/remissFixtures.js';
import { DEFAULT_OUTBOX_OPTIONS } from '../../src/outbox/outbox.js';

const anna = { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna', email: 'anna.andersson@stad.se' };
const cecilia = {
  id: '29:cecilia',
  name: 'Cecilia Holm',
  aadObjectId: 'aad-cecilia',
  email: 'cecilia.holm@stad.example.se',
};

let graph: FakeGraph;
let h: Harness;

afterEach(async () => {
  await h?.stop();
  await graph?.stop();
});

/** What a person does when the bot did not answer: try again. */
async function untilAnswered<T>(action: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
}

test(
  '30% of connector and Graph calls fail: the journey completes, and everything is sent and filed ' + 'once',
  async () => {
    graph = await startFakeGraph();
    // The clock runs, so the outbox's backoff (due times) passes as it would.
    const started = Date.now();
    h = await startHarness({
      now: () => new Date(Date.parse('2026-11-24T09:00:00Z') + Date.now() - started),
      env: { ...graphEnv(graph), OUTBOUND_TIMEOUT_SECONDS: '2' },
      outbox: { ...DEFAULT_OUTBOX_OPTIONS, pollMs: 50, baseBackoffMs: 50, maxBackoffMs: 500 },
    });
    const d = new FormDriver(h);
    const annaChat: ChatUser = personalChat(h.connector, anna);
    const ceciliaChat: ChatUser = personalChat(h.connector, cecilia);
    await h.bot.register.save(
      remiss({
        dnr: 'KS 2026/1',
        title: 'Trygghetsprogram',
        dueDate: '2026-12-15',
        handlaggare: { email: anna.email },
      }),
    );
    h.connector.injectFaults(0.3);
    graph.injectFaults(0.3, ['429', '503', 'reset', 'timeout']);

    await untilAnswered(() => d.say(ceciliaChat, 'hej'));
    const { card: preview } = await untilAnswered(() => d.answerToPreview(annaChat, 'KS 2026/1', anna.email));
    const compose = await untilAnswered(() => d.click(annaChat, preview, 'Skicka för godkännande'));
    await untilAnswered(() => d.click(annaChat, compose, 'Skicka', { approver: cecilia.email }));
    const requests = async () => {
      await h.bot.outbox.idle();
      return h.connector
        .sentTo(ceciliaChat.conversationId)
        .map((a) => cardOf(a))
        .filter((c): c is Card => !!c && cardText(c).includes('Godkänn'));
    };
    for (let i = 0; i < 240 && (await requests()).length === 0; i++) await new Promise((r) => setTimeout(r, 250));
    const [request, ...more] = await requests();
    expect(more).toEqual([]);
    await untilAnswered(() => d.click(ceciliaChat, request!, 'Godkänn'));
    const told = (text: string) =>
      h.connector.sentTo(annaChat.conversationId).filter((a) => String(a.body.text ?? '').includes(text));
    const finished = async () =>
      (await h.bot.register.get('KS 2026/1'))!.remiss.status === 'Besvarad' &&
      told('är sparat i dokumentbiblioteket').length > 0 &&
      told('är godkänt').length > 0;
    for (let i = 0; i < 480 && !(await finished()); i++) {
      await new Promise((r) => setTimeout(r, 250));
      await h.bot.outbox.idle();
    }

    const faults = [
      ...h.connector.faultsInjected.map((f) => f.split(' ')[0]!),
      ...graph.requests.flatMap((r) => (r.fault ? [r.fault] : [])),
    ];
    const count = (kind: string) => faults.filter((f) => f.startsWith(kind)).length;
    recordFigure('faultyJourney', {
      faults: faults.length,
      '429': count('429'),
      '503': count('503'),
      resets: count('reset'),
      timeouts: count('timeout'),
    });
    expect(faults.length).toBeGreaterThan(3);
    expect((await h.bot.register.get('KS 2026/1'))!.remiss.status).toBe('Besvarad');
    expect(graph.filesIn(LIBRARY).map((f) => f.name.slice(f.name.lastIndexOf('.')))).toEqual(['.docx', '.pdf']);
    expect(told('är sparat i dokumentbiblioteket')).toHaveLength(1);
    expect(told('är godkänt')).toHaveLength(1);
    expect(button(request!, 'Godkänn')).toBeTruthy();
    expect(graph.violations).toEqual([]);
  },
  240_000,
);
