/**
 * Card text is Markdown (Adaptive Cards' subset; Slack's mrkdwn is made from it). What a
 * person typed goes into it through `plain`, so it shows as typed: a `[title](url)` they
 * wrote is text, not a link, and `**`, `_` or a list marker are not formatting.
 */

/** Characters that start Markdown formatting anywhere in a line. */
const INLINE = /[\\*_[\]<>`~]/g;
/** List and heading markers, which count only at the start of a line. */
const LINE_START = /^(\s*)(?:([-+#])|(\d+)\.)(?=\s|$)/gm;

/** Markdown that shows `text` exactly as typed (CommonMark backslash escapes). */
export function plain(text: string): string {
  return text.replace(INLINE, '\\$&').replace(LINE_START, (_all, space: string, marker?: string, digits?: string) => (marker ? `${space}\\${marker}` : `${space}${digits}\\.`));
}

/** The text a person would read in `markdown` written by `plain`: the escapes removed. */
export function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\([\\*_[\]<>`~\-+#.])/g, '$1');
}
