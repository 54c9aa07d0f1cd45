import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-slack-signing-secret';

/** The headers Slack sends with a request: `v0=` + HMAC-SHA256 of `v0:{timestamp}:{body}`. */
export function slackSignature(body: string, secret = SIGNING_SECRET, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}
