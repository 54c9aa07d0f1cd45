/**
 * Platform-neutral card models. Each card name has one template under `cards/`; the
 * Teams adapter renders it as an Adaptive Card and the Slack adapter as Block Kit.
 * Data must be complete: every field a template binds is present (no undefined).
 */

/** Bumped when card actions change shape; older cards get a "please refresh" message. */
export const CARD_VERSION = 1;

export interface Choice {
  title: string;
  value: string;
}

/** A short status line shown at the top of a card: a confirmation or a problem to fix. */
export interface Notice {
  notice: string;
  error: string;
}

export interface HelpCard {
  intro: string;
  commands: { command: string; description: string }[];
}

export interface FeedbackFormCard extends Notice {
  cv: number;
  formId: string;
  themes: Choice[];
  maxLength: number;
  values: { theme: string; text: string; anonymous: string };
}

export interface FeedbackDoneCard {
  reference: string;
  theme: string;
  text: string;
  anonymity: string;
  notice: string;
}

export interface PulseCreateCard extends Notice {
  cv: number;
  formId: string;
  themes: Choice[];
  kinds: Choice[];
  audiences: Choice[];
  values: {
    text: string;
    kind: string;
    choices: string;
    theme: string;
    anonymous: string;
    audience: string;
    closesDate: string;
    closesTime: string;
  };
}

export interface PulseQuestionCard extends Notice {
  cv: number;
  roundId: string;
  reference: string;
  question: string;
  theme: string;
  closes: string;
  anonymity: string;
  isOpen: boolean;
  isText: boolean;
  choices: Choice[];
  values: { answer: string };
}

export interface PulseListCard extends Notice {
  cv: number;
  canCreate: boolean;
  intro: string;
  rounds: {
    roundId: string;
    reference: string;
    question: string;
    status: string;
    canSeeResults: boolean;
  }[];
}

export interface PulseResultsCard {
  reference: string;
  question: string;
  theme: string;
  status: string;
  responses: string;
  withheld: boolean;
  withheldReason: string;
  rows: { label: string; count: string; bar: string }[];
  texts: { text: string }[];
}

export interface ActionsListCard extends Notice {
  cv: number;
  title: string;
  empty: string;
  actions: {
    number: string;
    title: string;
    details: string;
    status: string;
    colour: 'attention' | 'warning' | 'good';
    note: string;
    canUpdate: boolean;
  }[];
}

export interface ActionUpdateCard extends Notice {
  cv: number;
  number: string;
  title: string;
  details: string;
  version: number;
  statuses: Choice[];
  values: { status: string; note: string; evidence: string };
  history: { line: string }[];
}

export interface SummaryCard {
  title: string;
  period: string;
  rounds: { line: string; detail: string }[];
  noRounds: string;
  feedback: { title: string; value: string }[];
  feedbackTotal: string;
  rag: { theme: string; red: string; amber: string; green: string }[];
  attention: { line: string }[];
  noAttention: string;
  footnote: string;
}

export interface RolesCard extends Notice {
  cv: number;
  people: { name: string; roles: string }[];
  members: Choice[];
  roles: Choice[];
  values: { member: string; roles: string; email: string };
}

export interface MessageCard {
  title: string;
  text: string;
  style: 'default' | 'good' | 'attention' | 'warning';
}

export interface CardDataByName {
  help: HelpCard;
  'feedback-form': FeedbackFormCard;
  'feedback-done': FeedbackDoneCard;
  'pulse-create': PulseCreateCard;
  'pulse-question': PulseQuestionCard;
  'pulse-list': PulseListCard;
  'pulse-results': PulseResultsCard;
  'actions-list': ActionsListCard;
  'action-update': ActionUpdateCard;
  summary: SummaryCard;
  roles: RolesCard;
  message: MessageCard;
}

export type CardName = keyof CardDataByName;

export type Card = { [N in CardName]: { name: N; data: CardDataByName[N] } }[CardName];

export function card<N extends CardName>(name: N, data: CardDataByName[N]): Card {
  return { name, data } as Card;
}

export function messageCard(title: string, text: string, style: MessageCard['style'] = 'default'): Card {
  return card('message', { title, text, style });
}

export const NO_NOTICE: Notice = { notice: '', error: '' };
