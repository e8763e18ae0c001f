/**
 * Drives cards as a Teams client would: finds buttons and inputs on a card, clicks with input values, and
 * sends messages, all through the real HTTP endpoint of a harness.
 */
import { cardOf, type ReceivedActivity } from '../fakes/fakeConnector.js';
import { cardActionFrom, messageFrom, type ChatUser, type Harness } from './botHarness.js';

export type Card = Record<string, unknown>;

interface CardAction {
  type: string;
  title: string;
  verb: string;
  data: Record<string, unknown>;
  card?: Card;
}

function actionsOf(card: Card): CardAction[] {
  const actions: CardAction[] = [];
  JSON.stringify(card, (_k, v: unknown) => {
    if (v && typeof v === 'object' && String((v as { type?: unknown }).type).startsWith('Action.'))
      actions.push(v as CardAction);
    return v;
  });
  return actions;
}

/** A button anywhere on a card (its actions, an ActionSet or a ShowCard), by title. */
export function button(card: Card, title: string): CardAction {
  const actions = actionsOf(card);
  const found =
    actions.find((a) => a.title === title && a.type === 'Action.Execute') ?? actions.find((a) => a.title === title);
  if (!found) throw new Error(`No button "${title}" on the card: ${actions.map((a) => a.title).join(', ')}`);
  return found;
}

export function hasButton(card: Card, title: string): boolean {
  return actionsOf(card).some((a) => a.title === title);
}

export function input(card: Card, id: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  JSON.stringify(card, (_k, v: unknown) => {
    if (
      v &&
      typeof v === 'object' &&
      (v as { id?: unknown }).id === id &&
      String((v as { type?: unknown }).type).startsWith('Input.')
    )
      found = v as Record<string, unknown>;
    return v;
  });
  return found;
}

/** What the driver talks to: a harness, or a bot process reached over HTTP (then without `bot`). */
export type DriverTarget = Pick<Harness, 'post' | 'connector'> & { bot?: Harness['bot'] };

export class FormDriver {
  constructor(private readonly h: DriverTarget) {}

  /** Presses an Action.Execute button with input values; returns the card the invoke answered with. */
  async click(
    user: ChatUser,
    card: Card,
    title: string,
    inputs: Record<string, unknown> = {},
    replyToId?: string,
  ): Promise<Card> {
    const b = button(card, title);
    const res = await this.h.post(
      cardActionFrom(this.h.connector, user, b.verb, { ...b.data, ...inputs }, replyToId ? { replyToId } : {}),
    );
    if (res.status !== 200) throw new Error(`invoke answered ${res.status}`);
    return (res.body as { value: Card }).value;
  }

  /** Sends a card action with exactly `data` (a forged or old card's), as no button on a card shows it. */
  async invoke(user: ChatUser, verb: string, data: object): Promise<Card> {
    const res = await this.h.post(cardActionFrom(this.h.connector, user, verb, data));
    if (res.status !== 200) throw new Error(`invoke answered ${res.status}`);
    return (res.body as { value: Card }).value;
  }

  /** Sends a message and returns the bot's reply in the same conversation. */
  async say(user: ChatUser, text: string): Promise<ReceivedActivity> {
    const before = this.h.connector.sentTo(user.conversationId).length;
    const res = await this.h.post(messageFrom(this.h.connector, user, text));
    if (res.status !== 200) throw new Error(`message answered ${res.status}`);
    await this.h.connector.waitFor(() => this.h.connector.sentTo(user.conversationId).length > before);
    return this.h.connector.sentTo(user.conversationId).at(-1)!;
  }

  /** "besvara <dnr>" and every step filled in, up to the preview. */
  async answerToPreview(user: ChatUser, dnr: string, email: string): Promise<{ card: Card; formId: string }> {
    const posted = await this.say(user, `besvara ${dnr}`);
    let card = cardOf(posted)!;
    card = await this.click(
      user,
      card,
      'Nästa',
      { name: user.name, email, phone: '08-508 000 00', meeting: 'none' },
      posted.id,
    );
    card = await this.click(user, card, 'Nästa', { text: 'Bolaget tillstyrker förslaget.' }, posted.id);
    card = await this.click(user, card, 'Nästa', { text: input(card, 'text')!.value }, posted.id);
    card = await this.click(user, card, 'Nästa', { text: 'Programmet föreslår tre strategier.' }, posted.id);
    // A remiss the kansli sent on asks the position on this step too.
    const position = input(card, 'position') ? { position: 'tillstyrker' } : {};
    card = await this.click(user, card, 'Nästa', { text: 'SBR tillstyrker avsnitt 3.', ...position }, posted.id);
    card = await this.click(user, card, 'Nästa', { text: '' }, posted.id);
    return { card, formId: posted.id };
  }

  /** The whole approval: the handläggare answers and sends, the approver approves; the outbox is left idle. */
  async sendAndApprove(handlaggare: ChatUser, approver: ChatUser, dnr: string): Promise<void> {
    await this.say(approver, 'hej');
    const { card: preview } = await this.answerToPreview(handlaggare, dnr, handlaggare.email ?? '');
    await this.click(handlaggare, await this.click(handlaggare, preview, 'Skicka för godkännande'), 'Skicka', {
      approver: approver.email ?? '',
    });
    await this.h.bot?.outbox.idle();
    const request = this.h.connector
      .sentTo(approver.conversationId)
      .map((a) => cardOf(a))
      .filter(Boolean)
      .at(-1)!;
    await this.click(approver, request, 'Godkänn');
    await this.h.bot?.outbox.idle();
  }
}
