import type { CloudAdapter, ConversationParameters } from 'botbuilder';
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
    try {
      if ('reference' in target) {
        await this.adapter.continueConversationAsync(this.appId, target.reference, async (context) => {
          await context.sendActivity(activity);
        });
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
          async (context) => {
            await context.sendActivity(activity);
          },
        );
      }
      return { status: 'sent' };
    } catch (error) {
      return classify(error as HttpError);
    }
  }
}

function classify(error: HttpError): SendResult {
  const status = error.statusCode ?? 0;
  const text = error.message ?? String(error);
  if (status === 429 || status >= 500 || status === 0) {
    const retryAfter = Number(error.response?.headers?.get('retry-after'));
    return { status: 'retry', error: text, retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null };
  }
  // 403: the user blocked or removed the bot; 404: the conversation is gone.
  return { status: 'unreachable', error: `${status} ${text}` };
}
