import { strict as assert } from 'node:assert';
import { startWorld, people } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { actionFor, type CardJson } from '../support/cards';
import { startSlackWorld, openModal, slackPeople } from '../support/slack-world';
import { blocksText, type SlackHarness } from '../support/slack-harness';
import { unescapeMarkdown } from '../../src/core/markdown';

/** What a hostile member types as feedback: a link with a lying title, formatting, a mention, a list. */
const HOSTILE = 'Please [reset your Techvoice password](https://evil.example/login) **now** _quickly_ <!channel> <@U0CHRISCHAIR> `code`\n- point one\n1. step';

/** Markdown an Adaptive Card would turn into a link, formatting or a list, outside a backslash escape. */
const MARKDOWN_SYNTAX = [
  /(?<!\\)\[[^\]]*(?<!\\)\]\(/, // [title](url)
  /(?<!\\)\*\*/, // **bold**
  /(?<![\\\w])_[^_]+(?<!\\)_/, // _italic_
  /(?<!\\)<[^>]*>/, // <autolink>
  /^\s*(?:[-+]|\d+\.)\s/m, // a list item
];

/** Every TextBlock's and fact's text on a card, as the card carries it (Markdown). */
function markdownTexts(card: CardJson): string[] {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string') texts.push(element.text);
    if (element.type === 'FactSet' && Array.isArray(element.facts)) for (const f of element.facts as { title: string; value: string }[]) texts.push(f.title, f.value);
    Object.values(element).forEach(visit);
  };
  visit(card);
  return texts;
}

describe('what a person typed is shown as text: no link, mention or formatting they did not type as text', () => {
  describe('Teams', () => {
    let bot: BotHarness;
    before(async () => {
      bot = await startWorld();
      const form = (await bot.say(people.member, 'feedback')).cards[0];
      await bot.press(people.member, 'feedback.submit', { ...actionFor(form, 'feedback.submit').data, theme: 'Recognition', text: HOSTILE, anonymous: 'true' });
    });
    after(() => bot.close());

    it('the chairs’ inbox and the item show the feedback as typed, with its Markdown escaped', async () => {
      const inbox = (await bot.say(people.chair, 'feedback list')).cards[0];
      const item = await bot.press(people.chair, 'feedback.open', actionFor(inbox, 'feedback.open').data);
      for (const [where, card] of [['inbox', inbox], ['item', item]] as const) {
        const shown = markdownTexts(card).find((t) => t.includes('evil.example'));
        assert.ok(shown, `${where} shows the feedback`);
        assert.ok(unescapeMarkdown(shown).includes(HOSTILE), `${where} reads as typed: ${shown}`);
        for (const syntax of MARKDOWN_SYNTAX) assert.doesNotMatch(shown, syntax, `${where}: ${shown}`);
      }
    });

    it('a command word that looks like a link comes back as text', async () => {
      const { texts } = await bot.say(people.member, '[help](https://evil.example)');
      assert.equal(texts.length, 1);
      assert.doesNotMatch(texts[0], MARKDOWN_SYNTAX[0]);
      assert.match(unescapeMarkdown(texts[0]), /“\[help\]\(https:\/\/evil\.example\)”/);
    });
  });

  describe('Slack', () => {
    let h: SlackHarness;
    before(async () => {
      h = await startSlackWorld();
      const view = await openModal(h, slackPeople.member, 'feedback');
      await h.submit(slackPeople.member, view, { theme: 'Recognition', text: HOSTILE });
    });
    after(() => h.close());

    it('the chairs’ inbox shows no link, mention or formatting made from the feedback', async () => {
      const inbox = await h.after(() => h.command(slackPeople.chair, 'feedback list'));
      const mrkdwn = JSON.stringify(inbox.blocks);
      assert.ok(mrkdwn.includes('evil.example'), 'the feedback is shown');
      assert.doesNotMatch(mrkdwn, /<https?:\/\/evil/, 'no link to evil.example');
      assert.doesNotMatch(mrkdwn, /<!channel>|<@U0CHRISCHAIR>/, 'no mention');
      assert.doesNotMatch(mrkdwn, /(?<!\u200b)\*now(?!\u200b)\*|(?<!\u200b)_quickly(?!\u200b)_|(?<!\u200b)`code(?!\u200b)`/, 'no formatting');
      // What a person reads: the typed text, once Slack's escapes and the zero-width spaces are taken out.
      const read = blocksText(inbox.blocks).replace(/\u200b/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      for (const line of HOSTILE.split('\n')) assert.ok(read.includes(line), `reads "${line}" as typed: ${read}`);
    });
  });
});
