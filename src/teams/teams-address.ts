import type { Activity, ConversationReference } from 'botbuilder';

/**
 * How Techvoice keeps a Teams address in the store (opaque to the core): either a
 * conversation reference it can post to, or what it needs to open a 1:1 chat with someone
 * who has only talked to the bot in a channel.
 */
export type TeamsAddress =
  | { reference: Partial<ConversationReference> }
  | { open: { serviceUrl: string; tenantId: string; userId: string; botId: string } };

/** Channel conversation ids carry the thread (";messageid=…"); posts go to the channel itself. */
const withoutThread = (conversationId: string): string => conversationId.split(';messageid=')[0];

/** Longer than any real Teams id or name: what an activity carries beyond it is not kept or echoed. */
export const MAX_ECHOED_FIELD = 512;

/** The named fields of an object an activity carried, strings clipped; ids keep their type. */
export function echoed<T extends object>(value: T, fields: string[]): T {
  const kept: Record<string, unknown> = {};
  for (const field of fields) {
    const v = (value as Record<string, unknown>)[field];
    if (v === undefined) continue;
    kept[field] = typeof v === 'string' ? v.slice(0, MAX_ECHOED_FIELD) : typeof v === 'boolean' ? v : undefined;
  }
  return kept as T;
}

/** Only what Teams reads back is kept: a message sent later must not carry what a request brought along. */
export function conversationAddress(activity: Partial<Activity>): TeamsAddress {
  return {
    reference: {
      channelId: activity.channelId,
      serviceUrl: activity.serviceUrl,
      bot: activity.recipient && echoed(activity.recipient, ['id', 'name', 'role']),
      conversation: activity.conversation && echoed({ ...activity.conversation, id: withoutThread(activity.conversation.id) }, ['id', 'name', 'conversationType', 'tenantId', 'isGroup']),
    },
  };
}

export function directAddressOf(activity: Partial<Activity>, tenantId: string): TeamsAddress | null {
  if (activity.conversation?.conversationType === 'personal' || !activity.conversation?.conversationType) {
    return conversationAddress(activity);
  }
  if (!activity.serviceUrl || !activity.from?.id || !activity.recipient?.id) return null;
  return { open: { serviceUrl: activity.serviceUrl, tenantId, userId: activity.from.id, botId: activity.recipient.id } };
}

export const encodeAddress = (address: TeamsAddress): string => JSON.stringify(address);
export const decodeAddress = (address: string): TeamsAddress => JSON.parse(address) as TeamsAddress;
