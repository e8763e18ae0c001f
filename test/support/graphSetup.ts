/** The fake Graph as the tests configure it: one tenant, one app, one site, and the bot's settings for it. */
import { FakeGraph } from '../fakes/fakeGraph.js';
import type { FakeColumn } from '../fakes/fakeSharePointLists.js';

export const GRAPH_TENANT_ID = '8c7a1f4e-1d2b-4c3d-9e8f-0a1b2c3d4e5f';
export const GRAPH_CLIENT_ID = '3f2e1d0c-aaaa-4bbb-8ccc-123456789abc';
export const GRAPH_SECRET = 'fake-graph-secret-value-1234567890';
export const LIBRARY = 'Remissvar';
export const LIBRARY_COLUMNS = ['Diarienummer', 'Remittent', 'Svarsdatum', 'Status'];

export async function startFakeGraph(libraryColumns: (string | FakeColumn)[] = LIBRARY_COLUMNS): Promise<FakeGraph> {
  const graph = new FakeGraph({
    tenantId: GRAPH_TENANT_ID,
    clientId: GRAPH_CLIENT_ID,
    clientSecret: GRAPH_SECRET,
    siteHost: 'stad.sharepoint.com',
    sitePath: '/sites/remisser',
    libraries: [
      { name: 'Dokument', columns: [] },
      { name: LIBRARY, columns: libraryColumns },
    ],
  });
  await graph.start();
  return graph;
}

/** The settings that point the bot at the fake Graph (the site by URL, the library by name). */
export function graphEnv(graph: FakeGraph, extra: Record<string, string> = {}): Record<string, string> {
  return {
    GRAPH_TENANT_ID,
    GRAPH_CLIENT_ID,
    GRAPH_CLIENT_SECRET: GRAPH_SECRET,
    SHAREPOINT_SITE_URL: graph.siteUrl,
    SHAREPOINT_LIBRARY: LIBRARY,
    GRAPH_BASE_URL: graph.baseUrl,
    AZURE_AUTHORITY_HOST: graph.authorityHost,
    ...extra,
  };
}
