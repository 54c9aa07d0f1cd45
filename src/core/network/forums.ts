import type { CoreDeps } from '../deps';
import { UserError } from '../errors';
import { deriveId } from '../identity';
import { nowIso } from '../clock';
import type { Forum } from '../model';
import type { Session } from '../session';
import { plain } from '../markdown';
import { networkText } from './text';

/** Registers the current channel as a forum, where pulses and summaries can be posted. */
export async function registerForum(deps: CoreDeps, session: Session, name: string): Promise<{ text: string; forum: Forum }> {
  const { conversation, requester } = session.inbound;
  if (conversation.kind === 'personal') {
    throw new UserError((language) => networkText(language).forumInDirectChat);
  }
  const id = deriveId('f', session.network.id, requester.platform, conversation.id);
  const existing = await deps.store.getForum(session.network.id, id);
  const forum: Forum = {
    id,
    networkId: session.network.id,
    platform: requester.platform,
    channelId: conversation.id,
    name: name.slice(0, 100) || existing?.name || conversation.name || networkText(session.language).defaultForumName,
    address: conversation.address,
    language: existing?.language ?? null,
    createdAt: existing?.createdAt ?? nowIso(),
  };
  await deps.store.upsertForum(forum);
  const say = networkText(session.language);
  const renamed = existing !== null && existing.name !== forum.name;
  const text = existing && !renamed ? say.forumStill(plain(forum.name)) : say.forumRegistered(plain(forum.name), renamed && existing ? say.wasNamed(plain(existing.name)) : '');
  return { text, forum };
}

export async function forumOf(deps: CoreDeps, session: Session): Promise<Forum | null> {
  const forums = await deps.store.listForums(session.network.id);
  return forums.find((f) => f.platform === session.inbound.requester.platform && f.channelId === session.inbound.conversation.id) ?? null;
}
