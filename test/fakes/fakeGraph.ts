/**
 * A fake Microsoft Graph (SharePoint sites, drives, driveItems, upload sessions, list item fields, the members of
 * Entra groups) and a fake Entra token endpoint, over HTTPS on 127.0.0.1 with the tests' certificate. It implements
 * the subset Remissbot uses and refuses what Microsoft refuses, with Microsoft's error bodies: an unknown or missing
 * bearer token, a name clash under conflictBehavior=fail, a slice that is not a multiple of 320 KiB, a bad
 * Content-Range, an Authorization header on a pre-authenticated upload or download URL, an unknown column.
 *
 * The API answers on https://localhost:<port>; upload and download URLs are on https://127.0.0.1:<port>,
 * another host as far as the Graph client is concerned, as Microsoft's pre-authenticated URLs are.
 *
 * Faults can be injected at random (429 with Retry-After, 503, a connection reset before the request is
 * processed) or scripted for one request.
 */
import { constants, createHash, createPublicKey, randomUUID, verify } from 'node:crypto';
import https from 'node:https';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureTestCertificate, UNTRUSTED_HINT } from '../support/testTls.js';
import { FakeEntraGroups } from './fakeEntraGroups.js';
import {
  FakeSharePointLists,
  graphError,
  type Answer,
  type ColumnType,
  type FakeColumn,
} from './fakeSharePointLists.js';

export const SLICE_UNIT = 320 * 1024;
const SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;
const MAX_SLICE = 60 * 1024 * 1024;

export interface FakeGraphOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** A certificate (PEM) registered on the app: client assertions signed with its key are accepted too. */
  clientCertificate?: string;
  siteHost: string;
  sitePath: string;
  /**
   * Document libraries on the site, with their columns: an internal name (typed as the filing's columns are:
   * Svarsdatum a date, Status a choice, others text) or a column of any type.
   */
  libraries: { name: string; columns: (string | FakeColumn)[] }[];
}

/** The roles a Sites.Selected grant can give an app on a site. */
export type SiteRole = 'read' | 'write' | 'owner' | 'fullcontrol';

const LIBRARY_COLUMN_TYPES: Record<string, ColumnType> = { Svarsdatum: 'dateTime', Status: 'choice' };

function libraryColumn(c: string | FakeColumn): FakeColumn {
  return typeof c === 'string'
    ? { name: c, displayName: c, type: LIBRARY_COLUMN_TYPES[c] ?? 'text', indexed: false }
    : c;
}

export interface GraphRequestRecord {
  at: number;
  method: string;
  host: string;
  path: string;
  query: Record<string, string>;
  authorization: boolean;
  contentRange?: string;
  bodyBytes: number;
  status: number;
  fault?: string;
}

export interface FakeItem {
  id: string;
  driveId: string;
  path: string;
  name: string;
  bytes: Buffer;
  fields: Record<string, string>;
  createdAt: number;
}

type Fault = '429' | '503' | 'reset' | 'reset-mid-body' | 'timeout';
type Matcher = (r: { method: string; host: string; path: string; query: URLSearchParams }) => boolean;

interface UploadSession {
  id: string;
  driveId: string;
  path: string;
  received: Buffer[];
  next: number;
  total?: number;
}

interface Drive {
  id: string;
  name: string;
  /** The library's list, whose columns the files' fields must name. */
  listId: string;
}

export class FakeGraph {
  readonly requests: GraphRequestRecord[] = [];
  /** Things a well-behaved client never does; tests assert there are none. */
  readonly violations: string[] = [];
  readonly items = new Map<string, FakeItem>();
  readonly tokensIssued: { scope: string; clientId: string }[] = [];
  pdfConversions = 0;
  /** The site's lists (the register, the User Information List). */
  readonly sharePointLists = new FakeSharePointLists(() => this.baseUrl);
  /**
   * The app's grant on the site (Sites.Selected). `write` is Contribute: files and items, but no new lists or
   * columns, which need `owner` or `fullcontrol` (Manage Lists); `read` writes nothing.
   */
  siteRole: SiteRole = 'write';
  /** Entra groups and their members (GET /groups/{id}/transitiveMembers/microsoft.graph.user). */
  readonly entraGroups = new FakeEntraGroups(() => this.baseUrl);
  /**
   * The application permissions granted to the app (the token's roles). Sites.Selected files; reading groups'
   * members needs GroupMember.Read.All, and reading those members' addresses User.ReadBasic.All.
   */
  appRoles: string[] = ['Sites.Selected', 'GroupMember.Read.All', 'User.ReadBasic.All'];
  private readonly drives: Drive[];
  private readonly siteId = `${'contoso.sharepoint.com'},${randomUUID()},${randomUUID()}`;
  private readonly tokens = new Set<string>();
  private readonly sessions = new Map<string, UploadSession>();
  private readonly downloads = new Map<string, Buffer>();
  private readonly scripted: { match: Matcher; fault: Fault | { status: number; code: string; message: string } }[] =
    [];
  private random = { rate: 0, kinds: [] as Fault[], seed: 1 };
  private server?: https.Server;
  private port = 0;

  constructor(readonly options: FakeGraphOptions) {
    this.drives = options.libraries.map((l) => ({
      id: `b!${createHash('sha256').update(l.name).digest('base64url').slice(0, 30)}`,
      name: l.name,
      listId: this.sharePointLists.createList(l.name, l.columns.map(libraryColumn)).id,
    }));
  }

  get baseUrl(): string {
    return `https://localhost:${this.port}`;
  }

  get authorityHost(): string {
    return `https://localhost:${this.port}`;
  }

  get siteUrl(): string {
    return `https://${this.options.siteHost}${this.options.sitePath}`;
  }

  get site(): string {
    return this.siteId;
  }

  /** Injects faults at random on this share of API, upload and download requests (not the token endpoint). */
  injectFaults(rate: number, kinds: Fault[] = ['429', '503', 'reset'], seed = 42): void {
    this.random = { rate, kinds, seed };
  }

  /** The next request that matches gets this fault (or this Graph error) instead of an answer. */
  failNext(match: Matcher, fault: Fault | { status: number; code: string; message: string }): void {
    this.scripted.push({ match, fault });
  }

  /** Ends every upload session, as when they expire. */
  expireUploadSessions(): void {
    this.sessions.clear();
  }

  /** Puts a file in a library folder, as a person would in the browser. */
  addFile(library: string, filePath: string, bytes: Buffer): FakeItem {
    const drive = this.drives.find((d) => d.name === library)!;
    return this.createItem(drive.id, filePath, bytes);
  }

  filesIn(library: string): FakeItem[] {
    const drive = this.drives.find((d) => d.name === library)!;
    return [...this.items.values()].filter((i) => i.driveId === drive.id).sort((a, b) => a.path.localeCompare(b.path));
  }

  async start(): Promise<void> {
    const { cert, key } = ensureTestCertificate();
    this.server = https.createServer({ cert, key }, (req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    try {
      await fetch(`${this.baseUrl}/health`);
    } catch (err) {
      await this.stop();
      throw new Error(`${UNTRUSTED_HINT} (${String((err as { cause?: unknown }).cause ?? err)})`);
    }
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private nextRandom(): number {
    // A small deterministic generator, so a failing run can be repeated.
    this.random.seed = (this.random.seed * 1103515245 + 12345) % 2 ** 31;
    return this.random.seed / 2 ** 31;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    const host = url.hostname;
    const path = decodeURIComponent(url.pathname);
    const query = url.searchParams;
    const record: GraphRequestRecord = {
      at: Date.now(),
      method: req.method ?? 'GET',
      host,
      path,
      query: Object.fromEntries(query),
      authorization: !!req.headers.authorization,
      contentRange: req.headers['content-range'],
      bodyBytes: 0,
      status: 0,
    };
    if (path === '/health') return void res.end('ok');
    const isToken = /^\/[^/]+\/(oauth2|v2\.0)\//.test(path);
    if (!isToken) {
      const fault = this.faultFor({ method: record.method, host, path, query });
      if (fault) {
        this.requests.push({
          ...record,
          fault: typeof fault === 'string' ? fault : fault.code,
          status:
            typeof fault === 'string'
              ? fault.startsWith('reset') || fault === 'timeout'
                ? 0
                : Number(fault)
              : fault.status,
        });
        if (fault === 'reset') return void req.socket.destroy();
        // Never answered: the caller's own deadline must end it (stop() closes the connection).
        if (fault === 'timeout') return;
        if (fault === 'reset-mid-body') {
          req.once('data', () => req.socket.destroy());
          req.once('end', () => req.socket.destroy());
          return;
        }
        if (fault === '429')
          return this.send(res, 429, graphError('TooManyRequests', 'Too many requests'), { 'Retry-After': '1' });
        if (fault === '503')
          return this.send(res, 503, graphError('serviceNotAvailable', 'The service is temporarily unavailable.'), {
            'Retry-After': '1',
          });
        return this.send(res, fault.status, graphError(fault.code, fault.message));
      }
    }
    const body = await readBody(req);
    record.bodyBytes = body.length;
    const answer = this.route(record, req, path, query, body);
    record.status = answer.status;
    this.requests.push(record);
    if (answer.redirect) {
      res.writeHead(302, { Location: answer.redirect });
      return void res.end();
    }
    if (Buffer.isBuffer(answer.body)) {
      res.writeHead(answer.status, {
        'Content-Type': answer.contentType ?? 'application/octet-stream',
        'Content-Length': answer.body.length,
      });
      return void res.end(answer.body);
    }
    this.send(res, answer.status, answer.body);
  }

  private faultFor(r: {
    method: string;
    host: string;
    path: string;
    query: URLSearchParams;
  }): Fault | { status: number; code: string; message: string } | undefined {
    const i = this.scripted.findIndex((s) => s.match(r));
    if (i >= 0) return this.scripted.splice(i, 1)[0]!.fault;
    if (this.random.rate > 0 && this.nextRandom() < this.random.rate) {
      const kinds =
        r.method === 'PUT' && r.path.startsWith('/upload/')
          ? [...this.random.kinds, 'reset-mid-body' as Fault]
          : this.random.kinds;
      return kinds[Math.floor(this.nextRandom() * kinds.length)];
    }
    return undefined;
  }

  private send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(text);
  }

  private route(
    record: GraphRequestRecord,
    req: http.IncomingMessage,
    path: string,
    query: URLSearchParams,
    body: Buffer,
  ): Answer {
    const { method } = record;
    const tokenMatch = /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token)$/.exec(path);
    if (tokenMatch) return this.tokenEndpoint(tokenMatch[1]!, tokenMatch[2]!, body);

    if (path.startsWith('/upload/') || path.startsWith('/download/')) {
      if (record.host !== '127.0.0.1') this.violations.push(`${method} ${path} on ${record.host}`);
      if (record.authorization) {
        this.violations.push(`Authorization header on the pre-authenticated URL ${method} ${path}`);
        return {
          status: 401,
          body: graphError('unauthenticated', 'The pre-authenticated URL must not carry an Authorization header.'),
        };
      }
      if (path.startsWith('/download/')) {
        const bytes = this.downloads.get(path.slice('/download/'.length));
        return bytes
          ? { status: 200, body: bytes }
          : { status: 404, body: graphError('itemNotFound', 'The resource could not be found.') };
      }
      return this.uploadSlice(method, path.slice('/upload/'.length), req, body);
    }

    if (!path.startsWith('/v1.0/')) return { status: 400, body: graphError('BadRequest', 'Invalid version.') };
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !this.tokens.has(auth.slice(7))) {
      return {
        status: 401,
        body: graphError(
          'InvalidAuthenticationToken',
          auth ? 'Access token validation failure. Invalid audience.' : 'Access token is empty.',
        ),
      };
    }
    const p = path.slice('/v1.0'.length);
    const groupAnswer = this.entraGroups.route(method, p, query, this.appRoles);
    if (groupAnswer) return groupAnswer;

    const siteByPath = /^\/sites\/([^/:]+):(\/.*?)\/?$/.exec(p);
    if (method === 'GET' && siteByPath) {
      if (siteByPath[1] !== this.options.siteHost || siteByPath[2] !== this.options.sitePath)
        return { status: 404, body: graphError('itemNotFound', 'Requested site could not be found') };
      return { status: 200, body: { id: this.siteId, webUrl: this.siteUrl, displayName: 'Remisser' } };
    }
    const denied = this.deniedByRole(method, p);
    if (denied) return denied;
    const onSite = /^\/sites\/([^/:]+)(\/lists.*)$/.exec(p);
    if (onSite) {
      if (onSite[1] !== this.siteId)
        return { status: 404, body: graphError('itemNotFound', 'Requested site could not be found') };
      const answer = this.sharePointLists.route(method, onSite[2]!, query, req.headers, body, this.siteId);
      if (answer) return answer;
    }
    const drives = /^\/sites\/([^/]+)\/drives$/.exec(p);
    if (method === 'GET' && drives) {
      if (drives[1] !== this.siteId)
        return { status: 404, body: graphError('itemNotFound', 'Requested site could not be found') };
      return {
        status: 200,
        body: {
          value: this.drives.map((d) => ({
            id: d.id,
            name: d.name,
            driveType: 'documentLibrary',
            webUrl: `${this.siteUrl}/${encodeURIComponent(d.name)}`,
          })),
        },
      };
    }
    const driveMatch = /^\/drives\/([^/]+)(\/.*)$/.exec(p);
    const drive = driveMatch && this.drives.find((d) => d.id === driveMatch[1]);
    if (!driveMatch || !drive)
      return { status: 404, body: graphError('itemNotFound', 'The resource could not be found.') };
    const rest = driveMatch[2]!;

    const byPath = /^\/root:\/([^:]+)(?::(\/content|\/createUploadSession)?)?$/.exec(rest);
    if (byPath) {
      const itemPath = byPath[1]!;
      const action = byPath[2];
      const existing = this.findByPath(drive.id, itemPath);
      if (!action && method === 'GET')
        return existing
          ? { status: 200, body: this.driveItem(existing) }
          : { status: 404, body: graphError('itemNotFound', 'The resource could not be found.') };
      if (action === '/content' && method === 'PUT') {
        const behavior = query.get('@microsoft.graph.conflictBehavior');
        if (!behavior) {
          this.violations.push(
            `PUT ${itemPath} without @microsoft.graph.conflictBehavior (Graph would replace an existing file)`,
          );
          return {
            status: 400,
            body: graphError(
              'invalidRequest',
              'This fake requires @microsoft.graph.conflictBehavior: Remissbot never replaces a file.',
            ),
          };
        }
        if (body.length > SIMPLE_UPLOAD_LIMIT)
          return {
            status: 413,
            body: graphError('requestTooLarge', 'Simple upload is limited to 4 MB; use an upload session.'),
          };
        if (existing && behavior === 'fail')
          return { status: 409, body: graphError('nameAlreadyExists', 'The specified item name already exists.') };
        if (existing)
          return {
            status: 400,
            body: graphError('invalidRequest', `conflictBehavior ${behavior} is not supported by this fake`),
          };
        return { status: 201, body: this.driveItem(this.createItem(drive.id, itemPath, body)) };
      }
      if (action === '/createUploadSession' && method === 'POST') {
        const json = parseJson(body) as { item?: Record<string, unknown> } | undefined;
        const behavior = json?.item?.['@microsoft.graph.conflictBehavior'];
        if (behavior !== 'fail') {
          this.violations.push(`createUploadSession for ${itemPath} without conflictBehavior fail`);
          return {
            status: 400,
            body: graphError('invalidRequest', 'This fake requires item.@microsoft.graph.conflictBehavior=fail.'),
          };
        }
        if (existing)
          return { status: 409, body: graphError('nameAlreadyExists', 'The specified item name already exists.') };
        const session: UploadSession = { id: randomUUID(), driveId: drive.id, path: itemPath, received: [], next: 0 };
        this.sessions.set(session.id, session);
        return {
          status: 200,
          body: {
            uploadUrl: `https://127.0.0.1:${this.port}/upload/${session.id}`,
            expirationDateTime: new Date(Date.now() + 3600_000).toISOString(),
            nextExpectedRanges: ['0-'],
          },
        };
      }
      return { status: 405, body: graphError('invalidRequest', 'Method not allowed.') };
    }

    if (rest === '/list' && method === 'GET')
      return {
        status: 200,
        body: { id: drive.listId, displayName: drive.name, name: drive.name, list: { template: 'documentLibrary' } },
      };

    const byId = /^\/items\/([^/]+)(\/content|\/listItem\/fields)?$/.exec(rest);
    const item = byId && this.items.get(byId[1]!);
    if (!byId || !item || item.driveId !== drive.id)
      return { status: 404, body: graphError('itemNotFound', 'The resource could not be found.') };
    if (!byId[2] && method === 'GET') return { status: 200, body: this.driveItem(item) };
    if (byId[2] === '/content' && method === 'GET') {
      const token = randomUUID();
      const format = query.get('format');
      if (format && format !== 'pdf')
        return { status: 400, body: graphError('invalidRequest', `Unsupported format ${format}`) };
      if (format === 'pdf') {
        if (!item.name.endsWith('.docx'))
          return { status: 406, body: graphError('notSupported', 'Conversion to PDF is not supported for this item.') };
        // Graph's conversion is not byte-for-byte repeatable: each one differs, as a real PDF's timestamp does.
        this.pdfConversions += 1;
        this.downloads.set(
          token,
          Buffer.from(`%PDF-1.7\n% converted by the fake Graph from ${item.id} (${this.pdfConversions})\n%%EOF\n`),
        );
      } else {
        this.downloads.set(token, item.bytes);
      }
      return { status: 302, redirect: `https://127.0.0.1:${this.port}/download/${token}` };
    }
    if (byId[2] === '/listItem/fields' && method === 'PATCH') {
      const fields = parseJson(body);
      if (!fields || typeof fields !== 'object' || Array.isArray(fields))
        return { status: 400, body: graphError('invalidRequest', 'Invalid request') };
      // SharePoint takes the whole update or none of it: an unknown field, or single-line text over its 255
      // characters, refuses every field. (Only the status, the code and the unknown field's name are what the
      // bot reads; the too-long message is this fake's wording.)
      const columns = this.sharePointLists.lists.get(drive.listId)!.columns;
      for (const [name, value] of Object.entries(fields)) {
        const column = columns.get(name);
        if (!column) return { status: 400, body: graphError('invalidRequest', `Field '${name}' is not recognized`) };
        if (column.type === 'text' && String(value).length > 255)
          return { status: 400, body: graphError('invalidRequest', `The value of field '${name}' is too long.`) };
      }
      for (const [name, value] of Object.entries(fields)) item.fields[name] = String(value);
      return { status: 200, body: { ...item.fields } };
    }
    return { status: 405, body: graphError('invalidRequest', 'Method not allowed.') };
  }

  /** What SharePoint refuses an app for its site role: any write with `read`, lists and columns below `owner`. */
  private deniedByRole(method: string, path: string): Answer | undefined {
    const writes = method !== 'GET';
    const changesStructure = method === 'POST' && /^\/sites\/[^/]+\/lists(\/[^/]+\/columns)?$/.test(path);
    if (
      (writes && this.siteRole === 'read') ||
      (changesStructure && (this.siteRole === 'read' || this.siteRole === 'write'))
    ) {
      return { status: 403, body: graphError('accessDenied', 'Access denied') };
    }
    return undefined;
  }

  private uploadSlice(method: string, sessionId: string, req: http.IncomingMessage, body: Buffer): Answer {
    const session = this.sessions.get(sessionId);
    if (!session) return { status: 404, body: graphError('itemNotFound', 'The upload session was not found.') };
    const status = () => ({
      expirationDateTime: new Date(Date.now() + 3600_000).toISOString(),
      nextExpectedRanges: [`${session.next}-`],
    });
    if (method === 'GET') return { status: 200, body: status() };
    if (method === 'DELETE') {
      this.sessions.delete(sessionId);
      return { status: 204, body: undefined };
    }
    if (method !== 'PUT') return { status: 405, body: graphError('invalidRequest', 'Method not allowed.') };
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers['content-range'] ?? '');
    if (!range) return { status: 400, body: graphError('invalidRequest', 'Invalid Content-Range header.') };
    const [from, to, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (
      to < from ||
      to >= total ||
      to - from + 1 !== body.length ||
      Number(req.headers['content-length']) !== body.length
    ) {
      return { status: 400, body: graphError('invalidRange', 'The Content-Range does not match the fragment.') };
    }
    if (session.total !== undefined && session.total !== total)
      return { status: 400, body: graphError('invalidRange', 'The total size changed.') };
    if (from !== session.next)
      return {
        status: 416,
        body: graphError('invalidRange', `The uploaded fragment overlaps or skips data; expected ${session.next}-.`),
      };
    const isLast = to === total - 1;
    if (!isLast && body.length % SLICE_UNIT !== 0)
      return { status: 400, body: graphError('invalidRequest', 'Fragment size must be a multiple of 320 KiB.') };
    if (body.length > MAX_SLICE)
      return { status: 413, body: graphError('requestTooLarge', 'Fragments must be under 60 MiB.') };
    session.total = total;
    session.received.push(body);
    session.next = to + 1;
    if (!isLast) return { status: 202, body: status() };
    this.sessions.delete(sessionId);
    if (this.findByPath(session.driveId, session.path))
      return { status: 409, body: graphError('nameAlreadyExists', 'The specified item name already exists.') };
    return {
      status: 201,
      body: this.driveItem(this.createItem(session.driveId, session.path, Buffer.concat(session.received))),
    };
  }

  private tokenEndpoint(tenant: string, what: string, body: Buffer): Answer {
    const authority = `${this.authorityHost}/${tenant}`;
    if (what.startsWith('v2.0')) {
      return {
        status: 200,
        body: {
          issuer: `${authority}/v2.0`,
          authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
          token_endpoint: `${authority}/oauth2/v2.0/token`,
          end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
          jwks_uri: `${this.authorityHost}/${tenant}/discovery/v2.0/keys`,
          response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
          subject_types_supported: ['pairwise'],
          id_token_signing_alg_values_supported: ['RS256'],
          tenant_region_scope: 'EU',
        },
      };
    }
    const form = new URLSearchParams(body.toString('utf8'));
    const aadError = (status: number, error: string, code: number, description: string): Answer => ({
      status,
      body: {
        error,
        error_description:
          `AADSTS${code}: ${description} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} ` +
          `Timestamp: ${new Date().toISOString()}`,
        error_codes: [code],
        timestamp: new Date().toISOString(),
        trace_id: randomUUID(),
        correlation_id: randomUUID(),
      },
    });
    if (tenant !== this.options.tenantId)
      return aadError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found.`);
    if (form.get('grant_type') !== 'client_credentials')
      return aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    if (form.get('client_id') !== this.options.clientId)
      return aadError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${form.get('client_id')}' was not found in the directory.`,
      );
    const assertion = form.get('client_assertion');
    if (assertion !== null) {
      if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
        return aadError(400, 'invalid_request', 50027, 'Invalid client_assertion_type.');
      const problem = this.assertionProblem(assertion, `${authority}/oauth2/v2.0/token`);
      if (problem)
        return aadError(401, 'invalid_client', 700027, `Client assertion failed signature validation: ${problem}.`);
    } else if (form.get('client_secret') !== this.options.clientSecret) {
      return aadError(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
    }
    const scope = form.get('scope') ?? '';
    if (scope !== `${this.baseUrl}/.default`)
      return aadError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with ` +
          `/.default suffixed to the resource identifier.`,
      );
    const token = [
      { typ: 'JWT', alg: 'none' },
      { aud: this.baseUrl, tid: tenant, appid: this.options.clientId, roles: this.appRoles, jti: randomUUID() },
      {},
    ]
      .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .join('.');
    this.tokens.add(token);
    this.tokensIssued.push({ scope, clientId: form.get('client_id')! });
    return { status: 200, body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token } };
  }

  /**
   * Checks a client assertion as Entra does: signed by the registered certificate, for this app and endpoint, not
   * expired.
   */
  private assertionProblem(jwt: string, tokenEndpoint: string): string | undefined {
    const cert = this.options.clientCertificate;
    if (!cert) return 'no certificate is registered on the app';
    const [h, p, sig] = jwt.split('.');
    if (!h || !p || !sig) return 'not a JWT';
    const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg?: string };
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as {
      aud?: string;
      iss?: string;
      sub?: string;
      exp?: number;
    };
    const key = createPublicKey(cert);
    const data = Buffer.from(`${h}.${p}`);
    const signature = Buffer.from(sig, 'base64url');
    const valid =
      header.alg === 'PS256'
        ? verify('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature)
        : header.alg === 'RS256' && verify('sha256', data, key, signature);
    if (!valid) return 'bad signature';
    if (claims.aud !== tokenEndpoint) return `audience ${claims.aud}`;
    if (claims.iss !== this.options.clientId || claims.sub !== this.options.clientId)
      return 'issuer or subject is not the app';
    if (!claims.exp || claims.exp * 1000 < Date.now()) return 'expired';
    return undefined;
  }

  private findByPath(driveId: string, itemPath: string): FakeItem | undefined {
    const wanted = itemPath.toLowerCase(); // SharePoint names are case-insensitive
    return [...this.items.values()].find((i) => i.driveId === driveId && i.path.toLowerCase() === wanted);
  }

  private createItem(driveId: string, itemPath: string, bytes: Buffer): FakeItem {
    const item: FakeItem = {
      id: `01${randomUUID().replace(/-/g, '').toUpperCase().slice(0, 32)}`,
      driveId,
      path: itemPath,
      name: itemPath.slice(itemPath.lastIndexOf('/') + 1),
      bytes,
      fields: {},
      createdAt: Date.now(),
    };
    this.items.set(item.id, item);
    return item;
  }

  private driveItem(item: FakeItem): Record<string, unknown> {
    const drive = this.drives.find((d) => d.id === item.driveId)!;
    return {
      id: item.id,
      name: item.name,
      size: item.bytes.length,
      webUrl: [this.siteUrl, drive.name, ...item.path.split('/')]
        .map((part, i) => (i === 0 ? part : encodeURIComponent(part)))
        .join('/'),
      file: {
        mimeType: item.name.endsWith('.pdf')
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      parentReference: {
        driveId: drive.id,
        driveType: 'documentLibrary',
        path: `/drives/${drive.id}/root:/${item.path.slice(0, item.path.lastIndexOf('/'))}`,
      },
    };
  }
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
