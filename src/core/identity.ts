import { createHash, createHmac } from 'node:crypto';
import type { Member, PulseRound } from './model';

/** A stable, short id derived from its parts: makes first-contact creates idempotent. */
export function deriveId(prefix: string, ...parts: string[]): string {
  return `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16)}`;
}

/**
 * The identity the platform vouches for: the Azure AD object id on Teams (the same person in
 * every chat and bot registration), the Slack user id otherwise. Never an e-mail: an e-mail
 * can be typed by an admin or changed in a profile, an identity cannot.
 */
export function platformIdentity(member: Pick<Member, 'platform' | 'platformUserId' | 'aadObjectId'>): string {
  return member.platform === 'teams' && member.aadObjectId ? `teams:aad:${member.aadObjectId}` : `${member.platform}:${member.platformUserId}`;
}

/**
 * Who a person is across platforms: their platform identity, or the identity of the account
 * they proved to be theirs with a one-time code (see core/account-link.ts), so someone on
 * both Teams and Slack counts once.
 */
export function personKey(member: Pick<Member, 'platform' | 'platformUserId' | 'aadObjectId' | 'linkedPerson'>): string {
  return member.linkedPerson ?? platformIdentity(member);
}

/**
 * The one-answer-per-person key of a round: a keyed hash of the person and the round's salt,
 * never their id. Null once the round is sealed: its salt is gone, so nobody (not even the
 * server) can tell any more which answer was whose.
 */
export function respondentKey(
  secret: string,
  round: Pick<PulseRound, 'id' | 'answerSalt'>,
  member: Parameters<typeof personKey>[0],
): string | null {
  if (round.answerSalt === '') return null;
  const salt = round.answerSalt === null ? [] : [round.answerSalt];
  return keyedHash(secret, 'answer', round.id, ...salt, personKey(member));
}

/** Keyed one-way hash: dedupes anonymous acts without storing who did them. */
export function keyedHash(secret: string, ...parts: string[]): string {
  return createHmac('sha256', secret).update(parts.join('\u0000')).digest('base64url');
}
