import { z } from 'zod';
import { base, LIMITS, id, flag, positiveNumber } from '../card-input';
import { FEEDBACK_THEMES } from '../model';
import { inEveryLanguage, requiredText } from './form-fields';
import { FEEDBACK_TEXT } from './text';

/** What the feedback.submit button sends, with its problems in each language. */
export const feedbackSubmitInputs = inEveryLanguage((language) =>
  z.object({
    ...base,
    formId: id,
    theme: z.enum(FEEDBACK_THEMES, { error: FEEDBACK_TEXT(language).chooseTheme }),
    text: requiredText(LIMITS.feedbackText, FEEDBACK_TEXT(language).yourFeedback, language),
    anonymous: flag,
  }),
);
export const feedbackSubmitInput = feedbackSubmitInputs.en;
export type FeedbackSubmitInput = z.output<typeof feedbackSubmitInput>;

/** What the feedback.list button sends. */
export const feedbackListInput = z.object({ ...base });
export type FeedbackListInput = z.output<typeof feedbackListInput>;

/** What the feedback.open button sends. */
export const feedbackOpenInput = z.object({ ...base, number: positiveNumber });
export type FeedbackOpenInput = z.output<typeof feedbackOpenInput>;

/** What the feedback.acknowledge button sends. */
export const feedbackAcknowledgeInput = z.object({ ...base, number: positiveNumber });
export type FeedbackAcknowledgeInput = z.output<typeof feedbackAcknowledgeInput>;

/** What the feedback.link button sends. */
export const feedbackLinkInputs = inEveryLanguage((language) => {
  const choose = FEEDBACK_TEXT(language).chooseAction;
  return z.object({ ...base, number: positiveNumber, action: z.string({ error: choose }).trim().min(1, choose).max(LIMITS.id) });
});
export const feedbackLinkInput = feedbackLinkInputs.en;
export type FeedbackLinkInput = z.output<typeof feedbackLinkInput>;

/** What the feedback.reply button sends. */
export const feedbackReplyInputs = inEveryLanguage((language) =>
  z.object({ ...base, number: positiveNumber, reply: requiredText(LIMITS.feedbackReply, FEEDBACK_TEXT(language).theReply, language) }),
);
export const feedbackReplyInput = feedbackReplyInputs.en;
export type FeedbackReplyInput = z.output<typeof feedbackReplyInput>;
