import type { Card } from '../cards';
import { UserError } from '../errors';
import { defineAction, defineCommand, typedFrom, type Redraw, type Typed } from '../interactions';
import type { Language } from '../i18n/language';
import { feedbackForm, submitFeedback } from './feedback';
import { acknowledgeFeedback, feedbackInbox, feedbackRespondCard, linkFeedback, replyToFeedback } from './feedback-triage';
import {
  feedbackAcknowledgeInput,
  feedbackLinkInput,
  feedbackListInput,
  feedbackOpenInput,
  feedbackReplyInput,
  feedbackSubmitInput,
} from './inputs';
import { FEEDBACK_TEXT } from './text';

/** The feedback form again with what was typed in it, and what to do. */
function feedbackFormAgain(typed: Typed, error: string, language: Language): Card {
  return feedbackForm({ theme: typed.theme ?? '', text: typed.text ?? '', anonymous: typed.anonymous !== 'false' }, error, language);
}

/** The respond card again with the link or reply that was typed, when the card still says which item. */
const respondAgain: Redraw = async (deps, session, typed, error) => {
  const number = Number(typed.number);
  if (!Number.isInteger(number) || number < 1) throw new UserError(error);
  return feedbackRespondCard(deps, session, number, '', error, { action: typed.action ?? '', reply: typed.reply ?? '' });
};

export const feedbackActions = [
  defineAction({
    verb: 'feedback.submit',
    input: feedbackSubmitInput,
    who: 'everyone',
    // Feedback is known by its form: the fingerprint needs none of what was written.
    limit: {
      kind: 'feedback',
      fingerprint: (data) => (typeof data.formId === 'string' ? `feedback.submit ${data.formId}` : JSON.stringify(data)),
      // The form comes back with what they wrote, so nothing is lost.
      refused: (data, retryIn, language) => feedbackFormAgain(typedFrom(data), FEEDBACK_TEXT(language).tooMuch(retryIn), language),
    },
    run: submitFeedback,
    redraw: async (_deps, session, typed, error) => feedbackFormAgain(typed, error, session.language),
  }),
  defineAction({ verb: 'feedback.list', input: feedbackListInput, who: 'chairs', run: (deps, session) => feedbackInbox(deps, session) }),
  defineAction({ verb: 'feedback.open', input: feedbackOpenInput, who: 'chairs', run: (deps, session, input) => feedbackRespondCard(deps, session, input.number) }),
  defineAction({ verb: 'feedback.acknowledge', input: feedbackAcknowledgeInput, who: 'chairs', audit: ['number'], run: acknowledgeFeedback }),
  defineAction({ verb: 'feedback.link', input: feedbackLinkInput, who: 'chairs', audit: ['number', 'action'], run: linkFeedback, redraw: respondAgain }),
  defineAction({ verb: 'feedback.reply', input: feedbackReplyInput, who: 'chairs', audit: ['number'], run: replyToFeedback, redraw: respondAgain }),
];

export const feedbackCommands = [
  defineCommand({
    name: 'feedback',
    cy: { name: 'adborth', help: 'Rhannu syniad neu bryder, yn ddienw os hoffech chi' },
    help: 'Share an idea or concern, anonymously if you like',
    who: 'everyone',
    run: async (_deps, session, args) => ({ card: feedbackForm({ text: args.slice(0, 2000) }, '', session.language) }),
  }),
  defineCommand({
    name: 'feedback list',
    cy: { name: 'rhestr adborth', aliases: ['mewnflwch adborth'], help: 'Cydnabod adborth, ei gysylltu â cham gweithredu ac ateb (“dywedoch chi, gwnaethom ni”)' },
    aliases: ['feedback inbox'],
    help: 'Acknowledge feedback, link it to an action and reply (“you said, we did”)',
    who: 'chairs',
    run: async (deps, session) => ({ card: await feedbackInbox(deps, session) }),
  }),
];
