import { randomUUID } from 'node:crypto';
import type { Platform } from '../model';
import type { OutgoingMessage } from '../messages';
import type { Delivery, Store } from '../store';
import { now, toTheHour } from '../clock';
import { keyedHash } from '../identity';
import type { PlatformPacing } from './outbox-pacing';
import { SendBudget, wallClockMs } from './send-budget';
import { DOCUMENTED_PACING } from '../platforms';
import type { OutboxObserver } from '../observers';

/** What happened to one send attempt. */
export type SendResult =
  | { status: 'sent' }
  /** `retryAfterMs` set means the platform throttled us and said when to come back. */
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
  /**
   * The server key: a delivery's id carries a keyed hash of its recipient, never their id, so
   * that once it is sent nothing in the row says who it went to.
   */
  secret: string;
  /** Identifies this instance in delivery claims. */
  holder: string;
  /** Failed tries (throttling aside) after which a recipient is marked unreachable. */
  maxAttempts: number;
  batchSize: number;
  claimMs: number;
  /** First retry delay; doubles with each attempt up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Sends in flight at once. */
  concurrency: number;
  /** A send with no answer after this long counts as a failed try. */
  sendTimeoutMs: number;
  /** How often a started outbox looks for deliveries that have become due. */
  pollMs: number;
  /** The platforms' limits, kept by all instances together (the send budget is in the store). */
  pacing: Record<Platform, PlatformPacing>;
  /** Told what became of each attempt (for metrics). */
  observer: OutboxObserver | null;
}

export interface DrainResult {
  sent: number;
  retried: number;
  unreachable: number;
}

const DEFAULTS: Omit<OutboxOptions, 'holder' | 'secret'> = {
  maxAttempts: 5,
  batchSize: 50,
  claimMs: 60_000,
  backoffMs: 2_000,
  maxBackoffMs: 15 * 60_000,
  concurrency: 8,
  sendTimeoutMs: 30_000,
  pollMs: 5_000,
  pacing: DOCUMENTED_PACING,
  observer: null,
};

type Outcome = keyof DrainResult | 'released';

/**
 * A finished delivery forgets whom and where it went, and what it said: for a reply to
 * anonymous feedback the address is the one thing that would tie the author to it.
 */
const FORGET_RECIPIENT = { recipientKey: '', address: '', payload: '' } as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Proactive messages go through the outbox: one delivery record per (job, recipient) in the
 * store, claimed before sending, so a retry, a crash or a second instance never sends twice.
 * Sends are paced within platform limits, retried with backoff (or when the platform's
 * Retry-After says), and a recipient who cannot be reached after maxAttempts is marked so.
 */
export class Outbox {
  private readonly options: OutboxOptions;
  private readonly budget: SendBudget;
  private draining: Promise<DrainResult> | null = null;
  private again = false;
  private stopping = false;
  private poller: NodeJS.Timeout | null = null;
  private wakeUp: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly messengers: Messengers,
    options: Partial<OutboxOptions> & Pick<OutboxOptions, 'secret'>,
  ) {
    this.options = { holder: `instance-${randomUUID()}`, ...DEFAULTS, ...options };
    this.budget = new SendBudget(store, this.options.pacing, this.options.secret);
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
      id: `${jobKey}|${keyedHash(this.options.secret, 'delivery', jobKey, recipient.key)}`,
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

  /** Looks for due deliveries every pollMs until stopped. */
  start(): void {
    this.stopping = false;
    if (this.poller) return;
    this.poller = setInterval(() => this.kick(), this.options.pollMs);
    this.poller.unref();
    this.kick();
  }

  /** Stops claiming; sends in flight finish, claimed but unsent deliveries are handed back at once. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.poller) clearInterval(this.poller);
    if (this.wakeUp) clearTimeout(this.wakeUp);
    this.poller = null;
    this.wakeUp = null;
    await this.draining?.catch(() => undefined);
  }

  /** Starts a drain in the background (or queues another pass if one is running). */
  kick(): void {
    if (this.stopping) return;
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
      while (!this.stopping) {
        const at = now();
        const claimed = await this.store.claimDeliveries(
          this.options.holder,
          at.toISOString(),
          new Date(at.getTime() + this.options.claimMs).toISOString(),
          this.options.batchSize,
        );
        if (claimed.length === 0) break;
        await this.sendAll(claimed, total);
      }
    } while (this.again && !this.stopping);
    return total;
  }

  private async sendAll(claimed: Delivery[], total: DrainResult): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const delivery = claimed[next++];
        const outcome = this.stopping ? await this.release(delivery) : await this.deliver(delivery);
        if (outcome !== 'released') total[outcome]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, claimed.length) }, worker));
  }

  private async release(delivery: Delivery, notBefore = delivery.notBefore): Promise<Outcome> {
    await this.store.finishDelivery({ ...delivery, claimedBy: null, claimedUntil: null, notBefore });
    return 'released';
  }

  /**
   * Where the recipient is now: a member's chat or a forum's channel can move (a new service
   * URL, a restarted playground) between queueing and sending. Other recipients (a sealed
   * reply to anonymous feedback) keep the address they were queued with.
   */
  private async currentAddress(delivery: Delivery): Promise<string> {
    const member = await this.store.getMember(delivery.networkId, delivery.recipientKey);
    if (member) return member.platform === delivery.platform && member.directAddress ? member.directAddress : delivery.address;
    const forum = await this.store.getForum(delivery.networkId, delivery.recipientKey);
    return forum && forum.platform === delivery.platform && forum.address ? forum.address : delivery.address;
  }

  private async deliver(claimed: Delivery): Promise<Outcome> {
    const messenger = this.messengers[claimed.platform];
    if (!messenger) return this.giveUp(claimed, claimed.attempts + 1, `${claimed.platform} is not configured`);
    const delivery = { ...claimed, address: await this.currentAddress(claimed) };
    const claimLeft = Date.parse(delivery.claimedUntil ?? '') - now().getTime();
    const slot = await this.budget.reserve(delivery.platform, delivery.address, claimLeft - this.options.sendTimeoutMs);
    const wait = slot.at - wallClockMs();
    if (!slot.reserved || wait > claimLeft - this.options.sendTimeoutMs) {
      // Too far ahead to keep the claim: leave it for whoever is free then.
      return this.release(delivery, new Date(now().getTime() + wait).toISOString());
    }
    if (wait > 0) await sleep(wait);
    if (this.stopping) return this.release(delivery);
    const result = await this.sendWithTimeout(messenger, delivery);
    const finished = { ...delivery, claimedBy: null, claimedUntil: null };
    if (result.status === 'sent') {
      await this.store.finishDelivery({ ...finished, ...FORGET_RECIPIENT, attempts: delivery.attempts + 1, state: 'sent', sentAt: toTheHour(now()), lastError: null });
      this.options.observer?.delivery(delivery.platform, 'sent');
      return 'sent';
    }
    if (result.status === 'retry' && result.retryAfterMs !== null) {
      // Throttled: the recipient is fine, we were too fast. Not a failed try.
      await this.budget.pause(delivery.platform, wallClockMs() + result.retryAfterMs);
      this.options.observer?.delivery(delivery.platform, 'throttled');
      return this.retryLater(finished, delivery.attempts, result.error, result.retryAfterMs);
    }
    const attempts = delivery.attempts + 1;
    if (result.status === 'unreachable' || attempts >= this.options.maxAttempts) return this.giveUp(finished, attempts, result.error);
    const backoff = Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** (attempts - 1));
    this.options.observer?.delivery(delivery.platform, 'retry');
    return this.retryLater(finished, attempts, result.error, backoff);
  }

  private async sendWithTimeout(messenger: Messenger, delivery: Delivery): Promise<SendResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<SendResult>((resolve) => {
      timer = setTimeout(() => resolve({ status: 'retry', error: `no answer within ${this.options.sendTimeoutMs} ms`, retryAfterMs: null }), this.options.sendTimeoutMs);
    });
    try {
      return await Promise.race([
        messenger
          .send(delivery.address, JSON.parse(delivery.payload) as OutgoingMessage)
          .catch((error: unknown): SendResult => ({ status: 'retry', error: String(error), retryAfterMs: null })),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async retryLater(delivery: Delivery, attempts: number, error: string, delayMs: number): Promise<Outcome> {
    await this.store.finishDelivery({ ...delivery, attempts, state: 'pending', lastError: error, notBefore: new Date(now().getTime() + delayMs).toISOString() });
    this.wakeAfter(delayMs);
    return 'retried';
  }

  private async giveUp(delivery: Delivery, attempts: number, error: string): Promise<Outcome> {
    await this.store.finishDelivery({ ...delivery, ...FORGET_RECIPIENT, attempts, state: 'unreachable', lastError: error, claimedBy: null, claimedUntil: null });
    this.options.observer?.delivery(delivery.platform, 'unreachable');
    const member = await this.store.getMember(delivery.networkId, delivery.recipientKey);
    if (member && !member.unreachable) await this.store.upsertMember({ ...member, unreachable: true });
    return 'unreachable';
  }

  /** A started outbox comes back for a retry when it is due rather than at the next poll. */
  private wakeAfter(delayMs: number): void {
    if (!this.poller || delayMs >= this.options.pollMs) return;
    if (this.wakeUp) clearTimeout(this.wakeUp);
    this.wakeUp = setTimeout(() => this.kick(), delayMs + 5);
    this.wakeUp.unref();
  }
}
