import type { CoreDeps } from './deps';
import { UserError } from './errors';
import { deriveId } from './identity';
import { nowIso } from './clock';
import type { Forum } from './model';
import type { Session } from './session';
import { plain } from './markdown';

/** Registers the current channel as a forum, where pulses and summaries can be posted. */
export async function registerForum(deps: CoreDeps, session: Session, name: string): Promise<string> {
  const { conversation, requester } = session.inbound;
  if (conversation.kind === 'personal') {
    throw new UserError('Run **forum** in the channel you want to register, not in a direct chat.');
  }
  const forum: Forum = {
    id: deriveId('f', session.network.id, requester.platform, conversation.id),
    networkId: session.network.id,
    platform: requester.platform,
    channelId: conversation.id,
    name: name.slice(0, 100) || conversation.name || 'Forum',
    address: conversation.address,
    createdAt: nowIso(),
  };
  const existing = await deps.store.getForum(session.network.id, forum.id);
  await deps.store.upsertForum(existing ? { ...forum, createdAt: existing.createdAt } : forum);
  return `This channel is ${existing ? 'still' : 'now'} the forum “${plain(forum.name)}”. Chairs can send pulses here and ask for a **summary**.`;
}

export async function forumOf(deps: CoreDeps, session: Session): Promise<Forum | null> {
  const forums = await deps.store.listForums(session.network.id);
  return forums.find((f) => f.platform === session.inbound.requester.platform && f.channelId === session.inbound.conversation.id) ?? null;
}
