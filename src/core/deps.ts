import type { Store } from '../store/store';
import type { Outbox } from './outbox';

/** What core operations need from the outside world. */
export interface CoreDeps {
  store: Store;
  /** Server key for keyed hashes (anonymous dedupe). */
  secret: string;
  outbox: Outbox;
}
