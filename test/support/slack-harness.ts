import { randomUUID } from 'node:crypto';
import { BotHarness } from './bot-harness';
import { FakeSlack, SLACK_TEAM, type SlackCall, type SlackUser } from './fake-slack';
import { SIGNING_SECRET, slackSignature } from './slack-signing';

export type Block = Record<string, unknown> & { type: string };
export type View = Record<string, unknown> & { blocks: Block[]; private_metadata?: string };

/** Where a person talks to the bot: their DM with the app, or a channel. */
export interface SlackWhere {
  channelId: string;
  channelName: string;
  kind: 'im' | 'channel';
}

export const dm = (user: SlackUser): SlackWhere => ({ channelId: `D${user.id}`, channelName: 'directmessage', kind: 'im' });
export const forum = (channelId = 'C0FORUM', channelName = 'technical-leaders-forum'): SlackWhere => ({ channelId, channelName, kind: 'channel' });

export interface SlackPost {
  status: number;
  body: string;
  /** How long the bot took to answer the HTTP request (the ack), in ms. */
  ms: number;
}

/** A message the bot posted or updated, as Slack would show it. */
export interface ShownMessage {
  channel: string;
  ts: string | null;
  blocks: Block[];
  text: string;
  ephemeral: boolean;
}

/** Values to type into a form: strings, several choices, or a tick for a toggle. */
export type Typed = Record<string, string | string[] | boolean>;

/**
 * The real server (Teams and Slack on one port) with a fake Slack Web API, and a Slack
 * "client" that signs requests with the signing secret and posts them to /slack/events.
 */
export class SlackHarness {
  private constructor(
    readonly bot: BotHarness,
    readonly slack: FakeSlack,
  ) {}

  /** `log` receives the server's log lines (JSON) when given. */
  static async start(env: Record<string, string> = {}, log?: { write(line: string): void }): Promise<SlackHarness> {
    const slack = await new FakeSlack().start();
    const bot = await BotHarness.start({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: slack.apiUrl,
      ...env,
    }, log);
    return new SlackHarness(bot, slack);
  }

  get store() {
    return this.bot.store;
  }

  async close(): Promise<void> {
    await this.bot.close();
    await this.slack.stop();
  }

  /** Posts a body to /slack/events, signed unless headers say otherwise. */
  async post(body: string, contentType: string, headers: Record<string, string> = slackSignature(body)): Promise<SlackPost> {
    const started = performance.now();
    const response = await fetch(`${this.bot.url}/slack/events`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
    const text = await response.text();
    return { status: response.status, body: text, ms: performance.now() - started };
  }

  /** `/techvoice <text>` typed by `user` in `where`. */
  async command(user: SlackUser, text: string, where: SlackWhere = dm(user), headers?: Record<string, string>): Promise<SlackPost> {
    const body = this.commandBody(user, text, where);
    return this.post(body, 'application/x-www-form-urlencoded', headers ?? slackSignature(body));
  }

  /** The form body Slack posts for `/techvoice <text>` (each with its own trigger id). */
  commandBody(user: SlackUser, text: string, where: SlackWhere = dm(user)): string {
    return new URLSearchParams({
      token: 'verification-token',
      team_id: SLACK_TEAM,
      team_domain: 'technet',
      channel_id: where.channelId,
      channel_name: where.channelName,
      user_id: user.id,
      user_name: user.name.toLowerCase().replace(/\s+/g, '.'),
      command: '/techvoice',
      text,
      api_app_id: 'A0TECHVOICE',
      response_url: this.slack.responseUrl(),
      trigger_id: `trigger-${randomUUID()}`,
    }).toString();
  }

  /** An Events API callback; `retryNum` adds Slack's retry headers. */
  async event(event: Record<string, unknown>, options: { eventId?: string; retryNum?: number } = {}): Promise<SlackPost> {
    const body = JSON.stringify({
      token: 'verification-token',
      team_id: SLACK_TEAM,
      api_app_id: 'A0TECHVOICE',
      type: 'event_callback',
      event_id: options.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 10)}`,
      event_time: Math.floor(Date.now() / 1000),
      event,
    });
    const retry: Record<string, string> = options.retryNum ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {};
    return this.post(body, 'application/json', { ...slackSignature(body), ...retry });
  }

  /** A message typed in the person's DM with the app. */
  dmMessage(user: SlackUser, text: string, options: { eventId?: string; retryNum?: number } = {}): Promise<SlackPost> {
    return this.event({ type: 'message', channel_type: 'im', channel: dm(user).channelId, user: user.id, text, ts: `${Date.now() / 1000}` }, options);
  }

  mention(user: SlackUser, text: string, where: SlackWhere = forum()): Promise<SlackPost> {
    return this.event({ type: 'app_mention', channel: where.channelId, user: user.id, text: `<@U0TECHVOICE> ${text}`, ts: `${Date.now() / 1000}` });
  }

  /** An interactivity payload (block_actions, view_submission). */
  interact(payload: Record<string, unknown>, headers?: Record<string, string>): Promise<SlackPost> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.post(body, 'application/x-www-form-urlencoded', headers ?? slackSignature(body));
  }

  /**
   * Presses a button on a message the bot posted (found by its action id prefix, e.g. the
   * verb, and optionally its text), with `typed` values in the message's inputs.
   */
  async press(user: SlackUser, message: ShownMessage, verb: string, typed: Typed = {}, options: { titleIncludes?: string; actionTs?: string } = {}): Promise<SlackPost> {
    const button = findButton(message.blocks, verb, options.titleIncludes);
    return this.interact({
      type: 'block_actions',
      team: { id: SLACK_TEAM, domain: 'technet' },
      user: { id: user.id, username: user.name, team_id: SLACK_TEAM },
      api_app_id: 'A0TECHVOICE',
      token: 'verification-token',
      trigger_id: `trigger-${randomUUID()}`,
      response_url: this.slack.responseUrl(),
      container: { type: 'message', message_ts: message.ts ?? '1700000000.000001', channel_id: message.channel, is_ephemeral: message.ephemeral },
      channel: { id: message.channel, name: message.channel.startsWith('D') ? 'directmessage' : 'technical-leaders-forum' },
      message: { type: 'message', ts: message.ts ?? '1700000000.000001', text: message.text, blocks: message.blocks },
      state: { values: stateFor(message.blocks, typed) },
      actions: [{ type: 'button', action_id: button.action_id, block_id: 'b', value: button.value, text: button.text, action_ts: options.actionTs ?? `${Date.now() / 1000}${Math.random()}` }],
    });
  }

  /** Presses a button on a view (the App Home tab or a modal). */
  async pressInView(user: SlackUser, view: View & { id?: string }, verb: string, viewType: 'home' | 'modal' = 'home'): Promise<SlackPost> {
    const button = findButton(view.blocks, verb);
    return this.interact({
      type: 'block_actions',
      team: { id: SLACK_TEAM, domain: 'technet' },
      user: { id: user.id, username: user.name, team_id: SLACK_TEAM },
      api_app_id: 'A0TECHVOICE',
      token: 'verification-token',
      trigger_id: `trigger-${randomUUID()}`,
      container: { type: 'view', view_id: view.id ?? 'VHOME' },
      view: { ...view, id: view.id ?? 'VHOME', type: viewType, state: { values: stateFor(view.blocks, {}) } },
      actions: [{ type: 'button', action_id: button.action_id, block_id: 'b', value: button.value, text: button.text, action_ts: `${Date.now() / 1000}` }],
    });
  }

  /** Submits a modal with `typed` values; returns the bot's answer (response_action and the new view). */
  async submit(user: SlackUser, view: View, typed: Typed = {}): Promise<{ post: SlackPost; response: { response_action?: string; view?: View } }> {
    const post = await this.interact({
      type: 'view_submission',
      team: { id: SLACK_TEAM, domain: 'technet' },
      user: { id: user.id, name: user.name, team_id: SLACK_TEAM },
      api_app_id: 'A0TECHVOICE',
      token: 'verification-token',
      trigger_id: `trigger-${randomUUID()}`,
      view: { ...view, id: 'V0MODAL', type: 'modal', state: { values: stateFor(view.blocks, typed) } },
    });
    return { post, response: post.body ? (JSON.parse(post.body) as { response_action?: string; view?: View }) : {} };
  }

  /** The nth modal opened (1-based) from now on, waiting for it. */
  async modal(count: number): Promise<View> {
    return (await this.slack.next('views.open', count)).args.view as View;
  }

  /** Every message the bot showed (posted, updated, or through a response_url), oldest first. */
  shown(): ShownMessage[] {
    return this.slack.calls.flatMap((call) => shownBy(call) ?? []);
  }

  /** Waits for a message in `channel` whose text includes `includes`, and returns the latest such. */
  async shownIn(channel: string, includes: string, ms = 5000): Promise<ShownMessage> {
    const find = () => this.shown().filter((m) => m.channel === channel && blocksText(m.blocks).includes(includes)).pop();
    await this.slack.waitFor(() => find() !== undefined, ms);
    return find()!;
  }

  /** Waits until the bot has shown `count` messages in total and returns the last one. */
  async nextShown(count: number, ms = 5000): Promise<ShownMessage> {
    await this.slack.waitFor(() => this.shown().length >= count, ms);
    return this.shown()[count - 1];
  }

  /** Runs `act` and returns the first message the bot shows after it. */
  async after(act: () => Promise<unknown>): Promise<ShownMessage> {
    const before = this.shown().length;
    await act();
    return this.nextShown(before + 1);
  }
}

function shownBy(call: SlackCall): ShownMessage | null {
  const args = call.args;
  const blocks = (args.blocks as Block[] | undefined) ?? [];
  switch (call.method) {
    case 'chat.postMessage':
    case 'chat.update':
      if (!call.result) return null;
      return { channel: String(call.result.channel), ts: String(call.result.ts), blocks, text: String(args.text ?? ''), ephemeral: false };
    case 'chat.postEphemeral':
      return { channel: String(args.channel), ts: null, blocks, text: String(args.text ?? ''), ephemeral: true };
    case 'respond':
      return { channel: 'response_url', ts: null, blocks, text: String(args.text ?? ''), ephemeral: args.response_type !== 'in_channel' };
    default:
      return null;
  }
}

function walk(node: unknown, visit: (obj: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

/** All the text a person would read in some blocks. */
export function blocksText(blocks: unknown): string {
  const texts: string[] = [];
  walk(blocks, (obj) => {
    if (typeof obj.text === 'string') texts.push(obj.text);
  });
  return texts.join('\n');
}

export interface Button {
  action_id: string;
  value?: string;
  url?: string;
  text: { type: string; text: string };
}

export function buttons(blocks: unknown): Button[] {
  const found: Button[] = [];
  walk(blocks, (obj) => {
    if (obj.type === 'button') found.push(obj as unknown as Button);
  });
  return found;
}

export function findButton(blocks: unknown, verb: string, titleIncludes = ''): Button {
  const button = buttons(blocks).find((b) => (b.action_id.split('#')[0] === verb || b.action_id === verb) && b.text.text.includes(titleIncludes));
  if (!button) throw new Error(`no ${verb} button in: ${blocksText(blocks)}\nbuttons: ${buttons(blocks).map((b) => b.action_id).join(', ')}`);
  return button;
}

interface InputBlock {
  type: 'input';
  block_id: string;
  element: Record<string, unknown> & { type: string; action_id: string };
}

export function inputBlocks(blocks: unknown): InputBlock[] {
  return (Array.isArray(blocks) ? (blocks as Block[]) : []).filter((b): b is Block & InputBlock => b.type === 'input') as InputBlock[];
}

/** Option values of the input for card input `id`. */
export function optionsOf(blocks: unknown, id: string): string[] {
  const input = inputBlocks(blocks).find((b) => b.element.action_id.split('|')[2] === id);
  return ((input?.element.options as { value: string }[] | undefined) ?? []).map((o) => o.value);
}

/** Slack's `state.values` for a form: what was typed, else each input's initial value. */
export function stateFor(blocks: Block[], typed: Typed): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of inputBlocks(blocks)) {
    const element = block.element;
    const id = element.action_id.split('|')[2];
    const given = typed[id];
    const options = (element.options as { value: string }[] | undefined) ?? [];
    const option = (value: string) => options.find((o) => o.value === value) ?? { text: { type: 'plain_text', text: value }, value };
    let state: Record<string, unknown>;
    switch (element.type) {
      case 'plain_text_input':
        state = { value: given === undefined ? (element.initial_value ?? null) : String(given) };
        break;
      case 'static_select':
      case 'radio_buttons':
        state = { selected_option: given === undefined ? (element.initial_option ?? null) : option(String(given)) };
        break;
      case 'checkboxes':
      case 'multi_static_select': {
        const toggle = element.action_id.startsWith('in|toggle|');
        let chosen: unknown[];
        if (given === undefined) chosen = (element.initial_options as unknown[] | undefined) ?? [];
        else if (toggle) chosen = given === true || given === 'true' ? [options[0]] : [];
        else chosen = (Array.isArray(given) ? given : String(given).split(',').filter(Boolean)).map(option);
        state = { selected_options: chosen };
        break;
      }
      case 'datepicker':
        state = { selected_date: given === undefined ? (element.initial_date ?? null) : String(given) };
        break;
      case 'timepicker':
        state = { selected_time: given === undefined ? (element.initial_time ?? null) : String(given) };
        break;
      default:
        state = { value: given === undefined ? (element.initial_value ?? null) : String(given) };
    }
    values[block.block_id] = { [element.action_id]: { type: element.type, ...state } };
  }
  return values;
}
