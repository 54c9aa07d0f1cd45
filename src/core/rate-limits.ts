import type { Language } from './i18n/language';
import { counted, defineText } from './i18n/text';
import { createHmac, randomBytes } from 'node:crypto';

/** At most `count` within `windowMs`, refilled evenly. */
export interface RateLimit {
  count: number;
  windowMs: number;
}

/** Per-person limits; null = no limit of that kind. */
export interface RateLimits {
  feedback: RateLimit | null;
  commands: RateLimit | null;
  presses: RateLimit | null;
}

export type LimitKind = keyof RateLimits;

export const NO_LIMITS: RateLimits = { feedback: null, commands: null, presses: null };

/** A retry of something let through is let through again this many times, uncounted. */
const RETRIES_ALLOWED = 3;
/** Above this many people in memory, those with a full allowance (idle) are forgotten. */
const SWEEP_ABOVE = 10_000;

interface Bucket {
  tokens: number;
  at: number;
  /** Fingerprints of what was let through lately, with how often each came again. */
  recent: Map<string, { at: number; retries: number }>;
}

export type Admission = { ok: true } | { ok: false; retryInMs: number };

/**
 * Per-person limits on feedback, commands and button presses (token buckets that start full,
 * so a person's first submission always goes through). Kept in memory only, keyed by the
 * platform's user id, never stored, logged or audited: with anonymous feedback, a record of
 * who sent something when would point at its author. A platform's retry of something let
 * through (the same card data again) is let through again and not counted.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  /** Fingerprints are keyed hashes, so what was sent cannot be read back from memory. */
  private readonly key = randomBytes(16);

  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number = Date.now,
  ) {}

  admit(kind: LimitKind, who: string, sent?: string): Admission {
    const limit = this.limits[kind];
    if (!limit) return { ok: true };
    const at = this.now();
    const id = `${kind}\u0000${who}`;
    const bucket = this.buckets.get(id) ?? { tokens: limit.count, at, recent: new Map() };
    bucket.tokens = Math.min(limit.count, bucket.tokens + ((at - bucket.at) * limit.count) / limit.windowMs);
    bucket.at = at;
    // Fingerprints are kept in the order they came (a Map keeps insertion order), so the old
    // ones are at the front: stop at the first still inside the window.
    for (const [print, seen] of bucket.recent) {
      if (at - seen.at <= limit.windowMs) break;
      bucket.recent.delete(print);
    }
    const print = sent === undefined ? undefined : createHmac('sha256', this.key).update(sent).digest('base64url').slice(0, 16);
    const seen = print === undefined ? undefined : bucket.recent.get(print);
    if (seen && seen.retries < RETRIES_ALLOWED) {
      seen.retries++;
      this.keep(id, bucket);
      return { ok: true };
    }
    if (bucket.tokens < 1) {
      this.keep(id, bucket);
      return { ok: false, retryInMs: Math.ceil(((1 - bucket.tokens) * limit.windowMs) / limit.count) };
    }
    bucket.tokens -= 1;
    if (print !== undefined && !seen) bucket.recent.set(print, { at, retries: 0 });
    this.keep(id, bucket);
    return { ok: true };
  }

  private keep(id: string, bucket: Bucket): void {
    this.buckets.set(id, bucket);
    if (this.buckets.size <= SWEEP_ABOVE) return;
    for (const [other, b] of this.buckets) {
      const kind = other.slice(0, other.indexOf('\u0000')) as LimitKind;
      const limit = this.limits[kind];
      if (!limit || b.tokens + ((this.now() - b.at) * limit.count) / limit.windowMs >= limit.count) this.buckets.delete(other);
    }
  }
}

/** "in 3 minutes", "in 40 seconds". */
export function waitFor(ms: number, language: Language = 'en'): string {
  const say = WAIT(language);
  if (ms >= 90_000) return say.minutes(Math.ceil(ms / 60_000));
  if (ms > 60_000) return say.minuteOrTwo;
  return say.seconds(Math.max(1, Math.ceil(ms / 1000)));
}

const WAIT = defineText(
  'waiting',
  { minutes: (n: number) => `in ${n} minutes`, minuteOrTwo: 'in a minute or two', seconds: (n: number) => counted('en', n, { one: 'in {n} second', other: 'in {n} seconds' }) },
  {
    minutes: (n: number) => `ymhen ${n} munud`,
    minuteOrTwo: 'ymhen munud neu ddau',
    seconds: (n: number) => `ymhen ${n} eiliad`,
  },
);
