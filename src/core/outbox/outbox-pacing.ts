import type { Platform } from '../model';

/** At most `limit` sends in any `perMs` window. */
export interface RateWindow {
  limit: number;
  perMs: number;
}

export interface PlatformPacing {
  /** Limits for one conversation (a chat, a channel). */
  perConversation: RateWindow[];
  /** Sends per second over all conversations of the platform, from all instances together (a broadcast touches many). */
  perSecond: number;
}

/** Sends leave on time but arrive a little early or late: keep this much clear of a window's edge. */
export const JITTER_MARGIN_MS = 50;

/**
 * The earliest time at or after `atMs` at which one more send keeps within every window,
 * given the times of the sends already made or reserved (`sent`, in any order).
 */
export function earliestWithin(windows: readonly RateWindow[], sent: readonly number[], atMs: number): number {
  const sorted = [...sent].sort((a, b) => a - b);
  let at = atMs;
  for (let moved = true; moved; ) {
    moved = false;
    for (const window of windows) {
      const inWindow = sorted.filter((t) => t > at - window.perMs - JITTER_MARGIN_MS);
      if (inWindow.length >= window.limit) {
        at = inWindow[inWindow.length - window.limit] + window.perMs + JITTER_MARGIN_MS;
        moved = true;
      }
    }
  }
  return at;
}

/** How long a conversation's sends must be remembered: its platform's longest window. */
export const longestWindowMs = (windows: readonly RateWindow[]): number =>
  Math.max(0, ...windows.map((w) => w.perMs)) + JITTER_MARGIN_MS;

/** The store's name for a platform's overall send budget. */
export const platformBudget = (platform: Platform): string => `platform:${platform}`;
