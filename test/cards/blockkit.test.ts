import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { card, CARD_VERSION, type Card, type CardName } from '../../src/core/cards';
import { renderAdaptiveCard } from '../../src/cards/adaptive';
import { blockKitFromAdaptive, renderBlockKit, SLACK_LIMITS, type Block, type Surface } from '../../src/slack/blockkit';
import { readInputValues } from '../../src/slack/blockkit-inputs';
import { SAMPLE_CARD_NAMES, SAMPLE_CARDS, sampleCard } from '../../src/playground/sample-cards';
import { modalView, homeView } from '../../src/slack/slack-views';
import { stateFor } from '../support/slack-harness';

type Json = Record<string, unknown>;

function walk(node: unknown, visit: (obj: Json) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Json);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

/** What a person can do with a card: its inputs with their choices, and its buttons' verbs and links. */
interface Affordances {
  inputs: string[];
  choices: Record<string, string[]>;
  verbs: string[];
  urls: string[];
}

function adaptiveAffordances(adaptive: Json): Affordances {
  const found: Affordances = { inputs: [], choices: {}, verbs: [], urls: [] };
  walk(adaptive, (obj) => {
    if (typeof obj.type === 'string' && obj.type.startsWith('Input.')) {
      found.inputs.push(String(obj.id));
      if (Array.isArray(obj.choices)) found.choices[String(obj.id)] = (obj.choices as Json[]).map((c) => String(c.value));
    }
    if (obj.type === 'Action.Execute') found.verbs.push(String(obj.verb));
    if (obj.type === 'Action.OpenUrl') found.urls.push(String(obj.url));
  });
  return found;
}

function blockKitAffordances(blocks: Block[], extraVerb?: string): Affordances {
  const found: Affordances = { inputs: [], choices: {}, verbs: [], urls: [] };
  walk(blocks, (obj) => {
    if (obj.type === 'input') {
      const element = obj.element as Json;
      const id = String(element.action_id).split('|')[2];
      found.inputs.push(id);
      if (Array.isArray(element.options) && !String(element.action_id).startsWith('in|toggle|')) found.choices[id] = (element.options as Json[]).map((o) => String(o.value));
    }
    if (obj.type === 'button') {
      if (typeof obj.url === 'string') found.urls.push(obj.url);
      else if (obj.action_id !== 'open-form') found.verbs.push(String(JSON.parse(String(obj.value)).verb));
    }
  });
  if (extraVerb) found.verbs.unshift(extraVerb);
  return found;
}

const sorted = (a: Affordances): Affordances => ({ ...a, verbs: [...a.verbs].sort(), urls: [...a.urls].sort() });

/** Every documented limit that applies to the blocks of one surface. */
function assertWithinSlackLimits(blocks: Block[], surface: Surface, where: string): void {
  assert.ok(blocks.length <= (surface === 'message' ? SLACK_LIMITS.messageBlocks : SLACK_LIMITS.viewBlocks), `${where}: ${blocks.length} blocks`);
  const actionIds: string[] = [];
  const blockIds: string[] = [];
  for (const block of blocks) {
    if (block.block_id) blockIds.push(block.block_id);
    if (block.type === 'section') {
      const text = (block.text as Json | undefined)?.text;
      if (text !== undefined) assert.ok(String(text).length <= SLACK_LIMITS.sectionText, `${where}: section of ${String(text).length} characters`);
      assert.ok(((block.fields as unknown[]) ?? []).length <= 10, `${where}: too many fields`);
    }
    if (block.type === 'header') assert.ok(String((block.text as Json).text).length <= SLACK_LIMITS.headerText, `${where}: header too long`);
    if (block.type === 'actions') assert.ok((block.elements as unknown[]).length <= SLACK_LIMITS.actionsElements, `${where}: ${(block.elements as unknown[]).length} elements in one actions block`);
    if (block.type === 'context') {
      assert.ok((block.elements as unknown[]).length <= SLACK_LIMITS.contextElements, `${where}: context elements`);
      for (const e of block.elements as Json[]) assert.ok(String(e.text).length <= SLACK_LIMITS.sectionText, `${where}: context text`);
    }
    if (block.type === 'input') {
      assert.ok(String((block.label as Json).text).length <= SLACK_LIMITS.inputLabel, `${where}: label`);
      const element = block.element as Json;
      const options = (element.options as Json[] | undefined) ?? [];
      const max = ['radio_buttons', 'checkboxes'].includes(String(element.type)) ? SLACK_LIMITS.radioOrCheckboxOptions : SLACK_LIMITS.options;
      assert.ok(options.length <= max, `${where}: ${options.length} options in ${String(element.type)}`);
      if (element.type === 'static_select' || element.type === 'radio_buttons' || element.type === 'checkboxes' || element.type === 'multi_static_select') {
        assert.ok(options.length >= 1, `${where}: a choice with no options`);
      }
      if (element.max_length !== undefined) assert.ok(Number(element.max_length) <= SLACK_LIMITS.textInputMax);
    }
    walk(block, (obj) => {
      if (obj.type === 'button') {
        actionIds.push(String(obj.action_id));
        assert.ok(String((obj.text as Json).text).length <= SLACK_LIMITS.buttonText, `${where}: button text`);
        if (obj.value !== undefined) assert.ok(String(obj.value).length <= SLACK_LIMITS.buttonValue, `${where}: button value`);
      }
      if (typeof obj.action_id === 'string' && obj.type !== 'button') actionIds.push(obj.action_id);
      if (obj.text && typeof obj.value === 'string' && !obj.type) {
        // An option.
        assert.ok(String((obj.text as Json).text).length <= SLACK_LIMITS.optionText, `${where}: option text`);
        assert.ok(obj.value.length <= SLACK_LIMITS.optionValue, `${where}: option value`);
      }
    });
  }
  assert.equal(new Set(actionIds).size, actionIds.length, `${where}: action ids are unique: ${actionIds.join(', ')}`);
  assert.equal(new Set(blockIds).size, blockIds.length, `${where}: block ids are unique`);
  assert.doesNotMatch(JSON.stringify(blocks), /\$\{/, `${where}: an unbound template expression`);
}

describe('Block Kit from the card definitions', () => {
  it('has sample data for every card template, so no card is left out', () => {
    const templates = readdirSync(join(__dirname, '../../cards')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    assert.deepEqual([...templates].sort(), [...SAMPLE_CARD_NAMES].sort());
  });

  for (const name of SAMPLE_CARD_NAMES) {
    describe(name, () => {
      const sample = sampleCard(name);
      const adaptive = adaptiveAffordances(renderAdaptiveCard(sample));

      it('carries the same inputs, choices and actions as the Adaptive Card, in a message', () => {
        const rendered = renderBlockKit(sample, 'message');
        assert.deepEqual(sorted(blockKitAffordances(rendered.blocks)), sorted(adaptive));
        assert.deepEqual(rendered.inputIds, adaptive.inputs);
        assertWithinSlackLimits(rendered.blocks, 'message', `${name} message`);
        assert.ok(rendered.fallbackText.length > 0 && rendered.fallbackText.length <= SLACK_LIMITS.sectionText);
      });

      it('carries them in a modal too, the first action being Submit, within the modal limits', () => {
        const rendered = renderBlockKit(sample, 'modal');
        const view = modalView(sample, { channel: 'C1', origin: 'command' });
        assert.deepEqual(sorted(blockKitAffordances(view.blocks as Block[], rendered.primary?.verb)), sorted(adaptive));
        assertWithinSlackLimits(view.blocks as Block[], 'modal', `${name} modal`);
        assert.ok(String((view.title as Json).text).length <= SLACK_LIMITS.modalTitle);
        if (view.submit) assert.ok(String((view.submit as Json).text).length <= SLACK_LIMITS.modalButton);
        assert.ok(String(view.private_metadata).length <= 3000);
        if (adaptive.inputs.length) assert.equal(rendered.primary?.verb, adaptive.verbs[0], 'a form is submitted with its first action');
      });

      it('reads back what was typed as the same data an Adaptive Card submits', () => {
        const blocks = renderBlockKit(sample, 'modal').blocks as never;
        const values = readInputValues(stateFor(blocks, {}) as never);
        const expected = Object.fromEntries(
          adaptive.inputs.map((id) => {
            let value = '';
            walk(renderAdaptiveCard(sample), (obj) => {
              if (obj.id === id && typeof obj.type === 'string' && obj.type.startsWith('Input.')) {
                value = String(obj.value ?? (obj.type === 'Input.Toggle' ? obj.valueOff : ''));
                if (obj.type === 'Input.ChoiceSet' && !(adaptive.choices[id] ?? []).some((c) => value.split(',').includes(c))) value = '';
                if (obj.type === 'Input.Time') value = value.slice(0, 5);
              }
            });
            return [id, value];
          }),
        );
        assert.deepEqual(values, expected);
      });
    });
  }

  it('fits the App Home with its cards together, action ids unique across them', () => {
    const view = homeView([sampleCard('pulse-list'), sampleCard('actions-list'), sampleCard('pulse-list'), sampleCard('summary')]);
    assertWithinSlackLimits(view.blocks as Block[], 'home', 'home');
  });
});

describe('Block Kit within Slack’s limits with large data', () => {
  const base = SAMPLE_CARDS['actions-list'];

  it('keeps a 60-action plan within one message and says what did not fit', () => {
    const actions = Array.from({ length: 60 }, (_, i) => ({ ...base.actions[0], number: `${Math.floor(i / 9) + 1}.${(i % 9) + 1}`, canUpdate: i % 2 === 0 }));
    const rendered = renderBlockKit(card('actions-list', { ...base, actions }), 'message');
    assertWithinSlackLimits(rendered.blocks, 'message', 'big plan');
    assert.match(JSON.stringify(rendered.blocks.at(-1)), /more parts? that do not fit/);
  });

  it('splits long text into several sections instead of cutting it', () => {
    const long = Array.from({ length: 400 }, (_, i) => `Line ${i} of a very long free-text answer`).join('\n');
    const rendered = renderBlockKit(card('message', { title: 'Long', text: long, style: 'default' }), 'modal');
    assertWithinSlackLimits(rendered.blocks, 'modal', 'long text');
    const text = rendered.blocks.filter((b) => b.type === 'section').map((b) => (b.text as Json).text).join('\n');
    assert.equal(text, long);
  });

  it('clips button, option and header text and keeps at most 100 options', () => {
    const roles = SAMPLE_CARDS.roles;
    const members = Array.from({ length: 150 }, (_, i) => ({ title: `Person ${i} with a remarkably long name and an e-mail address that goes on`, value: `m-${i}` }));
    const rendered = renderBlockKit(card('roles', { ...roles, members }), 'modal');
    assertWithinSlackLimits(rendered.blocks, 'modal', 'many members');
    const longTitle = 'A'.repeat(200);
    const withLongButton = renderBlockKit(card('actions-list', { ...base, title: longTitle, actions: [{ ...base.actions[0], number: 'N'.repeat(90), canUpdate: true }] }));
    assertWithinSlackLimits(withLongButton.blocks, 'message', 'long texts');
  });

  it('uses a select instead of radio buttons beyond ten choices (a 0–10 score)', () => {
    const question = SAMPLE_CARDS['pulse-question'];
    const choices = Array.from({ length: 11 }, (_, i) => ({ title: String(i), value: String(i) }));
    const rendered = renderBlockKit(card('pulse-question', { ...question, isOpen: true, isText: false, choices }), 'message');
    const input = rendered.blocks.find((b) => b.type === 'input')!;
    assert.equal((input.element as Json).type, 'static_select');
  });
});

describe('Block Kit conversion', () => {
  const adaptive = (body: unknown[]): Json => ({ type: 'AdaptiveCard', version: '1.5', body });

  it('refuses an element it cannot render, so nothing goes missing silently', () => {
    assert.throws(() => blockKitFromAdaptive(adaptive([{ type: 'Media', sources: [] }]), 'message'), /no rendering for "Media" on the message card/);
    assert.throws(() => blockKitFromAdaptive(adaptive([{ type: 'ActionSet', actions: [{ type: 'Action.ToggleVisibility', title: 'x' }] }]), 'message'), /no rendering for "Action.ToggleVisibility"/);
  });

  it('draws charts as text bars', () => {
    const rendered = blockKitFromAdaptive(
      adaptive([
        { type: 'Chart.VerticalBar', title: 'Answers', data: [{ x: 'Yes', y: 8 }, { x: 'No', y: 2 }] },
        { type: 'Chart.Pie', title: 'Platforms', data: [{ legend: 'Teams', value: 3 }, { legend: 'Slack', value: 1 }] },
      ]),
      'summary',
    );
    const text = rendered.blocks.map((b) => (b.text as Json).text).join('\n');
    assert.match(text, /\*Answers\*\nYes {2}▓{10} 8\nNo {2}▓{3}░{7} 2/);
    assert.match(text, /\*Platforms\*\nTeams {2}▓{10} 3\nSlack {2}▓{3}░{7} 1/);
  });

  it('turns **bold** into mrkdwn bold and escapes what could mention, notify or link', () => {
    const rendered = renderBlockKit(card('message', { title: 'Feedback', text: '**FB-1** <!channel> <@U1> & [site](https://example.ac.uk)', style: 'default' }));
    const text = String((rendered.blocks[1].text as Json).text);
    assert.equal(text, '*FB-1* &lt;!channel&gt; &lt;@U1&gt; &amp; <https://example.ac.uk|site>');
    assert.doesNotMatch(rendered.fallbackText, /<!channel>/);
  });

  it('renders a toggle as one checkbox and reads it back as its on and off values', () => {
    const form = card('feedback-form', { ...SAMPLE_CARDS['feedback-form'], cv: CARD_VERSION, values: { theme: '', text: '', anonymous: 'false' } });
    const blocks = renderBlockKit(form, 'modal').blocks as never;
    assert.equal(readInputValues(stateFor(blocks, { anonymous: true }) as never).anonymous, 'true');
    assert.equal(readInputValues(stateFor(blocks, { anonymous: false }) as never).anonymous, 'false');
  });

  it('gives every sample card a heading', () => {
    for (const name of SAMPLE_CARD_NAMES) assert.ok(renderBlockKit(sampleCard(name as CardName) as Card).title, name);
  });
});
