import { strict as assert } from 'node:assert';
import { inLanguage } from '../../src/core/cards';
import { LANGUAGES } from '../../src/core/i18n/language';
import { cardLabels } from '../../src/core/i18n/card-labels';
import { renderAdaptiveCard } from '../../src/cards/adaptive';
import { blockKitFromAdaptive, renderBlockKit } from '../../src/slack/blockkit';
import { SAMPLE_CARD_NAMES, sampleCard } from '../../src/playground/sample-cards';
import { slackBreaches } from '../support/platform-limits';

// The package's main entry is ESM without extensions on Node 20; the bundled build loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

type Json = Record<string, unknown>;

function elements(node: unknown, found: Json[] = []): Json[] {
  if (Array.isArray(node)) for (const item of node) elements(item, found);
  else if (node && typeof node === 'object') {
    const object = node as Json;
    if (typeof object.type === 'string') found.push(object);
    for (const value of Object.values(object)) elements(value, found);
  }
  return found;
}

const WORDS = ['text', 'title', 'label', 'placeholder', 'errorMessage', 'altText'] as const;

describe('Cards in English and Welsh, as the adaptivecards renderer and Slack read them', () => {
  for (const name of SAMPLE_CARD_NAMES) {
    for (const language of LANGUAGES) {
      describe(`${name} (${language})`, () => {
        const card = inLanguage(sampleCard(name), language);
        const adaptive = renderAdaptiveCard(card);

        it('parses with no warnings', () => {
          const context = new AC.SerializationContext();
          new AC.AdaptiveCard().parse(adaptive, context);
          const problems = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message)
            // Teams draws Chart.* itself; the renderer falls back to the chart's picture.
            .filter((m) => !/^Unknown element type "Chart\.[A-Za-z.]+"\. Fallback will be used if present\.$/.test(m));
          assert.deepEqual(problems, []);
          assert.ok(!JSON.stringify(adaptive).includes('${'), 'every binding is filled');
        });

        it('labels every input, explains every required one, and names every image and button', () => {
          for (const element of elements(adaptive)) {
            const type = String(element.type);
            if (type.startsWith('Input.')) {
              assert.ok(typeof element.label === 'string' && element.label.trim() !== '', `${type} ${String(element.id)} has a label`);
              if (element.isRequired === true) assert.ok(typeof element.errorMessage === 'string' && element.errorMessage !== '', `${String(element.id)} says what is missing`);
            }
            if (type === 'Image') assert.ok(typeof element.altText === 'string' && element.altText !== '', 'an image has alt text');
            if (type.startsWith('Action.')) assert.ok(typeof element.title === 'string' && element.title.trim() !== '', `${type} has a title`);
          }
        });

        it('draws its fixed words in its own language', () => {
          const other = cardLabels(name, language === 'en' ? 'cy' : 'en');
          const mine = cardLabels(name, language);
          const foreign = new Set(Object.entries(other).filter(([key, value]) => mine[key] !== value).map(([, value]) => value));
          const shown = elements(adaptive).flatMap((element) => WORDS.map((field) => element[field]).filter((v): v is string => typeof v === 'string'));
          assert.deepEqual(shown.filter((word) => foreign.has(word)), []);
        });

        it('has a text fallback in Slack for notifications and screen readers, and stays inside Slack’s limits as a message and a modal', () => {
          const message = renderBlockKit(card, 'message');
          assert.notEqual(message.fallbackText.trim(), '');
          assert.deepEqual(slackBreaches('chat.postMessage', { text: message.fallbackText, blocks: message.blocks }), []);
          assert.deepEqual(slackBreaches('views.open', { view: { blocks: renderBlockKit(card, 'modal').blocks } }), []);
        });
      });
    }
  }
});

describe('Slack buttons for screen readers', () => {
  it('name the action a reminder’s short buttons act on, in the reminder’s language', () => {
    for (const [language, expected] of [['en', 'Update · action 1.6'], ['cy', 'Diweddaru · cam gweithredu 1.6']] as const) {
      const reminder = inLanguage(sampleCard('reminder'), language);
      const buttons = elements(renderBlockKit(reminder).blocks).filter((e) => e.type === 'button');
      assert.equal(buttons[0]?.accessibility_label, expected.replace('1.6', String((reminder.data as { number: string }).number)));
      assert.ok(buttons.every((b) => typeof b.accessibility_label === 'string'), 'every button of the reminder is named for screen readers');
    }
  });

  it('carry a card button’s tooltip as their accessibility label, within Slack’s 75 characters', () => {
    const adaptive = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'Action plan', wrap: true }],
      actions: [{ type: 'Action.Execute', title: 'Next', tooltip: `Next page of the action plan ${'and more '.repeat(10)}`, verb: 'actions.page', data: { verb: 'actions.page', cv: 1, page: 2 } }],
    };
    const [button] = elements(blockKitFromAdaptive(adaptive, 'actions-list', 'message').blocks).filter((e) => e.type === 'button');
    assert.equal(button?.accessibility_label, adaptive.actions[0]!.tooltip.slice(0, 74) + '…');
  });
});
