import type { Feedback } from '../core/model';

/** Both stores refuse to keep an author with anonymous feedback: anonymous means anonymous. */
export function assertAnonymousFeedbackHasNoAuthor(
  feedback: Pick<Feedback, 'anonymous' | 'authorMemberId'>,
): void {
  if (feedback.anonymous && feedback.authorMemberId !== null) {
    throw new Error('Anonymous feedback must not carry an author');
  }
}

/** Orders plan numbers as people read them: "1.2" before "1.10", "2" before "10.1". */
export function compareActionNumbers(a: string, b: string): number {
  return ACTION_NUMBER_ORDER.compare(a, b);
}

/** One collator for every comparison: localeCompare with options builds a new one each call. */
const ACTION_NUMBER_ORDER = new Intl.Collator('en', { numeric: true });
