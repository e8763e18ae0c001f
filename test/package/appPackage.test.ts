/**
 * The Teams app package: filled from the settings, valid against Microsoft's schemas for its version, icons as
 * Teams requires, and a clear refusal for each thing that is off.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { spawnSync } from 'node:child_process';
import { buildAppPackage, PackageError } from '../../scripts/appPackage.js';

const ROOT = path.resolve(__dirname, '../..');
const GOOD = {
  teamsAppId: '1a2b3c4d-0000-4000-8000-000000000001',
  botId: '1a2b3c4d-0000-4000-8000-000000000002',
  publicUrl: 'https://remissbot.example.se',
};

async function problemsOf(work: Promise<unknown>): Promise<string[]> {
  try {
    await work;
  } catch (err) {
    if (err instanceof PackageError) return err.problems;
    throw err;
  }
  return [];
}

function manifestCopy(change: (dir: string) => void): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'remissbot-manifest-'));
  cpSync(path.join(ROOT, 'manifest'), dir, { recursive: true });
  change(dir);
  return dir;
}

test('the package holds the filled manifest, the English localization and both icons', async () => {
  const zip = await JSZip.loadAsync(await buildAppPackage(GOOD));
  expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
  expect(JSON.stringify(manifest)).not.toContain('${{');
  expect(manifest).toMatchObject({
    id: GOOD.teamsAppId,
    bots: [{ botId: GOOD.botId, scopes: ['personal', 'team', 'groupChat'] }],
    validDomains: ['remissbot.example.se'],
    localizationInfo: { defaultLanguageTag: 'sv-se' },
  });
  expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toContain(
    'Vilka remisser ska besvaras?',
  );
});

async function manifestOf(zipBytes: Buffer): Promise<{ version: string; developer: Record<string, string> }> {
  const zip = await JSZip.loadAsync(zipBytes);
  return JSON.parse(await zip.file('manifest.json')!.async('string'));
}

test(
  "the app version is package.json's unless TEAMS_APP_VERSION says otherwise, so an update needs no edit of the " +
    'manifest',
  async () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await manifestOf(await buildAppPackage(GOOD))).version).toBe(version);
    expect((await manifestOf(await buildAppPackage({ ...GOOD, version: '7.3.1' }))).version).toBe('7.3.1');
  },
);

test("the privacy, terms and website links are the bot's own pages unless the organisation names its own", async () => {
  expect((await manifestOf(await buildAppPackage(GOOD))).developer).toEqual({
    name: 'Remissbot',
    websiteUrl: 'https://remissbot.example.se',
    privacyUrl: 'https://remissbot.example.se/privacy',
    termsOfUseUrl: 'https://remissbot.example.se/terms',
  });
  const own = {
    privacyUrl: 'https://stad.se/integritet',
    termsUrl: 'https://stad.se/villkor',
    websiteUrl: 'https://stad.se',
  };
  expect((await manifestOf(await buildAppPackage({ ...GOOD, ...own }))).developer).toEqual({
    name: 'Remissbot',
    websiteUrl: own.websiteUrl,
    privacyUrl: own.privacyUrl,
    termsOfUseUrl: own.termsUrl,
  });
});

/** Runs `npm run package` as a process with only the given environment (no .env in its folder). */
function runPackage(env: Record<string, string>, out: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/package.ts'), '--out', out], {
    cwd: path.join(ROOT, 'test'), // no .env here
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}

test('npm run package needs only what goes into the package: no secret, tenant or production settings', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'remissbot-package-'));
  try {
    const out = path.join(dir, 'appPackage.zip');
    const run = runPackage(
      {
        NODE_ENV: 'production',
        TEAMS_APP_ID: GOOD.teamsAppId,
        MicrosoftAppId: GOOD.botId,
        BOT_PUBLIC_URL: GOOD.publicUrl,
        TEAMS_APP_VERSION: '2.0.1',
        PRIVACY_URL: 'https://stad.se/integritet',
      },
      out,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(out);
    const manifest = await manifestOf(readFileSync(out));
    expect(manifest.version).toBe('2.0.1');
    expect(manifest.developer).toMatchObject({
      privacyUrl: 'https://stad.se/integritet',
      termsOfUseUrl: `${GOOD.publicUrl}/terms`,
    });

    const wrong = runPackage(
      {
        TEAMS_APP_ID: GOOD.teamsAppId,
        MicrosoftAppId: GOOD.botId,
        BOT_PUBLIC_URL: GOOD.publicUrl,
        TEAMS_APP_VERSION: 'v2',
      },
      path.join(dir, 'wrong.zip'),
    );
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('TEAMS_APP_VERSION: must be a version such as 1.4.0 (three numbers)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('missing or wrong settings are each named', async () => {
  expect(await problemsOf(buildAppPackage({}))).toEqual([
    'TEAMS_APP_ID: required (a GUID of your choice, the same for every release of the app)',
    "MicrosoftAppId: required (the bot's Entra app id)",
    "BOT_PUBLIC_URL: required (the bot's public https address)",
  ]);
  expect(await problemsOf(buildAppPackage({ ...GOOD, publicUrl: 'http://localhost:3978' }))).toEqual([
    'BOT_PUBLIC_URL: must be an https address (Teams refuses http)',
  ]);
});

test('a manifest that breaks Microsoft’s schema is refused with the path of the problem', async () => {
  const dir = manifestCopy((d) => {
    const m = JSON.parse(readFileSync(path.join(d, 'manifest.json'), 'utf8'));
    m.bots[0].scopes = ['everywhere'];
    m.name.short = 'x'.repeat(40);
    writeFileSync(path.join(d, 'manifest.json'), JSON.stringify(m));
  });
  const problems = await problemsOf(buildAppPackage({ ...GOOD, manifestDir: dir }));
  rmSync(dir, { recursive: true, force: true });
  expect(problems.some((p) => p.startsWith('manifest.json/bots/0/scopes/0'))).toBe(true);
  expect(problems.some((p) => p.startsWith('manifest.json/name/short'))).toBe(true);
});

test('icons of the wrong size, or an outline with colour, are refused', async () => {
  const dir = manifestCopy((d) => {
    const coloured = new PNG({ width: 32, height: 32 });
    coloured.data.fill(0);
    for (let i = 0; i < coloured.data.length; i += 4) coloured.data.set([31, 95, 168, 255], i);
    writeFileSync(path.join(d, 'outline.png'), PNG.sync.write(coloured));
    writeFileSync(path.join(d, 'color.png'), PNG.sync.write(new PNG({ width: 100, height: 100 })));
  });
  const problems = await problemsOf(buildAppPackage({ ...GOOD, manifestDir: dir }));
  rmSync(dir, { recursive: true, force: true });
  expect(problems).toEqual([
    'color.png must be 192×192 pixels (is 100×100)',
    'outline.png must be white on transparent (1024 pixels have colour)',
    'outline.png must have a transparent background',
  ]);
});
