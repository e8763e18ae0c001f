/**
 * The real bot as its own process (node src/index.ts), for tests that kill it with SIGKILL and start it again on
 * the same data. Every process started is remembered, so that a failed test leaves none running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export class BotProcesses {
  private readonly started = new Set<ChildProcess>();

  /** `env` adds to the settings every killed bot runs with: file storage in `dataDir`, one tenant, no log. */
  constructor(private readonly base: Record<string, string>) {}

  async start(port: number, extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', path.join(ROOT, 'src/index.ts')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
        FILE_LINK_SECRET: 'k'.repeat(40),
        ...this.base,
        ...extraEnv,
      },
      stdio: 'ignore',
    });
    this.started.add(child);
    child.once('exit', () => this.started.delete(child));
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
      } catch {
        /* starting */
      }
      if (Date.now() > deadline) throw new Error('bot did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** SIGKILL, and wait until the process is gone. */
  static async kill(child: ChildProcess): Promise<void> {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  killAll(): void {
    for (const child of this.started) child.kill('SIGKILL');
  }
}

/** POST /api/messages with an activity; a connection cut by a kill answers status 0. */
export async function postActivity(port: number, activity: unknown): Promise<{ status: number; body: unknown }> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    return { status: res.status, body: await res.json().catch(() => undefined) };
  } catch {
    return { status: 0, body: undefined };
  }
}
