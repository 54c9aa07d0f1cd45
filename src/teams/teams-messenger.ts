import { TurnContext, type Activity, type ConversationParameters, type ConversationReference } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, type BotFrameworkAuthentication, type ConnectorClient } from 'botframework-connector';
import type { Messenger, SendResult } from '../core/outbox/outbox';
import type { OutgoingMessage } from '../core/messages';
import { toActivity } from './teams-bot';
import { decodeAddress } from './teams-address';

interface HttpError {
  statusCode?: number;
  response?: { headers?: { get(name: string): string | undefined } };
  message?: string;
}

/** Service URLs are regional (a handful per deployment); the bound only guards against junk. */
const MAX_CLIENTS = 100;

/**
 * Sends proactive messages through the Bot Framework connector.
 *
 * One connector client per service URL, kept for the life of the process, as botbuilder's
 * older BotFrameworkAdapter did. CloudAdapter's continueConversationAsync builds a connector
 * client, a user-token client and two HTTP pipelines for every message, which during a
 * broadcast of thousands is most of the CPU and memory the send costs. The calls themselves
 * are the ones CloudAdapter makes (conversations.createConversation, sendToConversation,
 * replyToActivity), with the same credentials.
 */
export class TeamsMessenger implements Messenger {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();
  private readonly identity: ClaimsIdentity;

  constructor(
    private readonly auth: BotFrameworkAuthentication,
    appId: string,
  ) {
    this.identity = new ClaimsIdentity([
      { type: AuthenticationConstants.AudienceClaim, value: appId },
      { type: AuthenticationConstants.AppIdClaim, value: appId },
    ]);
  }

  async send(address: string, message: OutgoingMessage): Promise<SendResult> {
    try {
      const target = decodeAddress(address);
      if ('reference' in target) {
        const reference = target.reference as ConversationReference;
        const activity = TurnContext.applyConversationReference(toActivity(message), reference) as Activity;
        const client = await this.client(reference.serviceUrl);
        if (reference.activityId) await client.conversations.replyToActivity(reference.conversation.id, reference.activityId, activity);
        else await client.conversations.sendToConversation(reference.conversation.id, activity);
      } else {
        const { serviceUrl, tenantId, userId, botId } = target.open;
        const bot = { id: botId, name: 'Techvoice' };
        const client = await this.client(serviceUrl);
        const created = await client.conversations.createConversation({
          isGroup: false,
          bot,
          members: [{ id: userId, name: '' }],
          tenantId,
          channelData: { tenant: { id: tenantId } },
        } as ConversationParameters);
        const activity = {
          ...toActivity(message),
          type: 'message',
          channelId: 'msteams',
          serviceUrl,
          from: bot,
          conversation: { id: created.id, tenantId, isGroup: false },
        } as Activity;
        await client.conversations.sendToConversation(created.id, activity);
      }
      return { status: 'sent' };
    } catch (error) {
      return classify(error as HttpError);
    }
  }

  private client(serviceUrl: string): Promise<ConnectorClient> {
    let client = this.clients.get(serviceUrl);
    if (!client) {
      if (this.clients.size >= MAX_CLIENTS) this.clients.clear();
      client = this.createClient(serviceUrl);
      this.clients.set(serviceUrl, client);
      // A client that could not be made (no credentials yet) is not kept.
      client.catch(() => this.clients.delete(serviceUrl));
    }
    return client;
  }

  private async createClient(serviceUrl: string): Promise<ConnectorClient> {
    const client = await this.auth.createConnectorFactory(this.identity).create(serviceUrl);
    this.leaveRetriesToTheOutbox(client);
    return client;
  }

  /**
   * The connector client's pipeline retries 429s and 5xx on its own, holding the send for
   * the Retry-After time. The outbox does that instead (so it can pace the whole broadcast
   * and record each try), so the client's retry policies are taken out.
   */
  private leaveRetriesToTheOutbox(client: ConnectorClient): void {
    const context = client as unknown as { client?: { pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown } } };
    context.client?.pipeline?.removePolicy({ phase: 'Retry' });
  }
}

/** Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3). */
function retryAfterMs(value: string | undefined): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds > 0 ? seconds * 1000 : null;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
}

function classify(error: HttpError): SendResult {
  const status = error.statusCode ?? 0;
  const text = error.message ?? String(error);
  if (status === 429 || status >= 500 || status === 0) {
    return { status: 'retry', error: text, retryAfterMs: retryAfterMs(error.response?.headers?.get('retry-after')) };
  }
  // 403: the user blocked or removed the bot; 404: the conversation is gone.
  return { status: 'unreachable', error: `${status} ${text}` };
}
