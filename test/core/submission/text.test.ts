import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import JSZip from 'jszip';
import { Document, LevelFormat, Packer } from 'docx';
import { markdownBlocks, markdownCell, markdownInline } from '../../../src/core/submission/markdown';
import { textBlocks, withoutControlCharacters, type TextBlock } from '../../../src/core/submission/text-blocks';
import { richText } from '../../../src/core/submission/docx';
import { fitColumnWidths } from '../../../src/core/submission/column-widths';

/** CommonMark's reading of backslash escapes and the three entities the escaper writes. */
const commonMarkUnescape = (md: string): string =>
  md.replace(/\\([!-/:-@[-`{-~])|&(amp|lt|gt);/g, (_, escaped: string | undefined, entity: string | undefined) => escaped ?? { amp: '&', lt: '<', gt: '>' }[entity!]!);

/** Text with everything people paste: markup, HTML, links, quotes, ’ – • and emoji. */
const typed = fc.string({ unit: fc.oneof(fc.constantFrom(...'<>&"\'`*_[]()#+-.!|~=\\/:;{}@ \t\n\r’–•😀é\u0000\u000B\u001F\uFFFF'.split(''), '\uD800'), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' })), maxLength: 80 });

const word = fc.stringMatching(/^[A-Za-z0-9’é][A-Za-z0-9’–é,;:]{0,11}$/);
const line = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const structure: fc.Arbitrary<TextBlock[]> = fc.array(
  fc.oneof(
    fc.array(line, { minLength: 1, maxLength: 3 }).map((lines): TextBlock => ({ kind: 'paragraph', lines })),
    fc.array(line, { minLength: 1, maxLength: 4 }).map((items): TextBlock => ({ kind: 'bullets', items })),
  ),
  { minLength: 1, maxLength: 5 },
).filter((blocks) => blocks.every((b, i) => i === 0 || b.kind !== blocks[i - 1].kind || b.kind === 'paragraph'));

/** Writes blocks the way people type them: any bullet sign, Windows or Unix line ends, blank lines between paragraphs. */
const written = (blocks: TextBlock[], bullet: string, newline: string): string =>
  blocks.map((b) => (b.kind === 'paragraph' ? b.lines.join(newline) : b.items.map((i) => `${bullet} ${i}`).join(newline))).join(newline + newline);

describe('User text into Markdown and Word', () => {
  describe('markdownInline', () => {
    it('reads back, in CommonMark, as exactly the text typed (line breaks as spaces)', () => {
      fc.assert(fc.property(typed, (text) => assert.equal(commonMarkUnescape(markdownInline(text)), withoutControlCharacters(text).replace(/[\r\n]+/g, ' '))));
    });

    it('never lets HTML, links, images or a line break through', () => {
      fc.assert(
        fc.property(typed, (text) => {
          const md = markdownInline(text);
          assert.doesNotMatch(md, /[<>\r\n]/);
          assert.doesNotMatch(md, /(^|[^\\])[[\]`*_|~]/, 'every markup character is escaped');
        }),
      );
    });

    it('defuses the classic injections', () => {
      assert.equal(markdownInline('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert(1)&gt;');
      assert.equal(markdownInline('<script>alert("x")</script>'), '&lt;script&gt;alert("x")&lt;/script&gt;');
      assert.equal(markdownInline('[click me](javascript:alert(1))'), '\\[click me\\](javascript:alert(1))');
      assert.equal(markdownInline('<javascript:alert(1)>'), '&lt;javascript:alert(1)&gt;');
      assert.equal(markdownInline('![x](http://evil/p.png)'), '!\\[x\\](http://evil/p.png)');
      assert.equal(markdownInline('&lt;b&gt;'), '&amp;lt;b&amp;gt;');
      assert.equal(markdownInline('# 1. not a heading'), '\\# 1. not a heading');
      assert.equal(markdownInline('2021. A year'), '2021\\. A year');
      assert.equal(markdownInline('--- and ==='), '\\--- and ===');
      assert.equal(markdownInline('james.howard@example.ac.uk'), 'james.howard@example.ac.uk', 'readable as typed');
    });
  });

  describe('markdownBlocks and markdownCell', () => {
    it('keep paragraphs, line breaks and bullets as typed', () => {
      fc.assert(
        fc.property(structure, fc.constantFrom('•', '-', '*', '–'), fc.constantFrom('\n', '\r\n'), (blocks, bullet, newline) => {
          const md = markdownBlocks(written(blocks, bullet, newline));
          const read = md.split('\n\n').map((chunk) =>
            chunk.startsWith('- ')
              ? { kind: 'bullets', items: chunk.split('\n').map((l) => commonMarkUnescape(l.slice(2))) }
              : { kind: 'paragraph', lines: chunk.split('\\\n').map(commonMarkUnescape) },
          );
          assert.deepEqual(read, blocks);
        }),
      );
    });

    it('never start a line with markup the text did not ask for, nor let HTML through', () => {
      fc.assert(
        fc.property(typed, (text) => {
          for (const mdLine of markdownBlocks(text).split('\n')) {
            if (mdLine === '') continue;
            assert.doesNotMatch(mdLine.replace(/^- /, ''), /^(\s|[#>+*=|~`-]|\d+[.)])/, mdLine);
          }
          assert.doesNotMatch(markdownBlocks(text), /[<>]/);
          const cell = markdownCell(text);
          assert.doesNotMatch(cell.replace(/<br>/g, ''), /[<>\r\n]|(^|[^\\])\|/);
        }),
      );
    });
  });

  describe('textBlocks', () => {
    it('reads back the paragraphs, lines and bullets it was written from', () => {
      fc.assert(fc.property(structure, fc.constantFrom('•', '-', '*', '–', '1.'), fc.constantFrom('\n', '\r\n'), (blocks, bullet, newline) => assert.deepEqual(textBlocks(written(blocks, bullet, newline)), blocks)));
    });

    it('loses no word of any text and keeps no empty line', () => {
      fc.assert(
        fc.property(typed, (typedText) => {
          const text = withoutControlCharacters(typedText);
          const blocks = textBlocks(typedText);
          const out = blocks.flatMap((b) => (b.kind === 'paragraph' ? b.lines : b.items));
          assert.ok(out.every((l) => l.trim() !== '' || l === ''));
          const words = (s: string) => s.split(/\s+/).filter(Boolean);
          const kept = words(out.join(' '));
          // Only the bullet markers at the start of lines may go.
          assert.ok(words(text).length - kept.length <= text.split(/\r\n?|\n/).length);
          for (const w of kept) assert.ok(text.includes(w), w);
        }),
      );
    });
  });

  describe('richText (Word)', () => {
    async function paragraphsXml(text: string): Promise<string> {
      const doc = new Document({
        numbering: { config: [{ reference: 'submission-bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•' }] }] },
        sections: [{ children: richText(text) }],
      });
      return (await JSZip.loadAsync(await Packer.toBuffer(doc))).file('word/document.xml')!.async('string');
    }

    it('writes each line break as <w:br/>, each bullet as a list paragraph, and never a newline inside text', async () => {
      await fc.assert(
        fc.asyncProperty(structure, async (blocks) => {
          const xml = await paragraphsXml(written(blocks, '•', '\n'));
          const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => m[1] ?? m[2]);
          const expected = blocks.flatMap((b) => (b.kind === 'paragraph' ? [{ bullet: false, lines: b.lines }] : b.items.map((i) => ({ bullet: true, lines: [i] }))));
          assert.equal(paragraphs.length, expected.length);
          paragraphs.forEach((p, i) => {
            assert.equal(p.includes('<w:numPr>'), expected[i].bullet);
            assert.equal((p.match(/<w:br\/>/g) ?? []).length, expected[i].lines.length - 1);
            const texts = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
            assert.deepEqual(texts, expected[i].lines);
          });
        }),
        { numRuns: 40 },
      );
    });

    it('keeps any typed text, markup and all, as plain text in the document', async () => {
      await fc.assert(
        fc.asyncProperty(typed, async (text) => {
          const xml = await paragraphsXml(text);
          for (const [, t] of xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)) assert.doesNotMatch(t, /[\r\n<>]/);
          assert.doesNotMatch(xml, /<script|<img|onerror=/i);
          assert.doesNotMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/, 'only characters XML can hold');
        }),
        { numRuns: 40 },
      );
    });
  });

  describe('fitColumnWidths', () => {
    it('fills the width exactly and gives every column room for its longest word when there is room', () => {
      fc.assert(
        fc.property(
          fc.array(fc.record({ heading: fc.string({ maxLength: 20 }), max: fc.option(fc.integer({ min: 600, max: 5000 }), { nil: undefined }) }), { minLength: 1, maxLength: 8 }),
          fc.array(fc.array(fc.string({ maxLength: 60 }), { minLength: 8, maxLength: 8 }), { maxLength: 20 }),
          fc.integer({ min: 5000, max: 16000 }),
          (columns, rows, total) => {
            const widths = fitColumnWidths(columns, rows, total);
            assert.equal(widths.length, columns.length);
            assert.equal(widths.reduce((a, b) => a + b, 0), total);
            assert.ok(widths.every((w) => w >= 1));
          },
        ),
      );
    });

    it('keeps a number column narrow and an action column wide', () => {
      const rows = Array.from({ length: 20 }, (_, i) => [`1.${i}`, 'Raise the visibility of technical careers across the city region and the North West of England through outreach', 'widening.participation@\u200Bexample.ac.uk']);
      const [number, action, owner] = fitColumnWidths([{ heading: 'No.' }, { heading: 'Action' }, { heading: 'Owner' }], rows, 12000);
      assert.ok(number < 800 && action > 6000 && owner >= 'widening.participation@'.length * 108, `${number}, ${action}, ${owner}`);
    });
  });
});
