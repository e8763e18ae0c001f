import { applyImport, type ImportedRemiss } from '../../src/domain/remissImport.js';
import type { Remiss } from '../../src/domain/remiss.js';

const NOW = new Date('2026-11-24T10:00:00Z');
const LATER = new Date('2026-11-25T09:30:00Z');
const row: ImportedRemiss = {
  dnr: 'KS 1',
  title: 'Plan',
  remittent: 'KS',
  received: '2026-10-01',
  dueDate: '2026-12-15',
  handlaggareEmail: 'anna@stad.se',
};

function created(overrides: Partial<Remiss> = {}): Remiss {
  return { ...applyImport(undefined, row, NOW, 'import:a.csv').remiss, ...overrides };
}

describe('a new remiss', () => {
  test('is Fördelad when the status is empty and a handläggare is given, with a created entry', () => {
    const { remiss, changed } = applyImport(undefined, row, NOW, 'import:a.csv');
    expect(changed).toBe(true);
    // Exactly these keys: no optional field stored as undefined.
    expect(remiss).toStrictEqual({
      schemaVersion: 1,
      dnr: 'KS 1',
      title: 'Plan',
      remittent: 'KS',
      received: '2026-10-01',
      dueDate: '2026-12-15',
      handlaggare: { email: 'anna@stad.se' },
      status: 'Fördelad',
      history: [{ at: NOW.toISOString(), kind: 'created', source: 'import:a.csv' }],
    });
  });

  test('is Inkommen when neither a status nor a handläggare is given', () => {
    const { remiss } = applyImport(undefined, { ...row, handlaggareEmail: '' }, NOW, 'x');
    expect(remiss.status).toBe('Inkommen');
    expect(remiss.handlaggare).toBeUndefined();
  });

  test('takes the given status and the optional fields', () => {
    const { remiss } = applyImport(
      undefined,
      { ...row, status: 'Pågår', remittentDnr: 'U2026/1', meetingDate: '2026-12-01', approverEmail: 'chef@stad.se' },
      NOW,
      'x',
    );
    expect(remiss).toMatchObject({
      status: 'Pågår',
      remittentDnr: 'U2026/1',
      meetingDate: '2026-12-01',
      approver: { email: 'chef@stad.se' },
    });
  });
});

describe('a re-import', () => {
  test('of the same row changes nothing and returns the stored record as it is', () => {
    const existing = created();
    const result = applyImport(existing, row, LATER, 'x');
    expect(result.changed).toBe(false);
    expect(result.remiss).toBe(existing);
    // The e-mail's case is not a change either.
    expect(applyImport(existing, { ...row, handlaggareEmail: 'Anna@Stad.se' }, LATER, 'x').changed).toBe(false);
  });

  test('never moves a status backwards; a later one is applied and recorded', () => {
    const underway = created({ status: 'För godkännande' });
    expect(applyImport(underway, { ...row, status: 'Fördelad' }, LATER, 'x')).toEqual({
      remiss: underway,
      changed: false,
    });
    // An empty status (Fördelad by the rule) does not undo the bot's progress either.
    expect(applyImport(underway, row, LATER, 'x').changed).toBe(false);
    const answered = applyImport(underway, { ...row, status: 'Besvarad' }, LATER, 'import:b.csv');
    expect(answered.remiss.status).toBe('Besvarad');
    expect(answered.remiss.history.at(-1)).toEqual({
      at: LATER.toISOString(),
      kind: 'statusChanged',
      from: 'För godkännande',
      to: 'Besvarad',
      by: 'import:b.csv',
    });
  });

  test('a status of the same rank is not a move forward', () => {
    const sentBack = created({ status: 'Ändringar begärda' });
    expect(applyImport(sentBack, { ...row, status: 'Pågår' }, LATER, 'x').changed).toBe(false);
  });

  test('a changed svarsdatum is applied and kept in the history', () => {
    const moved = applyImport(created(), { ...row, dueDate: '2027-01-10' }, LATER, 'import:b.csv').remiss;
    expect(moved.dueDate).toBe('2027-01-10');
    expect(moved.history).toEqual([
      { at: NOW.toISOString(), kind: 'created', source: 'import:a.csv' },
      { at: LATER.toISOString(), kind: 'dueDateChanged', from: '2026-12-15', to: '2027-01-10', source: 'import:b.csv' },
    ]);
  });

  test('diarium fields are updated and listed in one updated entry', () => {
    const updated = applyImport(
      created(),
      {
        ...row,
        title: 'Ny titel',
        remittent: 'Finansdepartementet',
        remittentDnr: 'Fi2026/1',
        received: '2026-10-02',
        meetingDate: '2026-12-03',
        approverEmail: 'chef@stad.se',
      },
      LATER,
      'x',
    ).remiss;
    expect(updated).toMatchObject({
      title: 'Ny titel',
      remittent: 'Finansdepartementet',
      remittentDnr: 'Fi2026/1',
      received: '2026-10-02',
      meetingDate: '2026-12-03',
      approver: { email: 'chef@stad.se' },
    });
    expect(updated.history.slice(1)).toEqual([
      {
        at: LATER.toISOString(),
        kind: 'updated',
        fields: ['title', 'remittent', 'remittentDnr', 'received', 'meetingDate', 'approver'],
        source: 'x',
      },
    ]);
  });

  test('keeps what the bot learned about the same handläggare; a new e-mail is a new person', () => {
    const known = created({
      handlaggare: { email: 'anna@stad.se', name: 'Anna A', phone: '08-123', aadObjectId: 'aad-1' },
      approver: { email: 'chef@stad.se', name: 'Per Chef' },
    });
    const updated = applyImport(known, { ...row, title: 'Ny titel', approverEmail: 'CHEF@stad.se' }, LATER, 'x').remiss;
    expect(updated.handlaggare).toEqual({
      email: 'anna@stad.se',
      name: 'Anna A',
      phone: '08-123',
      aadObjectId: 'aad-1',
    });
    expect(updated.approver).toEqual({ email: 'chef@stad.se', name: 'Per Chef' });
    const reassigned = applyImport(known, { ...row, handlaggareEmail: 'bertil@stad.se' }, LATER, 'x').remiss;
    expect(reassigned.handlaggare).toEqual({ email: 'bertil@stad.se' });
    expect(reassigned.history.at(-1)).toMatchObject({ kind: 'updated', fields: ['handlaggare'] });
  });

  test('keeps the fields the diarium does not own', () => {
    const inWork = created({
      status: 'Pågår',
      history: [
        ...created().history,
        { at: NOW.toISOString(), kind: 'statusChanged', from: 'Fördelad', to: 'Pågår', by: 'anna' },
      ],
    });
    const updated = applyImport(inWork, { ...row, title: 'Ny' }, LATER, 'x').remiss;
    expect(updated.status).toBe('Pågår');
    expect(updated.history.slice(0, 2)).toEqual(inWork.history);
    expect(inWork.title).toBe('Plan'); // the input is not mutated
  });

  test('an empty optional cell does not clear what the register has', () => {
    const withMore = created({ meetingDate: '2026-12-01', remittentDnr: 'U1', approver: { email: 'chef@stad.se' } });
    expect(applyImport(withMore, row, LATER, 'x').changed).toBe(false);
  });

  test('several kinds of change at once: one updated entry, the svarsdatum entry and the status entry', () => {
    const result = applyImport(
      created(),
      { ...row, title: 'Ny', dueDate: '2027-02-01', status: 'Pågår' },
      LATER,
      'x',
    ).remiss;
    expect(result.history.slice(1).map((h) => h.kind)).toEqual(['updated', 'dueDateChanged', 'statusChanged']);
  });
});
