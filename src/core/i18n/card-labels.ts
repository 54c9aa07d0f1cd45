import type { CardName } from '../cards';
import type { Language } from './language';
import { defineText } from './text';
import { rolesCardLabels } from '../network/text';
import { forgetConfirmLabels } from '../privacy/text';
import { scheduleCardLabels } from '../summary/schedule-text';
import { summaryCardLabels } from '../summary/text';

/** The fixed words of a card's template (buttons, labels, headings), bound as `${$root.t.key}`. */
export type CardLabels = Readonly<Record<string, string>>;

const NONE: Record<Language, CardLabels> = { en: {}, cy: {} };

/** Every card's labels in every language: a card without an entry is a compile error. */
const CARD_LABELS: { readonly [N in CardName]: Record<Language, CardLabels> } = {
  'action-update': NONE,
  'actions-list': NONE,
  consultation: NONE,
  details: NONE,
  digest: NONE,
  'feedback-done': NONE,
  'feedback-form': NONE,
  'feedback-inbox': NONE,
  'feedback-reply': NONE,
  'feedback-respond': NONE,
  'forget-confirm': forgetConfirmLabels,
  help: defineText('card:help', { otherLanguage: 'Cymraeg' }, { otherLanguage: 'English' }).languages,
  message: NONE,
  'narrative-edit': NONE,
  'narrative-list': NONE,
  profile: NONE,
  'pulse-create': NONE,
  'pulse-list': NONE,
  'pulse-question': NONE,
  'pulse-results': NONE,
  reminder: NONE,
  roles: rolesCardLabels,
  schedule: scheduleCardLabels,
  summary: summaryCardLabels,
};

export function cardLabels(name: CardName, language: Language): CardLabels {
  return CARD_LABELS[name][language];
}
