/**
 * SharePoint lists as Graph serves them, for the fake Graph: lists and their columns, list items with ETags,
 * $expand=fields($select=…), $filter on fields (refused on a column that is not indexed unless the request
 * says `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`, as SharePoint does), paging with
 * @odata.nextLink, 412 on a stale If-Match, and the User Information List behind person columns.
 */
import { randomUUID } from 'node:crypto';

export interface Answer {
  status: number;
  body?: unknown;
  contentType?: string;
  redirect?: string;
}

export const graphError = (code: string, message: string) => ({
  error: {
    code,
    message,
    innerError: { date: new Date().toISOString(), 'request-id': randomUUID(), 'client-request-id': randomUUID() },
  },
});

export type ColumnType = 'text' | 'note' | 'dateTime' | 'choice' | 'personOrGroup' | 'number';

export interface FakeColumn {
  name: string;
  displayName: string;
  type: ColumnType;
  indexed: boolean;
  choices?: string[];
}

export interface FakeListItem {
  id: string;
  guid: string;
  version: number;
  fields: Record<string, unknown>;
}

interface FakeList {
  id: string;
  displayName: string;
  columns: Map<string, FakeColumn>;
  items: Map<string, FakeListItem>;
  nextId: number;
}

/** SharePoint's internal name for a display name: characters outside A–Z, a–z, 0–9 become _xHHHH_. */
export function internalName(displayName: string): string {
  return [...displayName]
    .map((ch) => (/[A-Za-z0-9]/.test(ch) ? ch : `_x${ch.codePointAt(0)!.toString(16).padStart(4, '0')}_`))
    .join('');
}

const USERS = 'User Information List';

export class FakeSharePointLists {
  readonly lists = new Map<string, FakeList>();
  /** Writes that did not name the item's ETag: a client that never overwrites an edit makes none. */
  readonly blindWrites: string[] = [];
  pageSize = 100;

  constructor(private readonly baseUrl: () => string) {
    this.createList(USERS, [
      { name: 'EMail', displayName: 'E-post', type: 'text', indexed: false },
      { name: 'Title', displayName: 'Namn', type: 'text', indexed: false },
    ]);
  }

  createList(displayName: string, columns: FakeColumn[]): FakeList {
    const list: FakeList = { id: randomUUID(), displayName, columns: new Map(), items: new Map(), nextId: 1 };
    list.columns.set('Title', { name: 'Title', displayName: 'Title', type: 'text', indexed: false });
    for (const c of columns) list.columns.set(c.name, c);
    this.lists.set(list.id, list);
    return list;
  }

  list(displayName: string): FakeList {
    return [...this.lists.values()].find((l) => l.displayName === displayName)!;
  }

  /** A user of the site; their lookup id is what person columns hold. */
  addUser(email: string, name: string): number {
    return Number(this.addItem(USERS, { EMail: email, Title: name }).id);
  }

  addItem(listName: string, fields: Record<string, unknown>): FakeListItem {
    const list = this.list(listName);
    const item: FakeListItem = { id: String(list.nextId++), guid: randomUUID(), version: 1, fields: { ...fields } };
    list.items.set(item.id, item);
    return item;
  }

  /** An edit made in the browser: the item's ETag moves on. */
  editItem(listName: string, id: string, fields: Record<string, unknown>): void {
    const item = this.list(listName).items.get(id)!;
    Object.assign(item.fields, fields);
    item.version++;
  }

  items(listName: string): FakeListItem[] {
    return [...this.list(listName).items.values()];
  }

  /** Handles `/sites/{site}/lists…` (the path after the site); undefined for anything else. */
  route(
    method: string,
    path: string,
    query: URLSearchParams,
    headers: Record<string, string | string[] | undefined>,
    body: Buffer,
    siteId: string,
  ): Answer | undefined {
    const m = /^\/lists(?:\/([^/]+))?(\/columns|\/items(?:\/([^/]+)(\/fields)?)?)?$/.exec(path);
    if (!m) return undefined;
    const [, listKey, sub, itemId, fieldsPart] = m;
    if (!listKey) {
      if (method === 'GET')
        return {
          status: 200,
          body: {
            value: [...this.lists.values()].map((l) => ({
              id: l.id,
              displayName: l.displayName,
              name: l.displayName.replace(/\s/g, ''),
            })),
          },
        };
      if (method === 'POST') return this.createFromRequest(body);
      return { status: 405, body: graphError('invalidRequest', 'Method not allowed.') };
    }
    const list = this.lists.get(listKey) ?? [...this.lists.values()].find((l) => l.displayName === listKey);
    if (!list) return { status: 404, body: graphError('itemNotFound', 'The specified list was not found') };
    if (!sub && method === 'GET') return { status: 200, body: { id: list.id, displayName: list.displayName } };
    if (sub === '/columns' && method === 'GET')
      return { status: 200, body: { value: [...list.columns.values()].map(columnBody) } };
    if (sub === '/columns' && method === 'POST') return this.createColumn(list, body);
    if (!itemId) {
      if (method === 'GET') return this.listItems(list, query, headers, siteId);
      if (method === 'POST') {
        const json = parse(body) as { fields?: Record<string, unknown> } | undefined;
        const unknown = this.unknownField(list, json?.fields ?? {});
        if (!json?.fields || unknown)
          return {
            status: 400,
            body: graphError('invalidRequest', `Field '${unknown ?? 'fields'}' is not recognized`),
          };
        const item: FakeListItem = {
          id: String(list.nextId++),
          guid: randomUUID(),
          version: 1,
          fields: { ...json.fields },
        };
        list.items.set(item.id, item);
        return { status: 201, body: this.itemBody(item) };
      }
    }
    const item = itemId ? list.items.get(itemId) : undefined;
    if (!item) return { status: 404, body: graphError('itemNotFound', 'The specified list item was not found') };
    if (!fieldsPart && method === 'GET') return { status: 200, body: this.itemBody(item, selectOf(query)) };
    if (fieldsPart && method === 'PATCH') {
      const ifMatch = headers['if-match'];
      if (!ifMatch) this.blindWrites.push(`PATCH item ${item.id} of ${list.displayName} without If-Match`);
      else if (ifMatch !== etagOf(item) && ifMatch !== '*') {
        return {
          status: 412,
          body: graphError('preconditionFailed', "The request ETag value does not match the object's ETag value."),
        };
      }
      const fields = parse(body) as Record<string, unknown> | undefined;
      const unknown = fields ? this.unknownField(list, fields) : 'fields';
      if (!fields || unknown)
        return { status: 400, body: graphError('invalidRequest', `Field '${unknown}' is not recognized`) };
      Object.assign(item.fields, fields);
      item.version++;
      return { status: 200, body: { '@odata.etag': etagOf(item), ...item.fields } };
    }
    return { status: 405, body: graphError('invalidRequest', 'Method not allowed.') };
  }

  private createFromRequest(body: Buffer): Answer {
    const json = parse(body) as { displayName?: string; columns?: Record<string, unknown>[] } | undefined;
    if (!json?.displayName) return { status: 400, body: graphError('invalidRequest', 'displayName is required') };
    if ([...this.lists.values()].some((l) => l.displayName === json.displayName))
      return { status: 409, body: graphError('nameAlreadyExists', 'A list with that name already exists') };
    const columns = (json.columns ?? []).map(columnFrom);
    if (columns.some((c) => !c))
      return { status: 400, body: graphError('invalidRequest', 'Invalid column definition') };
    const list = this.createList(json.displayName, columns as FakeColumn[]);
    return { status: 201, body: { id: list.id, displayName: list.displayName } };
  }

  /** POST /lists/{id}/columns: one columnDefinition, refused when its name is taken, as SharePoint does. */
  private createColumn(list: FakeList, body: Buffer): Answer {
    const column = columnFrom(parse(body) as Record<string, unknown>);
    if (!column) return { status: 400, body: graphError('invalidRequest', 'Invalid column definition') };
    if (list.columns.has(column.name))
      return { status: 400, body: graphError('invalidRequest', `A duplicate field name "${column.name}" was found.`) };
    list.columns.set(column.name, column);
    return { status: 201, body: columnBody(column) };
  }

  private listItems(
    list: FakeList,
    query: URLSearchParams,
    headers: Record<string, string | string[] | undefined>,
    siteId: string,
  ): Answer {
    const filter = query.get('$filter');
    const conditions: { field: string; op: 'eq' | 'ne'; value: string }[] = [];
    if (filter) {
      for (const part of filter.split(' and ')) {
        const c = /^fields\/(\w+) (eq|ne) '((?:[^']|'')*)'$/.exec(part.trim());
        if (!c) return { status: 400, body: graphError('invalidRequest', `Invalid filter clause: ${part}`) };
        const column = list.columns.get(c[1]!);
        if (!column) return { status: 400, body: graphError('invalidRequest', `Field '${c[1]}' is not recognized`) };
        if (!column.indexed && !String(headers.prefer ?? '').includes('HonorNonIndexedQueriesWarningMayFailRandomly')) {
          return {
            status: 400,
            body: graphError(
              'invalidRequest',
              `Field '${c[1]}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ` +
                `HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such ` +
                `queries may fail on large lists.`,
            ),
          };
        }
        conditions.push({ field: c[1]!, op: c[2] as 'eq' | 'ne', value: c[3]!.replace(/''/g, "'") });
      }
    }
    const matching = [...list.items.values()].filter((i) =>
      conditions.every((c) => (String(i.fields[c.field] ?? '') === c.value) === (c.op === 'eq')),
    );
    const skip = Number(query.get('$skiptoken') ?? 0);
    const top = Math.min(Number(query.get('$top') ?? this.pageSize), this.pageSize);
    const page = matching.slice(skip, skip + top);
    const next = new URLSearchParams(query);
    next.set('$skiptoken', String(skip + top));
    const select = selectOf(query);
    return {
      status: 200,
      body: {
        value: page.map((i) => this.itemBody(i, select)),
        ...(skip + top < matching.length
          ? { '@odata.nextLink': `${this.baseUrl()}/v1.0/sites/${siteId}/lists/${list.id}/items?${next.toString()}` }
          : {}),
      },
    };
  }

  private unknownField(list: FakeList, fields: Record<string, unknown>): string | undefined {
    return Object.keys(fields).find((name) => {
      const column = list.columns.get(name) ?? list.columns.get(name.replace(/LookupId$/, ''));
      return !column || (name.endsWith('LookupId') && column.type !== 'personOrGroup');
    });
  }

  private itemBody(item: FakeListItem, select?: string[]): Record<string, unknown> {
    const fields = select
      ? Object.fromEntries(select.filter((f) => f in item.fields).map((f) => [f, item.fields[f]]))
      : { ...item.fields };
    return {
      id: item.id,
      '@odata.etag': etagOf(item),
      eTag: etagOf(item),
      fields: { '@odata.etag': etagOf(item), id: item.id, ...fields },
    };
  }
}

/** A columnDefinition as Graph describes one: its type is the facet it carries. */
function columnBody(c: FakeColumn): Record<string, unknown> {
  return {
    name: c.name,
    displayName: c.displayName,
    indexed: c.indexed,
    [c.type === 'note' ? 'text' : c.type]:
      c.type === 'note' ? { allowMultipleLines: true } : c.type === 'choice' ? { choices: c.choices } : {},
  };
}

/** A column from a columnDefinition in a request (exactly one type facet and a name), or undefined. */
function columnFrom(c: Record<string, unknown> | undefined): FakeColumn | undefined {
  const types = (['text', 'dateTime', 'choice', 'personOrGroup', 'number'] as const).filter((t) => c && t in c);
  if (!c || types.length !== 1 || typeof c.name !== 'string' || !c.name) return undefined;
  const type = types[0]!;
  const multi = type === 'text' && (c.text as { allowMultipleLines?: boolean }).allowMultipleLines;
  return {
    name: internalName(c.name),
    displayName: String(c.displayName ?? c.name),
    type: multi ? 'note' : type,
    indexed: c.indexed === true,
    choices: (c.choice as { choices?: string[] } | undefined)?.choices,
  };
}

function etagOf(item: FakeListItem): string {
  return `"${item.guid},${item.version}"`;
}

function selectOf(query: URLSearchParams): string[] | undefined {
  const m = /^fields\(\$select=([^)]*)\)$/.exec(query.get('$expand') ?? '');
  return m ? m[1]!.split(',').map((s) => s.trim()) : undefined;
}

function parse(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
