/**
 * Starting the real process: settings are checked before anything listens.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', path.join(ROOT, 'src/index.ts')], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', DATA_DIR: path.join(ROOT, 'build', 'startup-test'), ...env },
      cwd: path.join(ROOT, 'test'), // no .env here
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), 10_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

test('production without an app id refuses to start, naming the settings', async () => {
  const run = await start({ NODE_ENV: 'production' });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('MicrosoftAppId: required in production');
  expect(run.stderr).toContain('ALLOWED_TENANTS: required in production');
});

test('an app id without a tenant (SingleTenant by default) refuses to start', async () => {
  const run = await start({
    MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
    MicrosoftAppPassword: 'not-logged',
  });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant');
  expect(run.stderr).not.toContain('not-logged');
});

test(
  'a managed-identity bot without a tenant refuses to start with the settings message, not an SDK ' + 'assertion',
  async () => {
    const run = await start({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000002',
      MicrosoftAppType: 'UserAssignedMSI',
      LOG_LEVEL: 'silent',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('MicrosoftAppTenantId: required when MicrosoftAppType is UserAssignedMSI');
    expect(run.stderr).not.toContain('AssertionError');
  },
);

test(
  'a file store on a folder it cannot write (a read-only app folder) refuses to start instead of losing the ' +
    'first save',
  async () => {
    // A folder below a plain file can never be created, even by root (who may write to a read-only mode).
    const dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-readonly-'));
    const file = path.join(dir, 'app.zip');
    await writeFile(file, '');
    const run = await start({ DATA_DIR: path.join(file, 'data'), LOG_LEVEL: 'silent' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `DATA_DIR: ${path.join(file, 'data')} is not writable (ENOTDIR). Use a writable folder (on App Service: ` +
        `/home/data), or STORAGE=blob.`,
    );
  },
);

test('an invalid organisation file stops the start, naming the file and the fields', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-org-'));
  const file = path.join(dir, 'organisation.json');
  await writeFile(
    file,
    JSON.stringify({
      name: 'X',
      genitive: 'X',
      shortName: 'X',
      kind: 'stiftelse',
      board: 'styrelsen',
      signatories: [{ name: 'A' }],
    }),
  );
  const run = await start({ ORG_CONFIG: file, LOG_LEVEL: 'silent' });
  await rm(dir, { recursive: true, force: true });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(file);
  expect(run.stderr).toContain('kind:');
  expect(run.stderr).toContain('signatories.0.role:');
});
