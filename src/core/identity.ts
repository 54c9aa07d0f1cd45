import { createHash, createHmac } from 'node:crypto';
import type { Member } from './model';

/** A stable, short id derived from its parts: makes first-contact creates idempotent. */
export function deriveId(prefix: string, ...parts: string[]): string {
  return `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16)}`;
}

/**
 * Who a person is across platforms: their e-mail when known (so someone on both Teams and
 * Slack counts once), otherwise their platform user id.
 */
export function personKey(member: Pick<Member, 'email' | 'platform' | 'platformUserId'>): string {
  return member.email ? `email:${member.email.toLowerCase()}` : `${member.platform}:${member.platformUserId}`;
}

/** Keyed one-way hash: dedupes anonymous acts without storing who did them. */
export function keyedHash(secret: string, ...parts: string[]): string {
  return createHmac('sha256', secret).update(parts.join('\u0000')).digest('base64url');
}
