import type { Platform } from './model';

/** Who is talking to the bot, as the platform adapter saw them. */
export interface Requester {
  platform: Platform;
  /** Teams tenant id or Slack team id: decides the network. */
  workspaceId: string;
  /** Display name of the workspace, used when a network is created on first contact. */
  workspaceName: string | null;
  userId: string;
  /** Azure AD object id on Teams (matched against TECHVOICE_ADMINS); null on Slack. */
  aadObjectId: string | null;
  name: string;
  email: string | null;
  /**
   * Opaque address for direct messages to this person, if the adapter can give one (a
   * personal conversation reference, or what is needed to open one).
   */
  directAddress: string | null;
  /** The language the person's client is set to ("cy-GB", "en-US"), when the platform says. */
  locale: string | null;
}

export type ConversationKind = 'personal' | 'channel' | 'group';

/** Where the request came from. */
export interface Conversation {
  kind: ConversationKind;
  /** Platform id of the channel or chat. */
  id: string;
  name: string | null;
  /** Opaque address the platform's messenger can post to later. */
  address: string;
}

/** A platform-neutral inbound request: every core operation takes one. */
export interface Inbound {
  requester: Requester;
  conversation: Conversation;
}
