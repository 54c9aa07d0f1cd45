/**
 * The size limits Teams and Slack put on a bot's messages. The fake connector and the fake
 * Slack API check every message against them, and a test whose bot broke one fails (see
 * failOnLimitBreaches), as the real platform would refuse the message.
 */

/** Teams refuses a bot message over about 100 KB counted as UTF-16; we keep to 40 KB. */
export const TEAMS_MAX_UTF16_BYTES = 40 * 1024;

export const SLACK_LIMITS = {
  /** Blocks in a message (a modal or Home tab takes 100). */
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionField: 2000,
  headerText: 150,
  buttonText: 75,
  contextElementText: 2000,
  /** All block text of one message: more gives msg_blocks_too_long. */
  totalBlockText: 13_000,
  /** The message's top-level text. */
  messageText: 40_000,
} as const;

export function teamsBreaches(activity: unknown): string[] {
  const utf16Bytes = JSON.stringify(activity).length * 2;
  return utf16Bytes > TEAMS_MAX_UTF16_BYTES
    ? [`the Teams message is ${Math.round(utf16Bytes / 1024)} KB as UTF-16 (aim: at most ${TEAMS_MAX_UTF16_BYTES / 1024} KB; Teams refuses about 100 KB with 413 MessageSizeTooBig)`]
    : [];
}

interface Block {
  type?: string;
  text?: { text?: string } | string;
  fields?: { text?: string }[];
  elements?: Block[];
  accessory?: Block;
}

function textOf(value: Block['text']): string {
  if (typeof value === 'string') return value;
  return value?.text ?? '';
}

export function slackBreaches(method: string, args: Record<string, unknown>): string[] {
  const breaches: string[] = [];
  const view = args.view as { blocks?: Block[] } | undefined;
  const blocks = (view?.blocks ?? args.blocks) as Block[] | undefined;
  if (typeof args.text === 'string' && args.text.length > SLACK_LIMITS.messageText) {
    breaches.push(`${method}: text is ${args.text.length} characters (Slack's limit: ${SLACK_LIMITS.messageText})`);
  }
  if (!Array.isArray(blocks)) return breaches;
  const maxBlocks = view ? SLACK_LIMITS.viewBlocks : SLACK_LIMITS.messageBlocks;
  if (blocks.length > maxBlocks) breaches.push(`${method}: ${blocks.length} blocks (Slack's limit: ${maxBlocks})`);
  let total = 0;
  const visit = (block: Block, where: string) => {
    const text = textOf(block.text);
    total += text.length;
    if (block.type === 'section' && text.length > SLACK_LIMITS.sectionText) breaches.push(`${method}: a section's text at ${where} is ${text.length} characters (Slack's limit: ${SLACK_LIMITS.sectionText})`);
    if (block.type === 'header' && text.length > SLACK_LIMITS.headerText) breaches.push(`${method}: a header at ${where} is ${text.length} characters (Slack's limit: ${SLACK_LIMITS.headerText})`);
    if (block.type === 'button' && text.length > SLACK_LIMITS.buttonText) breaches.push(`${method}: a button at ${where} says ${text.length} characters (Slack's limit: ${SLACK_LIMITS.buttonText})`);
    for (const field of block.fields ?? []) {
      total += (field.text ?? '').length;
      if ((field.text ?? '').length > SLACK_LIMITS.sectionField) breaches.push(`${method}: a section field at ${where} is too long`);
    }
    if (block.type !== 'context') for (const element of block.elements ?? []) visit(element, `${where}/${element.type}`);
    else for (const element of block.elements ?? []) total += textOf(element.text).length;
    if (block.accessory) visit(block.accessory, `${where}/accessory`);
  };
  blocks.forEach((block, i) => visit(block, `block ${i + 1}`));
  if (!view && total > SLACK_LIMITS.totalBlockText) {
    breaches.push(`${method}: the blocks hold ${total.toLocaleString('en-GB')} characters of text (Slack answers msg_blocks_too_long beyond about ${SLACK_LIMITS.totalBlockText.toLocaleString('en-GB')})`);
  }
  return breaches;
}

const pending: string[] = [];

/** Records a message that broke a limit; the running test fails when it ends. */
export function recordBreaches(breaches: string[]): void {
  pending.push(...breaches);
}

let hooked = false;

/**
 * Registers (once, on mocha's root suite) a hook that fails every test during which the
 * bot sent a message over a platform limit.
 */
export function failOnLimitBreaches(): void {
  if (hooked || typeof afterEach !== 'function') return;
  hooked = true;
  afterEach(function () {
    if (pending.length === 0) return;
    const found = pending.splice(0);
    throw new Error(`The bot sent a message a platform would refuse:\n- ${[...new Set(found)].join('\n- ')}`);
  });
}

/** A message as the platform saw it arrive: in which conversation, and when (ms). */
export interface ArrivedSend {
  conversation: string;
  at: number;
}

/** Sends beyond `limit` in any `perMs` window, in words; `times` in any order. */
function windowBreaches(what: string, times: number[], limit: number, perMs: number): string[] {
  const sorted = [...times].sort((a, b) => a - b);
  const breaches: string[] = [];
  for (let i = limit; i < sorted.length; i++) {
    const span = sorted[i] - sorted[i - limit];
    if (span < perMs) breaches.push(`${what}: ${limit + 1} sends within ${Math.round(span)} ms (limit: ${limit} per ${perMs} ms)`);
  }
  return breaches;
}

/**
 * Where the sends a platform received broke its rate limits: per conversation (Teams 7 a
 * second and 1,800 an hour; Slack one a second per channel) and overall.
 */
export function sendRateBreaches(platform: string, sends: ArrivedSend[], limits: { perConversation: { limit: number; perMs: number }[]; perSecond: number }): string[] {
  const byConversation = new Map<string, number[]>();
  for (const send of sends) byConversation.set(send.conversation, [...(byConversation.get(send.conversation) ?? []), send.at]);
  const breaches = windowBreaches(`${platform}, all conversations`, sends.map((s) => s.at), limits.perSecond, 1_000);
  for (const [conversation, times] of byConversation) {
    for (const window of limits.perConversation) breaches.push(...windowBreaches(`${platform} ${conversation}`, times, window.limit, window.perMs));
  }
  return breaches;
}
