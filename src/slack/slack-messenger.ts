import type { webApi } from '@slack/bolt';
import type { Messenger, SendResult } from '../core/outbox/outbox';
import type { OutgoingMessage } from '../core/messages';
import { cardMessage, textMessage } from './slack-views';
import { toMrkdwn } from './blockkit-text';

type WebClient = webApi.WebClient;

/** Errors after which sending again cannot help: the person or channel is gone or closed to the bot. */
const UNREACHABLE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'messages_tab_disabled',
  'restricted_action',
  'team_access_not_granted',
  'missing_scope',
  'invalid_blocks',
  'msg_too_long',
  'no_text',
]);

interface SlackApiError {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
  message?: string;
}

/** Sends proactive messages (pulses, reminders, summaries, files) with the Slack Web API. */
export class SlackMessenger implements Messenger {
  constructor(private readonly client: WebClient) {}

  async send(address: string, message: OutgoingMessage): Promise<SendResult> {
    try {
      if (message.file) await this.upload(address, message);
      if (message.card) {
        await this.client.chat.postMessage({ channel: address, ...cardMessage(message.card), unfurl_links: false });
      } else if (message.text && !message.file) {
        await this.client.chat.postMessage({ channel: address, ...textMessage(message.text), unfurl_links: false });
      }
      await this.uploadImages(address, message);
      return { status: 'sent' };
    } catch (error) {
      return classifySlackError(error as SlackApiError);
    }
  }

  /** files.uploadV2: get an upload URL, send the bytes there, then share the file in the conversation. */
  private async upload(address: string, message: OutgoingMessage): Promise<void> {
    const file = message.file!;
    await this.client.files.uploadV2({
      channel_id: await this.channelFor(address),
      file: Buffer.from(file.base64, 'base64'),
      filename: file.name,
      title: file.name,
      initial_comment: toMrkdwn(message.text ?? file.description),
    });
  }

  /**
   * Charts after the message, each with its alt text. The message has been posted by then, so
   * a failed chart is dropped rather than failing (and so repeating) the whole delivery.
   */
  private async uploadImages(address: string, message: OutgoingMessage): Promise<void> {
    for (const image of message.images ?? []) {
      await this.client.files
        .uploadV2({ channel_id: await this.channelFor(address), file: Buffer.from(image.base64, 'base64'), filename: image.name, title: image.title, alt_text: image.altText.slice(0, 1000) })
        .catch(() => undefined);
    }
  }

  /** Files are shared into channels, so a user id is first turned into their DM channel. */
  private async channelFor(address: string): Promise<string> {
    if (!/^[UW]/.test(address)) return address;
    const opened = (await this.client.conversations.open({ users: address })) as { channel?: { id?: string } };
    if (!opened.channel?.id) throw Object.assign(new Error('conversations.open returned no channel'), { code: 'slack_webapi_platform_error', data: { error: 'channel_not_found' } });
    return opened.channel.id;
  }
}

/** Maps a Web API failure to what the outbox should do next. */
export function classifySlackError(error: SlackApiError): SendResult {
  const text = error.data?.error ?? error.message ?? String(error);
  switch (error.code) {
    case 'slack_webapi_rate_limited_error':
      return { status: 'retry', error: 'rate limited', retryAfterMs: typeof error.retryAfter === 'number' ? error.retryAfter * 1000 : null };
    case 'slack_webapi_platform_error':
      if (error.data?.error && UNREACHABLE.has(error.data.error)) return { status: 'unreachable', error: text };
      return { status: 'retry', error: text, retryAfterMs: null };
    case 'slack_webapi_http_error': {
      const status = error.statusCode ?? 0;
      if (status === 429 || status >= 500) return { status: 'retry', error: `${status} ${text}`, retryAfterMs: null };
      return { status: 'unreachable', error: `${status} ${text}` };
    }
    default:
      // Network problems (slack_webapi_request_error) and anything unexpected: try again later.
      return { status: 'retry', error: text, retryAfterMs: null };
  }
}
