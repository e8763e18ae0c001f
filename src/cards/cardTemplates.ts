/**
 * Adaptive Card templates live as JSON in cards/ (one file per view) and are expanded with
 * adaptivecards-templating. Templates are parsed once and reused.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { shippedFolder } from '../config/shippedFiles.js';
import type { AdaptiveCard } from '../features/featureContext.js';

const CARDS_DIR = shippedFolder('cards', 'due-list.json');
const cache = new Map<string, ACData.Template>();

function template(name: string): ACData.Template {
  let t = cache.get(name);
  if (!t) {
    t = new ACData.Template(JSON.parse(readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8')));
    cache.set(name, t);
  }
  return t;
}

/**
 * Expands cards/<name>.json with data. User text must reach templates only as TextRun text or
 * plain TextBlock text with markdown neutralised (see escapeMarkdown): never as action URLs, except a remiss's
 * links, which only ever reach a card as https addresses (openableLinks in src/domain/remiss.ts).
 */
export function renderCard(name: string, data: object): AdaptiveCard {
  return template(name).expand({ $root: data }) as AdaptiveCard;
}

/** Size of a card as the connector will receive it, in bytes. */
export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
