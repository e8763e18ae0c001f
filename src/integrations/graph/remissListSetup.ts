/**
 * `npm run sharepoint:setup`: creates the register's list on the site, with the columns the organisation's
 * mapping names, when it is missing. Run again it changes nothing; an existing list that differs is left
 * untouched and every difference is named, so an admin can fix the list or the mapping. The one column it adds
 * to an existing list is the organisation column, which a list made for a single organisation lacks by design
 * when the deployment grows to several (its items, without a value, stay the default organisation's).
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { REMISS_STATUSES } from '../../domain/remiss.js';
import type { ListColumns } from './remissListMapping.js';
import type { SiteResolver } from './siteResolver.js';
import { sharepointSetupText } from '../../i18n/sharepointSetup.js';

export type Kind = 'text' | 'note' | 'dateTime' | 'choice' | 'personOrGroup';

export interface Needed {
  name: string;
  kind: Kind;
  indexed: boolean;
}

/** The display name SharePoint made an internal name from: _x00e4_ back to ä. */
export function displayNameOf(internal: string): string {
  return internal.replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function neededColumns(c: ListColumns): Needed[] {
  const person = (kind: 'email' | 'person'): Kind => (kind === 'person' ? 'personOrGroup' : 'text');
  return [
    { name: c.dnr, kind: 'text', indexed: true },
    { name: c.title, kind: 'text', indexed: false },
    { name: c.remittentDnr, kind: 'text', indexed: false },
    { name: c.remittent, kind: 'text', indexed: false },
    { name: c.received, kind: 'dateTime', indexed: false },
    { name: c.dueDate, kind: 'dateTime', indexed: true },
    { name: c.meetingDate, kind: 'dateTime', indexed: false },
    { name: c.handlaggare, kind: person(c.handlaggareKind), indexed: false },
    { name: c.approver, kind: person(c.approverKind), indexed: false },
    { name: c.status, kind: 'choice', indexed: true },
    { name: c.history, kind: 'note', indexed: false },
    ...(c.organisation ? [{ name: c.organisation, kind: 'text' as const, indexed: true }] : []),
  ];
}

export function definition(n: Needed): Record<string, unknown> {
  const facet: Record<Kind, Record<string, unknown>> = {
    text: { text: {} },
    note: { text: { allowMultipleLines: true } },
    dateTime: { dateTime: { format: 'dateOnly' } },
    choice: { choice: { choices: [...REMISS_STATUSES] } },
    personOrGroup: { personOrGroup: { chooseFromType: 'peopleOnly' } },
  };
  return { name: displayNameOf(n.name), displayName: displayNameOf(n.name), indexed: n.indexed, ...facet[n.kind] };
}

export function kindOf(column: Record<string, unknown>): Kind | undefined {
  if (column.text) return (column.text as { allowMultipleLines?: boolean }).allowMultipleLines ? 'note' : 'text';
  return (['dateTime', 'choice', 'personOrGroup'] as const).find((k) => k in column);
}

export type SetupOutcome =
  | { outcome: 'created' }
  | { outcome: 'unchanged' }
  | { outcome: 'columnAdded'; column: string }
  | { outcome: 'differs'; differences: string[] };

export async function ensureRemissList(
  client: Client,
  site: SiteResolver,
  listName: string,
  columns: ListColumns,
): Promise<SetupOutcome> {
  const siteId = await site.siteId();
  const lists = (
    (await client.api(`/sites/${siteId}/lists`).select('id,displayName').get()) as {
      value: { id: string; displayName: string }[];
    }
  ).value;
  const existing = lists.find((l) => l.id === listName || l.displayName === listName);
  const needed = neededColumns(columns);
  if (!existing) {
    await client.api(`/sites/${siteId}/lists`).post({
      displayName: listName,
      list: { template: 'genericList' },
      columns: needed.filter((n) => n.name !== 'Title').map(definition),
    });
    return { outcome: 'created' };
  }
  const { missing, differences } = await compareColumns(client, siteId, existing.id, needed);
  const added = missing.find((n) => n.name === columns.organisation);
  const all = [
    ...missing.filter((n) => n !== added).map((n) => sharepointSetupText.columnMissing(n.name, displayNameOf(n.name))),
    ...differences,
  ];
  if (all.length) return { outcome: 'differs', differences: all };
  if (!added) return { outcome: 'unchanged' };
  await client.api(`/sites/${siteId}/lists/${existing.id}/columns`).post(definition(added));
  return { outcome: 'columnAdded', column: added.name };
}

/** The needed columns a list lacks, and those it has with another type (each named, in Swedish, for the admin). */
export async function compareColumns(
  client: Client,
  siteId: string,
  listId: string,
  needed: Needed[],
): Promise<{ missing: Needed[]; differences: string[] }> {
  const present = new Map(
    (
      (await client.api(`/sites/${siteId}/lists/${listId}/columns`).get()) as { value: Record<string, unknown>[] }
    ).value.map((c) => [String(c.name), c]),
  );
  const missing: Needed[] = [];
  const differences: string[] = [];
  for (const n of needed) {
    const column = present.get(n.name);
    if (!column) missing.push(n);
    else if (kindOf(column) !== n.kind && !(n.name === 'Title' && kindOf(column) === 'text'))
      differences.push(sharepointSetupText.columnOfOtherKind(n.name, kindOf(column), n.kind));
  }
  return { missing, differences };
}
