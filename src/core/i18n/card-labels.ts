import type { CardName } from '../cards';
import type { Language } from './language';
import { defineText } from './text';
import { FEEDBACK_DONE_LABELS, FEEDBACK_FORM_LABELS, FEEDBACK_INBOX_LABELS, FEEDBACK_REPLY_LABELS, FEEDBACK_RESPOND_LABELS } from '../feedback/text';
import { PULSE_CREATE_LABELS, PULSE_LIST_LABELS, PULSE_QUESTION_LABELS, PULSE_RESULTS_LABELS } from '../pulses/text';
import { actionsListLabels, actionUpdateLabels, reminderLabels } from '../actions/text';
import { rolesCardLabels } from '../network/text';
import { forgetConfirmLabels } from '../privacy/text';
import { scheduleCardLabels } from '../summary/schedule-text';
import { summaryCardLabels } from '../summary/text';
import { CONSULTATION_LABELS, NARRATIVE_EDIT_LABELS, NARRATIVE_LIST_LABELS, PROFILE_LABELS } from '../submission/text';

/** The fixed words of a card's template (buttons, labels, headings), bound as `${$root.t.key}`. */
export type CardLabels = Readonly<Record<string, string>>;

const NONE: Record<Language, CardLabels> = { en: {}, cy: {} };

/** Every card's labels in every language: a card without an entry is a compile error. */
const CARD_LABELS: { readonly [N in CardName]: Record<Language, CardLabels> } = {
  'action-update': actionUpdateLabels,
  'actions-list': actionsListLabels,
  consultation: CONSULTATION_LABELS,
  details: NONE,
  digest: NONE,
  'feedback-done': FEEDBACK_DONE_LABELS,
  'feedback-form': FEEDBACK_FORM_LABELS,
  'feedback-inbox': FEEDBACK_INBOX_LABELS,
  'feedback-reply': FEEDBACK_REPLY_LABELS,
  'feedback-respond': FEEDBACK_RESPOND_LABELS,
  'forget-confirm': forgetConfirmLabels,
  help: defineText('card:help', { otherLanguage: 'Cymraeg' }, { otherLanguage: 'English' }).languages,
  message: NONE,
  'narrative-edit': NARRATIVE_EDIT_LABELS,
  'narrative-list': NARRATIVE_LIST_LABELS,
  profile: PROFILE_LABELS,
  'pulse-create': PULSE_CREATE_LABELS,
  'pulse-list': PULSE_LIST_LABELS,
  'pulse-question': PULSE_QUESTION_LABELS,
  'pulse-results': PULSE_RESULTS_LABELS,
  reminder: reminderLabels,
  roles: rolesCardLabels,
  schedule: scheduleCardLabels,
  summary: summaryCardLabels,
};

export function cardLabels(name: CardName, language: Language): CardLabels {
  return CARD_LABELS[name][language];
}
