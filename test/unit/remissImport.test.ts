import { applyImport, type ImportedRemiss } from '../../src/domain/remissImport.js';
import type { Remiss } from '../../src/domain/remiss.js';

const NOW = new Date('2026-11-24T10:00:00Z');
const row: ImportedRemiss = { dnr: 'KS 1', title: 'Plan', remittent: 'KS', received: '2026-10-01', dueDate: '2026-12-15', handlaggareEmail: 'anna@stad.se' };

function created(overrides: Partial<Remiss> = {}): Remiss {
  return { ...applyImport(undefined, row, NOW, 'import:a.csv').remiss, ...overrides };
}

test('a new remiss is Fördelad when the status is empty and a handläggare is given', () => {
  const r = created();
  expect(r).toMatchObject({ status: 'Fördelad', handlaggare: { email: 'anna@stad.se' }, history: [{ kind: 'created', source: 'import:a.csv' }] });
});

test('the same row again changes nothing', () => {
  expect(applyImport(created(), row, NOW, 'x').changed).toBe(false);
});

test('a status never moves backwards; a later one is applied and recorded', () => {
  const underway = created({ status: 'För godkännande' });
  expect(applyImport(underway, { ...row, status: 'Fördelad' }, NOW, 'x')).toEqual({ remiss: underway, changed: false });
  const answered = applyImport(underway, { ...row, status: 'Besvarad' }, NOW, 'x');
  expect(answered.remiss.status).toBe('Besvarad');
  expect(answered.remiss.history.at(-1)).toEqual({ at: NOW.toISOString(), kind: 'statusChanged', from: 'För godkännande', to: 'Besvarad', by: 'x' });
});

test('a changed svarsdatum is kept in the history', () => {
  const moved = applyImport(created(), { ...row, dueDate: '2027-01-10' }, NOW, 'import:b.csv').remiss;
  expect(moved.dueDate).toBe('2027-01-10');
  expect(moved.history.at(-1)).toEqual({ at: NOW.toISOString(), kind: 'dueDateChanged', from: '2026-12-15', to: '2027-01-10', source: 'import:b.csv' });
});

test('diarium fields are updated and listed; what the bot learned about the same person is kept', () => {
  const known = created({ handlaggare: { email: 'anna@stad.se', name: 'Anna A', phone: '08-123', aadObjectId: 'aad-1' } });
  const updated = applyImport(known, { ...row, title: 'Ny titel', remittentDnr: 'U2026/1' }, NOW, 'x').remiss;
  expect(updated.title).toBe('Ny titel');
  expect(updated.handlaggare).toEqual({ email: 'anna@stad.se', name: 'Anna A', phone: '08-123', aadObjectId: 'aad-1' });
  expect(updated.history.at(-1)).toMatchObject({ kind: 'updated', fields: ['title', 'remittentDnr'] });
  const reassigned = applyImport(known, { ...row, handlaggareEmail: 'bertil@stad.se' }, NOW, 'x').remiss;
  expect(reassigned.handlaggare).toEqual({ email: 'bertil@stad.se' });
});

test('an empty optional cell does not clear what the register has', () => {
  const withMeeting = created({ meetingDate: '2026-12-01', remittentDnr: 'U1' });
  expect(applyImport(withMeeting, row, NOW, 'x').changed).toBe(false);
});
