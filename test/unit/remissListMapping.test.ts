/** A remiss as list item fields and back: Stockholm calendar dates, history as JSON, invalid items named. */
import {
  dateFromSharePoint,
  dateToSharePoint,
  fieldsFromRemiss,
  registerColumns,
  remissFromFields,
  selectedFields,
} from '../../src/integrations/graph/remissListMapping.js';
import { parseOrganisation } from '../../src/domain/organisation.js';
import { OrganisationDirectory } from '../../src/domain/organisations.js';
import { KANSLI_DNR, referredUnit, unitDocument } from '../support/referralFixtures.js';
import { remiss } from '../support/remissFixtures.js';

const org = {
  name: 'X',
  genitive: 'X',
  shortName: 'X',
  kind: 'kontor',
  board: 'styrelsen',
  signatories: [{ name: 'A', role: 'B' }],
};
const columns = parseOrganisation(org).remissListColumns;
const noPeople = { emailOf: async () => undefined, lookupIdOf: async () => 1 };

test('a calendar date is Stockholm midnight in UTC, in winter and in summer, and reads back as the same day', () => {
  expect(dateToSharePoint('2026-12-15')).toBe('2026-12-14T23:00:00Z');
  expect(dateToSharePoint('2026-06-15')).toBe('2026-06-14T22:00:00Z');
  expect(dateToSharePoint('2027-03-28')).toBe('2027-03-27T23:00:00Z'); // the day summer time starts
  for (const d of ['2026-12-15', '2026-06-15', '2027-03-28', '2026-10-25'])
    expect(dateFromSharePoint(dateToSharePoint(d))).toBe(d);
  expect(dateFromSharePoint('2026-12-15T00:00:00Z')).toBe('2026-12-15');
  expect(dateFromSharePoint('inte ett datum')).toBeUndefined();
});

test('a remiss survives the round trip through list fields', async () => {
  const r = remiss({
    dnr: 'KS 2026/1',
    title: "Plan 'x'",
    dueDate: '2026-12-15',
    meetingDate: '2026-12-01',
    handlaggare: { email: 'anna@stad.se' },
    status: 'Pågår',
  });
  const fields = await fieldsFromRemiss(r, columns, noPeople);
  expect(fields).toMatchObject({
    Diarienummer: 'KS 2026/1',
    Title: "Plan 'x'",
    Svarsdatum: '2026-12-14T23:00:00Z',
    Handl_x00e4_ggare: 'anna@stad.se',
    Status: 'Pågår',
  });
  expect(await remissFromFields(fields, columns, noPeople)).toEqual({
    ...r,
    remittentDnr: undefined,
    approver: undefined,
  });
});

test('links and instanser are kept in the Historik column, and a plain history array still reads', async () => {
  const r = remiss({
    dnr: 'KS 2026/2',
    title: 'Plan',
    dueDate: '2026-12-15',
    links: { missive: 'https://www.regeringen.se/remiss/' },
    instanser: 'Skatteverket\nTullverket',
  });
  const fields = await fieldsFromRemiss(r, columns, noPeople);
  expect(JSON.parse(fields.Historik as string)).toEqual({
    history: r.history,
    links: r.links,
    instanser: r.instanser,
  });
  const read = await remissFromFields(fields, columns, noPeople);
  expect(read).toMatchObject({ links: r.links, instanser: r.instanser, history: r.history });
  // Without them the column is the array of before, and an item of before reads without them.
  const plain = await fieldsFromRemiss({ ...r, links: undefined, instanser: undefined }, columns, noPeople);
  expect(JSON.parse(plain.Historik as string)).toEqual(r.history);
  const before = await remissFromFields(plain, columns, noPeople);
  expect(before).not.toHaveProperty('links');
  expect(before).not.toHaveProperty('instanser');
});

test("the kansli's referral and a unit's referredBy are kept in the Historik column and read back equal", async () => {
  const answer = { at: '2026-12-10T14:00:00.000Z', position: 'tillstyrker' as const, document: unitDocument('x') };
  const kansliRemiss = remiss({
    dnr: KANSLI_DNR,
    dueDate: '2027-01-15',
    status: 'Pågår',
    referral: {
      units: [{ ...referredUnit('social', { message: 'Svara gärna före jul.' }), answer }, referredUnit('sbr')],
    },
  });
  const unitRemiss = remiss({
    dnr: `${KANSLI_DNR}-SOF`,
    remittentDnr: KANSLI_DNR,
    dueDate: '2026-12-18',
    referredBy: { dnr: KANSLI_DNR, organisation: 'kansliet', message: 'Svara gärna före jul.' },
  });
  for (const r of [kansliRemiss, unitRemiss]) {
    const fields = await fieldsFromRemiss(r, columns, noPeople);
    const historik: unknown = JSON.parse(fields.Historik as string);
    expect(historik).toEqual({ history: r.history, referral: r.referral, referredBy: r.referredBy });
    expect(await remissFromFields(fields, columns, noPeople)).toEqual(r);
  }
});

test('a malformed referral in Historik drops only the referral: the history and a valid referredBy read', async () => {
  const r = remiss({ dnr: KANSLI_DNR, dueDate: '2027-01-15', links: { missive: 'https://www.regeringen.se/r/' } });
  const referredBy = { dnr: 'KS 2026/1', organisation: 'kansliet' };
  const historik = (referral: unknown) => JSON.stringify({ history: r.history, links: r.links, referral, referredBy });
  const base = { Diarienummer: KANSLI_DNR, Title: 'T', Svarsdatum: '2027-01-14T23:00:00Z', Status: 'Pågår' };
  for (const referral of [
    { units: [{ ...referredUnit('social'), dueDate: 'i morgon' }] },
    { units: [referredUnit('sbr'), { ...referredUnit('social'), answer: { at: 'x', position: 'kanske' } }] },
    { units: 'social' },
    'social',
  ]) {
    const read = await remissFromFields({ ...base, Historik: historik(referral) }, columns, noPeople);
    expect(read).toMatchObject({ dnr: KANSLI_DNR, history: r.history, links: r.links, referredBy });
    expect(read).not.toHaveProperty('referral');
  }
});

test('an item that cannot be a remiss is named by its column, not guessed', async () => {
  const base = { Diarienummer: 'KS 1', Title: 'T', Svarsdatum: '2026-12-14T23:00:00Z', Status: 'Fördelad' };
  expect(await remissFromFields({ ...base, Status: 'Klar' }, columns, noPeople)).toEqual({ invalid: 'Status' });
  expect(await remissFromFields({ ...base, Svarsdatum: '' }, columns, noPeople)).toEqual({ invalid: 'Svarsdatum' });
  expect(await remissFromFields({ ...base, Diarienummer: ' ' }, columns, noPeople)).toEqual({
    invalid: 'Diarienummer',
  });
  expect(await remissFromFields({ ...base, Historik: '{not json' }, columns, noPeople)).toMatchObject({
    dnr: 'KS 1',
    history: [],
  });
});

describe('the organisation column (issue 19)', () => {
  const organisation = (id?: string) => ({ ...parseOrganisation(org), ...(id ? { id } : {}) });
  const single = registerColumns(new OrganisationDirectory([organisation()]));
  const several = registerColumns(new OrganisationDirectory([organisation('sof'), organisation('sbr')]));

  test('one organisation neither selects nor writes it: a list without the column works as before', async () => {
    expect(single).not.toHaveProperty('organisation');
    expect(selectedFields(single)).not.toContain('Organisation');
    expect(
      Object.keys(await fieldsFromRemiss(remiss({ dnr: 'KS 1', dueDate: '2026-12-15' }), single, noPeople)),
    ).not.toContain('Organisation');
  });

  test('several organisations read and write it; an item without a value is the default organisation’s', async () => {
    expect(several.organisation).toBe('Organisation');
    expect(selectedFields(several)).toContain('Organisation');
    const r = remiss({ dnr: 'KS 1', dueDate: '2026-12-15', organisation: 'sbr' });
    const fields = await fieldsFromRemiss(r, several, noPeople);
    expect(fields.Organisation).toBe('sbr');
    expect(await remissFromFields(fields, several, noPeople)).toMatchObject({ dnr: 'KS 1', organisation: 'sbr' });
    const unowned = await fieldsFromRemiss(remiss({ dnr: 'KS 2', dueDate: '2026-12-15' }), several, noPeople);
    expect(unowned.Organisation).toBeNull();
    expect(await remissFromFields({ ...unowned, Organisation: ' ' }, several, noPeople)).not.toHaveProperty(
      'organisation',
    );
  });

  test("the column's internal name is mapped like the others", () => {
    const mapped = { ...organisation('sof'), remissListColumns: { ...columns, organisation: 'Enhet' } };
    expect(registerColumns(new OrganisationDirectory([mapped, organisation('sbr')])).organisation).toBe('Enhet');
  });
});
