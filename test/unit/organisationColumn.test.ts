/** The import's `organisation` column against the deployment's organisations (issue 19). */
import { OrganisationDirectory } from '../../src/domain/organisations.js';
import { checkOrganisations } from '../../src/features/import/organisationColumn.js';
import { parseExport } from '../../src/features/import/parseExport.js';
import { exampleOrganisation } from '../support/answerFixtures.js';

const HEADER = 'diarienummer;titel;remittent;inkom;svarsdatum;handlaggare;organisation';
const row = (dnr: string, organisation: string) => `${dnr};T;R;2026-10-01;2026-12-01;a@b.se;${organisation}`;
const csv = (...lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
const city = new OrganisationDirectory([
  { ...exampleOrganisation('forvaltning'), id: 'sof' },
  { ...exampleOrganisation('bolag'), id: 'sbr' },
]);
const checked = (directory: OrganisationDirectory, ...lines: string[]) =>
  checkOrganisations(parseExport(csv(...lines), 'x.csv'), directory);
const organisations = (parsed: ReturnType<typeof checked>) => parsed.rows.map((r) => [r.line, r.remiss.organisation]);

describe('several organisations', () => {
  test('a row names its organisation by id, or by exact name or short name in any case, and the id is stored', () => {
    const parsed = checked(
      city,
      HEADER,
      row('KS 1', 'sof'),
      row('KS 2', 'SBR'),
      row('KS 3', 'socialförvaltningen'),
      row('KS 4', 'Stockholm Business Region'),
    );
    expect(parsed.problems).toEqual([]);
    expect(organisations(parsed)).toEqual([
      [2, 'sof'],
      [3, 'sbr'],
      [4, 'sof'],
      [5, 'sbr'],
    ]);
  });

  test('an empty cell, a missing column or an unknown organisation is refused by line, listing the known ids', () => {
    const parsed = checked(city, HEADER, row('KS 1', ''), row('KS 2', 'sof'), row('KS 3', 'Kulturförvaltningen'));
    expect(organisations(parsed)).toEqual([[3, 'sof']]);
    expect(parsed.problems).toEqual([
      { line: 2, field: 'organisation', reason: 'saknas' },
      { line: 4, field: 'organisation', reason: '”Kulturförvaltningen” är ingen känd organisation (sof, sbr)' },
    ]);
    expect(checked(city, HEADER.replace(';organisation', ''), 'KS 1;T;R;2026-10-01;2026-12-01;a@b.se')).toEqual(
      expect.objectContaining({ rows: [], problems: [{ line: 2, field: 'organisation', reason: 'saknas' }] }),
    );
  });

  test("a value that is one organisation's id and another's short name is its id; one spelling two is refused", () => {
    const twins = new OrganisationDirectory([
      { ...exampleOrganisation('forvaltning'), id: 'sbr' },
      { ...exampleOrganisation('bolag'), id: 'bolaget' },
      { ...exampleOrganisation('kontor'), id: 'sbk', shortName: 'SOF' },
    ]);
    const parsed = checked(twins, HEADER, row('KS 1', 'sbr'), row('KS 2', 'sof'));
    expect(organisations(parsed)).toEqual([[2, 'sbr']]);
    expect(parsed.problems).toEqual([
      {
        line: 3,
        field: 'organisation',
        reason: '”sof” kan vara flera organisationer (sbr, sbk); skriv organisationens id',
      },
    ]);
  });

  test('problems the parser found stay, in line order, beside the refused organisations', () => {
    const parsed = checked(city, HEADER, row('KS 1', 'okänd'), 'KS 2;T;R;2026-10-01;31 juni;a@b.se;sof');
    expect(parsed.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'organisation'],
      [3, 'svarsdatum'],
    ]);
    expect(parsed.rows).toEqual([]);
  });
});

describe('one organisation', () => {
  const single = new OrganisationDirectory([{ ...exampleOrganisation('forvaltning'), id: 'sof' }]);
  const unnamed = new OrganisationDirectory([exampleOrganisation('bolag')]);

  test('the column may be absent, empty or name the organisation; nothing is stored, as before', () => {
    const parsed = checked(single, HEADER, row('KS 1', ''), row('KS 2', 'sof'), row('KS 3', 'SOF'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => 'organisation' in r.remiss)).toEqual([false, false, false]);
    const absent = checked(unnamed, HEADER.replace(';organisation', ''), 'KS 1;T;R;2026-10-01;2026-12-01;a@b.se');
    expect(absent.rows.map((r) => 'organisation' in r.remiss)).toEqual([false]);
  });

  test('another organisation is refused, naming the one there is', () => {
    expect(checked(single, HEADER, row('KS 1', 'sbr')).problems).toEqual([
      { line: 2, field: 'organisation', reason: '”sbr” är ingen känd organisation (sof)' },
    ]);
  });
});
