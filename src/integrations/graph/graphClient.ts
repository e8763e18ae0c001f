/**
 * The Microsoft Graph client: @microsoft/microsoft-graph-client with its default middleware (it retries 429,
 * 503 and 504 honouring Retry-After, and follows redirects without the bearer token to other hosts).
 */
import { Client, MiddlewareFactory, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import * as tokenAuth from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import type { TokenCredential } from '@azure/identity';

/**
 * Gives each attempt its own deadline: the client has none, and a call Graph never answers would hold a
 * filing job forever. Placed after the retry handler, so a retried call gets a fresh one.
 */
class AttemptTimeout implements Middleware {
  private next?: Middleware;
  /** The caller's own signal, if any: a retry of the same request must not inherit the last attempt's deadline. */
  private readonly callerSignals = new WeakMap<Context, AbortSignal | null>();

  constructor(private readonly ms: number) {}

  async execute(context: Context): Promise<void> {
    if (!this.callerSignals.has(context)) this.callerSignals.set(context, context.options?.signal ?? null);
    const caller = this.callerSignals.get(context);
    const deadline = AbortSignal.timeout(this.ms);
    context.options = { ...context.options, signal: caller ? AbortSignal.any([caller, deadline]) : deadline };
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

export function createGraphClient(credential: TokenCredential, baseUrl: string, timeoutMs: number): Client {
  const chain = MiddlewareFactory.getDefaultMiddlewareChain(
    new tokenAuth.TokenCredentialAuthenticationProvider(credential, { scopes: [`${baseUrl}/.default`] }),
  );
  // The last handler sends the request; the deadline goes just before it.
  chain.splice(chain.length - 1, 0, new AttemptTimeout(timeoutMs));
  return Client.initWithMiddleware({
    middleware: chain,
    baseUrl: `${baseUrl}/`,
    defaultVersion: 'v1.0',
    // The token goes only to Graph's own hosts; a national cloud or test Graph is named here. Upload and
    // download URLs are pre-authenticated on other hosts and must not get it.
    customHosts: new Set([new URL(baseUrl).hostname]),
  });
}

/** What Graph said when it refused: its status, its error code, and the request id to give Microsoft support. */
export interface GraphFailure {
  status?: number;
  code?: string;
  requestId?: string;
}

/**
 * Reads a failure thrown by the client: a GraphError (statusCode, code), or the parsed error body the client
 * throws for a raw upload-slice response ({ error: { code } }).
 */
export function graphFailure(err: unknown): GraphFailure {
  if (!err || typeof err !== 'object') return {};
  const e = err as {
    statusCode?: unknown;
    code?: unknown;
    requestId?: unknown;
    error?: { code?: unknown; innerError?: { 'request-id'?: unknown } };
  };
  const status = typeof e.statusCode === 'number' && e.statusCode > 0 ? e.statusCode : undefined;
  const code = typeof e.code === 'string' ? e.code : typeof e.error?.code === 'string' ? e.error.code : undefined;
  const requestId =
    typeof e.requestId === 'string'
      ? e.requestId
      : typeof e.error?.innerError?.['request-id'] === 'string'
        ? e.error.innerError['request-id']
        : undefined;
  return { status, code, requestId };
}
