import { card, CARD_VERSION, NO_NOTICE, type Card, type Choice } from '../cards';
import type { CoreDeps } from '../deps';
import { keyedHash, personKey } from '../identity';
import { FEEDBACK_THEMES, type Feedback } from '../model';
import { now, nowIso, toTheHour } from '../clock';
import type { Session } from '../session';
import { LIMITS } from '../card-input';
import type { FeedbackSubmitInput } from './inputs';
import { randomUUID } from 'node:crypto';
import { sealReplyAddress } from './sealed-reply';
import { plain } from '../markdown';

export const themeChoices = (themes: readonly string[]): Choice[] => themes.map((t) => ({ title: t, value: t }));

export const feedbackReference = (number: number): string => `FB-${number}`;

/** The time written on a feedback item: to the hour when it is anonymous (see docs/anonymity.md). */
export const stampFor = (feedback: Pick<Feedback, 'anonymous'>): string => (feedback.anonymous ? toTheHour(now()) : nowIso());

export function feedbackForm(
  values: { theme?: string; text?: string; anonymous?: boolean } = {},
  error = '',
): Card {
  return card('feedback-form', {
    ...NO_NOTICE,
    error,
    cv: CARD_VERSION,
    formId: randomUUID(),
    themes: themeChoices(FEEDBACK_THEMES),
    maxLength: LIMITS.feedbackText,
    values: {
      theme: values.theme ?? '',
      text: values.text ?? '',
      anonymous: String(values.anonymous ?? true),
    },
  });
}

/** Stores feedback once per form and person; anonymous feedback keeps no trace of its author. */
export async function submitFeedback(deps: CoreDeps, session: Session, input: FeedbackSubmitInput): Promise<Card> {
  const { network, member, inbound } = session;
  const at = stampFor({ anonymous: input.anonymous });
  const { value: feedback, created } = await deps.store.createFeedback(
    {
      networkId: network.id,
      theme: input.theme,
      text: input.text,
      anonymous: input.anonymous,
      authorMemberId: input.anonymous ? null : member.id,
      status: 'new',
      linkedAction: null,
      reply: null,
      platform: inbound.requester.platform,
      createdAt: at,
      updatedAt: at,
    },
    keyedHash(deps.secret, 'feedback', input.formId, personKey(session.member)),
  );
  const replyTo = member.directAddress ?? inbound.requester.directAddress;
  if (replyTo) {
    // First write wins, so a retried submit keeps the handle sealed the first time.
    const sealed = sealReplyAddress(deps.secret, network.id, feedback.number, { platform: member.platform, address: replyTo });
    await deps.store.saveReplyHandle(network.id, feedback.number, sealed);
  }
  const reference = feedbackReference(feedback.number);
  return card('feedback-done', {
    reference,
    theme: plain(feedback.theme),
    text: plain(feedback.text),
    anonymity: feedback.anonymous ? 'Anonymously' : `As ${member.name}`,
    notice: created
      ? `Thanks: your feedback reached the network as ${reference}. Chairs will see it in the next summary${
          replyTo ? `, and when they reply I will pass it on to you here${feedback.anonymous ? ' without telling them who you are' : ''}` : ''
        }.`
      : `You already sent this as ${reference}: it is counted once.`,
  });
}
