import type { CloudAdapter, ConversationParameters, TurnContext } from 'botbuilder';
import type { Messenger, SendResult } from '../core/outbox';
import type { OutgoingMessage } from '../core/messages';
import { toActivity } from './teams-bot';
import { decodeAddress } from './teams-address';

interface HttpError {
  statusCode?: number;
  response?: { headers?: { get(name: string): string | undefined } };
  message?: string;
}

/** Sends proactive messages through the Bot Framework connector. */
export class TeamsMessenger implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  async send(address: string, message: OutgoingMessage): Promise<SendResult> {
    const target = decodeAddress(address);
    const activity = toActivity(message);
    // Errors inside the turn go to the adapter's onTurnError, which swallows them: keep the
    // send's own failure here so that a 403 or a 429 reaches the outbox.
    let failure: unknown = null;
    const sendIn = async (context: TurnContext) => {
      this.leaveRetriesToTheOutbox(context);
      try {
        await context.sendActivity(activity);
      } catch (error) {
        failure = error;
      }
    };
    try {
      if ('reference' in target) {
        await this.adapter.continueConversationAsync(this.appId, target.reference, sendIn);
      } else {
        const parameters = {
          isGroup: false,
          bot: { id: target.open.botId, name: 'Techvoice' },
          members: [{ id: target.open.userId, name: '' }],
          tenantId: target.open.tenantId,
          channelData: { tenant: { id: target.open.tenantId } },
        } as ConversationParameters;
        await this.adapter.createConversationAsync(
          this.appId,
          'msteams',
          target.open.serviceUrl,
          'https://api.botframework.com',
          parameters,
          sendIn,
        );
      }
      if (failure) return classify(failure as HttpError);
      return { status: 'sent' };
    } catch (error) {
      return classify(error as HttpError);
    }
  }

  /**
   * The connector client's pipeline retries 429s and 5xx on its own, holding the send for
   * the Retry-After time. The outbox does that instead (so it can pace the whole broadcast
   * and record each try), so the client's retry policies are taken out.
   */
  private leaveRetriesToTheOutbox(context: TurnContext): void {
    const connector = context.turnState.get(this.adapter.ConnectorClientKey) as
      | { client?: { pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown } } }
      | undefined;
    connector?.client?.pipeline?.removePolicy({ phase: 'Retry' });
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
