import type { Platform } from '../model';

/** At most `limit` sends in any `perMs` window. */
export interface RateWindow {
  limit: number;
  perMs: number;
}

export interface PlatformPacing {
  /** Limits for one conversation (a chat, a channel). */
  perConversation: RateWindow[];
  /** Sends per second over all conversations of the platform (a broadcast touches many). */
  perSecond: number;
}

/** Sends leave on time but arrive a little early or late: keep this much clear of a window's edge. */
const JITTER_MARGIN_MS = 50;

/**
 * Hands out send times that keep within the per-conversation windows and an even global
 * rate per platform. Times are reserved up front, so concurrent senders never bunch up.
 */
export class Pacer {
  private readonly history = new Map<string, number[]>();
  private readonly nextFree = new Map<Platform, number>();
  private reservations = 0;

  constructor(private readonly pacing: Record<Platform, PlatformPacing>) {}

  /** Reserves a send to `conversation` and returns the time (ms) it may start. */
  reserve(platform: Platform, conversation: string, nowMs: number): number {
    const rules = this.pacing[platform];
    const key = `${platform}\u0000${conversation}`;
    const sent = this.history.get(key) ?? [];
    let at = Math.max(nowMs, this.nextFree.get(platform) ?? 0);
    for (let moved = true; moved; ) {
      moved = false;
      for (const window of rules.perConversation) {
        const inWindow = sent.filter((t) => t > at - window.perMs);
        if (inWindow.length >= window.limit) {
          at = inWindow[inWindow.length - window.limit] + window.perMs + JITTER_MARGIN_MS;
          moved = true;
        }
      }
    }
    sent.push(at);
    sent.sort((a, b) => a - b);
    this.history.set(key, sent);
    this.nextFree.set(platform, Math.max(at, this.nextFree.get(platform) ?? 0) + 1_000 / rules.perSecond);
    if (++this.reservations % 1_000 === 0) this.forget(nowMs);
    return at;
  }

  /** The platform asked us to slow down (429 Retry-After): nothing more goes out before `untilMs`. */
  pause(platform: Platform, untilMs: number): void {
    this.nextFree.set(platform, Math.max(untilMs, this.nextFree.get(platform) ?? 0));
  }

  private forget(nowMs: number): void {
    const longest = Math.max(...Object.values(this.pacing).flatMap((p) => p.perConversation.map((w) => w.perMs)));
    for (const [key, times] of this.history) {
      const kept = times.filter((t) => t > nowMs - longest);
      if (kept.length) this.history.set(key, kept);
      else this.history.delete(key);
    }
  }
}
