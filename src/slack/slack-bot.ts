import type { App, BlockAction, ButtonAction, RespondFn, SlashCommand, webApi } from '@slack/bolt';
import type { SlackJsonClient } from './slack-json-client';
import type { Logger } from 'pino';
import type { Techvoice } from '../core/techvoice';
import type { Inbound } from '../core/context';
import type { Card } from '../core/cards';
import { inEitherLanguage } from '../core/chat/text';
import { messageCard } from '../core/cards';
import type { OutgoingMessage } from '../core/messages';
import { homeCards } from '../core/chat/home';
import { readInputValues, type SlackStateValues } from './blockkit-inputs';
import { toMrkdwn, unescapeSlackText } from './blockkit-text';
import { toInbound, conversationKind, type SlackOrigin } from './slack-inbound';
import { SlackPeople } from './slack-people';
import {
  cardMessage,
  cardMessageJson,
  formLauncher,
  homeView,
  MODAL_CALLBACK_ID,
  modalView,
  OPEN_FORM_ACTION,
  opensAsModal,
  parseMetadata,
  textMessage,
  type MessageContent,
  type ModalMetadata,
} from './slack-views';

type WebClient = webApi.WebClient;

// Whose language is not known when a request fails: Welsh first, then English.
const SORRY = inEitherLanguage(null, (say) => say.somethingWentWrong);

/** Mentions of the bot at the start of a message: "<@U123> help" or "<@U123|techvoice> help". */
const LEADING_MENTION = /^\s*<@[A-Z0-9]+(?:\|[^>]*)?>\s*/;

function contentOf(message: OutgoingMessage): MessageContent {
  if (message.card) return cardMessage(message.card);
  return textMessage(message.text ?? '');
}

/**
 * Slack-side translation only: slash commands, mentions, DMs, buttons, modals and the App
 * Home in; core calls; Block Kit out. Every listener acks first, because Slack wants an
 * answer within 3 seconds: https://api.slack.com/interactivity/handling#acknowledgment_response
 */
export class SlackBot {
  private readonly people: SlackPeople;

  constructor(
    private readonly core: Techvoice,
    private readonly log: Logger,
    private readonly json: SlackJsonClient,
  ) {
    this.people = new SlackPeople(log);
  }

  register(app: App): void {
    // Slack retries an event it thinks we missed (X-Slack-Retry-Num): the event id makes it count once.
    app.use(async ({ body, next }) => {
      const eventId = (body as { event_id?: unknown }).event_id;
      if (typeof eventId === 'string' && !(await this.core.isFirstDelivery('slack:event', eventId))) return;
      await next();
    });

    app.command(/.*/, async ({ command, ack, respond, client }) => {
      await ack();
      // Slack never resends a slash command, and each one has its own trigger: the same trigger again is a replay.
      if (!(await this.core.isFirstDelivery('slack:command', command.trigger_id))) return;
      await this.onCommand(command, respond, client);
    });

    app.event('app_mention', async ({ event, body, client }) => {
      const team = (body as { team_id?: string }).team_id ?? event.team ?? '';
      if (!event.user) return;
      const origin: SlackOrigin = { teamId: team, teamName: null, userId: event.user, channelId: event.channel, channelName: null, channelType: null };
      await this.onTyped(origin, event.text.replace(LEADING_MENTION, ''), client);
    });

    app.event('message', async ({ event, body, client }) => {
      // Only what a person typed in their DM with the app: no edits, joins or bot posts.
      if (event.subtype !== undefined || event.channel_type !== 'im' || 'bot_id' in event) return;
      if (!('user' in event) || typeof event.user !== 'string') return;
      const team = (body as { team_id?: string }).team_id ?? '';
      const origin: SlackOrigin = { teamId: team, teamName: null, userId: event.user, channelId: event.channel, channelName: null, channelType: 'im' };
      await this.onTyped(origin, (event.text ?? '').replace(LEADING_MENTION, ''), client);
    });

    app.event('app_home_opened', async ({ event, body, client }) => {
      if (event.tab !== 'home') return;
      const team = (body as { team_id?: string }).team_id ?? '';
      await this.publishHome(client, { teamId: team, teamName: null, userId: event.user, channelId: null, channelName: null, channelType: null });
    });

    app.view(MODAL_CALLBACK_ID, async ({ ack, body, view, client }) => {
      const metadata = parseMetadata(view.private_metadata);
      if (!metadata.data) {
        await ack();
        return;
      }
      const origin: SlackOrigin = {
        teamId: body.team?.id ?? body.user.team_id ?? '',
        teamName: body.team?.domain ?? null,
        userId: body.user.id,
        channelId: metadata.channel,
        channelName: null,
        channelType: null,
      };
      const inputs = readInputValues(view.state.values as SlackStateValues);
      let card: Card;
      try {
        const inbound = await this.inbound(client, origin);
        card = await this.core.handleCardAction(inbound, { ...inputs, ...metadata.data });
      } catch (error) {
        this.log.error({ err: error }, 'Slack form submission failed');
        card = messageCard('Techvoice', SORRY, 'attention');
      }
      // A form with problems comes back with what was typed; a finished one shows its confirmation.
      await ack({ response_action: 'update', view: modalView(card, { channel: metadata.channel, origin: metadata.origin }) as never });
      if (metadata.origin === 'home') await this.publishHome(client, origin);
    });

    app.error(async (error) => {
      this.log.error({ err: error }, 'Slack request failed');
    });
  }

  /**
   * A button or menu on a message, the App Home or a modal (block_actions). The Slack
   * endpoint calls this straight after checking the signature (see slack-endpoint.ts for why
   * these requests do not go through Bolt's dispatch); `acknowledge` answers Slack's request,
   * and is called once the press has been acted on (stored), before the card is delivered.
   */
  async onBlockAction(body: BlockAction, client: WebClient, acknowledge: () => void): Promise<void> {
    const [action] = body.actions;
    try {
      if (action?.type !== 'button') return; // picking an option is not a submission: the button sends it
      // Views (App Home, modals) have no response_url; only a message's buttons answer through it.
      const respond = (message: Record<string, unknown>) =>
        body.response_url ? this.json.respond(body.response_url, message) : Promise.reject(new Error('This action has no response_url.'));
      await this.onButton(body as BlockAction<ButtonAction>, action, client, respond, acknowledge);
    } catch (error) {
      this.log.error({ err: error, action: action?.action_id }, 'Slack button failed');
    } finally {
      acknowledge();
    }
  }

  private async inbound(client: WebClient, origin: SlackOrigin): Promise<Inbound> {
    return toInbound(origin, await this.people.profile(client, origin.userId));
  }

  private async onCommand(command: SlashCommand, respond: RespondFn, client: WebClient): Promise<void> {
    const origin: SlackOrigin = {
      teamId: command.team_id,
      teamName: command.team_domain ?? null,
      userId: command.user_id,
      channelId: command.channel_id,
      channelName: command.channel_name ?? null,
      channelType: null,
    };
    const text = unescapeSlackText(command.text ?? '');
    try {
      const inbound = await this.inbound(client, origin);
      for (const message of await this.core.handleText(inbound, text)) {
        if (message.card && opensAsModal(message.card)) {
          await this.openModal(client, command.trigger_id, message.card, { channel: command.channel_id, origin: 'command' }, () =>
            respond({ response_type: 'ephemeral', ...formLauncher(message.card as Card, text) }),
          );
        } else {
          // A summary is asked for to be shared with the forum; everything else is for the person alone.
          const inChannel = message.card?.name === 'summary' && conversationKind(origin) !== 'personal';
          await respond({ response_type: inChannel ? 'in_channel' : 'ephemeral', ...contentOf(message) });
          await this.uploadFile(client, command.channel_id, message);
          await this.uploadImages(client, command.channel_id, message);
        }
      }
    } catch (error) {
      this.log.error({ err: error }, 'Slack command failed');
      await respond({ response_type: 'ephemeral', ...textMessage(SORRY) }).catch(() => undefined);
    }
  }

  /**
   * A file asked for in a direct message (an export) is shared there. Asked for in a channel,
   * it never reaches here: the core sends it to the person's DM through the outbox.
   */
  private async uploadFile(client: WebClient, channel: string, message: OutgoingMessage): Promise<void> {
    if (!message.file) return;
    const { file } = message;
    await client.files.uploadV2({ channel_id: channel, file: Buffer.from(file.base64, 'base64'), filename: file.name, title: file.name, initial_comment: toMrkdwn(file.description) });
  }

  /** Charts that go with a message, uploaded after it with their alt text (Block Kit cannot draw them). */
  private async uploadImages(client: WebClient, channel: string, message: OutgoingMessage): Promise<void> {
    for (const image of message.images ?? []) {
      try {
        await client.files.uploadV2({ channel_id: channel, file: Buffer.from(image.base64, 'base64'), filename: image.name, title: image.title, alt_text: image.altText.slice(0, 1000) });
      } catch (error) {
        // The summary itself is already shown; a missing chart is not worth failing it for.
        this.log.warn({ err: error, image: image.name }, 'Slack chart upload failed');
      }
    }
  }

  /** A mention or a DM: answers go to the same conversation; forms get a button that opens them. */
  private async onTyped(origin: SlackOrigin, typed: string, client: WebClient): Promise<void> {
    const text = unescapeSlackText(typed);
    const channel = origin.channelId as string;
    try {
      const inbound = await this.inbound(client, origin);
      for (const message of await this.core.handleText(inbound, text)) {
        const content = message.card && opensAsModal(message.card) ? formLauncher(message.card, text) : contentOf(message);
        // Core has already sent what is private to the person's DM; this is what the channel may see.
        await client.chat.postMessage({ channel, ...content, unfurl_links: false });
        await this.uploadFile(client, channel, message);
        await this.uploadImages(client, channel, message);
      }
    } catch (error) {
      this.log.error({ err: error }, 'Slack message failed');
      await client.chat.postMessage({ channel, ...textMessage(SORRY) }).catch(() => undefined);
    }
  }

  private async onButton(
    body: BlockAction<ButtonAction>,
    button: ButtonAction,
    client: WebClient,
    respond: (message: Record<string, unknown>) => Promise<void>,
    acknowledge: () => void,
  ): Promise<void> {
    if (button.action_id.startsWith('url#')) return;
    // A double click (or a retried request) arrives twice with the same action time: act once.
    // The user is part of what makes a press unique, but only inside the keyed hash.
    if (!(await this.core.isFirstDelivery('slack:action', button.action_ts, body.user.id, button.action_id))) return;
    const container = body.container as { type?: string; channel_id?: string; message_ts?: string; is_ephemeral?: boolean };
    const channelId = body.channel?.id ?? container.channel_id ?? null;
    const origin: SlackOrigin = {
      teamId: body.team?.id ?? body.user.team_id ?? '',
      teamName: body.team?.domain ?? null,
      userId: body.user.id,
      channelId,
      channelName: body.channel?.name ?? null,
      channelType: null,
    };
    const fromView = body.view?.type === 'home' || body.view?.type === 'modal' ? body.view : null;
    const metadata = { channel: channelId, origin: fromView?.type === 'home' ? 'home' : 'message' } as const;
    let card: Card;
    try {
      const inbound = await this.inbound(client, origin);
      if (button.action_id === OPEN_FORM_ACTION) {
        const { text } = JSON.parse(button.value ?? '{}') as { text?: string };
        const [first] = await this.core.handleText(inbound, text ?? '');
        card = first?.card ?? messageCard('Techvoice', first?.text ?? '', 'default');
      } else {
        const data = JSON.parse(button.value ?? '{}') as Record<string, unknown>;
        const inputs = readInputValues((fromView ? fromView.state?.values : body.state?.values) as SlackStateValues | undefined);
        card = await this.core.handleCardAction(inbound, { ...inputs, ...data });
      }
    } catch (error) {
      this.log.error({ err: error, action: button.action_id }, 'Slack button failed');
      card = messageCard('Techvoice', SORRY, 'attention');
    }
    acknowledge();

    if (opensAsModal(card) || fromView?.type === 'home') {
      await this.openModal(client, body.trigger_id, card, metadata, () => respond({ response_type: 'ephemeral', replace_original: false, ...cardMessage(card) }));
    } else if (fromView) {
      await client.views.update({ view_id: fromView.id, view: modalView(card, metadata) as never });
    } else if (container.is_ephemeral) {
      await respond({ replace_original: true, ...cardMessage(card) });
    } else if (channelId && conversationKind(origin) === 'personal' && container.message_ts) {
      // In a DM the card is the person's own: it changes in place, as in Teams.
      await this.json.call('chat.update', cardMessageJson(card, { channel: channelId, ts: container.message_ts }));
    } else {
      // A card shared in a channel stays as it is for everyone; the answer goes to this person only.
      await respond({ response_type: 'ephemeral', replace_original: false, ...cardMessage(card) });
    }
  }

  /** views.open needs the trigger within 3 seconds of the click; if it has expired, fall back. */
  private async openModal(client: WebClient, triggerId: string, card: Card, metadata: Omit<ModalMetadata, 'data'>, fallback: () => Promise<unknown>): Promise<void> {
    try {
      await client.views.open({ trigger_id: triggerId, view: modalView(card, metadata) as never });
    } catch (error) {
      this.log.warn({ err: error }, 'could not open a Slack modal; sending the form as a message');
      await fallback();
    }
  }

  private async publishHome(client: WebClient, origin: SlackOrigin): Promise<void> {
    const session = await this.core.session(await this.inbound(client, origin));
    const cards = await homeCards(this.core.deps, session);
    await client.views.publish({ user_id: origin.userId, view: homeView(cards) as never });
  }
}
