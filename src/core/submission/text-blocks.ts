/** What people type, read as paragraphs with line breaks and bulleted lists. */
export type TextBlock = { kind: 'paragraph'; lines: string[] } | { kind: 'bullets'; items: string[] };

const BULLET = /^\s*(?:[•\-*–·▪◦]|\d{1,2}[.)])\s+/;

/**
 * A blank line ends a paragraph; a line starting with a bullet (•, -, *, –) or "1." starts a
 * list item; other lines inside a paragraph are kept as line breaks.
 */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | null = null;
  for (const raw of withoutControlCharacters(text).replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/[\t ]+$/g, '');
    if (line.trim() === '') {
      current = null;
      continue;
    }
    if (BULLET.test(line)) {
      const item = line.replace(BULLET, '').trim();
      if (current?.kind !== 'bullets') {
        current = { kind: 'bullets', items: [] };
        blocks.push(current);
      }
      current.items.push(item);
    } else if (current?.kind === 'bullets' && /^\s{2,}/.test(raw)) {
      // An indented line continues the bullet above it.
      current.items[current.items.length - 1] += ` ${line.trim()}`;
    } else {
      if (current?.kind !== 'paragraph') {
        current = { kind: 'paragraph', lines: [] };
        blocks.push(current);
      }
      current.lines.push(line.trim());
    }
  }
  return blocks;
}

/**
 * Removes characters XML 1.0 cannot hold (a Word file with one will not open) and lone
 * surrogate halves; tabs become spaces.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}
