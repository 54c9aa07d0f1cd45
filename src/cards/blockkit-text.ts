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

/**
 * Converts the Markdown subset Adaptive Cards use to mrkdwn, escaping first:
 * **bold** → *bold*, _italic_ stays, [title](https://…) → <https://…|title>.
 */
export function toMrkdwn(markdown: string): string {
  return escapeMrkdwn(markdown)
    .replace(/\*\*([^*\n]+?)\*\*/g, '*$1*')
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)|]+)\)/g, (_all, title: string, url: string) => `<${url}|${title.replace(/\|/g, '/')}>`)
    .replace(/ {2}\n/g, '\n');
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
