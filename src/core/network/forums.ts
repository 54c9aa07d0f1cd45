import type { CoreDeps } from '../deps';
import { UserError } from '../errors';
import { deriveId } from '../identity';
import { nowIso } from '../clock';
import type { Forum } from '../model';
import type { Session } from '../session';
import { plain } from '../markdown';

/** Registers the current channel as a forum, where pulses and summaries can be posted. */
export async function registerForum(deps: CoreDeps, session: Session, name: string): Promise<{ text: string; forum: Forum }> {
  const { conversation, requester } = session.inbound;
  if (conversation.kind === 'personal') {
    throw new UserError('Run **forum** in the channel you want to register, not in a direct chat.');
  }
  const id = deriveId('f', session.network.id, requester.platform, conversation.id);
  const existing = await deps.store.getForum(session.network.id, id);
  const forum: Forum = {
    id,
    networkId: session.network.id,
    platform: requester.platform,
    channelId: conversation.id,
    name: name.slice(0, 100) || existing?.name || conversation.name || 'Forum',
    address: conversation.address,
    language: existing?.language ?? null,
    createdAt: existing?.createdAt ?? nowIso(),
  };
  await deps.store.upsertForum(forum);
  const was = existing && existing.name !== forum.name ? ` (it was “${plain(existing.name)}”)` : '';
  const state = existing && !was ? 'still' : 'now';
  return { text: `This channel is ${state} the forum “${plain(forum.name)}”${was}. Chairs can send pulses here and ask for a **summary**.`, forum };
}

export async function forumOf(deps: CoreDeps, session: Session): Promise<Forum | null> {
  const forums = await deps.store.listForums(session.network.id);
  return forums.find((f) => f.platform === session.inbound.requester.platform && f.channelId === session.inbound.conversation.id) ?? null;
}
