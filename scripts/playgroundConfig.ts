/**
 * Playground configs for more than one person: the Agents Playground has one current user per instance, so
 * two people (a handläggare and an approver) means two instances, each with its own config.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/**
 * The project's Playground config with another of its mock users as the current user (the Playground has
 * one current user per instance, so two people means two instances).
 */
export function playgroundConfigAs(userId: string): string {
  const config = readFileSync(path.join(ROOT, '.m365agentsplayground.yml'), 'utf8');
  const block = (text: string, start: RegExp) => {
    const m = start.exec(text);
    if (!m) throw new Error('unexpected Playground config');
    const rest = text.slice(m.index + m[0].length);
    const end = rest.search(/\n(?: {2}- |[a-zA-Z])/);
    return m[0] + rest.slice(0, end + 1);
  };
  const current = block(config, /currentUser:\n/);
  const other = block(config, new RegExp(`  - id: ${userId}\n`));
  const asListItem = current.replace('currentUser:\n  id:', '  - id:').replace(/\n {2}(?=\w)/g, '\n    ');
  const asCurrent = other.replace(`  - id: ${userId}`, `currentUser:\n  id: ${userId}`).replace(/\n {4}/g, '\n  ');
  return config
    .replace(current, asCurrent)
    .replace(other, asListItem)
    .replace(/personalChat:\n {2}id: \S+/, `personalChat:\n  id: personal-chat-${userId}`);
}
