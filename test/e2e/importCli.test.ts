/**
 * `npm run import` as an admin runs it: the real CLI process, real files, the file store the bot reads
 * (DATA_DIR/store), and a second writer on the same store at the same time.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Remiss } from '../../src/domain/remiss.js';
import { importRemisser } from '../../src/features/import/importRemisser.js';
import { parseExport } from '../../src/features/import/parseExport.js';
import type { RemissRepository } from '../../src/register/remissRepository.js';
import { LocalRemissRepository } from '../../src/register/localRemissRepository.js';
import { FileStore } from '../../src/storage/fileStore.js';
import { StoreConflictError } from '../../src/storage/store.js';
import { exampleOrganisation } from '../support/answerFixtures.js';
import { startImport } from '../support/importProcess.js';
import { remiss } from '../support/remissFixtures.js';

const ROOT = path.resolve(__dirname, '../..');
const HEADER = 'diarienummer;titel;remittent;inkom;svarsdatum;handläggare;status';

let dir: string;
let dataDir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-import-'));
  dataDir = path.join(dir, 'data');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const runImport = async (args: string[], env: Record<string, string> = { DATA_DIR: dataDir }) => {
  const { code, stdout, stderr } = await startImport(dir, args, env).done;
  return { code, stdout, stderr };
};

async function writeExport(name: string, lines: string[], eol = '\r\n'): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, lines.join(eol) + eol);
  return file;
}

/** The register exactly where the bot reads it. */
const register = (root = dataDir) => new LocalRemissRepository(new FileStore(path.join(root, 'store')));
const stored = async (root = dataDir): Promise<Remiss[]> =>
  (await register(root).listAll())
    .map((v) => v.remiss)
    .sort((a, b) => a.dnr.localeCompare(b.dnr, 'sv', { numeric: true }));

test('imports the good rows, reports each bad one by physical line and field, and exits 1', async () => {
  const file = await writeExport('export.csv', [
    '\ufeff' + HEADER,
    'KS 1;Plan;Kommunstyrelsen;2026-10-01;15 december 2026;anna@stad.se;',
    'KS 2;"Program\növer två rader";KS;2026-10-01;31 juni 2026;anna@stad.se;',
    'KS 3;Policy;KS;2026-10-01;2026-12-20;bertil@stad.se;Pågår',
    'KS 4;Strategi;KS;2026-10-01;2026-12-20;bertil;Klar',
    'KS 1;Plan igen;KS;2026-10-01;2026-12-20;anna@stad.se;',
  ]);
  const run = await runImport([file]);
  expect(run.code).toBe(1);
  expect(run.stderr.trimEnd().split('\n')).toEqual([
    'rad 3: svarsdatum: ”31 juni 2026” är inget giltigt datum (skriv 2020-12-15 eller 15 december 2020)',
    'rad 6: handlaggare: ”bertil” är ingen e-postadress',
    expect.stringMatching(/^rad 6: status: ”Klar” är ingen känd status/),
    'rad 7: diarienummer: ”KS 1” finns redan på rad 2 i filen',
  ]);
  expect(run.stdout).toBe('Import klar: 2 nya, 0 uppdaterade, 0 oförändrade, 3 rader avvisade.\n');
  const remisser = await stored();
  expect(remisser.map((r) => [r.dnr, r.title, r.status, r.dueDate, r.handlaggare?.email])).toEqual([
    ['KS 1', 'Plan', 'Fördelad', '2026-12-15', 'anna@stad.se'],
    ['KS 3', 'Policy', 'Pågår', '2026-12-20', 'bertil@stad.se'],
  ]);
  expect(remisser[0]!.history).toEqual([{ at: expect.any(String), kind: 'created', source: 'import:export.csv' }]);
});

test('a clean file exits 0 with one summary line and nothing on stderr', async () => {
  const file = await writeExport('ok.csv', [HEADER, 'KS 1;Plan;KS;2026-10-01;2026-12-15;anna@stad.se;'], '\n');
  const run = await runImport([file]);
  expect(run).toEqual({
    code: 0,
    stdout: 'Import klar: 1 nya, 0 uppdaterade, 0 oförändrade, 0 rader avvisade.\n',
    stderr: '',
  });
});

test(
  'a re-import updates by diarienummer without duplicating, keeps the svarsdatum history, never moves status ' + 'back',
  async () => {
    const file = await writeExport('export.csv', [
      HEADER,
      'KS 1;Plan;KS;2026-10-01;2026-12-15;anna@stad.se;Pågår',
      'KS 2;Program;KS;2026-10-01;2026-12-15;anna@stad.se;',
    ]);
    expect((await runImport([file])).code).toBe(0);
    // Meanwhile the bot learned the handläggare's name.
    const repo = register();
    const first = (await repo.get('KS 1'))!;
    await repo.save(
      { ...first.remiss, handlaggare: { email: 'anna@stad.se', name: 'Anna Lindqvist', phone: '08-508 000 00' } },
      first.version,
    );

    await writeExport('export.csv', [
      HEADER,
      ' KS 1 ;Plan (reviderad);KS;2026-10-01;10 januari 2027;anna@stad.se;Fördelad',
      'KS 2;Program;KS;2026-10-01;2026-12-15;anna@stad.se;',
      'KS 3;Ny;KS;2026-11-01;2027-01-31;bertil@stad.se;',
    ]);
    const second = await runImport([file]);
    expect(second).toEqual({
      code: 0,
      stdout: 'Import klar: 1 nya, 1 uppdaterade, 1 oförändrade, 0 rader avvisade.\n',
      stderr: '',
    });
    const remisser = await stored();
    expect(remisser.map((r) => r.dnr)).toEqual(['KS 1', 'KS 2', 'KS 3']);
    expect(remisser[0]).toMatchObject({
      title: 'Plan (reviderad)',
      dueDate: '2027-01-10',
      status: 'Pågår',
      handlaggare: { email: 'anna@stad.se', name: 'Anna Lindqvist', phone: '08-508 000 00' },
    });
    expect(remisser[0]!.history).toEqual([
      { at: expect.any(String), kind: 'created', source: 'import:export.csv' },
      { at: expect.any(String), kind: 'updated', fields: ['title'], source: 'import:export.csv' },
      {
        at: expect.any(String),
        kind: 'dueDateChanged',
        from: '2026-12-15',
        to: '2027-01-10',
        source: 'import:export.csv',
      },
    ]);
    const unchanged = (await repo.get('KS 2'))!.version;

    const third = await runImport([file]);
    expect(third.stdout).toBe('Import klar: 0 nya, 0 uppdaterade, 3 oförändrade, 0 rader avvisade.\n');
    expect((await repo.get('KS 2'))!.version).toBe(unchanged); // nothing rewritten
  },
);

test('JSON exports import the same way; bad records are reported by position', async () => {
  const file = path.join(dir, 'export.json');
  await writeFile(
    file,
    JSON.stringify([
      {
        diarienummer: 'KS 2024/742',
        titel: 'Näringslivspolicy',
        remittent: 'Kommunstyrelsen',
        inkom: '2024-09-10',
        svarsdatum: '29 november 2024',
        handläggare: 'anna@stad.se',
        godkännare: 'per@stad.se',
      },
      {
        diarienummer: 'KS 2024/743',
        titel: 'Plan',
        remittent: 'KS',
        inkom: '2024-09-10',
        svarsdatum: 'i morgon',
        handläggare: 'anna@stad.se',
      },
    ]),
  );
  const run = await runImport([file]);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(
    'post 2: svarsdatum: ”i morgon” är inget giltigt datum (skriv 2020-12-15 eller 15 december 2020)\n',
  );
  expect(run.stdout).toBe('Import klar: 1 nya, 0 uppdaterade, 0 oförändrade, 1 post avvisad.\n');
  expect((await stored()).map((r) => [r.dnr, r.dueDate, r.approver?.email])).toEqual([
    ['KS 2024/742', '2024-11-29', 'per@stad.se'],
  ]);
});

test(
  'a file saved by Excel as plain "CSV" (Windows-1252) imports with å/ä/ö intact and says how it was ' + 'read',
  async () => {
    const latin1 = path.join(dir, 'latin1.csv');
    await writeFile(
      latin1,
      Buffer.from(
        `${HEADER}\r\nKS 1;Förslag om äldreomsorg;Kommunstyrelsen;2026-10-01;2026-12-15;a@b.se;\r\n`,
        'latin1',
      ),
    );
    const run = await runImport([latin1]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('lästes som Windows-1252');
    expect(run.stdout).toBe('Import klar: 1 nya, 0 uppdaterade, 0 oförändrade, 0 rader avvisade.\n');
    expect((await stored()).map((r) => r.title)).toEqual(['Förslag om äldreomsorg']);
  },
);

test('files that cannot be imported exit 2 with a Swedish message and import nothing', async () => {
  const workbook = path.join(dir, 'arbetsbok.csv');
  await writeFile(workbook, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
  const bad = await runImport([workbook]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('arbetsbok.csv: Filen är en Excel-arbetsbok');
  expect(bad.stdout).toBe('');

  const columns = await writeExport('kolumner.csv', [
    'diarienummer;titel;remittent;inkom;handläggare',
    'KS 1;T;KS;2026-10-01;a@b.se',
    'KS 2;T;KS;2026-10-01;a@b.se',
  ]);
  const missing = await runImport([columns]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toBe('kolumner.csv: Kolumnen svarsdatum saknas i rubrikraden. Ingenting importerades.\n');

  const absent = await runImport([path.join(dir, 'finns-inte.csv')]);
  expect(absent.code).toBe(2);
  expect(absent.stderr).toContain('finns inte');
  expect((await runImport([])).code).toBe(2);
  expect((await runImport([dir])).stderr).toContain('är en mapp');

  expect(await stored()).toEqual([]);
});

test('bad settings are reported and exit 2', async () => {
  const file = await writeExport('ok.csv', [HEADER, 'KS 1;Plan;KS;2026-10-01;2026-12-15;anna@stad.se;']);
  const run = await runImport([file], { DATA_DIR: dataDir, REMISS_SOURCE: 'sharepoint' });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('REMISS_SOURCE');
  expect(await stored()).toEqual([]);
});

test('settings come from .env in the working folder, without noise on stdout', async () => {
  await writeFile(path.join(dir, '.env'), 'DATA_DIR=./fran-env\n');
  const file = await writeExport('ok.csv', [HEADER, 'KS 1;Plan;KS;2026-10-01;2026-12-15;anna@stad.se;']);
  const run = await runImport([file], {});
  expect(run).toEqual({
    code: 0,
    stdout: 'Import klar: 1 nya, 0 uppdaterade, 0 oförändrade, 0 rader avvisade.\n',
    stderr: '',
  });
  expect((await stored(path.join(dir, 'fran-env'))).map((r) => r.dnr)).toEqual(['KS 1']);
});

test('an import running while the bot creates other remisser in the same register loses nothing', async () => {
  const rows = Array.from({ length: 40 }, (_, i) => `KS ${i};Titel ${i};KS;2026-10-01;2026-12-15;anna@stad.se;`);
  const file = await writeExport('export.csv', [HEADER, ...rows]);
  const repo = register();
  const running = runImport([file]);
  await Promise.all(
    Array.from({ length: 40 }, (_, i) => repo.save(remiss({ dnr: `BOT ${i}`, dueDate: '2026-12-01' }))),
  );
  expect((await running).code).toBe(0);
  expect(await stored()).toHaveLength(80);
});

test(
  'an import updating the remisser the bot is changing at the same moment loses neither side’s ' + 'changes',
  async () => {
    const N = 10;
    const dnrs = Array.from({ length: N }, (_, i) => `KS 2026/${i}`);
    const file = await writeExport('export.csv', [
      HEADER,
      ...dnrs.map((d) => `${d};Titel;KS;2026-10-01;2026-12-15;anna@stad.se;`),
    ]);
    expect((await runImport([file])).code).toBe(0);
    await writeExport('export.csv', [
      HEADER,
      ...dnrs.map((d) => `${d};Titel (ny);KS;2026-10-01;2027-01-15;anna@stad.se;`),
    ]);

    // "The bot": one writer per remiss keeps rewriting the handläggare's phone (a field the import does not
    // own) and sets Pågår, with conditional writes and retries, from before the import starts until after it ends.
    const bot = register();
    const lastPhone = new Map<string, string>();
    let importDone = false;
    let botWrites = 0;
    const botLoop = Promise.all(
      dnrs.map(async (dnr) => {
        for (let round = 0; !importDone || round < 2; round++) {
          for (;;) {
            const current = (await bot.get(dnr))!;
            const phone = `08-${round}`;
            try {
              await bot.save(
                { ...current.remiss, status: 'Pågår', handlaggare: { ...current.remiss.handlaggare!, phone } },
                current.version,
              );
              lastPhone.set(dnr, phone);
              botWrites++;
              break;
            } catch (err) {
              if (!(err instanceof StoreConflictError)) throw err;
            }
          }
        }
      }),
    );
    const run = await runImport([file]);
    importDone = true;
    await botLoop;

    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`Import klar: 0 nya, ${N} uppdaterade, 0 oförändrade, 0 rader avvisade.\n`);
    expect(botWrites).toBeGreaterThan(N);
    const remisser = await stored();
    expect(remisser).toHaveLength(N);
    for (const r of remisser) {
      expect(r).toMatchObject({
        title: 'Titel (ny)',
        dueDate: '2027-01-15',
        status: 'Pågår',
        handlaggare: { email: 'anna@stad.se', phone: lastPhone.get(r.dnr) },
      });
      expect(r.history.filter((h) => h.kind === 'dueDateChanged')).toHaveLength(1);
    }
  },
  120_000,
);

describe('conflicts, made to happen every time (in process, same file store)', () => {
  /** Lets "the bot" write a remiss just before the import's first save of it, so that save must conflict. */
  class RacingRegister implements RemissRepository {
    readonly raced = new Set<string>();
    constructor(
      private readonly inner: RemissRepository,
      private readonly bot: (dnr: string) => Promise<void>,
    ) {}
    listAll() {
      return this.inner.listAll();
    }
    listOpen() {
      return this.inner.listOpen();
    }
    get(dnr: string) {
      return this.inner.get(dnr);
    }
    async save(r: Remiss, expectedVersion?: string): Promise<string> {
      if (!this.raced.has(r.dnr)) {
        this.raced.add(r.dnr);
        await this.bot(r.dnr);
      }
      return this.inner.save(r, expectedVersion);
    }
  }

  test('the import re-reads and re-applies: both the bot’s and the diarium’s changes survive', async () => {
    const repo = register();
    await repo.save(
      remiss({ dnr: 'KS 1', dueDate: '2026-12-15', handlaggare: { email: 'anna@stad.se' }, status: 'Fördelad' }),
    );
    const bot = async (dnr: string) => {
      const current = await repo.get(dnr);
      if (current)
        await repo.save(
          { ...current.remiss, status: 'Pågår', handlaggare: { email: 'anna@stad.se', name: 'Anna' } },
          current.version,
        );
      else
        await repo.save(
          remiss({
            dnr,
            dueDate: '2026-12-01',
            handlaggare: { email: 'bertil@stad.se', name: 'Bertil' },
            status: 'Pågår',
          }),
        );
    };
    const racing = new RacingRegister(register(), bot);
    const parsed = parseExport(
      Buffer.from(
        [
          HEADER,
          'KS 1;Ny titel;KS;2026-10-01;2027-01-15;anna@stad.se;',
          'KS 2;Nyss skapad;KS;2026-10-01;2027-01-20;bertil@stad.se;',
        ].join('\n'),
      ),
      'x.csv',
    );
    const report = await importRemisser(racing, parsed, new Date(), 'import:x.csv');
    expect(racing.raced).toEqual(new Set(['KS 1', 'KS 2']));
    // KS 2 was created by the bot first, so the import's create lost and became an update.
    expect(report).toEqual({ created: 0, updated: 2, unchanged: 0, refused: [] });
    const [one, two] = await stored();
    expect(one).toMatchObject({
      title: 'Ny titel',
      dueDate: '2027-01-15',
      status: 'Pågår',
      handlaggare: { email: 'anna@stad.se', name: 'Anna' },
    });
    expect(one!.history.filter((h) => h.kind === 'dueDateChanged')).toHaveLength(1);
    expect(two).toMatchObject({
      title: 'Nyss skapad',
      dueDate: '2027-01-20',
      status: 'Pågår',
      handlaggare: { email: 'bertil@stad.se', name: 'Bertil' },
    });
  });

  test('a remiss that keeps conflicting is refused with a reason; the other rows are still imported', async () => {
    const inner = register();
    const stubborn: RemissRepository = {
      listAll: () => inner.listAll(),
      listOpen: () => inner.listOpen(),
      get: (dnr) => inner.get(dnr),
      save: async (r, version) => {
        if (r.dnr === 'KS 1') throw new StoreConflictError('remisser/KS 1', 'etag-mismatch');
        return inner.save(r, version);
      },
    };
    const parsed = parseExport(
      Buffer.from(
        [HEADER, 'KS 1;T;KS;2026-10-01;2027-01-15;anna@stad.se;', 'KS 2;T;KS;2026-10-01;2027-01-20;anna@stad.se;'].join(
          '\n',
        ),
      ),
      'x.csv',
    );
    const report = await importRemisser(stubborn, parsed, new Date(), 'x');
    expect(report).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      refused: [
        {
          line: 2,
          field: 'diarienummer',
          reason: 'kunde inte sparas eftersom remissen ändrades samtidigt av någon annan; kör importen igen',
        },
      ],
    });
    expect((await stored()).map((r) => r.dnr)).toEqual(['KS 2']);
  });
});

test('the example file in the repository imports cleanly', async () => {
  const run = await runImport([path.join(ROOT, 'examples/remisser-exempel.csv')]);
  expect(run).toEqual({
    code: 0,
    stdout: 'Import klar: 8 nya, 0 uppdaterade, 0 oförändrade, 0 rader avvisade.\n',
    stderr: '',
  });
  const remisser = await stored();
  expect(remisser.find((r) => r.dnr === 'SBR 201.3.1-389/2020')).toMatchObject({
    title: 'Stockholms stads trygghetsprogram 2020-2023',
    dueDate: '2020-12-15',
    status: 'Pågår',
  });
  expect(remisser.find((r) => r.dnr === 'KS 2024/902')?.title).toBe(
    'Strategi för stadens lokalförsörjning; remissversion',
  );
});

describe('the organisation column (issue 19)', () => {
  const ORG_HEADER = `${HEADER};organisation`;
  /** ORG_CONFIG as a folder of two organisations, the way a city configures them. */
  async function twoOrganisations(): Promise<string> {
    const folder = path.join(dir, 'organisationer');
    await mkdir(folder);
    await writeFile(
      path.join(folder, '1-sof.json'),
      JSON.stringify({ ...exampleOrganisation('forvaltning'), id: 'sof' }),
    );
    await writeFile(path.join(folder, '2-sbr.json'), JSON.stringify({ ...exampleOrganisation('bolag'), id: 'sbr' }));
    return folder;
  }

  test('with two organisations each row names one; empty or unknown is refused by line, changing nothing', async () => {
    const env = { DATA_DIR: dataDir, ORG_CONFIG: await twoOrganisations() };
    const file = await writeExport('export.csv', [
      ORG_HEADER,
      'KS 1;Plan;KS;2026-10-01;2026-12-15;anna@stad.se;;sof',
      'KS 2;Policy;KS;2026-10-01;2026-12-15;bertil@stad.se;;Stockholm Business Region',
      'KS 3;Program;KS;2026-10-01;2026-12-15;bertil@stad.se;;',
      'KS 4;Strategi;KS;2026-10-01;2026-12-15;bertil@stad.se;;Kulturförvaltningen',
    ]);
    const run = await runImport([file], env);
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'rad 4: organisation: saknas',
      'rad 5: organisation: ”Kulturförvaltningen” är ingen känd organisation (sof, sbr)',
    ]);
    expect(run.stdout).toBe('Import klar: 2 nya, 0 uppdaterade, 0 oförändrade, 2 rader avvisade.\n');
    expect((await stored()).map((r) => [r.dnr, r.organisation])).toEqual([
      ['KS 1', 'sof'],
      ['KS 2', 'sbr'],
    ]);

    const before = (await register().get('KS 1'))!.version;
    await writeExport('export.csv', [ORG_HEADER, 'KS 1;Plan (ny);KS;2026-10-01;2027-01-15;anna@stad.se;;okänd']);
    const refused = await runImport([file], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('rad 2: organisation: ”okänd” är ingen känd organisation (sof, sbr)\n');
    expect((await register().get('KS 1'))!.version).toBe(before);
  });

  test('with one organisation the column may be empty or name it, and the records are those of before', async () => {
    const withColumn = await writeExport('med.csv', [
      ORG_HEADER,
      'KS 1;Plan;KS;2026-10-01;2026-12-15;anna@stad.se;;SBR',
      'KS 2;Policy;KS;2026-10-01;2026-12-15;anna@stad.se;;',
      'KS 3;Program;KS;2026-10-01;2026-12-15;anna@stad.se;;sof',
    ]);
    const run = await runImport([withColumn]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('rad 4: organisation: ”sof” är ingen känd organisation (SBR)\n');
    const without = path.join(dir, 'utan');
    await writeExport('utan.csv', [HEADER, 'KS 1;Plan;KS;2026-10-01;2026-12-15;anna@stad.se;']);
    expect((await runImport([path.join(dir, 'utan.csv')], { DATA_DIR: without })).code).toBe(0);
    const plain = (r: Remiss) => ({ ...r, history: r.history.map((e) => ({ ...e, at: '', source: '' })) });
    const [first, second] = await stored();
    expect(JSON.stringify(plain(first!))).toBe(JSON.stringify(plain((await stored(without))[0]!)));
    expect(second).not.toHaveProperty('organisation');
  });
});
