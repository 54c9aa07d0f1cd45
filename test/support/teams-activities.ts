import { randomUUID } from 'node:crypto';

export interface TeamsUser {
  id: string;
  name: string;
  aadObjectId: string;
  /** The language the person's Teams is set to, sent as the activity's locale. */
  locale?: string;
}

export const TENANT = 'tenant-uni-1';

export function user(name: string, locale?: string): TeamsUser {
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
  return { id: `29:${slug}`, name, aadObjectId: `aad-${slug}`, ...(locale ? { locale } : {}) };
}

export interface Where {
  /** Personal chat with the user, or a team channel. */
  kind: 'personal' | 'channel';
  channelId?: string;
  channelName?: string;
}

export const personal: Where = { kind: 'personal' };
export const channel = (channelId = '19:forum-tlf@thread.tacv2', channelName = "Technical Leaders' Forum"): Where => ({
  kind: 'channel',
  channelId,
  channelName,
});

/** The conversation id a reply for this user and place goes to. */
export function conversationIdOf(from: TeamsUser, where: Where): string {
  return where.kind === 'personal' ? `a:personal-${from.id}` : (where.channelId as string);
}

function base(serviceUrl: string, from: TeamsUser, where: Where) {
  const conversationId = conversationIdOf(from, where);
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    ...(from.locale ? { locale: from.locale } : {}),
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { id: '28:techvoice-bot', name: 'Techvoice' },
    conversation:
      where.kind === 'personal'
        ? { id: conversationId, conversationType: 'personal', tenantId: TENANT }
        : { id: `${conversationId};messageid=1700000000000`, conversationType: 'channel', tenantId: TENANT, isGroup: true },
    channelData: {
      tenant: { id: TENANT },
      ...(where.kind === 'channel'
        ? { team: { id: '19:team-1@thread.tacv2', name: 'Technicians' }, channel: { id: where.channelId, name: where.channelName } }
        : {}),
    },
  };
}

export function message(serviceUrl: string, from: TeamsUser, text: string, where: Where = personal) {
  const mention = where.kind === 'channel' ? '<at>Techvoice</at> ' : '';
  return {
    ...base(serviceUrl, from, where),
    type: 'message',
    text: `${mention}${text}`,
    entities:
      where.kind === 'channel'
        ? [{ type: 'mention', text: '<at>Techvoice</at>', mentioned: { id: '28:techvoice-bot', name: 'Techvoice' } }]
        : [],
  };
}

/** A Universal Actions invoke, as Teams sends when someone presses an Action.Execute button. */
export function invoke(serviceUrl: string, from: TeamsUser, verb: string, data: Record<string, unknown>, where: Where = personal) {
  return {
    ...base(serviceUrl, from, where),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** An Action.Submit: a message activity whose value carries the card's data. */
export function submit(serviceUrl: string, from: TeamsUser, data: Record<string, unknown>, where: Where = personal) {
  return { ...base(serviceUrl, from, where), type: 'message', value: data };
}

export function botAdded(serviceUrl: string, from: TeamsUser, where: Where) {
  return {
    ...base(serviceUrl, from, where),
    type: 'conversationUpdate',
    membersAdded: [{ id: '28:techvoice-bot', name: 'Techvoice' }],
  };
}
