import type { Platform } from './model';

/** What became of one delivery attempt: sent, throttled (come back later), failed (retry with backoff), or given up. */
export type DeliveryEvent = 'sent' | 'throttled' | 'retry' | 'unreachable';

/** Told about every outbox attempt (metrics hang off this; the core knows nothing of them). */
export interface OutboxObserver {
  delivery(platform: Platform, event: DeliveryEvent): void;
}

/** done: the action went through; refused: the person was told what to fix or that they may not; failed: an error. */
export type CardActionResult = 'done' | 'refused' | 'failed';

/** Told about every card action the core answers. `verb` is 'unknown' for verbs the core does not know. */
export interface CardActionObserver {
  cardAction(platform: Platform, verb: string, result: CardActionResult): void;
}
