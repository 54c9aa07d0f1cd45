import { card, CARD_VERSION, inLanguage, NO_NOTICE, type Card, type Choice } from '../cards';
import type { CoreDeps } from '../deps';
import { keyedHash, personKey } from '../identity';
import { FEEDBACK_THEMES, type Feedback, type FeedbackTheme } from '../model';
import type { Language } from '../i18n/language';
import { themeName } from '../i18n/words';
import { FEEDBACK_TEXT } from './text';
import { now, nowIso, toTheHour } from '../clock';
import type { Session } from '../session';
import { LIMITS } from '../card-input';
import type { FeedbackSubmitInput } from './inputs';
import { randomUUID } from 'node:crypto';
import { sealReplyAddress } from './sealed-reply';
import { plain } from '../markdown';

export const themeChoices = (themes: readonly FeedbackTheme[], language: Language = 'en'): Choice[] =>
  themes.map((theme) => ({ title: themeName(theme, language), value: theme }));

export const feedbackReference = (number: number): string => `FB-${number}`;

/** The time written on a feedback item: to the hour when it is anonymous (see docs/anonymity.md). */
export const stampFor = (feedback: Pick<Feedback, 'anonymous'>): string => (feedback.anonymous ? toTheHour(now()) : nowIso());

export function feedbackForm(
  values: { theme?: string; text?: string; anonymous?: boolean } = {},
  error = '',
  language: Language = 'en',
): Card {
  const form = card('feedback-form', {
    ...NO_NOTICE,
    error,
    cv: CARD_VERSION,
    formId: randomUUID(),
    themes: themeChoices(FEEDBACK_THEMES, language),
    maxLength: LIMITS.feedbackText,
    values: {
      theme: values.theme ?? '',
      text: values.text ?? '',
      anonymous: String(values.anonymous ?? true),
    },
  });
  // Its error is in this language: the form is drawn in it too.
  return inLanguage(form, language);
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
    const sealed = sealReplyAddress(deps.secret, network.id, feedback.number, { platform: member.platform, address: replyTo, language: session.language });
    await deps.store.saveReplyHandle(network.id, feedback.number, sealed);
  }
  const reference = feedbackReference(feedback.number);
  const t = FEEDBACK_TEXT(session.language);
  return card('feedback-done', {
    reference,
    theme: themeName(feedback.theme, session.language),
    text: plain(feedback.text),
    anonymity: feedback.anonymous ? t.anonymously : t.asMember(member.name),
    notice: created ? t.thanks(reference, Boolean(replyTo), feedback.anonymous) : t.sentAlready(reference),
  });
}
