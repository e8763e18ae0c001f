import { parseExport } from '../../src/features/import/parseExport.js';
import { hostileExport } from '../support/hostileCsv.js';

const HEADER = 'diarienummer;titel;remittent;inkom;svarsdatum;handlaggare';
const GOOD = 'KS 0;God;R;2026-10-01;2026-12-01;a@b.se';
const csv = (...lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
const DATE_REASON = (v: string) => `”${v}” är inget giltigt datum (skriv 2020-12-15 eller 15 december 2020)`;

describe('CSV as Swedish Excel writes it', () => {
  test('semicolon-separated with a BOM', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const parsed = parseExport(
      Buffer.concat([
        bom,
        csv(HEADER, 'KS 2026/1;Trygghetsprogram;Kommunstyrelsen;2026-10-01;15 december 2026;Anna@Stad.se'),
      ]),
      'x.csv',
    );
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('csv');
    expect(parsed.rows).toEqual([
      {
        line: 2,
        remiss: {
          dnr: 'KS 2026/1',
          title: 'Trygghetsprogram',
          remittent: 'Kommunstyrelsen',
          received: '2026-10-01',
          dueDate: '2026-12-15',
          handlaggareEmail: 'anna@stad.se',
          remittentDnr: undefined,
          meetingDate: undefined,
          approverEmail: undefined,
          status: undefined,
        },
      },
    ]);
  });

  test('comma-separated with quoted separators and doubled quotes, without a BOM', () => {
    const parsed = parseExport(
      Buffer.from(
        'Diarienummer,Titel,Remittent,Inkom,Svarsdatum,Handläggare\n"KS 1","Plan, del ' +
          '""A""",KS,2026-10-01,2026-12-01,a@b.se\n',
      ),
      'x.csv',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]!.remiss).toMatchObject({ dnr: 'KS 1', title: 'Plan, del "A"' });
  });

  test('the separator is taken from the header line even when titles contain the other one', () => {
    const parsed = parseExport(csv(HEADER, 'KS 1;Plan, program, policy;R;2026-10-01;2026-12-01;a@b.se'), 'x.csv');
    expect(parsed.rows[0]!.remiss.title).toBe('Plan, program, policy');
  });

  test('an Excel "sep=;" line is honoured and counted', () => {
    const parsed = parseExport(csv('sep=;', HEADER, 'KS 1;T;R;2026-10-01;31 juni 2026;a@b.se'), 'x.csv');
    expect(parsed.problems).toEqual([{ line: 3, field: 'svarsdatum', reason: DATE_REASON('31 juni 2026') }]);
  });

  test('header names tolerate case, surrounding spaces and missing å/ä/ö; optional columns are read', () => {
    const parsed = parseExport(
      csv(
        ' DIARIENUMMER ;Titel;REMITTENT;inkom;Svarsdatum;HANDLÄGGARE;Remittentens dnr;Status;Godkännare;Sammanträde',
        'KS 1;T;R;2026-10-01;2026-12-01;a@b.se;U2026/1;pågår;chef@b.se;den 20 november 2026',
      ),
      'x.csv',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]!.remiss).toMatchObject({
      remittentDnr: 'U2026/1',
      status: 'Pågår',
      approverEmail: 'chef@b.se',
      meetingDate: '2026-11-20',
    });
    const plain = parseExport(
      csv(
        'diarienummer;titel;remittent;inkom;svarsdatum;handlaggare;remittentens_dnr;status;godkannare;sammantrade',
        'KS 1;T;R;2026-10-01;2026-12-01;a@b.se;U1;FOR GODKANNANDE;c@b.se;2026-11-20',
      ),
      'x.csv',
    );
    expect(plain.rows[0]!.remiss).toMatchObject({
      remittentDnr: 'U1',
      status: 'För godkännande',
      approverEmail: 'c@b.se',
      meetingDate: '2026-11-20',
    });
  });

  test('unknown columns are ignored; a required column twice stops the import', () => {
    expect(parseExport(csv(HEADER + ';Ansvarig enhet', GOOD + ';Enhet 1'), 'x.csv').rows).toHaveLength(1);
    const twice = parseExport(csv(HEADER + ';Titel', GOOD + ';Annan'), 'x.csv');
    expect(twice.fatal).toContain('titel finns flera gånger');
    expect(twice.rows).toEqual([]);
  });
});

describe('physical line numbers', () => {
  test('a quoted field over several lines pushes later rows down', () => {
    const parsed = parseExport(
      csv(
        HEADER,
        'KS 1;"Titel\r\növer\r\ntre rader";R;2026-10-01;2026-12-01;a@b.se',
        '',
        'KS 2;T;R;2026-10-01;31 juni 2026;a@b.se',
      ),
      'x.csv',
    );
    expect(parsed.rows.map((r) => [r.line, r.remiss.title])).toEqual([[2, 'Titel över tre rader']]);
    expect(parsed.problems).toEqual([{ line: 6, field: 'svarsdatum', reason: DATE_REASON('31 juni 2026') }]);
  });

  test('Excel style: CRLF between rows, a bare LF inside a cell (Alt+Enter)', () => {
    const text = [
      HEADER,
      'KS 1;"Rad ett\nrad två";R;2026-10-01;2026-12-01;a@b.se',
      'KS 2;"A\nB\nC";R;2026-10-01;2026-12-01;a@b.se',
      'KS 3;T;R;2026-13-01;2026-12-01;a@b.se',
    ].join('\r\n');
    const parsed = parseExport(Buffer.from(text), 'x.csv');
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(parsed.problems).toEqual([{ line: 7, field: 'inkom', reason: DATE_REASON('2026-13-01') }]);
  });

  test('a multi-line row that is itself bad is reported at its first line', () => {
    const parsed = parseExport(csv(HEADER, GOOD, 'KS 1;"Två\nrader";R;2026-10-01;snart;a@b.se'), 'x.csv');
    expect(parsed.problems).toEqual([{ line: 3, field: 'svarsdatum', reason: DATE_REASON('snart') }]);
  });

  test('blank lines count', () => {
    const parsed = parseExport(
      csv(HEADER, '', '', 'KS 1;T;R;2026-10-01;2026-12-01;a@b.se', '   ', 'KS 2;T;R;2026-10-01;2026-12-01;a@b.se'),
      'x.csv',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => r.line)).toEqual([4, 6]);
  });
});

describe('dates', () => {
  test.each([
    ['2020-12-15', '2020-12-15'],
    ['15 december 2020', '2020-12-15'],
    ['1 mars 2021', '2021-03-01'],
    ['den 15 December 2020', '2020-12-15'],
    ['2020-12-15 00:00', '2020-12-15'],
  ])('accepts %s', (text, date) => {
    expect(parseExport(csv(HEADER, `KS 1;T;R;2020-11-01;${text};a@b.se`), 'x.csv').rows[0]!.remiss.dueDate).toBe(date);
  });

  test.each(['31 juni 2021', '2021-02-29', '30 februari 2024', '01/10/2026', '15 dec', '2021-1-5', 'december 2020'])(
    'refuses %s',
    (text) => {
      const parsed = parseExport(csv(HEADER, GOOD, `KS 1;T;R;2020-11-01;${text};a@b.se`), 'x.csv');
      expect(parsed.rows.map((r) => r.remiss.dnr)).toEqual(['KS 0']);
      expect(parsed.problems).toEqual([{ line: 3, field: 'svarsdatum', reason: DATE_REASON(text) }]);
    },
  );
});

describe('row checks', () => {
  test.each([
    ['a missing title', 'KS 1;;R;2026-10-01;2026-12-01;a@b.se', 'titel', 'saknas'],
    ['a missing diarienummer', ' ;T;R;2026-10-01;2026-12-01;a@b.se', 'diarienummer', 'saknas'],
    ['a missing handläggare', 'KS 1;T;R;2026-10-01;2026-12-01;', 'handlaggare', 'saknas'],
    [
      'a name instead of an e-mail',
      'KS 1;T;R;2026-10-01;2026-12-01;Anna Andersson',
      'handlaggare',
      '”Anna Andersson” är ingen e-postadress',
    ],
    [
      'an e-mail without a domain',
      'KS 1;T;R;2026-10-01;2026-12-01;anna@',
      'handlaggare',
      '”anna@” är ingen e-postadress',
    ],
    ['too few cells', 'KS 1;T;R;2026-10-01', 'svarsdatum', 'saknas'],
  ])('refuses a row with %s, naming the line and field, and keeps the good rows', (_name, bad, field, reason) => {
    const parsed = parseExport(csv(HEADER, GOOD, bad), 'x.csv');
    expect(parsed.rows.map((r) => r.remiss.dnr)).toEqual(['KS 0']);
    expect(parsed.problems).toContainEqual({ line: 3, field, reason });
  });

  test('every problem of a row is reported', () => {
    const parsed = parseExport(csv(HEADER, 'KS 1;;R;31 juni 2026;2026-12-01;anna'), 'x.csv');
    expect(parsed.problems.map((p) => p.field)).toEqual(['titel', 'inkom', 'handlaggare']);
  });

  test('e-mails are checked loosely, lower-cased, and an Outlook "Name <address>" is accepted', () => {
    const parsed = parseExport(
      csv(HEADER + ';godkannare', 'KS 1;T;R;2026-10-01;2026-12-01;Anna Andersson <Anna.Andersson@Stad.se>;x@intern'),
      'x.csv',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]!.remiss).toMatchObject({
      handlaggareEmail: 'anna.andersson@stad.se',
      approverEmail: 'x@intern',
    });
    const bad = parseExport(csv(HEADER + ';godkannare', 'KS 1;T;R;2026-10-01;2026-12-01;a@b.se;chefen'), 'x.csv');
    expect(bad.problems).toEqual([{ line: 2, field: 'godkannare', reason: '”chefen” är ingen e-postadress' }]);
  });

  test(
    'statuses: case and å/ä/ö are optional, an empty one is left to the import rule, an unknown one is ' + 'refused',
    () => {
      const parsed = parseExport(
        csv(
          HEADER + ';status',
          `${GOOD};`,
          'KS 1;T;R;2026-10-01;2026-12-01;a@b.se;ATERREMITTERAD',
          'KS 2;T;R;2026-10-01;2026-12-01;a@b.se;avstår',
          'KS 3;T;R;2026-10-01;2026-12-01;a@b.se;Klar',
        ),
        'x.csv',
      );
      expect(parsed.rows.map((r) => r.remiss.status)).toEqual([undefined, 'Ändringar begärda', 'Avstår']);
      expect(parsed.problems).toHaveLength(1);
      expect(parsed.problems[0]).toMatchObject({ line: 5, field: 'status' });
      expect(parsed.problems[0]!.reason).toMatch(/^”Klar” är ingen känd status \(Inkommen, Fördelad, /);
    },
  );

  test('a diarienummer twice in one file: the later row is refused, even when the first was refused too', () => {
    const parsed = parseExport(
      csv(
        HEADER,
        'KS 1;A;R;2026-10-01;2026-12-01;a@b.se',
        ' KS 1 ;B;R;2026-10-01;2026-12-01;a@b.se',
        'KS 2;A;R;2026-10-01;snart;a@b.se',
        'KS 2;B;R;2026-10-01;2026-12-01;a@b.se',
      ),
      'x.csv',
    );
    expect(parsed.rows.map((r) => r.remiss.title)).toEqual(['A']);
    expect(parsed.problems).toEqual([
      { line: 3, field: 'diarienummer', reason: '”KS 1” finns redan på rad 2 i filen' },
      { line: 4, field: 'svarsdatum', reason: DATE_REASON('snart') },
      { line: 5, field: 'diarienummer', reason: '”KS 2” finns redan på rad 4 i filen' },
    ]);
  });

  test('control characters are stripped, line breaks become spaces, over-long fields are refused', () => {
    const parsed = parseExport(
      csv(
        HEADER,
        'KS 1;Ti\u0007tel\u0000\u202e;R\u200b;2026-10-01;2026-12-01;a@b.se',
        `KS 2;${'x'.repeat(501)};R;2026-10-01;2026-12-01;a@b.se`,
        `KS 3;${'x'.repeat(500)};${'r'.repeat(201)};2026-10-01;2026-12-01;a@b.se`,
        'KS 4;"Två\trader\ni titeln";R;2026-10-01;2026-12-01;a@b.se',
      ),
      'x.csv',
    );
    expect(parsed.rows.map((r) => [r.remiss.title, r.remiss.remittent])).toEqual([
      ['Titel', 'R'],
      ['Två rader i titeln', 'R'],
    ]);
    expect(parsed.problems).toEqual([
      { line: 3, field: 'titel', reason: 'får vara högst 500 tecken (är 501)' },
      { line: 4, field: 'remittent', reason: 'får vara högst 200 tecken (är 201)' },
    ]);
  });

  test('a row with the other separator is reported once, not as five missing fields', () => {
    const parsed = parseExport(
      csv(HEADER, 'KS 1,T,R,2026-10-01,2026-12-01,a@b.se', 'KS 2;T;R;2026-10-01;2026-12-01;a@b.se'),
      'x.csv',
    );
    expect(parsed.rows.map((r) => r.remiss.dnr)).toEqual(['KS 2']);
    expect(parsed.problems).toEqual([{ line: 2, reason: 'raden är avgränsad med ”,” men rubrikraden med ”;”' }]);
  });

  test('a quote never closed refuses its own line; the rows before and after it are read', () => {
    const parsed = parseExport(
      csv(
        HEADER,
        GOOD,
        '',
        'KS 2;"Oavslutad;R;2026-10-01;2026-12-01;a@b.se',
        'KS 3;T;R;2026-10-01;2026-12-01;a@b.se',
        '',
        'KS 4;T;R;2026-10-01;2026-12-01;a@b.se',
      ),
      'x.csv',
    );
    expect(parsed.rows.map((r) => [r.line, r.remiss.dnr])).toEqual([
      [2, 'KS 0'],
      [5, 'KS 3'],
      [7, 'KS 4'],
    ]);
    expect(parsed.problems).toEqual([
      { line: 4, reason: 'ett citattecken (") öppnas men stängs aldrig, så raden kunde inte läsas' },
    ]);
  });

  test(
    'a stray quote closed by a later row refuses the two lines it joins; the rows it swallowed are read ' + 'again',
    () => {
      const parsed = parseExport(
        csv(
          HEADER,
          GOOD,
          'KS 2;"Trasig titel;R;2026-10-01;2026-12-01;a@b.se',
          'KS 3;T;R;2026-10-01;2026-12-01;a@b.se',
          'KS 4;T;R;2026-10-01;2026-12-01;a@b.se',
          'KS 5;"Citat";R;2026-10-01;2026-12-01;a@b.se',
          'KS 6;"Rätt, citerad";R;2026-10-01;2026-12-01;a@b.se',
        ),
        'x.csv',
      );
      expect(parsed.rows.map((r) => [r.line, r.remiss.dnr, r.remiss.title])).toEqual([
        [2, 'KS 0', 'God'],
        [4, 'KS 3', 'T'],
        [5, 'KS 4', 'T'],
        [7, 'KS 6', 'Rätt, citerad'],
      ]);
      expect(parsed.problems).toEqual([
        { line: 3, reason: 'ett citattecken (") öppnas här men stängs först på rad 6, så raden kunde inte läsas' },
        { line: 6, reason: 'raden kunde inte läsas: den hamnade i citatet som öppnas på rad 3' },
      ]);
    },
  );
});

describe('files that cannot be imported at all', () => {
  test('missing required columns are named once and nothing is imported', () => {
    const parsed = parseExport(csv('diarienummer;titel;inkom', 'KS 1;T;2026-10-01', 'KS 2;T;2026-10-01'), 'x.csv');
    expect(parsed.fatal).toBe(
      'Kolumnerna remittent, svarsdatum, handlaggare saknas i rubrikraden. Ingenting importerades.',
    );
    expect(parsed).toMatchObject({ rows: [], problems: [] });
    expect(
      parseExport(csv('diarienummer;titel;remittent;inkom;handläggare', 'KS 1;T;R;2026-10-01;a@b.se'), 'x.csv').fatal,
    ).toBe('Kolumnen svarsdatum saknas i rubrikraden. Ingenting importerades.');
  });

  test(
    'a file from a program writing Windows-1252 (Swedish Excel\'s plain "CSV") is read as such, å/ä/ö ' + 'intact',
    () => {
      const latin1 = Buffer.from(
        `diarienummer;titel;remittent;inkom;svarsdatum;handläggare\r\nKS 1;Förslag om ökad trygghet – del ` +
          `2;Kommunstyrelsen;2026-10-01;15 december 2026;a@b.se\r\n`,
        'latin1',
      );
      // The en dash is 0x96 in Windows-1252, outside Latin-1 proper.
      latin1[latin1.indexOf(0x13)] = 0x96;
      const parsed = parseExport(latin1, 'x.csv');
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.encoding).toBe('windows-1252');
      expect(parsed.problems).toEqual([]);
      expect(parsed.rows[0]!.remiss.title).toBe('Förslag om ökad trygghet – del 2');
      expect(parseExport(csv(HEADER, GOOD), 'x.csv').encoding).toBeUndefined();
    },
  );

  test('a UTF-8 file with some lines in Latin-1 (two editors) refuses those lines and reads the rest', () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\nKS 1;Översiktsplan;R;2026-10-01;2026-12-01;a@b.se\n`, 'utf8'),
      Buffer.from('KS 2;Förslag;R;2026-10-01;2026-12-01;a@b.se\n', 'latin1'),
      Buffer.from('KS 3;Äldreomsorg;R;2026-10-01;2026-12-01;a@b.se\n', 'utf8'),
    ]);
    const parsed = parseExport(bytes, 'x.csv');
    expect(parsed.rows.map((r) => [r.line, r.remiss.title])).toEqual([
      [2, 'Översiktsplan'],
      [4, 'Äldreomsorg'],
    ]);
    expect(parsed.problems).toEqual([{ line: 3, reason: expect.stringContaining('inte är UTF-8') }]);
    const badHeader = Buffer.concat([
      Buffer.from('diarienummer;titel;remittent;inkom;svarsdatum;handläggare\n', 'latin1'),
      Buffer.from('KS 1;Översikt;R;2026-10-01;2026-12-01;a@b.se\n', 'utf8'),
    ]);
    expect(parseExport(badHeader, 'x.csv').fatal).toContain('Rubrikraden (rad 1)');
    expect(parseExport(Buffer.from('[{"titel":"Förslag"}]', 'latin1'), 'x.json').fatal).toContain(
      'inte sparad som UTF-8',
    );
  });

  test('UTF-16 text and Excel workbooks are refused with advice', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n${GOOD}\n`, 'utf16le')]);
    expect(parseExport(utf16, 'x.csv').fatal).toContain('UTF-16');
    expect(parseExport(Buffer.from(`${HEADER}\n${GOOD}\n`, 'utf16le'), 'x.csv').fatal).toContain('UTF-16');
    expect(parseExport(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'export.csv').fatal).toContain(
      'Excel-arbetsbok',
    );
  });

  test('empty and header-only files', () => {
    expect(parseExport(Buffer.from(''), 'x.csv').fatal).toBe('Filen är tom.');
    expect(parseExport(Buffer.from('\r\n\r\n  \n'), 'x.csv').fatal).toBe('Filen är tom.');
    expect(parseExport(Buffer.from([0xef, 0xbb, 0xbf]), 'x.csv').fatal).toBe('Filen är tom.');
    expect(parseExport(csv(HEADER), 'x.csv')).toEqual({ format: 'csv', rows: [], problems: [] });
  });
});

test('trailing separator columns and separator-only lines are tolerated', () => {
  const parsed = parseExport(csv(HEADER + ';;', '', 'KS 1;T;R;2026-10-01;2026-12-01;a@b.se;;', ';;;;;;'), 'x.csv');
  expect(parsed.problems).toEqual([]);
  expect(parsed.rows.map((r) => r.line)).toEqual([3]);
});

describe('JSON', () => {
  const record = (over: Record<string, unknown> = {}) => ({
    diarienummer: 'KS 1',
    titel: 'T',
    remittent: 'R',
    inkom: '2026-10-01',
    svarsdatum: '15 december 2026',
    handläggare: 'a@b.se',
    ...over,
  });

  test('an array of objects with the same field names; bad records are reported by position', () => {
    const json = JSON.stringify([
      record(),
      'inte ett objekt',
      record({ diarienummer: 'KS 3', svarsdatum: 'snart' }),
      record({ diarienummer: 'KS 4', titel: ['lista'] }),
      record({ diarienummer: 'KS 1' }),
    ]);
    const parsed = parseExport(Buffer.from(json), 'export.json');
    expect(parsed.format).toBe('json');
    expect(parsed.rows.map((r) => [r.line, r.remiss.dueDate])).toEqual([[1, '2026-12-15']]);
    expect(parsed.problems).toEqual([
      { line: 2, reason: 'posten är inget objekt' },
      { line: 3, field: 'svarsdatum', reason: DATE_REASON('snart') },
      { line: 4, field: 'titel', reason: 'ska vara text' },
      { line: 5, field: 'diarienummer', reason: '”KS 1” finns redan på post 1 i filen' },
    ]);
  });

  test('field names as in the CSV header: case, spaces, å/ä/ö; numbers read as text; null as empty', () => {
    const parsed = parseExport(
      Buffer.from(
        JSON.stringify([
          {
            ' Diarienummer ': 2024,
            Titel: 'T',
            REMITTENT: 'R',
            Inkom: '2026-10-01',
            svarsdatum: '2026-12-01',
            handlaggare: 'a@b.se',
            'Remittentens dnr': null,
            Status: 'Pågår',
          },
        ]),
      ),
      'x.json',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]!.remiss).toMatchObject({ dnr: '2024', status: 'Pågår', remittentDnr: undefined });
  });

  test('chosen by content when the name does not say, with or without a BOM', () => {
    expect(parseExport(Buffer.from(`\ufeff  ${JSON.stringify([record()])}`), 'export.txt').rows).toHaveLength(1);
  });

  test('malformed JSON, a non-array, an empty array and a field missing from every record', () => {
    expect(parseExport(Buffer.from('[{"a":'), 'x.json').fatal).toBe('Filen är inte giltig JSON.');
    expect(parseExport(Buffer.from('[{"a":'), 'x.txt').fatal).toBe('Filen är inte giltig JSON.');
    expect(parseExport(Buffer.from('{"a":1}'), 'x.json').fatal).toBe(
      'JSON-filen ska innehålla en lista (array) av remisser.',
    );
    expect(parseExport(Buffer.from('"text"'), 'x.json').fatal).toBe(
      'JSON-filen ska innehålla en lista (array) av remisser.',
    );
    expect(parseExport(Buffer.from('[]'), 'x.json')).toEqual({ format: 'json', rows: [], problems: [] });
    const noDue = [record(), record({ diarienummer: 'KS 2' })].map(({ svarsdatum: _omit, ...rest }) => rest);
    expect(parseExport(Buffer.from(JSON.stringify(noDue)), 'x.json').fatal).toBe(
      'Kolumnen svarsdatum saknas i alla poster. Ingenting importerades.',
    );
  });
});

test('a 100,000-row file parses with the right line numbers', () => {
  const rows = Array.from(
    { length: 100_000 },
    (_, i) =>
      `KS ${i};Stockholms stads program nr ${i};Kommunstyrelsen;2026-10-01;15 december ` +
      `2026;handlaggare${i % 50}@stad.se`,
  );
  const parsed = parseExport(csv(HEADER, ...rows), 'big.csv');
  expect(parsed.problems).toEqual([]);
  expect(parsed.rows).toHaveLength(100_000);
  expect(parsed.rows.at(-1)!.line).toBe(100_001);
});

test('a 100,000-row file with every kind of broken row: each reported at its line, every other row read', () => {
  const file = hostileExport(100_000);
  const parsed = parseExport(file.bytes, 'diarium.csv');
  expect(parsed.fatal).toBeUndefined();
  expect(new Map(parsed.rows.map((r) => [r.remiss.dnr, r.remiss.title]))).toEqual(file.imported);
  expect(new Set(parsed.problems.map((p) => p.line))).toEqual(new Set(file.refused.keys()));
  for (const p of parsed.problems)
    expect(`${p.field ? `${p.field}: ` : ''}${p.reason}`).toContain(file.refused.get(p.line));
});
