import type { Card } from './cards';

/** A message the bot sends: text, a card, or both. */
export interface OutgoingMessage {
  text?: string;
  card?: Card;
}

/** What a card action returns: the card that replaces the submitted one, and any further messages. */
export interface CardActionOutcome {
  card: Card;
  replies: OutgoingMessage[];
}
