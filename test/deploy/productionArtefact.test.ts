/**
 * The production path as an admin takes it: `npm run bundle` makes the artefact (dist/ and production
 * node_modules, installed with `npm ci --omit=dev`) and its zip; the zip is unpacked into a fresh folder and
 * started with `npm start` under NODE_ENV=production and a full production settings set (Bot Framework auth
 * against local OpenID metadata, Blob Storage on Azurite, SharePoint filing on the fake Graph). Nothing is
 * compiled at start, and nothing from devDependencies is there to compile with.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { FakeOpenIdMetadata } from '../fakes/fakeOpenIdMetadata.js';
import { FakeConnector } from '../fakes/fakeConnector.js';
import type { FakeGraph } from '../fakes/fakeGraph.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { cardActionFrom, personalChat, TENANT } from '../support/botHarness.js';
import { graphEnv, startFakeGraph } from '../support/graphSetup.js';
import { freePort } from '../support/playground.js';
import { productionScripts } from '../../scripts/bundle.js';

const ROOT = path.resolve(__dirname, '../..');
const APP_ID = '6b5e7d0a-1111-4222-8333-944445555666';
const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let work: string;
let deployed: string;
let metadata: FakeOpenIdMetadata;
let connector: FakeConnector;
let graph: FakeGraph;
let azurite: Azurite;
let bot: ChildProcess | undefined;
let port: number;
let output = '';

async function unzip(zipPath: string, into: string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(zipPath));
  for (const entry of Object.values(zip.files)) {
    const target = path.join(into, entry.name);
    if (entry.dir) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await entry.async('nodebuffer'));
    if (entry.unixPermissions) await chmod(target, Number(entry.unixPermissions) & 0o777);
  }
}

async function healthz(): Promise<{ status: number; body: { status?: string; scheduler?: string } }> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: (await res.json()) as { status?: string; scheduler?: string } };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`${what} did not happen in ${ms} ms; the bot printed:\n${output}`);
    if (bot?.exitCode !== null && bot?.exitCode !== undefined)
      throw new Error(`the bot exited with ${bot.exitCode}:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'remissbot-artefact-'));
  // The documented command, as an admin or a pipeline runs it.
  const made = spawnSync(npmCommand, ['run', 'bundle', '--', '--out', path.join(work, 'out')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(`npm run bundle failed:\n${made.stdout}\n${made.stderr}`);
  deployed = path.join(work, 'wwwroot');
  await unzip(path.join(work, 'out', 'remissbot.zip'), deployed);

  metadata = new FakeOpenIdMetadata();
  connector = new FakeConnector();
  [graph, azurite] = await Promise.all([startFakeGraph(), startAzurite(), metadata.start(), connector.start()]);
}, 300_000);

afterAll(async () => {
  if (bot && bot.exitCode === null) {
    process.kill(-bot.pid!, 'SIGKILL');
  }
  await Promise.all([metadata?.stop(), connector?.stop(), graph?.stop(), azurite?.stop()]);
  if (work) await rm(work, { recursive: true, force: true });
});

test('the artefact holds the compiled bot and production dependencies only', async () => {
  expect(existsSync(path.join(deployed, 'dist/src/index.js'))).toBe(true);
  expect(existsSync(path.join(deployed, 'cards/due-list.json'))).toBe(true);
  expect(existsSync(path.join(deployed, 'config/organisation.json'))).toBe(true);
  expect(existsSync(path.join(deployed, 'pages/privacy.html'))).toBe(true);
  expect(existsSync(path.join(deployed, 'node_modules/botbuilder/package.json'))).toBe(true);
  // Sources, tests and every devDependency stay out: nothing could compile, and nothing needs to.
  for (const absent of [
    'src',
    'test',
    'dist/test',
    'node_modules/typescript',
    'node_modules/tsx',
    'node_modules/jest',
    'node_modules/ts-jest',
  ]) {
    expect([absent, existsSync(path.join(deployed, absent))]).toEqual([absent, false]);
  }
  const pkg = JSON.parse(await readFile(path.join(deployed, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  // No build script: App Service's deployment engine runs `npm run build` when it finds one.
  expect(pkg.scripts).toEqual({
    start: 'exec node --max-semi-space-size=2 dist/src/index.js',
    import: 'node dist/src/cli/import.js',
    'sharepoint:setup': 'node dist/src/cli/sharepointSetup.js',
    'org:check': 'node dist/src/cli/orgCheck.js',
  });
});

test(
  'npm start in production mode starts the unpacked zip, answers /healthz and serves authenticated Teams ' + 'traffic',
  async () => {
    port = await freePort();
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: work,
      NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      LOG_LEVEL: 'info',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'production-secret-not-used-inbound-0123456789',
      MicrosoftAppTenantId: TENANT,
      ALLOWED_TENANTS: TENANT,
      ToBotFromChannelOpenIdMetadataUrl: metadata.metadataUrl,
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      FILE_LINK_SECRET: 'a-production-link-secret-of-more-than-32-characters',
      BOT_PUBLIC_URL: 'https://remissbot.stad.se',
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      DIGEST_TRIGGER_SECRET: 'a-digest-trigger-secret-of-more-than-32-chars',
      ...graphEnv(graph),
    };
    bot = spawn(npmCommand, ['start'], { cwd: deployed, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    bot.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    bot.stderr!.on('data', (d: Buffer) => (output += d.toString()));

    const health = await waitFor('a leader /healthz', async () => {
      const h = await healthz();
      return h.status === 200 && h.body.scheduler === 'leader' ? h : undefined;
    });
    expect(health.body).toEqual({ status: 'ok', scheduler: 'leader' });
    // The pages the Teams app's details link to ship in the artefact.
    for (const page of ['privacy', 'terms']) expect((await fetch(`http://127.0.0.1:${port}/${page}`)).status).toBe(200);

    const user = personalChat(connector, {
      id: '29:anna',
      name: 'Anna',
      aadObjectId: 'aad-anna',
      email: 'anna@stad.se',
    });
    const invoke = cardActionFrom(connector, user, 'due.list', { filter: 'due', offset: 0 });
    const post = (authorization?: string) =>
      fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(invoke),
      });
    const signed = await post(`Bearer ${metadata.token({ aud: APP_ID, serviceurl: invoke.serviceUrl })}`);
    expect(signed.status).toBe(200);
    expect(await signed.text()).toContain('AdaptiveCard');
    expect((await post()).status).toBe(401);

    // SIGTERM (what App Service sends on a restart) sent to npm reaches the bot (npm's shell execs node), which
    // stops cleanly, and no process of the group is left behind.
    const exited = new Promise((resolve) => bot!.once('exit', resolve));
    process.kill(bot.pid!, 'SIGTERM');
    await exited;
    expect(output).toContain('"event":"server.started"');
    expect(output).toContain('"event":"server.stopping","signal":"SIGTERM"');
    await waitFor(
      'the whole process group to end',
      async () => {
        try {
          process.kill(-bot!.pid!, 0);
          return undefined;
        } catch {
          return true;
        }
      },
      10_000,
    );
    expect(output).not.toContain('production-secret-not-used-inbound');
  },
  120_000,
);

test('the Dockerfile is built from the same artefact and runs it as npm start does', () => {
  const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(dockerfile).toMatch(/^FROM node:22[\w.-]*\s/m);
  expect(dockerfile).toMatch(/^COPY (--chown=\S+ )?build\/app\/ \.\/?$/m);
  expect(dockerfile).toMatch(/^ENV NODE_ENV=production$/m);
  expect(dockerfile).toMatch(/^USER node$/m);
  expect(dockerfile).toMatch(/^HEALTHCHECK [^\n]*\\\n\s+CMD [^\n]*\/healthz/m);
  const cmd = /^CMD (\[.*\])$/m.exec(dockerfile);
  expect(cmd).not.toBeNull();
  expect(`exec ${(JSON.parse(cmd![1]!) as string[]).join(' ')}`).toBe(productionScripts(pkg.scripts).start);
  // The image has nothing else to install or compile.
  expect(dockerfile).not.toMatch(/^RUN .*(npm (ci|install)|tsc)/m);
});
