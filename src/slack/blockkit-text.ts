/**
 * Text for Slack's mrkdwn. Everything a card shows is escaped first, so text people typed
 * can never become a mention, a `<!channel>` or a link: https://api.slack.com/reference/surfaces/formatting#escaping
 */

/** Escapes the three characters Slack treats as control characters in mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Undoes Slack's escaping of what someone typed, so the core sees the text as written. */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Slack's formatting characters have no escape: a zero-width space on each side keeps one literal. */
const ZWSP = '\u200b';
const SLACK_FORMATTING = new Set(['*', '_', '~', '`']);
/** Stands for an escaped character while the conversion runs (from the Unicode private use area). */
const HELD = /\uE000(\d+)\uE001/g;

/**
 * Converts the Markdown subset Adaptive Cards use to mrkdwn, escaping first:
 * **bold** → *bold*, _italic_ stays, [title](https://…) → <https://…|title>. A character the
 * core escaped (`\*`, `\[`: what a person typed, see core/markdown.ts) is shown as itself and
 * never becomes formatting or a link.
 */
export function toMrkdwn(markdown: string): string {
  const held: string[] = [];
  const hold = (char: string): string => `\uE000${held.push(char) - 1}\uE001`;
  const release = (text: string): string =>
    text.replace(HELD, (_all, index: string) => {
      const char = held[Number(index)];
      return SLACK_FORMATTING.has(char) ? `${ZWSP}${char}${ZWSP}` : escapeMrkdwn(char);
    });
  const converted = escapeMrkdwn(markdown.replace(/[\uE000\uE001]/g, '').replace(/\\([\\*_[\]<>`~\-+#.])/g, (_all, char: string) => hold(char)))
    .replace(/\*\*([^*\n]+?)\*\*/g, '*$1*')
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)|]+)\)/g, (_all, title: string, url: string) => `<${url}|${title.replace(/\|/g, '/')}>`)
    .replace(/ {2}\n/g, '\n');
  return release(converted);
}

/** Shortens to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Splits long text at line ends so each part fits `max` characters (hard cuts only within a single long line). */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (let start = 0; start < Math.max(line.length, 1); start += max) {
      const piece = line.slice(start, start + max);
      const next = current === '' ? piece : `${current}\n${piece}`;
      if (next.length > max) {
        parts.push(current);
        current = piece;
      } else {
        current = next;
      }
    }
  }
  if (current !== '') parts.push(current);
  return parts;
}
