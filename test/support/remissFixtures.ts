/** Remiss records for tests, built the way the import builds them. */
import type { Remiss, RemissStatus } from '../../src/domain/remiss.js';

export function remiss(overrides: Partial<Remiss> & { dnr: string; dueDate: string }): Remiss {
  return {
    schemaVersion: 1,
    title: `Remiss ${overrides.dnr}`,
    remittent: 'Kommunstyrelsen',
    received: '2026-10-01',
    status: (overrides.handlaggare ? 'Fördelad' : 'Inkommen') as RemissStatus,
    history: [{ at: '2026-10-01T08:00:00.000Z', kind: 'created', source: 'test' }],
    ...overrides,
  };
}
