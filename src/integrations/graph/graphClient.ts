/**
 * The Microsoft Graph client: @microsoft/microsoft-graph-client with its default middleware (it retries 429,
 * 503 and 504 honouring Retry-After, and follows redirects without the bearer token to other hosts).
 */
import { Client } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import type { TokenCredential } from '@azure/identity';

export function createGraphClient(credential: TokenCredential, baseUrl: string): Client {
  return Client.initWithMiddleware({
    authProvider: new TokenCredentialAuthenticationProvider(credential, { scopes: [`${baseUrl}/.default`] }),
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
  const e = err as { statusCode?: unknown; code?: unknown; requestId?: unknown; error?: { code?: unknown; innerError?: { 'request-id'?: unknown } } };
  const status = typeof e.statusCode === 'number' && e.statusCode > 0 ? e.statusCode : undefined;
  const code = typeof e.code === 'string' ? e.code : typeof e.error?.code === 'string' ? e.error.code : undefined;
  const requestId = typeof e.requestId === 'string' ? e.requestId : typeof e.error?.innerError?.['request-id'] === 'string' ? e.error.innerError['request-id'] : undefined;
  return { status, code, requestId };
}
