import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's replay window: a request signed more than five minutes from now (either way) is refused. */
const WINDOW_S = 5 * 60;

/**
 * Slack's v0 request signature: HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing
 * secret (https://api.slack.com/authentication/verifying-requests-from-slack). The same check
 * Bolt's verifySlackRequest makes, compared in constant time with node:crypto rather than by
 * hashing both sides again with random keys, and with the window enforced both ways.
 */
export function isSignedBySlack(signingSecret: string, rawBody: string, signature: unknown, timestamp: unknown, nowMs = Date.now()): boolean {
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > WINDOW_S) return false;
  const expected = Buffer.from(`v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
