/** Who acts in which organisation, and who may see which remiss: pure rules over the organisation files. */
import { parseOrganisation, type Organisation } from '../../src/domain/organisation.js';
import { Access, OrganisationDirectory } from '../../src/domain/organisations.js';
import { exampleOrganisation } from '../support/answerFixtures.js';
import { remiss } from '../support/remissFixtures.js';

const KANSLI_GROUP = '6c4f2a58-3a55-4c3e-9d54-2f3c6b1b8a01';

function org(overrides: Record<string, unknown>): Organisation {
  return parseOrganisation({
    name: 'Stadsbyggnadsförvaltningen',
    genitive: 'Stadsbyggnadsförvaltningens',
    shortName: 'SBF',
    kind: 'forvaltning',
    board: 'Stadsbyggnadsnämnden',
    signatories: [{ name: 'Karin Ek', role: 'Förvaltningschef' }],
    ...overrides,
  });
}

const kansli = org({
  id: 'kansliet',
  name: 'Stadsledningskontoret',
  kind: 'kontor',
  seesAll: true,
  groups: { chef: [KANSLI_GROUP] },
  members: { handlaggare: ['kalle.kansli@stad.se'] },
});
const sbf = org({
  id: 'stadsbyggnad',
  members: { handlaggare: ['anna.andersson@stad.se', 'Dubbel.Roll@stad.se'], registrator: ['reg@stad.se'] },
  managers: ['chef.sbf@stad.se'],
});
const sbr = org({
  ...exampleOrganisation('bolag'),
  id: 'sbr',
  members: { handlaggare: ['bertil.berg@stad.se', 'dubbel.roll@stad.se'] },
});
const groups = async (id: string) => (id === KANSLI_GROUP ? ['kerstin.chef@stad.se'] : undefined);
const city = new OrganisationDirectory([kansli, sbf, sbr], groups);

test('roles come from the member lists (any case), the managers and approvers, and Entra groups', async () => {
  expect([...(await city.rolesIn(sbf, { email: 'ANNA.andersson@stad.se' }))]).toEqual(['handlaggare']);
  expect([...(await city.rolesIn(sbf, { email: 'chef.sbf@stad.se' }))]).toEqual(['chef']);
  const withDefault = org({ id: 'sbk', defaultApprover: 'per.chef@stad.se', members: { handlaggare: ['a@stad.se'] } });
  expect([...(await city.rolesIn(withDefault, { email: 'PER.chef@stad.se' }))]).toEqual(['chef']);
  expect([...(await city.rolesIn(sbf, { userPrincipalName: 'reg@stad.se' }))]).toEqual(['registrator']);
  expect([...(await city.rolesIn(kansli, { email: 'kerstin.chef@stad.se' }))]).toEqual(['chef']);
  expect([...(await city.rolesIn(sbf, { email: 'kerstin.chef@stad.se' }))]).toEqual([]);
  const both = await city.membershipsOf({ email: 'dubbel.roll@stad.se' });
  expect(both.map((m) => m.organisation.id)).toEqual(['stadsbyggnad', 'sbr']);
});

test('a remiss is seen by its organisation, the kansli and the people it names; nobody else', async () => {
  const ofSbr = remiss({ dnr: 'SBR 1', dueDate: '2027-01-10', organisation: 'sbr' });
  const ofSbf = remiss({ dnr: 'SBF 1', dueDate: '2027-01-10', organisation: 'stadsbyggnad' });
  const lent = remiss({
    dnr: 'SBR 2',
    dueDate: '2027-01-10',
    organisation: 'sbr',
    handlaggare: { email: 'anna.andersson@stad.se' },
  });
  const anna = await Access.of(city, { email: 'anna.andersson@stad.se' });
  expect([ofSbr, ofSbf, lent].filter((r) => anna.maySee(r)).map((r) => r.dnr)).toEqual(['SBF 1', 'SBR 2']);
  expect(anna.has('handlaggare', ofSbf)).toBe(true);
  expect(anna.has('handlaggare', ofSbr)).toBe(false);
  const kerstin = await Access.of(city, { email: 'kerstin.chef@stad.se' });
  expect([ofSbr, ofSbf].every((r) => kerstin.maySee(r))).toBe(true);
  const stranger = await Access.of(city, { email: 'okand@annanstad.se' });
  expect([ofSbr, ofSbf, lent].some((r) => stranger.maySee(r))).toBe(false);
});

test('whether the person sees all is worked out once, not again for each remiss of the register', async () => {
  const register = Array.from({ length: 100 }, (_, i) =>
    remiss({ dnr: `SBR ${i}`, dueDate: '2027-01-10', organisation: 'sbr' }),
  );
  const kalle = await Access.of(city, { email: 'kalle.kansli@stad.se' });
  const anna = await Access.of(city, { email: 'anna.andersson@stad.se' });
  const memberships = [jest.spyOn(kalle, 'memberships', 'get'), jest.spyOn(anna, 'memberships', 'get')];
  expect(register.every((r) => kalle.maySee(r))).toBe(true);
  expect(register.some((r) => anna.maySee(r))).toBe(false);
  expect([kalle.seesAll, anna.seesAll]).toEqual([true, false]);
  for (const spy of memberships) expect(spy).not.toHaveBeenCalled();
});

test('a remiss with no organisation, or an unknown one, belongs to the first organisation', () => {
  expect(city.of(remiss({ dnr: 'X', dueDate: '2027-01-10' })).id).toBe('kansliet');
  expect(city.of(remiss({ dnr: 'X', dueDate: '2027-01-10', organisation: 'borta' })).id).toBe('kansliet');
});

test('one organisation file without members is the single organisation of before: everyone answers', async () => {
  const single = new OrganisationDirectory([exampleOrganisation('bolag')]);
  expect(single.single).toBe(true);
  const anyone = await Access.of(single, { email: 'vem.som.helst@stad.se' });
  expect(anyone.maySee(remiss({ dnr: 'A', dueDate: '2027-01-10' }))).toBe(true);
  expect(anyone.has('handlaggare', remiss({ dnr: 'A', dueDate: '2027-01-10' }))).toBe(true);
  expect(single.idFor(single.defaultOrganisation)).toBe('default');
});

test('the organisation file refuses bad ids, group ids and roles, naming the field', () => {
  expect(() => org({ id: 'Stadsbyggnad!' })).toThrow(/id: must be lower-case letters/);
  expect(() => org({ groups: { chef: ['not-a-guid'] } })).toThrow(/groups\.chef\.0: must be an Entra group object id/);
  expect(() => org({ members: { kassor: ['a@stad.se'] } })).toThrow(
    'members: unknown role "kassor" (the roles are handlaggare, chef, registrator)',
  );
  expect(() => org({ groups: { chef: [], admin: [] } })).toThrow(/groups: unknown role "admin"/);
  expect(() => org({ members: { chef: ['inte en adress'] } })).toThrow(/members\.chef\.0: must be an e-mail address/);
});
