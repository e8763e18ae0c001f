/**
 * The remiss register in a SharePoint list (REMISS_SOURCE=sharepoint), read and written through Graph.
 *
 * Nothing is cached that cannot be revalidated: every read goes to the list, so an edit made in the browser
 * shows in the bot's next answer. Every write names the item's ETag (If-Match); a 412 means someone changed
 * the item first, which callers handle like any conditional-write conflict: read again and re-apply, never
 * overwrite.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { isOpen, type Remiss, type VersionedRemiss } from '../../domain/remiss.js';
import type { Logger } from '../../logging/logger.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import { StoreConflictError } from '../../storage/store.js';
import { graphFailure } from './graphClient.js';
import {
  fieldsFromRemiss,
  remissFromFields,
  selectedFields,
  type ItemFields,
  type ListColumns,
  type PersonColumns,
} from './remissListMapping.js';
import { SiteResolver } from './siteResolver.js';

/** Lets $filter use a column that is not indexed (the README says which to index; small lists need none). */
const NON_INDEXED_OK = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
const PAGE_SIZE = 500;

interface ListItem {
  id: string;
  '@odata.etag': string;
  fields: ItemFields;
}

interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

export class PersonUnknownError extends Error {
  readonly code = 'SHAREPOINT_PERSON_UNKNOWN';
}

/** OData string literal: single quotes doubled. */
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

export class SharePointRemissRepository implements RemissRepository {
  private list?: Promise<string>;

  constructor(
    private readonly client: Client,
    private readonly site: SiteResolver,
    private readonly listName: string,
    private readonly columns: ListColumns,
    private readonly logger: Logger,
  ) {}

  listAll(): Promise<readonly VersionedRemiss[]> {
    return this.query();
  }

  /** Open remisser only, filtered by SharePoint on the Status column. */
  async listOpen(): Promise<readonly VersionedRemiss[]> {
    const status = `fields/${this.columns.status}`;
    return (await this.query(`${status} ne 'Besvarad' and ${status} ne 'Avstår'`)).filter((v) =>
      isOpen(v.remiss.status),
    );
  }

  async get(dnr: string): Promise<VersionedRemiss | undefined> {
    const found = (await this.query(`fields/${this.columns.dnr} eq ${literal(dnr)}`)).filter(
      (v) => v.remiss.dnr === dnr,
    );
    if (found.length > 1)
      this.logger.warn(
        { event: 'sharepoint.register.duplicateDnr', count: found.length },
        'several list items have the same diarienummer; the first is used',
      );
    return found[0];
  }

  async save(remiss: Remiss, expectedVersion?: string): Promise<string> {
    const base = await this.listPath();
    const fields = await fieldsFromRemiss(remiss, this.columns, this.people(base));
    if (!expectedVersion) {
      if (await this.get(remiss.dnr)) throw new StoreConflictError(`remisser/${remiss.dnr}`, 'already-exists');
      const created = (await this.client.api(`${base}/items`).post({ fields })) as ListItem;
      return versionOf(created.id, created['@odata.etag']);
    }
    const { itemId, eTag } = parseVersion(expectedVersion);
    try {
      const updated = (await this.client
        .api(`${base}/items/${itemId}/fields`)
        .header('If-Match', eTag)
        .patch(fields)) as ItemFields;
      return versionOf(itemId, String(updated['@odata.etag'] ?? ''));
    } catch (err) {
      const failure = graphFailure(err);
      if (failure.status === 412 || failure.code === 'preconditionFailed')
        throw new StoreConflictError(`remisser/${remiss.dnr}`, 'etag-mismatch');
      if (failure.status === 404) throw new StoreConflictError(`remisser/${remiss.dnr}`, 'missing');
      throw err;
    }
  }

  /** Reads every page of items (optionally filtered), following @odata.nextLink to the end. */
  private async query(filter?: string): Promise<VersionedRemiss[]> {
    const base = await this.listPath();
    const people = this.people(base);
    let request = this.client
      .api(`${base}/items`)
      .expand(`fields($select=${selectedFields(this.columns).join(',')})`)
      .top(PAGE_SIZE);
    if (filter) request = request.filter(filter).headers(NON_INDEXED_OK);
    let page = (await request.get()) as Page<ListItem>;
    const found: VersionedRemiss[] = [];
    for (;;) {
      for (const item of page.value) {
        const remiss = await remissFromFields(item.fields, this.columns, people);
        if ('invalid' in remiss)
          this.logger.warn(
            { event: 'sharepoint.register.invalidItem', itemId: item.id, column: remiss.invalid },
            'a list item is not a valid remiss and is left out',
          );
        else found.push({ remiss, version: versionOf(item.id, item['@odata.etag']) });
      }
      const next = page['@odata.nextLink'];
      if (!next) return found;
      page = (await this.client
        .api(next)
        .headers(filter ? NON_INDEXED_OK : {})
        .get()) as Page<ListItem>;
    }
  }

  /** Person columns through the site's User Information List (lookup id ↔ e-mail), looked up per read. */
  private people(base: string): PersonColumns {
    const users = `${base.slice(0, base.indexOf('/lists/'))}/lists/User Information List/items`;
    const emails = new Map<number, Promise<string | undefined>>();
    return {
      emailOf: (lookupId) => {
        if (!emails.has(lookupId)) {
          emails.set(
            lookupId,
            this.client
              .api(`${users}/${lookupId}`)
              .expand('fields($select=EMail)')
              .get()
              .then(
                (u: { fields?: { EMail?: string } }) => u.fields?.EMail,
                () => undefined,
              ),
          );
        }
        return emails.get(lookupId)!;
      },
      lookupIdOf: async (email) => {
        const page = (await this.client
          .api(users)
          .filter(`fields/EMail eq ${literal(email)}`)
          .headers(NON_INDEXED_OK)
          .expand('fields($select=EMail)')
          .get()) as Page<{ id: string }>;
        const id = Number(page.value[0]?.id);
        if (!Number.isInteger(id)) throw new PersonUnknownError(`${email} is not a user of the SharePoint site yet`);
        return id;
      },
    };
  }

  /** `/sites/{site}/lists/{list id}`, the list found once by its name or id. */
  private listPath(): Promise<string> {
    this.list ??= (async () => {
      const siteId = await this.site.siteId();
      const lists = (
        (await this.client.api(`/sites/${siteId}/lists`).select('id,displayName,name').get()) as Page<{
          id: string;
          displayName: string;
          name: string;
        }>
      ).value;
      const list = lists.find(
        (l) => l.id === this.listName || l.displayName === this.listName || l.name === this.listName,
      );
      if (!list)
        throw new RemissListNotFoundError(
          `SHAREPOINT_REMISS_LIST "${this.listName}" is not a list on the site (npm run sharepoint:setup creates it)`,
        );
      return `/sites/${siteId}/lists/${list.id}`;
    })().catch((err: unknown) => {
      this.list = undefined;
      throw err;
    });
    return this.list;
  }
}

export class RemissListNotFoundError extends Error {
  readonly code = 'SHAREPOINT_LIST_NOT_FOUND';
}

/** The version callers hand back: the item's id and ETag together, opaque to them. */
function versionOf(itemId: string, eTag: string): string {
  return `${itemId}|${eTag}`;
}

function parseVersion(version: string): { itemId: string; eTag: string } {
  const at = version.indexOf('|');
  return { itemId: version.slice(0, at), eTag: version.slice(at + 1) };
}
