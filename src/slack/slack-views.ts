import { DEFAULT_LANGUAGE } from '../core/i18n/language';
import { slackText } from './slack-text';
import type { Card, CardName } from '../core/cards';
import type { JsonObject } from '../cards/templates';
import { renderBlockKit, SLACK_LIMITS, type Block } from './blockkit';
import { clip, toMrkdwn } from './blockkit-text';
import { plain } from '../core/markdown';
import { cardKey } from '../cards/adaptive';
import { Lru } from '../core/memo';

/** Every Techvoice modal shares one callback id; what it does travels in private_metadata. */
export const MODAL_CALLBACK_ID = 'techvoice.form';
/** The button on a "form" message posted where no modal can be opened directly (DMs, mentions). */
export const OPEN_FORM_ACTION = 'open-form';

/**
 * Cards with inputs open as modals, except these: they are posted into channels and DMs and
 * answered where they are (their inputs sit in the message).
 */
const INLINE_FORMS: ReadonlySet<CardName> = new Set(['pulse-question']);

export function opensAsModal(card: Card): boolean {
  return !INLINE_FORMS.has(card.name) && renderedMessage(card).hasInputs;
}

/** What a modal remembers between opening and submitting. */
export interface ModalMetadata {
  /** The card action the Submit button stands for (verb, card version, form id…); null for a read-only modal. */
  data: JsonObject | null;
  /** Channel the form was opened from, if any. */
  channel: string | null;
  origin: 'command' | 'message' | 'home';
}

export function parseMetadata(raw: string | undefined): ModalMetadata {
  try {
    const parsed = JSON.parse(raw ?? '') as Partial<ModalMetadata>;
    return {
      data: parsed.data && typeof parsed.data === 'object' ? parsed.data : null,
      channel: typeof parsed.channel === 'string' ? parsed.channel : null,
      origin: parsed.origin === 'home' || parsed.origin === 'message' ? parsed.origin : 'command',
    };
  } catch {
    return { data: null, channel: null, origin: 'command' };
  }
}

export interface MessageContent {
  text: string;
  blocks: Block[];
}

// The same cards recur on every click (a pulse after an answer), so their Block Kit is kept
// as JSON text, as the Adaptive Cards are.
const renderedMessages = new Lru<string, { json: string; hasInputs: boolean }>(1000);

function renderedMessage(card: Card): { json: string; hasInputs: boolean } {
  return renderedMessages.getOrCompute(cardKey(card), () => {
    const rendered = renderBlockKit(card, 'message');
    return { json: JSON.stringify({ text: rendered.fallbackText, blocks: rendered.blocks }), hasInputs: rendered.inputIds.length > 0 };
  });
}

/** A card as a message: inputs inline, every button kept. */
export function cardMessage(card: Card): MessageContent {
  return JSON.parse(renderedMessage(card).json) as MessageContent;
}

/** The same message as JSON text, with `fields` (channel, ts…) in front: the body of a Web API call. */
export function cardMessageJson(card: Card, fields: Record<string, string>): string {
  const head = Object.entries(fields).map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value)},`);
  return `{${head.join('')}${renderedMessage(card).json.slice(1)}`;
}

/** Plain text from the core (which may use **bold**), escaped for Slack. */
export function textMessage(text: string): MessageContent {
  const mrkdwn = toMrkdwn(text);
  return { text: mrkdwn, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clip(mrkdwn, SLACK_LIMITS.sectionText) } }] };
}

/** Where a modal cannot be opened straight away: a message with a button that opens it. */
export function formLauncher(card: Card, commandText: string): MessageContent {
  const title = renderBlockKit(card).title || 'Techvoice';
  const say = slackText(card.language ?? DEFAULT_LANGUAGE);
  const text = `${toMrkdwn(plain(title))}: ${say.formOpens}`;
  return {
    text,
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `*${toMrkdwn(plain(title))}*\n${say.formOpens}` },
        accessory: {
          type: 'button',
          action_id: OPEN_FORM_ACTION,
          style: 'primary',
          text: { type: 'plain_text', text: say.openForm },
          value: JSON.stringify({ text: commandText.slice(0, 1900) }),
        },
      },
    ],
  };
}

/** A card as a modal: its first Action.Execute becomes Submit; a card without inputs is read-only. */
export function modalView(card: Card, metadata: Omit<ModalMetadata, 'data'>): JsonObject {
  const rendered = renderBlockKit(card, 'modal');
  const say = slackText(card.language ?? DEFAULT_LANGUAGE);
  const title = rendered.title || 'Techvoice';
  const fitsTitle = title.length <= SLACK_LIMITS.modalTitle;
  // The heading becomes the modal's title; it stays in the body too when the title would cut it.
  const blocks = fitsTitle && rendered.blocks[0]?.type === 'header' ? rendered.blocks.slice(1) : rendered.blocks;
  const privateMetadata = JSON.stringify({ ...metadata, data: rendered.primary?.data ?? null });
  if (privateMetadata.length > 3000) throw new Error(`The ${card.name} modal carries more than Slack's private_metadata allows`);
  return {
    type: 'modal',
    callback_id: MODAL_CALLBACK_ID,
    title: { type: 'plain_text', text: clip(title, SLACK_LIMITS.modalTitle) },
    ...(rendered.primary ? { submit: { type: 'plain_text', text: clip(rendered.primary.title || say.send, SLACK_LIMITS.modalButton) } } : {}),
    close: { type: 'plain_text', text: rendered.primary ? say.cancel : say.close },
    private_metadata: privateMetadata,
    blocks: blocks.length ? blocks : [{ type: 'section', text: { type: 'mrkdwn', text: ' ' } }],
  };
}

/** The App Home tab: the given cards one under the other, within Slack's 100 blocks. */
export function homeView(cards: Card[]): JsonObject {
  const blocks: Block[] = [];
  for (const [index, card] of cards.entries()) {
    const rendered = withCardPrefix(renderBlockKit(card, 'home').blocks, index);
    if (blocks.length) blocks.push({ type: 'divider' });
    blocks.push(...rendered);
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Type `/techvoice help` in any channel, or message me here, to see everything I can do.' }] });
  const fitted =
    blocks.length <= SLACK_LIMITS.viewBlocks
      ? blocks
      : [
          ...blocks.slice(0, SLACK_LIMITS.viewBlocks - 1),
          { type: 'context', elements: [{ type: 'mrkdwn', text: 'There is more than this tab can show: type `/techvoice actions` or `/techvoice pulse` for the full lists.' }] },
        ];
  return { type: 'home', blocks: fitted };
}

/** Buttons are numbered per card; on a page of several cards their action ids get the card's number too. */
function withCardPrefix(blocks: Block[], cardIndex: number): Block[] {
  const renumber = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(renumber);
    if (!node || typeof node !== 'object') return node;
    const copy = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, renumber(v)])) as JsonObject;
    if (copy.type === 'button' && typeof copy.action_id === 'string') copy.action_id = copy.action_id.replace(/#(\d+)$/, `#${cardIndex}.$1`);
    return copy;
  };
  return renumber(blocks) as Block[];
}
