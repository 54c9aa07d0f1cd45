import type { Activity } from 'botbuilder';
import type { ConversationKind, Inbound } from '../core/context';
import { conversationAddress, directAddressOf, encodeAddress } from './teams-address';

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
}

const KINDS: Record<string, ConversationKind> = { personal: 'personal', channel: 'channel', groupChat: 'group' };

/** Turns a Teams activity into the core's platform-neutral request. */
export function toInbound(activity: Partial<Activity>, email: string | null): Inbound {
  const channelData = (activity.channelData ?? {}) as TeamsChannelData;
  const tenantId = activity.conversation?.tenantId ?? channelData.tenant?.id ?? 'local';
  const conversationId = (activity.conversation?.id ?? '').split(';messageid=')[0];
  const kind = KINDS[activity.conversation?.conversationType ?? 'personal'] ?? 'personal';
  const direct = directAddressOf(activity, tenantId);
  return {
    requester: {
      platform: 'teams',
      workspaceId: tenantId,
      workspaceName: channelData.team?.name ?? null,
      userId: activity.from?.id ?? '',
      aadObjectId: activity.from?.aadObjectId ?? null,
      name: activity.from?.name ?? '',
      email,
      directAddress: direct && encodeAddress(direct),
      locale: activity.locale ?? null,
    },
    conversation: {
      kind,
      id: kind === 'channel' ? (channelData.channel?.id ?? conversationId) : conversationId,
      name: channelData.channel?.name ?? null,
      address: encodeAddress(conversationAddress(activity)),
    },
  };
}
