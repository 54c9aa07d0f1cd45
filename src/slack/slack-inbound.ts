import type { ConversationKind, Inbound } from '../core/context';

/** Who and where, as any Slack request tells it. */
export interface SlackOrigin {
  teamId: string;
  teamName: string | null;
  userId: string;
  /** Null when the request has no channel (the App Home tab). */
  channelId: string | null;
  channelName: string | null;
  /** `im`, `mpim`, `channel`, `group` when Slack says; otherwise read from the channel id. */
  channelType: string | null;
}

export interface SlackProfile {
  name: string;
  email: string | null;
  /** The user's Slack language, e.g. "cy-GB" (users.info with include_locale). */
  locale: string | null;
}

/** Direct-message channels start with D; Slack names them "directmessage" in slash commands. */
export function conversationKind(origin: Pick<SlackOrigin, 'channelId' | 'channelName' | 'channelType'>): ConversationKind {
  if (!origin.channelId) return 'personal';
  if (origin.channelType === 'im' || origin.channelName === 'directmessage' || origin.channelId.startsWith('D')) return 'personal';
  if (origin.channelType === 'mpim' || origin.channelName === 'mpdm' || origin.channelName?.startsWith('mpdm-')) return 'group';
  return 'channel';
}

/** Turns a Slack request into the core's platform-neutral request. */
export function toInbound(origin: SlackOrigin, profile: SlackProfile): Inbound {
  const kind = conversationKind(origin);
  return {
    requester: {
      platform: 'slack',
      workspaceId: origin.teamId,
      workspaceName: origin.teamName,
      userId: origin.userId,
      aadObjectId: null,
      name: profile.name,
      email: profile.email,
      // chat.postMessage to a user id lands in the person's DM with the app.
      directAddress: origin.userId,
      locale: profile.locale,
    },
    conversation: {
      kind,
      id: origin.channelId ?? origin.userId,
      name: kind === 'personal' ? null : origin.channelName,
      address: kind === 'personal' ? origin.userId : (origin.channelId as string),
    },
  };
}
