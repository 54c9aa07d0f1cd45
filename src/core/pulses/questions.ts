import { nowIso } from '../clock';
import type { CoreDeps } from '../deps';
import { deriveId, keyedHash } from '../identity';
import type { Network, PulseQuestion } from '../model';
import type { Session } from '../session';
import type { Created } from '../store';
import type { PulseCreateInput } from './inputs';
import type { Language } from '../i18n/language';
import { PULSE_TEXT } from './text';

/** A pulse question as people refer to it: P-12. */
export const pulseReference = (number: number): string => `P-${number}`;
export const roundIdFor = (networkId: string, questionNumber: number, occurrence: string): string =>
  deriveId('r', networkId, String(questionNumber), occurrence);

export const MEMBERS_AUDIENCE = 'members';

/** Stores the question a chair's form describes, once per form (a double click stores it once). */
export function storePulseQuestion(
  deps: CoreDeps,
  session: Session,
  input: PulseCreateInput,
  details: Pick<PulseQuestion, 'choices' | 'audience' | 'schedule' | 'windowHours'>,
): Promise<Created<PulseQuestion>> {
  return deps.store.createPulseQuestion(
    {
      networkId: session.network.id,
      text: input.text,
      kind: input.kind,
      theme: input.theme,
      anonymous: input.anonymous,
      ...details,
      createdBy: session.member.id,
      createdAt: nowIso(),
    },
    keyedHash(deps.secret, 'pulse', input.formId),
  );
}

export async function resolveAudience(
  deps: CoreDeps,
  network: Network,
  value: string,
  language: Language,
): Promise<{ audience: PulseQuestion['audience']; label: string } | null> {
  if (value === MEMBERS_AUDIENCE) return { audience: { type: 'members' }, label: PULSE_TEXT(language).membersAudienceAfterTo };
  if (!value.startsWith('forum:')) return null;
  const forum = await deps.store.getForum(network.id, value.slice('forum:'.length));
  return forum ? { audience: { type: 'forum', forumId: forum.id }, label: forum.name } : null;
}
