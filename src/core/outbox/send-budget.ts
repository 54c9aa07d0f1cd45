import { performance } from 'node:perf_hooks';
import type { Platform } from '../model';
import type { Store } from '../store';
import { keyedHash } from '../identity';
import { platformBudget, type PlatformPacing } from './outbox-pacing';

/**
 * Wall-clock time in ms, as every instance reads it (send slots are shared through the
 * store). From the monotonic clock, so a test's fake Date does not stop pacing.
 */
export const wallClockMs = (): number => performance.timeOrigin + performance.now();

/** A reserved slot may start this late and still count as on time; later, it is given up. */
const LATE_MS = 10;

/** Slots are reserved starting this far ahead, so that the store's round trips do not make them late. */
const LEAD_MS = 50;

/** Slots taken from the store at once: this long a run of them (fewer round trips at high rates). */
const RESERVE_AHEAD_MS = 200;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The send budget of all instances together, kept in the store: each platform's overall rate
 * as evenly spaced send slots that an instance reserves a short run of at a time, and each
 * conversation's recent sends, against which a send's slot is checked and recorded. However
 * many instances send, together they stay within the platform's limits.
 */
export class SendBudget {
  /** Slots this instance holds and has not used yet, per platform, earliest first. */
  private readonly slots = new Map<Platform, number[]>();
  private readonly refilling = new Map<Platform, Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly pacing: Record<Platform, PlatformPacing>,
    private readonly secret: string,
  ) {}

  /**
   * Reserves a send to `conversation` and returns the time (ms, wallClockMs) it may start.
   * When the conversation is not free within `maxWaitMs` (its hourly limit is used up),
   * nothing is reserved and `at` says when to come back.
   */
  async reserve(platform: Platform, conversation: string, maxWaitMs: number): Promise<{ at: number; reserved: boolean }> {
    const windows = this.pacing[platform].perConversation;
    const key = `${platform}|${keyedHash(this.secret, 'conversation', platform, conversation)}`;
    let lead = 0;
    for (;;) {
      const at = await this.takeSlot(platform, wallClockMs() + lead);
      if (windows.length === 0) return { at, reserved: true };
      const asked = wallClockMs();
      const allowed = await this.store.reserveConversationSend(key, windows, at);
      // Next time, a slot at least as far ahead as this check took (a contended conversation on a slow store).
      lead = wallClockMs() - asked;
      // A slot that went by while the conversation was checked is given up: sent late, it
      // could come closer to the conversation's next send than its limit allows. The
      // conversation keeps the send it did not get, which only errs on the safe side.
      if (allowed === at && at >= wallClockMs() - LATE_MS) return { at, reserved: true };
      if (allowed === at) continue;
      // The conversation is busy until then: the slot goes back for another send, and this
      // one waits rather than taking a slot that far ahead (that would hold up every send).
      this.giveBack(platform, at);
      const wait = allowed - wallClockMs();
      if (wait > maxWaitMs) return { at: allowed, reserved: false };
      if (wait > 0) await sleep(wait);
    }
  }

  /** The platform asked us to slow down (429 Retry-After): no instance sends to it before `untilMs`. */
  async pause(platform: Platform, untilMs: number): Promise<void> {
    this.slots.set(platform, (this.slots.get(platform) ?? []).filter((t) => t >= untilMs));
    await this.store.reserveSendSlots(platformBudget(platform), 0, this.intervalMs(platform), untilMs);
  }

  private intervalMs(platform: Platform): number {
    return 1_000 / this.pacing[platform].perSecond;
  }

  /**
   * The earliest slot this instance holds at or after `notBeforeMs`, reserving more when it
   * has none (slots gone by are dropped).
   */
  private async takeSlot(platform: Platform, notBeforeMs: number): Promise<number> {
    for (;;) {
      const now = wallClockMs();
      const held = (this.slots.get(platform) ?? []).filter((t) => t >= now - LATE_MS);
      this.slots.set(platform, held);
      const index = held.findIndex((t) => t >= notBeforeMs);
      if (index >= 0) return held.splice(index, 1)[0];
      // Concurrent sends share one reservation rather than each taking a run of slots.
      let refill = this.refilling.get(platform);
      if (!refill) {
        refill = this.refill(platform, Math.max(now + LEAD_MS, notBeforeMs)).finally(() => this.refilling.delete(platform));
        this.refilling.set(platform, refill);
      }
      await refill;
    }
  }

  private async refill(platform: Platform, fromMs: number): Promise<void> {
    const interval = this.intervalMs(platform);
    const count = Math.max(1, Math.round(RESERVE_AHEAD_MS / interval));
    const first = await this.store.reserveSendSlots(platformBudget(platform), count, interval, fromMs);
    const reserved = Array.from({ length: count }, (_, i) => first + i * interval);
    this.slots.set(platform, [...(this.slots.get(platform) ?? []), ...reserved].sort((a, b) => a - b));
  }

  private giveBack(platform: Platform, slot: number): void {
    if (slot < wallClockMs() - LATE_MS) return;
    this.slots.set(platform, [...(this.slots.get(platform) ?? []), slot].sort((a, b) => a - b));
  }
}
