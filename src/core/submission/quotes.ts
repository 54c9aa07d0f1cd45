import type { Feedback, FeedbackTheme } from '../model';

/** Verbatim feedback cleared for a document: its words and theme, never who wrote it. */
export interface Quote {
  theme: FeedbackTheme;
  text: string;
}

/**
 * The quotes an export may carry: feedback a chair marked quotable, and only in a theme with
 * at least `threshold` feedback items, so that a quote cannot be traced to one of a few people.
 */
export function quotesFor(feedback: readonly Feedback[], quotable: ReadonlySet<number>, threshold: number): Quote[] {
  const perTheme = new Map<FeedbackTheme, number>();
  for (const f of feedback) perTheme.set(f.theme, (perTheme.get(f.theme) ?? 0) + 1);
  return feedback
    .filter((f) => quotable.has(f.number) && (perTheme.get(f.theme) ?? 0) >= threshold)
    .map((f) => ({ theme: f.theme, text: f.text }));
}
