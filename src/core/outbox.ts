import { randomUUID } from 'node:crypto';
import type { Platform } from './model';
import type { OutgoingMessage } from './messages';
import type { Delivery, Store } from '../store/store';
import { now } from './clock';

/** What happened to one send attempt. */
export type SendResult =
  | { status: 'sent' }
  | { status: 'retry'; error: string; retryAfterMs: number | null }
  | { status: 'unreachable'; error: string };

/** Sends one message to one address on a platform (a port: Teams and Slack implement it). */
export interface Messenger {
  send(address: string, message: OutgoingMessage): Promise<SendResult>;
}

export type Messengers = Partial<Record<Platform, Messenger>>;

export interface Recipient {
  /** Stable per job: a member id or a forum id. */
  key: string;
  platform: Platform;
  address: string;
}

export interface OutboxOptions {
  /** Identifies this instance in delivery claims. */
  holder: string;
  maxAttempts: number;
  batchSize: number;
  claimMs: number;
  /** First retry delay; doubles with each attempt. */
  backoffMs: number;
}

export interface DrainResult {
  sent: number;
  retried: number;
  unreachable: number;
}

const DEFAULTS: OutboxOptions = {
  holder: `instance-${randomUUID()}`,
  maxAttempts: 5,
  batchSize: 50,
  claimMs: 60_000,
  backoffMs: 2_000,
};

/**
 * Proactive messages go through the outbox: one delivery record per (job, recipient) in the
 * store, claimed before sending, so a retry, a crash or a second instance never sends twice.
 */
export class Outbox {
  private readonly options: OutboxOptions;
  private draining: Promise<DrainResult> | null = null;
  private again = false;

  constructor(
    private readonly store: Store,
    private readonly messengers: Messengers,
    options: Partial<OutboxOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  async enqueue(
    networkId: string,
    jobKey: string,
    recipients: Recipient[],
    message: OutgoingMessage,
    notBefore: Date = now(),
  ): Promise<number> {
    const createdAt = now().toISOString();
    const payload = JSON.stringify(message);
    const deliveries: Delivery[] = recipients.map((recipient) => ({
      id: `${jobKey}|${recipient.key}`,
      networkId,
      jobKey,
      recipientKey: recipient.key,
      platform: recipient.platform,
      address: recipient.address,
      payload,
      state: 'pending',
      attempts: 0,
      notBefore: notBefore.toISOString(),
      claimedBy: null,
      claimedUntil: null,
      lastError: null,
      sentAt: null,
      createdAt,
    }));
    return this.store.enqueueDeliveries(deliveries);
  }

  /** Starts a drain in the background (or queues another pass if one is running). */
  kick(): void {
    void this.drain().catch(() => undefined);
  }

  /** Sends everything that is due now, batch by batch, until nothing is claimable. */
  drain(): Promise<DrainResult> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = this.drainAll().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  private async drainAll(): Promise<DrainResult> {
    const total: DrainResult = { sent: 0, retried: 0, unreachable: 0 };
    do {
      this.again = false;
      for (;;) {
        const at = now();
        const claimed = await this.store.claimDeliveries(
          this.options.holder,
          at.toISOString(),
          new Date(at.getTime() + this.options.claimMs).toISOString(),
          this.options.batchSize,
        );
        if (claimed.length === 0) break;
        for (const delivery of claimed) {
          const outcome = await this.deliver(delivery);
          total[outcome]++;
        }
      }
    } while (this.again);
    return total;
  }

  private async deliver(delivery: Delivery): Promise<keyof DrainResult> {
    const messenger = this.messengers[delivery.platform];
    const result: SendResult = messenger
      ? await messenger
          .send(delivery.address, JSON.parse(delivery.payload) as OutgoingMessage)
          .catch((error: unknown) => ({ status: 'retry', error: String(error), retryAfterMs: null }) as const)
      : { status: 'unreachable', error: `${delivery.platform} is not configured` };
    const attempts = delivery.attempts + 1;
    const finished = { ...delivery, attempts, claimedBy: null, claimedUntil: null };
    if (result.status === 'sent') {
      await this.store.finishDelivery({ ...finished, state: 'sent', sentAt: now().toISOString(), lastError: null });
      return 'sent';
    }
    if (result.status === 'unreachable' || attempts >= this.options.maxAttempts) {
      await this.store.finishDelivery({ ...finished, state: 'unreachable', lastError: result.error });
      return 'unreachable';
    }
    const delay = result.retryAfterMs ?? this.options.backoffMs * 2 ** (attempts - 1);
    await this.store.finishDelivery({
      ...finished,
      state: 'pending',
      lastError: result.error,
      notBefore: new Date(now().getTime() + delay).toISOString(),
    });
    return 'retried';
  }
}
