import { randomInt } from 'node:crypto';
import type { CoreDeps } from '../deps';
import { now } from '../clock';
import { UserError } from '../errors';
import { keyedHash, personKey } from '../identity';
import type { Language } from '../i18n/language';
import type { Platform } from '../model';
import type { Session } from '../session';
import { otherPlatformNames, platformName } from '../platforms';
import { privacyText } from './text';

/** Letters and digits that cannot be mistaken for one another when read out or retyped. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
const CODE_MINUTES = 10;

interface PendingLink {
  memberId: string;
  platform: Platform;
  expiresAt: string;
}

const settingKey = (deps: CoreDeps, networkId: string, code: string): string =>
  `link-code:${keyedHash(deps.secret, 'link-code', networkId, code)}`;

/** Which code a member has outstanding, so that a new code or `forget me` removes the old one. */
const pendingKey = (memberId: string): string => `link-pending:${memberId}`;

/** Removes a member's outstanding code, if any. */
export async function dropPendingCode(deps: CoreDeps, memberId: string): Promise<void> {
  const outstanding = await deps.store.takeSetting(pendingKey(memberId));
  if (outstanding) await deps.store.takeSetting(outstanding);
}

const normalise = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');

/**
 * Makes someone's Teams and Slack accounts one person (one answer per pulse, one count in
 * summaries) on proof from both sides: `link` on one platform shows a one-time code, and
 * `link CODE` typed on the other joins them. Nobody else, an admin included, can join
 * accounts: an e-mail set by hand proves nothing.
 */
export async function linkAccounts(deps: CoreDeps, session: Session, args: string): Promise<string> {
  const typed = normalise(args);
  return typed === '' ? issueCode(deps, session) : redeemCode(deps, session, typed);
}

async function issueCode(deps: CoreDeps, session: Session): Promise<string> {
  const code = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const pending: PendingLink = {
    memberId: session.member.id,
    platform: session.member.platform,
    expiresAt: new Date(now().getTime() + CODE_MINUTES * 60_000).toISOString(),
  };
  await dropPendingCode(deps, session.member.id);
  const key = settingKey(deps, session.network.id, code);
  await deps.store.getOrCreateSetting(key, JSON.stringify(pending));
  await deps.store.getOrCreateSetting(pendingKey(session.member.id), key);
  const other = otherPlatformNames(session.member.platform);
  const shown = `${code.slice(0, 4)}-${code.slice(4)}`;
  return privacyText(session.language).yourCode(shown, CODE_MINUTES, other);
}

async function redeemCode(deps: CoreDeps, session: Session, code: string): Promise<string> {
  const unknown = (language: Language) => privacyText(language).unknownCode;
  if (code.length !== CODE_LENGTH) throw new UserError(unknown);
  const stored = await deps.store.takeSetting(settingKey(deps, session.network.id, code));
  const pending = stored ? (JSON.parse(stored) as PendingLink) : null;
  if (!pending || Date.parse(pending.expiresAt) <= now().getTime()) throw new UserError(unknown);
  if (pending.platform === session.member.platform) {
    // Not used up: the person may still type it on the other platform.
    await deps.store.getOrCreateSetting(settingKey(deps, session.network.id, code), stored as string);
    throw new UserError((language) => privacyText(language).otherPlatform(platformName(pending.platform)));
  }
  await deps.store.takeSetting(pendingKey(pending.memberId));
  const other = await deps.store.getMember(session.network.id, pending.memberId);
  if (!other) throw new UserError(unknown);
  await deps.store.upsertMember({ ...session.member, linkedPerson: personKey(other) });
  return privacyText(session.language).linked(platformName(other.platform), platformName(session.member.platform));
}
