import { z } from 'zod';
import { base, LIMITS, id, flag, text, positiveNumber } from '../card-input';
import { FEEDBACK_THEMES } from '../model';

/** What the feedback.submit button sends. */
export const feedbackSubmitInput = z.object({
    ...base,
    formId: id,
    theme: z.enum(FEEDBACK_THEMES, { error: 'Choose a theme.' }),
    text: text(LIMITS.feedbackText, 'Your feedback'),
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
export const feedbackLinkInput = z.object({
    ...base,
    number: positiveNumber,
    action: z.string({ error: 'Choose the action this feedback led to.' }).trim().min(1, 'Choose the action this feedback led to.').max(LIMITS.id),
  });
export type FeedbackLinkInput = z.output<typeof feedbackLinkInput>;

/** What the feedback.reply button sends. */
export const feedbackReplyInput = z.object({
    ...base,
    number: positiveNumber,
    reply: text(LIMITS.feedbackReply, 'The reply'),
  });
export type FeedbackReplyInput = z.output<typeof feedbackReplyInput>;
