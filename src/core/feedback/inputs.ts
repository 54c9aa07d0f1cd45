import { z } from 'zod';
import { base, LIMITS, id, flag, positiveNumber, text } from '../card-input';
import { said } from '../i18n/text';
import { FEEDBACK_THEMES } from '../model';
import { FEEDBACK_TEXT } from './text';

/** What the feedback.submit button sends. */
export const feedbackSubmitInput = z.object({
  ...base,
  formId: id,
  theme: z.enum(FEEDBACK_THEMES, { error: said(FEEDBACK_TEXT, 'chooseTheme') }),
  text: text(LIMITS.feedbackText, said(FEEDBACK_TEXT, 'yourFeedback')),
  anonymous: flag,
});
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
const chooseAction = said(FEEDBACK_TEXT, 'chooseAction');
export const feedbackLinkInput = z.object({ ...base, number: positiveNumber, action: z.string({ error: chooseAction }).trim().min(1, chooseAction).max(LIMITS.id) });
export type FeedbackLinkInput = z.output<typeof feedbackLinkInput>;

/** What the feedback.reply button sends. */
export const feedbackReplyInput = z.object({ ...base, number: positiveNumber, reply: text(LIMITS.feedbackReply, said(FEEDBACK_TEXT, 'theReply')) });
export type FeedbackReplyInput = z.output<typeof feedbackReplyInput>;
