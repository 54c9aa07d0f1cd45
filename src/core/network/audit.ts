import { now } from '../clock';
import type { AuditEntry } from '../model';
import type { Store } from '../store';
import type { Language } from '../i18n/language';
import { auditActText, networkText } from './text';

const ROLES = ['member', 'chair', 'owner', 'admin'] as const;
const isRole = (value: string): value is (typeof ROLES)[number] => (ROLES as readonly string[]).includes(value);

export const OPERATOR_ID = 'cli';

/** What the command-line tool does that the audit log records. */
export const OPERATOR_ACTS = ['import-actions', 'export', 'link', 'retention', 'sweep'] as const;
export type OperatorAct = (typeof OPERATOR_ACTS)[number];

/** An act done with the command-line tool, audited like one done in chat. Identifiers only in `detail`. */
export async function recordOperatorAudit(store: Store, networkId: string, operator: string, act: OperatorAct, detail: string): Promise<void> {
  await store.appendAudit({ networkId, at: now().toISOString(), actorId: OPERATOR_ID, actorName: operator, act, detail: detail.slice(0, 300) });
}

/** An audited act as a person reads it ("Changed roles"); an act with no name yet is shown as logged. */
export function auditActName(act: string, language: Language): string {
  const names: Readonly<Record<string, string>> = auditActText(language);
  return names[act] ?? act;
}

/**
 * An entry's detail as a person reads it: ids become names as they are now (so a person who
 * asked to be forgotten is not named again), and the stored detail keeps ids only.
 */
export async function describeAuditDetail(store: Store, entry: AuditEntry, language: Language = 'en'): Promise<string> {
  const words: string[] = [];
  for (const part of entry.detail.split(' ').filter(Boolean)) {
    const [key, ...rest] = part.split('=');
    const value = rest.join('=');
    words.push(rest.length ? await describePart(store, entry.networkId, key as string, value, language) : part);
  }
  return words.join(' ');
}

async function describePart(store: Store, networkId: string, key: string, value: string, language: Language): Promise<string> {
  const say = networkText(language);
  if (key === 'member') {
    const member = await store.getMember(networkId, value);
    return `${say.auditKey('member')}=${member ? member.name : say.formerMember}`;
  }
  if (key === 'audience') {
    if (value === 'members') return `${say.auditKey('audience')}=${say.everyMember}`;
    const forumId = value.startsWith('forum:') ? value.slice('forum:'.length) : null;
    const forum = forumId ? await store.getForum(networkId, forumId) : null;
    return `${say.auditKey('audience')}=${forum ? say.forumNamed(forum.name) : say.forumGone}`;
  }
  if (key === 'roundId') {
    const round = await store.getRound(value);
    return `${say.auditKey('pulse')}=${round && round.networkId === networkId ? `P-${round.questionNumber}` : say.pulseGone}`;
  }
  if (key === 'roles') return `${say.auditKey('roles')}=${value.split(',').map((role) => (isRole(role) ? say[role] : role)).join(',')}`;
  return `${say.auditKey(key)}=${value}`;
}
