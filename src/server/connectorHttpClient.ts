/**
 * The HTTP client of the Bot Connector calls, with a deadline on each attempt. The connector client sets none,
 * so a call Teams never answers would hold a turn or an outbox job forever; and its connector factory replaces
 * any request policy we give it, so the deadline is set where the request is sent.
 */
import { toHttpHeadersLike } from '@azure/core-http-compat';
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineRequest,
  type HttpMethods,
} from '@azure/core-rest-pipeline';
import type { ConnectorClientOptions } from 'botframework-connector';

type CompatHttpClient = NonNullable<ConnectorClientOptions['httpClient']>;

export function connectorHttpClient(timeoutMs: number): CompatHttpClient {
  const http = createDefaultHttpClient();
  return {
    async sendRequest(web) {
      const request = createPipelineRequest({
        url: web.url,
        method: web.method as HttpMethods,
        headers: createHttpHeaders(web.headers.toJson({ preserveCase: true })),
        body: web.body as string | undefined,
        timeout: web.timeout || timeoutMs,
        abortSignal: web.abortSignal,
        requestId: web.requestId,
        withCredentials: web.withCredentials,
        proxySettings: web.proxySettings,
        streamResponseStatusCodes: web.streamResponseStatusCodes,
        disableKeepAlive: web.keepAlive === false,
        // As the connector client decides it: a service URL on http (a local client such as the Playground).
        allowInsecureConnection: web.url.startsWith('http:'),
      });
      const response = await http.sendRequest(request);
      // Answered for the original request: the client finds the operation it sent (to parse the body) by it.
      const answer = {
        request: web,
        status: response.status,
        headers: toHttpHeadersLike(response.headers),
        bodyAsText: response.bodyAsText,
        readableStreamBody: response.readableStreamBody,
      };
      return answer as unknown as Awaited<ReturnType<CompatHttpClient['sendRequest']>>;
    },
  };
}
