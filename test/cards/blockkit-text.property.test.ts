import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { plain, unescapeMarkdown } from '../../src/core/markdown';
import { toMrkdwn } from '../../src/slack/blockkit-text';
import { blockKitFromAdaptive } from '../../src/slack/blockkit';

/** Text a person could type, heavy in what Markdown and mrkdwn treat as syntax. */
const SYNTAX = ['[', ']', '(', ')', '*', '**', '_', '~', '`', '<', '>', '&', '\\', '#', '-', '+', '.', '1.', '|', '!', '@', '<!channel>', '<@U1>', 'https://evil.example/', ' ', '  \n', '\n', 'a', 'é', '😀'];
const typed = fc.oneof(
  fc.string({ unit: fc.constantFrom(...SYNTAX), maxLength: 40 }),
  // Anything else a keyboard or a paste can give, but the two characters toMrkdwn uses as placeholders.
  fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => s.replace(/[\uE000\uE001]/g, '')),
);
const RUNS = { numRuns: 2_000 };

/** Markdown an Adaptive Card would turn into a link, formatting, a list or a heading, outside a backslash escape. */
function unescapedSyntax(markdown: string): string | null {
  // Read escapes the way CommonMark does: a backslash takes the next character.
  const open: string[] = [];
  let lineStart = true;
  for (let i = 0; i < markdown.length; i++) {
    const char = markdown[i];
    if (char === '\\') {
      i++;
      lineStart = false;
      continue;
    }
    if ('*_[]<>`~'.includes(char)) open.push(char);
    if (lineStart && /^\s*(?:[-+#]|\d+\.)(?:\s|$)/.test(markdown.slice(i))) return `a line starting ${JSON.stringify(markdown.slice(i, i + 3))}`;
    if (char === '\n') lineStart = true;
    else if (!/\s/.test(char)) lineStart = false;
  }
  return open.length ? `unescaped ${open.join('')}` : null;
}

/** What a person reads in Slack: the entities decoded, the zero-width spaces unseen. */
const readSlack = (mrkdwn: string): string => mrkdwn.replace(/\u200b/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('user text into Markdown (Teams) and mrkdwn (Slack): properties', () => {
  it('plain: reads back exactly as typed', () => {
    fc.assert(fc.property(typed, (text) => assert.equal(unescapeMarkdown(plain(text)), text)), RUNS);
  });

  it('plain: leaves no Markdown syntax unescaped (no link, emphasis, autolink, list or heading)', () => {
    fc.assert(fc.property(typed, (text) => assert.equal(unescapedSyntax(plain(text)), null)), RUNS);
  });

  it('toMrkdwn of typed text: no Slack control sequence (link, mention, <!channel>), every formatting character neutralised, reads as typed', () => {
    fc.assert(
      fc.property(typed, (text) => {
        const mrkdwn = toMrkdwn(plain(text));
        assert.ok(!mrkdwn.includes('<') && !mrkdwn.includes('>'), `no < or >: ${mrkdwn}`);
        assert.doesNotMatch(mrkdwn, /&(?!amp;|lt;|gt;)/, 'every & is an entity');
        // Slack has no escape for *, _, ~ and `: each typed one sits between zero-width spaces.
        assert.doesNotMatch(mrkdwn, /(?<!\u200b)[*_~`]|[*_~`](?!\u200b)/, `formatting neutralised: ${JSON.stringify(mrkdwn)}`);
        assert.equal(readSlack(mrkdwn), text.replace(/ {2}\n/g, '\n'));
      }),
      RUNS,
    );
  });

  it('toMrkdwn keeps the bot’s own formatting around typed text, and the typed part stays text', () => {
    fc.assert(
      fc.property(typed, typed, (a, b) => {
        const mrkdwn = toMrkdwn(`**FB-1** · ${plain(a)} · [Open](https://techvoice.example/x) ${plain(b)}`);
        assert.ok(mrkdwn.startsWith('*FB-1* ·'), mrkdwn);
        const links = mrkdwn.match(/<[^>]*>/g) ?? [];
        assert.deepEqual(links, ['<https://techvoice.example/x|Open>'], 'the one link is the bot’s');
      }),
      RUNS,
    );
  });

  it('a Block Kit card made from TextBlocks of typed text has no link or mention in its mrkdwn, and its header reads as typed', () => {
    fc.assert(
      fc.property(typed.filter((t) => t.trim() !== ''), typed, (title, body) => {
        const card = blockKitFromAdaptive(
          { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: plain(title), weight: 'Bolder', size: 'Medium' }, { type: 'TextBlock', text: plain(body) }] },
          'message',
        );
        // Only mrkdwn is parsed for links and mentions; a header is plain text.
        const mrkdwn = JSON.stringify(card.blocks.filter((b) => b.type !== 'header')) + card.fallbackText;
        assert.ok(!mrkdwn.includes('<'), mrkdwn);
        assert.equal(card.title, title);
      }),
      RUNS,
    );
  });
});
