import type { CardName } from '../cards';
import type { Language } from './language';
import { defineText } from './text';
import { CONSULTATION_LABELS, NARRATIVE_EDIT_LABELS, NARRATIVE_LIST_LABELS, PROFILE_LABELS } from '../submission/text';

/** The fixed words of a card's template (buttons, labels, headings), bound as `${$root.t.key}`. */
export type CardLabels = Readonly<Record<string, string>>;

const NONE: Record<Language, CardLabels> = { en: {}, cy: {} };

/** Every card's labels in every language: a card without an entry is a compile error. */
const CARD_LABELS: { readonly [N in CardName]: Record<Language, CardLabels> } = {
  'action-update': NONE,
  'actions-list': NONE,
  consultation: CONSULTATION_LABELS,
  details: NONE,
  digest: NONE,
  'feedback-done': NONE,
  'feedback-form': NONE,
  'feedback-inbox': NONE,
  'feedback-reply': NONE,
  'feedback-respond': NONE,
  'forget-confirm': NONE,
  help: defineText('card:help', { otherLanguage: 'Cymraeg' }, { otherLanguage: 'English' }).languages,
  message: NONE,
  'narrative-edit': NARRATIVE_EDIT_LABELS,
  'narrative-list': NARRATIVE_LIST_LABELS,
  profile: PROFILE_LABELS,
  'pulse-create': NONE,
  'pulse-list': NONE,
  'pulse-question': NONE,
  'pulse-results': NONE,
  reminder: NONE,
  roles: NONE,
  schedule: NONE,
  summary: NONE,
};

export function cardLabels(name: CardName, language: Language): CardLabels {
  return CARD_LABELS[name][language];
}
