/** The node arguments `npm start` runs the bot with (package.json is the one place they are written). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');

export function startArguments(): string[] {
  const start = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } })
    .scripts.start;
  // `exec` makes the shell npm runs the script in become node, so that SIGTERM sent to npm reaches the bot.
  const [command, ...args] = start.replace(/^exec\s+/, '').split(/\s+/);
  if (command !== 'node') throw new Error(`npm start is expected to run node, not: ${start}`);
  return args.map((a) => (a.startsWith('dist/') ? path.join(ROOT, a) : a));
}
