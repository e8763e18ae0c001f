/**
 * Property-based tests of hostile input through the real HTTP server: any message and any card action data
 * (huge strings, control characters, wrong types, missing fields, unknown verbs, markdown and HTML) gets a
 * Swedish answer, never a crash or a 5xx, and leaves the register unchanged; file names for the filing path
 * are always safe. FUZZ_RUNS sets the number of cases (`npm run test:soak` runs 10,000 of each).
 */
import fc from 'fast-check';
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
import { fitPath, MAX_PATH_LENGTH, safeName } from '../../src/domain/filingNames.js';
import { recordFigure } from '../support/figures.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const VERBS = [
  'due.list',
  'remiss.show',
  'answer.start',
  'answer.avsta',
  'answer.save',
  'answer.download',
  'answer.refresh',
  'approval.compose',
  'approval.send',
  'approval.decide',
  'approval.download',
  'filing.registered',
  'intake.open',
  'intake.read',
  'intake.save',
  'distribution.assignSave',
  'distribution.extensionSave',
  'referral.open',
  'referral.send',
];

let h: Harness;
let user: ChatUser;
let registerBefore: string;

const registerNow = async () => JSON.stringify((await h.bot.register.listAll()).map((v) => v.remiss));

beforeAll(async () => {
  h = await startHarness({ now: new Date('2026-11-24T09:00:00Z') });
  user = personalChat(h.connector, { id: '29:fuzz', name: 'Fuzz', aadObjectId: 'aad-fuzz', email: 'fuzz@stad.se' });
  await h.bot.register.save(
    remiss({
      dnr: 'KS 2026/1',
      title: 'Trygghetsprogram',
      dueDate: '2026-12-15',
      handlaggare: { email: 'anna@stad.se' },
    }),
  );
  registerBefore = await registerNow();
});
afterAll(async () => {
  await h?.stop();
  recordFigure('fuzz', { casesPerProperty: RUNS, fileNameCases: RUNS * 5 });
});

const hostileText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom(
      '\u0000',
      '\u0007',
      '\u001b',
      '\u202e',
      '\ufeff',
      '\n',
      '\t',
      'å',
      '<',
      '>',
      '*',
      '_',
      '[',
      ']',
      '(',
      ')',
      '`',
    ),
    maxLength: 300,
  }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '**fet** _kursiv_ [länk](javascript:alert(1))',
    '<at>Remissbot</at> visa KS 2026/1',
    '<at>Remissbot</at>',
    'besvara ../../etc/passwd',
    'visa CON',
    'besvara _vti_bin',
    '?',
    '',
  ),
  fc.integer({ min: 5_000, max: 30_000 }).map((n) => 'å'.repeat(n)),
);

test(
  'any message gets an answer, never a 5xx, and changes nothing in the register',
  async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        const before = h.connector.sentTo(user.conversationId).length;
        const res = await h.post(messageFrom(h.connector, user, text));
        expect(res.status).toBe(200);
        await h.connector.waitFor(() => h.connector.sentTo(user.conversationId).length > before);
        const reply = h.connector.sentTo(user.conversationId).at(-1)!;
        const shown = cardOf(reply) ? cardText(cardOf(reply)) : String(reply.body.text ?? '');
        expect(shown.trim().length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
    expect(await registerNow()).toBe(registerBefore);
  },
  Math.max(600_000, RUNS * 300),
);

const hostileData = fc.oneof(
  fc.anything(),
  fc.record(
    {
      dnr: fc.oneof(hostileText, fc.constant('KS 2026/1'), fc.integer(), fc.constant(null)),
      revision: fc.oneof(fc.integer(), fc.string(), fc.double()),
      step: fc.anything(),
      nav: fc.anything(),
      text: hostileText,
      version: fc.anything(),
      decision: fc.anything(),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    { filter: fc.oneof(fc.string(), fc.constant('due')), offset: fc.oneof(fc.integer(), fc.double(), fc.string()) },
    { requiredKeys: [] },
  ),
);

test(
  'any card action, with any data, gets a card with a message, never a 5xx, and changes nothing',
  async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...VERBS), fc.string({ maxLength: 40 })),
        hostileData,
        async (verb, data) => {
          const res = await h.post(cardActionFrom(h.connector, user, verb, data));
          expect(res.status).toBe(200);
          const card = (res.body as { value?: { type?: string } }).value;
          expect(card?.type).toBe('AdaptiveCard');
          expect(cardText(card).trim().length).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS },
    );
    // A draft may have been opened (answer.start on the real dnr is a valid action), but the register is unchanged.
    expect(await registerNow()).toBe(registerBefore);
  },
  Math.max(600_000, RUNS * 300),
);

test('file names for the filing path are always safe for SharePoint and Windows, and paths stay under 400', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ maxLength: 600 }),
        fc.string({ unit: 'binary', maxLength: 600 }),
        fc.constantFrom('CON', 'con.docx', 'LPT9.pdf', '_vti_cnf', ' .. ', '...', 'a/b\\c', 'NUL', ''),
      ),
      fc.string({ maxLength: 600 }),
      (name, file) => {
        const safe = safeName(name);
        // eslint-disable-next-line no-control-regex
        expect(safe).not.toMatch(/["*:<>?/\\|\u0000-\u001f]/);
        expect(safe).not.toMatch(/^[\s.]|[\s.]$/);
        expect(safe).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
        expect(safe).not.toMatch(/^_vti_/i);
        expect(safe.length).toBeGreaterThan(0);
        const fileName = `${safeName(file)}.docx`;
        const fitted = fitPath('/Remissvar', '2026', safe, fileName);
        expect(`/Remissvar/2026/${fitted.folder}/${fitted.file}`.length).toBeLessThanOrEqual(MAX_PATH_LENGTH);
      },
    ),
    { numRuns: RUNS * 5 },
  );
});
