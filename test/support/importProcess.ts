/**
 * The CLIs (`npm run import`, `npm run org:check`) as an admin runs them: the real CLI in its own process, from a
 * clean shell's environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '../..');
// The tsx loader inside this process, not the tsx command: that runs the CLI in a child of its own, which a
// kill -9 of the command would leave running.
const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export interface ImportRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The deployment's organisation file, which the import reads wherever it runs (a test may name another). */
const ORG_CONFIG = path.join(ROOT, 'config/organisation.json');

/** Starts the import in `cwd` (which has no .env unless a test writes one); `done` settles when it exits. */
export function startImport(
  cwd: string,
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; done: Promise<ImportRun> } {
  return startCli('import', cwd, args, env);
}

/** Starts src/cli/<name>.ts in `cwd` with only `env` (and PATH, HOME, TMPDIR). */
export function startCli(
  name: string,
  cwd: string,
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; done: Promise<ImportRun> } {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, path.join(ROOT, 'src/cli', `${name}.ts`), ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? cwd,
      TMPDIR: os.tmpdir(),
      NODE_OPTIONS: '--no-deprecation',
      ORG_CONFIG,
      ...env,
    },
    cwd,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<ImportRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}
