/**
 * The plain text card every feature answers with when there is nothing else to show: a notice, or a refusal
 * (which carries its code as the text's element id, for support and tests; Teams does not show ids).
 */
import type { AdaptiveCard } from '../features/featureContext.js';
import type { RefusalCode } from '../i18n/refusals.js';
import { renderCard } from './cardTemplates.js';

export interface MessageCardOptions {
  title?: string;
  /** A button back to the due list. */
  backLabel?: string;
  refusal?: RefusalCode;
}

export function messageCard(text: string, options: MessageCardOptions = {}): AdaptiveCard {
  return renderCard('message', {
    title: options.title ?? '',
    text,
    backLabel: options.backLabel ?? '',
    textId: options.refusal ? `refusal-${options.refusal}` : '',
  });
}

/** The refusal code a card carries, if it is a refusal. */
export function refusalOf(card: AdaptiveCard): string | undefined {
  const body = (card.body ?? []) as { id?: unknown }[];
  const id = body.map((element) => element.id).find((i) => typeof i === 'string' && i.startsWith('refusal-'));
  return typeof id === 'string' ? id.slice('refusal-'.length) : undefined;
}
