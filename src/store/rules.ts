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
  return a.localeCompare(b, 'en', { numeric: true });
}
