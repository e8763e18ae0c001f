/**
 * Starts the Microsoft 365 Agents Playground (the local Teams-like client) against a bot endpoint, in a
 * temporary folder with the project's Swedish mock-user config, and drives it with Debian chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Playground {
  url: string;
  stop(): Promise<void>;
}

export async function startPlayground(botEndpoint: string): Promise<Playground> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-playground-'));
  await copyFile(path.join(ROOT, '.m365agentsplayground.yml'), path.join(dir, '.m365agentsplayground.yml'));
  const port = await freePort();
  const child: ChildProcess = spawn(path.join(ROOT, 'node_modules/.bin/agentsplayground'), ['-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'], {
    cwd: dir,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: 'ignore',
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('The Agents Playground did not start within 20 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the Playground's personal chat and waits until the message box is ready. */
export async function openChat(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(url);
  await page.locator('div[data-lexical-editor="true"][role="textbox"]').waitFor({ timeout: 20_000 });
  return page;
}

export async function say(page: Page, text: string): Promise<void> {
  const box = page.locator('div[data-lexical-editor="true"][role="textbox"]');
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}
