/**
 * Large files go to SharePoint through an upload session (the Graph client's LargeFileUploadTask), against
 * the fake Graph over HTTPS: slices a multiple of 320 KiB, no token on the pre-authenticated upload URL, a
 * broken slice resumed from the range the session expects next, a session that is gone started again, and a
 * name taken before the last slice never overwritten.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureTestCertificate } from '../support/testTls.js';
import { FakeGraph, SLICE_UNIT } from '../fakes/fakeGraph.js';
import { createGraphClient } from '../../src/integrations/graph/graphClient.js';
import { createGraphCredential } from '../../src/integrations/graph/graphCredential.js';
import { SharePointArchive } from '../../src/integrations/graph/sharePointArchive.js';
import { SiteResolver } from '../../src/integrations/graph/siteResolver.js';
import { createLogger } from '../../src/logging/logger.js';
import type { FilingRequest } from '../../src/features/filing/archive.js';

const TENANT_ID = '8c7a1f4e-1d2b-4c3d-9e8f-0a1b2c3d4e5f';
const CLIENT_ID = '3f2e1d0c-aaaa-4bbb-8ccc-123456789abc';
const SECRET = 'fake-graph-secret-value-1234567890';
const COLUMNS = { Diarienummer: 'Diarienummer', Remittent: 'Remittent', Svarsdatum: 'Svarsdatum', Status: 'Status' };
/** Three and a half slices: three full ones and a short last one. */
const BYTES = randomBytes(3 * SLICE_UNIT + 1234);

let graph: FakeGraph;
let archive: SharePointArchive;

beforeEach(async () => {
  graph = new FakeGraph({
    tenantId: TENANT_ID,
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    siteHost: 'stad.sharepoint.com',
    sitePath: '/sites/remisser',
    libraries: [{ name: 'Remissvar', columns: Object.values(COLUMNS) }],
  });
  await graph.start();
  const client = createGraphClient(
    createGraphCredential(
      { kind: 'secret', tenantId: TENANT_ID, clientId: CLIENT_ID, secret: SECRET },
      graph.authorityHost,
    ),
    graph.baseUrl,
    30_000,
  );
  archive = new SharePointArchive(client, {
    site: new SiteResolver(client, { id: graph.site }),
    library: 'Remissvar',
    columns: COLUMNS,
    logger: createLogger('silent'),
    sliceBytes: SLICE_UNIT,
    simpleUploadLimit: SLICE_UNIT,
  });
});
afterEach(async () => {
  await graph.stop();
});

const request = (bytes = BYTES): FilingRequest => ({
  year: '2026',
  folder: 'KS 2026-17 Stor bilaga',
  fileName: 'Svar.docx',
  bytes,
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  metadata: { Diarienummer: 'KS 2026/17', Remittent: 'Kommunstyrelsen', Svarsdatum: '2026-12-15', Status: 'Besvarad' },
});
const slices = () => graph.requests.filter((r) => r.method === 'PUT' && r.path.startsWith('/upload/'));
const total = BYTES.length;

test('a file over the simple-upload limit goes up in 320 KiB slices, without a token, and lands whole', async () => {
  const filed = await archive.file(request());
  expect(slices().map((r) => [r.contentRange, r.host, r.authorization, r.status])).toEqual([
    [`bytes 0-${SLICE_UNIT - 1}/${total}`, '127.0.0.1', false, 202],
    [`bytes ${SLICE_UNIT}-${2 * SLICE_UNIT - 1}/${total}`, '127.0.0.1', false, 202],
    [`bytes ${2 * SLICE_UNIT}-${3 * SLICE_UNIT - 1}/${total}`, '127.0.0.1', false, 202],
    [`bytes ${3 * SLICE_UNIT}-${total - 1}/${total}`, '127.0.0.1', false, 201],
  ]);
  const [item] = graph.filesIn('Remissvar');
  expect(item!.bytes.equals(BYTES)).toBe(true);
  expect(item!.path).toBe('2026/KS 2026-17 Stor bilaga/Svar.docx');
  expect(item!.fields).toMatchObject({ Diarienummer: 'KS 2026/17', Status: 'Besvarad' });
  expect(filed).toMatchObject({ id: item!.id, name: 'Svar.docx' });
  expect(graph.violations).toEqual([]);
});

test('a connection reset in the middle of a slice is resumed from the range the session expects next', async () => {
  let n = 0;
  graph.failNext((r) => r.method === 'PUT' && r.path.startsWith('/upload/') && ++n === 2, 'reset-mid-body');
  await archive.file(request());
  const puts = slices();
  expect(puts.map((r) => r.contentRange)).toEqual([
    `bytes 0-${SLICE_UNIT - 1}/${total}`,
    `bytes ${SLICE_UNIT}-${2 * SLICE_UNIT - 1}/${total}`, // broken
    `bytes ${SLICE_UNIT}-${2 * SLICE_UNIT - 1}/${total}`, // resumed where the session said
    `bytes ${2 * SLICE_UNIT}-${3 * SLICE_UNIT - 1}/${total}`,
    `bytes ${3 * SLICE_UNIT}-${total - 1}/${total}`,
  ]);
  expect(graph.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/upload/'))).toHaveLength(1);
  expect(graph.filesIn('Remissvar').map((i) => i.bytes.equals(BYTES))).toEqual([true]);
});

test('a session that is gone (404) is started again from the first byte', async () => {
  let n = 0;
  graph.failNext(
    (r) => {
      if (!(r.method === 'PUT' && r.path.startsWith('/upload/') && ++n === 3)) return false;
      graph.expireUploadSessions();
      return true;
    },
    { status: 404, code: 'itemNotFound', message: 'The upload session was not found.' },
  );
  await archive.file(request());
  expect(graph.requests.filter((r) => r.path.endsWith('/createUploadSession')).map((r) => r.status)).toEqual([
    200, 200,
  ]);
  expect(slices().map((r) => r.status)).toEqual([202, 202, 404, 202, 202, 202, 201]);
  expect(graph.filesIn('Remissvar').map((i) => i.bytes.equals(BYTES))).toEqual([true]);
});

test('a name taken by someone else before the last slice is not overwritten: the file gets the next name', async () => {
  let n = 0;
  graph.failNext((r) => {
    if (r.method === 'PUT' && r.path.startsWith('/upload/') && ++n === 4)
      graph.addFile('Remissvar', '2026/KS 2026-17 Stor bilaga/Svar.docx', Buffer.from('någon annans'));
    return false;
  }, 'reset');
  const filed = await archive.file(request());
  expect(filed.name).toBe('Svar (2).docx');
  const [ours, theirs] = graph.filesIn('Remissvar');
  expect([ours!.name, ours!.bytes.equals(BYTES)]).toEqual(['Svar (2).docx', true]);
  expect([theirs!.name, theirs!.bytes.toString()]).toEqual(['Svar.docx', 'någon annans']);
});

test('a filing repeated after its upload finished recognises its own file and adds nothing', async () => {
  const first = await archive.file(request());
  const again = await archive.file(request());
  expect(again).toEqual(first);
  expect(graph.filesIn('Remissvar')).toHaveLength(1);
});

test('slices must be a multiple of 320 KiB: the archive refuses another size before calling Graph', () => {
  const client = createGraphClient(
    createGraphCredential(
      { kind: 'secret', tenantId: TENANT_ID, clientId: CLIENT_ID, secret: SECRET },
      graph.authorityHost,
    ),
    graph.baseUrl,
    30_000,
  );
  expect(
    () =>
      new SharePointArchive(client, {
        site: new SiteResolver(client, { id: graph.site }),
        library: 'Remissvar',
        columns: COLUMNS,
        logger: createLogger('silent'),
        sliceBytes: 1000 * 1000,
      }),
  ).toThrow('multiple of 320 KiB');
});

test('a certificate credential signs its own client assertion, which the token endpoint verifies', async () => {
  const { cert, key } = ensureTestCertificate();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-cert-'));
  const pem = path.join(dir, 'app.pem');
  await writeFile(pem, key + cert);
  const withCert = new FakeGraph({ ...graph.options, clientCertificate: cert });
  await withCert.start();
  try {
    const client = createGraphClient(
      createGraphCredential(
        { kind: 'certificate', tenantId: TENANT_ID, clientId: CLIENT_ID, certificatePath: pem },
        withCert.authorityHost,
      ),
      withCert.baseUrl,
      30_000,
    );
    const viaCertificate = new SharePointArchive(client, {
      site: new SiteResolver(client, { id: withCert.site }),
      library: 'Remissvar',
      columns: COLUMNS,
      logger: createLogger('silent'),
    });
    await viaCertificate.file(request(Buffer.from('signerat')));
    expect(withCert.tokensIssued).toHaveLength(1);
    expect(withCert.filesIn('Remissvar').map((i) => i.bytes.toString())).toEqual(['signerat']);
  } finally {
    await withCert.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

test('a library name that is not on the site is reported with the names that are', async () => {
  const client = createGraphClient(
    createGraphCredential(
      { kind: 'secret', tenantId: TENANT_ID, clientId: CLIENT_ID, secret: SECRET },
      graph.authorityHost,
    ),
    graph.baseUrl,
    30_000,
  );
  const wrong = new SharePointArchive(client, {
    site: new SiteResolver(client, { id: graph.site }),
    library: 'Remissvaren',
    columns: COLUMNS,
    logger: createLogger('silent'),
  });
  await expect(wrong.file(request(Buffer.from('x')))).rejects.toMatchObject({
    code: 'SHAREPOINT_LIBRARY_NOT_FOUND',
    message: expect.stringContaining('found: Remissvar') as unknown,
  });
});

test('Graph calls that are never answered are abandoned at the deadline and tried again', async () => {
  const client = createGraphClient(
    createGraphCredential(
      { kind: 'secret', tenantId: TENANT_ID, clientId: CLIENT_ID, secret: SECRET },
      graph.authorityHost,
    ),
    graph.baseUrl,
    1_000,
  );
  const patient = new SharePointArchive(client, {
    site: new SiteResolver(client, { id: graph.site }),
    library: 'Remissvar',
    columns: COLUMNS,
    logger: createLogger('silent'),
    sliceBytes: SLICE_UNIT,
    simpleUploadLimit: SLICE_UNIT,
  });
  let n = 0;
  graph.failNext((r) => r.method === 'PUT' && r.path.startsWith('/upload/') && ++n === 2, 'timeout');
  graph.failNext((r) => r.method === 'POST' && r.path.endsWith('/createUploadSession'), 'timeout');
  const outcomes = [];
  for (let attempt = 0; attempt < 3 && graph.filesIn('Remissvar').length === 0; attempt++)
    outcomes.push(
      await patient.file(request()).then(
        () => 'filed',
        () => 'failed',
      ),
    );
  expect(graph.requests.filter((r) => r.fault === 'timeout')).toHaveLength(2);
  expect(outcomes.at(-1)).toBe('filed');
  expect(graph.filesIn('Remissvar')).toHaveLength(1);
});
