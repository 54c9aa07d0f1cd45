import type { Card, CardName } from '../core/cards';
import { renderAdaptiveCard } from '../cards/adaptive';
import { DEFAULT_LANGUAGE, type Language } from '../core/i18n/language';
import { slackText } from './slack-text';
import type { JsonObject } from '../cards/templates';
import { clip, splitText, toMrkdwn } from './blockkit-text';
import { inputActionId, inputBlockId, type InputKind } from './blockkit-inputs';
import { plain, unescapeMarkdown } from '../core/markdown';

/**
 * Block Kit from the same card definition as Teams: the card's Adaptive template is expanded
 * and its elements converted one by one. An element this converter does not know throws, so
 * a new kind of card element cannot silently go missing in Slack.
 */

export type Block = { type: string; block_id?: string } & JsonObject;

/** Slack's documented limits: https://api.slack.com/reference/block-kit/blocks */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  accessibilityLabel: 75,
  actionsElements: 25,
  optionText: 75,
  optionValue: 150,
  options: 100,
  radioOrCheckboxOptions: 10,
  inputLabel: 2000,
  placeholder: 150,
  textInputMax: 3000,
  modalTitle: 24,
  modalButton: 24,
  contextElements: 10,
} as const;

export type Surface = 'message' | 'modal' | 'home';

/** The button a modal's Submit stands for. */
export interface PrimaryAction {
  verb: string;
  title: string;
  data: JsonObject;
}

export interface BlockKitCard {
  name: CardName;
  /** The card's heading, as plain text. */
  title: string;
  /** Text (escaped mrkdwn) for notifications and clients that cannot show blocks. */
  fallbackText: string;
  blocks: Block[];
  /** Ids of the inputs on the card, in order. */
  inputIds: string[];
  /** On a modal: the card's first Action.Execute, which becomes the Submit button (and is left out of the blocks). */
  primary: PrimaryAction | null;
}

type Element = JsonObject & { type?: unknown };

const CHART_TYPES = new Set([
  'Chart.VerticalBar',
  'Chart.VerticalBar.Grouped',
  'Chart.HorizontalBar',
  'Chart.HorizontalBar.Stacked',
  'Chart.Line',
  'Chart.Pie',
  'Chart.Donut',
  'Chart.Gauge',
]);

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');
const list = (value: unknown): Element[] => (Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as Element[]) : []);

/** Renders a card as Block Kit for a message, a modal or the App Home tab. */
export function renderBlockKit(card: Card, surface: Surface = 'message'): BlockKitCard {
  return blockKitFromAdaptive(renderAdaptiveCard(card), card.name, surface, card.language ?? DEFAULT_LANGUAGE);
}

/** Converts an expanded Adaptive Card (as `renderAdaptiveCard` returns it) to Block Kit. */
export function blockKitFromAdaptive(adaptive: JsonObject, name: CardName, surface: Surface = 'message', language: Language = DEFAULT_LANGUAGE): BlockKitCard {
  const elements = [...list(adaptive.body), ...(adaptive.actions ? [{ type: 'ActionSet', actions: adaptive.actions } as Element] : [])];
  const converter = new Converter(name, surface, findPrimary(elements), slackText(language));
  converter.convertAll(elements);
  const blocks = fitBlocks(converter.blocks, surface === 'message' ? SLACK_LIMITS.messageBlocks : SLACK_LIMITS.viewBlocks);
  return {
    name,
    title: converter.title,
    fallbackText: toMrkdwn(clip([plain(converter.title), ...converter.texts].filter(Boolean).join('\n'), 2900)),
    blocks,
    inputIds: converter.inputIds,
    primary: surface === 'modal' ? converter.primary : null,
  };
}

/** True when a card asks for input (a form). */
export function hasInputs(card: Card): boolean {
  return renderBlockKit(card).inputIds.length > 0;
}

/** The first Action.Execute of a card with inputs: what a modal's Submit does. */
function findPrimary(elements: Element[]): PrimaryAction | null {
  let hasInput = false;
  let primary: PrimaryAction | null = null;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const element = node as Element;
    if (typeof element.type === 'string' && element.type.startsWith('Input.')) hasInput = true;
    if (element.type === 'Action.Execute' && !primary) {
      primary = { verb: str(element.verb), title: str(element.title), data: { ...((element.data as JsonObject) ?? {}), verb: str(element.verb) } };
    }
    Object.values(element).forEach(visit);
  };
  visit(elements);
  return hasInput ? primary : null;
}

class Converter {
  readonly blocks: Block[] = [];
  readonly texts: string[] = [];
  readonly inputIds: string[] = [];
  title = '';
  private buttons = 0;
  private readonly blockIds = new Map<string, number>();
  private primarySkipped = false;

  constructor(
    private readonly name: CardName,
    private readonly surface: Surface,
    readonly primary: PrimaryAction | null,
    private readonly say: ReturnType<typeof slackText>,
  ) {}

  convertAll(elements: Element[]): void {
    for (const element of elements) this.convert(element);
  }

  private convert(element: Element): void {
    if (element.isVisible === false) return;
    const type = str(element.type);
    if (element.separator === true && this.blocks.length > 0) this.blocks.push({ type: 'divider' });
    if (CHART_TYPES.has(type)) return this.chart(element);
    switch (type) {
      case 'TextBlock':
        return this.textBlock(element);
      case 'RichTextBlock':
        return this.section(list(element.inlines).map((r) => str(r.text)).join(''));
      case 'FactSet':
        return this.factSet(element);
      case 'Container':
        return this.container(list(element.items));
      case 'ColumnSet':
        return list(element.columns).forEach((column) => this.convert(column));
      case 'Column':
        return this.container(list(element.items));
      case 'Image':
        return this.image(element);
      case 'ActionSet':
        return this.actionSet(list(element.actions));
      case 'Input.Text':
      case 'Input.ChoiceSet':
      case 'Input.Toggle':
      case 'Input.Date':
      case 'Input.Time':
      case 'Input.Number':
        return this.input(type, element);
      default:
        throw new Error(`Block Kit has no rendering for "${type || '(no type)'}" on the ${this.name} card: add one in src/cards/blockkit.ts`);
    }
  }

  /**
   * A container's lines become one section where they fit, so a list item is one block (with
   * its button beside it) rather than four: lists stay within Slack's block limits.
   */
  private container(items: Element[]): void {
    const start = this.blocks.length;
    for (const item of items) {
      this.convert(item);
      this.mergeTextFrom(start);
    }
  }

  private mergeTextFrom(start: number): void {
    const textOf = (block: Block | undefined): string | null => {
      if (!block) return null;
      if (block.type === 'section' && !block.accessory && !block.fields) return (block.text as { text: string }).text;
      if (block.type === 'context') {
        const elements = block.elements as { type: string; text?: string }[];
        return elements.length === 1 && elements[0].type === 'mrkdwn' ? (elements[0].text ?? null) : null;
      }
      return null;
    };
    while (this.blocks.length - start >= 2) {
      const last = this.blocks[this.blocks.length - 1];
      const previous = this.blocks[this.blocks.length - 2];
      const [a, b] = [textOf(previous), textOf(last)];
      if (a === null || b === null || a.length + b.length + 1 > SLACK_LIMITS.sectionText) return;
      this.blocks.splice(this.blocks.length - 2, 2, { type: 'section', text: { type: 'mrkdwn', text: `${a}\n${b}` } });
    }
  }

  private textBlock(element: Element): void {
    const text = str(element.text);
    if (text.trim() === '') return;
    const heading = element.weight === 'Bolder' && ['Medium', 'Large', 'ExtraLarge'].includes(str(element.size));
    if (heading && this.title === '') {
      // A header is plain text: Markdown escapes would show.
      this.title = unescapeMarkdown(text);
      this.blocks.push({ type: 'header', text: { type: 'plain_text', text: clip(this.title, SLACK_LIMITS.headerText), emoji: true } });
      return;
    }
    this.texts.push(text);
    const warn = str(element.color).toLowerCase() === 'attention' ? ':warning: ' : '';
    const body = element.weight === 'Bolder' ? `**${text.replace(/\*\*/g, '')}**` : text;
    if (element.isSubtle === true || str(element.size) === 'Small') {
      for (const part of splitText(toMrkdwn(body), SLACK_LIMITS.sectionText)) {
        this.blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${warn}${part}` }] });
      }
      return;
    }
    this.section(`${warn}${body}`);
  }

  /** One or more sections for Markdown text (converted and escaped here). */
  private section(markdown: string): void {
    if (markdown.trim() === '') return;
    for (const part of splitText(toMrkdwn(markdown), SLACK_LIMITS.sectionText)) {
      this.blocks.push({ type: 'section', text: { type: 'mrkdwn', text: part } });
    }
  }

  private factSet(element: Element): void {
    const facts = list(element.facts);
    if (facts.length === 0) return;
    const lines = facts.map((f) => `**${str(f.title)}**  ${str(f.value)}`);
    this.texts.push(...lines);
    this.section(lines.join('\n'));
  }

  /** Charts become text bars: Slack has no chart block. */
  private chart(element: Element): void {
    const points = chartPoints(element);
    const max = Math.max(0, ...points.map((p) => p.value));
    const lines = points.map((p) => {
      const filled = max > 0 ? Math.round((p.value / max) * 10) : 0;
      return `${plain(p.label)}  ${'▓'.repeat(filled)}${'░'.repeat(10 - filled)} ${p.value.toLocaleString('en-GB')}`;
    });
    const title = str(element.title);
    this.texts.push(title, ...lines);
    // Chart titles and labels are plain text in Adaptive Cards: here they go into Markdown.
    this.section([title ? `**${plain(title)}**` : '', ...(lines.length ? lines : ['No data'])].filter(Boolean).join('\n'));
  }

  private image(element: Element): void {
    const url = str(element.url);
    const alt = str(element.altText) || 'Image';
    if (/^https:\/\//.test(url)) this.blocks.push({ type: 'image', image_url: url, alt_text: clip(alt, 2000) });
    else this.section(`_${alt}_`);
  }

  private actionSet(actions: Element[]): void {
    const buttons: Block[] = [];
    for (const action of actions) {
      if (action.isVisible === false) continue;
      const button = this.button(action);
      if (button) buttons.push(button);
    }
    if (buttons.length === 0) return;
    const last = this.blocks[this.blocks.length - 1];
    // A lone button sits beside the text it belongs to, as Slack lays out list items.
    if (buttons.length === 1 && last?.type === 'section' && !last.accessory && this.surface !== 'modal') {
      last.accessory = buttons[0];
      return;
    }
    for (let i = 0; i < buttons.length; i += SLACK_LIMITS.actionsElements) {
      this.blocks.push({ type: 'actions', elements: buttons.slice(i, i + SLACK_LIMITS.actionsElements) });
    }
  }

  private button(action: Element): Block | null {
    const type = str(action.type);
    const title = clip(str(action.title) || 'Open', SLACK_LIMITS.buttonText);
    const style = action.style === 'positive' ? { style: 'primary' } : action.style === 'destructive' ? { style: 'danger' } : {};
    const index = this.buttons++;
    if (type === 'Action.OpenUrl') {
      return { type: 'button', action_id: `url#${index}`, text: { type: 'plain_text', text: title, emoji: true }, url: str(action.url), ...style };
    }
    if (type !== 'Action.Execute' && type !== 'Action.Submit') {
      throw new Error(`Block Kit has no rendering for "${type}" on the ${this.name} card: add one in src/cards/blockkit.ts`);
    }
    const verb = str(action.verb) || str((action.data as JsonObject | undefined)?.verb);
    if (this.surface === 'modal' && this.primary && !this.primarySkipped && verb === this.primary.verb) {
      this.primarySkipped = true;
      return null;
    }
    const value = JSON.stringify({ ...((action.data as JsonObject) ?? {}), verb });
    if (value.length > SLACK_LIMITS.buttonValue) throw new Error(`The ${verb} button on the ${this.name} card carries more than Slack allows`);
    // A card's tooltip says what a short button does: screen readers read it on Slack.
    const label = str(action.tooltip) ? { accessibility_label: clip(str(action.tooltip), SLACK_LIMITS.accessibilityLabel) } : {};
    return { type: 'button', action_id: `${verb}#${index}`, text: { type: 'plain_text', text: title, emoji: true }, value, ...style, ...label };
  }

  private input(type: string, element: Element): void {
    const id = str(element.id);
    if (!id) throw new Error(`An input on the ${this.name} card has no id`);
    const occurrence = this.blockIds.get(id) ?? 0;
    this.blockIds.set(id, occurrence + 1);
    this.inputIds.push(id);
    const label = clip(str(element.label) || str(element.title) || id, SLACK_LIMITS.inputLabel);
    const value = str(element.value);
    const inputElement = this.inputElement(type, id, element, value);
    this.blocks.push({
      type: 'input',
      block_id: inputBlockId(id, occurrence),
      label: { type: 'plain_text', text: label, emoji: true },
      optional: element.isRequired !== true,
      element: inputElement,
    });
  }

  private inputElement(type: string, id: string, element: Element, value: string): JsonObject {
    const placeholder = str(element.placeholder) ? { placeholder: { type: 'plain_text', text: clip(str(element.placeholder), SLACK_LIMITS.placeholder) } } : {};
    const action = (kind: InputKind, valueOff?: string) => ({ action_id: inputActionId(kind, id, valueOff) });
    switch (type) {
      case 'Input.Text': {
        const maxLength = Number(element.maxLength);
        return {
          type: 'plain_text_input',
          ...action('text'),
          multiline: element.isMultiline === true,
          ...(Number.isInteger(maxLength) && maxLength > 0 ? { max_length: Math.min(maxLength, SLACK_LIMITS.textInputMax) } : {}),
          ...(value ? { initial_value: value } : {}),
          ...placeholder,
        };
      }
      case 'Input.Toggle': {
        const valueOn = str(element.valueOn) || 'true';
        const option = { text: { type: 'plain_text', text: clip(str(element.title) || this.say.yes, SLACK_LIMITS.optionText) }, value: valueOn };
        return { type: 'checkboxes', ...action('toggle', str(element.valueOff) || 'false'), options: [option], ...(value === valueOn ? { initial_options: [option] } : {}) };
      }
      case 'Input.Date':
        return { type: 'datepicker', ...action('date'), ...(/^\d{4}-\d{2}-\d{2}$/.test(value) ? { initial_date: value } : {}), ...placeholder };
      case 'Input.Time':
        return { type: 'timepicker', ...action('time'), ...(/^\d{2}:\d{2}/.test(value) ? { initial_time: value.slice(0, 5) } : {}), ...placeholder };
      case 'Input.Number':
        return {
          type: 'number_input',
          ...action('number'),
          is_decimal_allowed: true,
          ...(value ? { initial_value: value } : {}),
          ...(element.min !== undefined ? { min_value: str(element.min) } : {}),
          ...(element.max !== undefined ? { max_value: str(element.max) } : {}),
        };
      default:
        return this.choiceElement(id, element, value);
    }
  }

  private choiceElement(id: string, element: Element, value: string): JsonObject {
    const choices = list(element.choices);
    const options = choices.slice(0, SLACK_LIMITS.options).map((c) => {
      const optionValue = str(c.value);
      if (optionValue.length > SLACK_LIMITS.optionValue) throw new Error(`A choice of ${id} on the ${this.name} card is longer than Slack allows`);
      return { text: { type: 'plain_text', text: clip(str(c.title) || optionValue, SLACK_LIMITS.optionText), emoji: true }, value: optionValue };
    });
    const chosen = value.split(',').map((v) => v.trim());
    const multi = element.isMultiSelect === true;
    const expanded = element.style === 'expanded' && options.length <= SLACK_LIMITS.radioOrCheckboxOptions;
    if (multi) {
      const initial = options.filter((o) => chosen.includes(o.value));
      return {
        type: expanded ? 'checkboxes' : 'multi_static_select',
        action_id: inputActionId('multi', id),
        options,
        ...(initial.length ? { initial_options: initial } : {}),
      };
    }
    const initial = options.find((o) => o.value === value);
    return {
      type: expanded ? 'radio_buttons' : 'static_select',
      action_id: inputActionId('one', id),
      options,
      ...(initial ? { initial_option: initial } : {}),
      ...(expanded ? {} : { placeholder: { type: 'plain_text', text: this.say.choose } }),
    };
  }
}

interface ChartPoint {
  label: string;
  value: number;
}

/** The points of an Adaptive chart element, whatever its shape (x/y, legend/value, series). */
function chartPoints(element: Element): ChartPoint[] {
  const points: ChartPoint[] = [];
  for (const item of list(element.data)) {
    const series = list(item.values);
    if (series.length) {
      for (const point of series) points.push({ label: `${str(item.legend)} ${str(point.x)}`.trim(), value: Number(point.y) || 0 });
    } else {
      points.push({ label: str(item.x) || str(item.legend) || str(item.label), value: Number(item.y ?? item.value) || 0 });
    }
  }
  if (element.type === 'Chart.Gauge' && points.length === 0 && element.value !== undefined) {
    points.push({ label: str(element.valueFormat) || 'Value', value: Number(element.value) || 0 });
  }
  return points;
}

/** Keeps a rendering within Slack's block count: dividers go first, then the tail (with a note). */
function fitBlocks(blocks: Block[], max: number): Block[] {
  if (blocks.length <= max) return blocks;
  const withoutDividers = blocks.filter((b) => b.type !== 'divider');
  if (withoutDividers.length <= max) return withoutDividers;
  const kept = withoutDividers.slice(0, max - 1);
  const left = withoutDividers.length - kept.length;
  return [
    ...kept,
    { type: 'context', elements: [{ type: 'mrkdwn', text: `… and ${left} more ${left === 1 ? 'part' : 'parts'} that do not fit in one Slack message: ask for a shorter list or period.` }] },
  ];
}
