/**
 * Platform-neutral card models. Each card name has one template under `cards/`; the
 * Teams adapter renders it as an Adaptive Card and the Slack adapter as Block Kit.
 * Data must be complete: every field a template binds is present (no undefined).
 */

/** Bumped when card actions change shape; older cards get a "please refresh" message. */
import type { Language } from './i18n/language';

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
  cv: number;
  intro: string;
  commands: { command: string; description: string }[];
  /** The other language, offered as a button named in that language. */
  otherLanguage: Language;
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
  /** Schedule choices for a repeating pulse (the schedule inputs are left out without them). */
  repeats?: Choice[];
  weekdays?: Choice[];
  windows?: Choice[];
  values: {
    text: string;
    kind: string;
    choices: string;
    theme: string;
    anonymous: string;
    audience: string;
    closesDate: string;
    closesTime: string;
    repeat?: string;
    weekday?: string;
    time?: string;
    windowHours?: string;
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
    canAnswer: boolean;
    /** Button titles name the pulse: a list can hold several. */
    answerTitle: string;
    resultsTitle: string;
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

/** An action list that fits on one page. */
export const NO_PAGING = { more: '', paging: false, hasPrevious: false, hasNext: false, filter: '', previousPage: 0, nextPage: 0, pageLabel: '' } as const;

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
  /** A line after the list saying how many actions are not shown and where to see them. */
  more: string;
  /** More than one page: show the page label and the Previous/Next buttons. */
  paging: boolean;
  hasPrevious: boolean;
  hasNext: boolean;
  /** The filter as words, carried by the buttons. */
  filter: string;
  previousPage: number;
  nextPage: number;
  pageLabel: string;
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

/** Where a client cannot draw a chart: its picture (a link, '' when there is none) or its text. */
export interface ChartPicture {
  image: string;
  altText: string;
  fallback: string;
}

export interface OverviewChart extends ChartPicture {
  title: string;
  series: { legend: string; color?: string; values: { x: string; y: number }[] }[];
}

export interface SummaryCard {
  title: string;
  period: string;
  /** What the summary is narrowed to, e.g. "Theme: Recognition · Teams only"; empty for everything. */
  filters: string;
  /** Per theme: its pulse rounds and response rate, then one fact per scale with average and trend. */
  themes: { heading: string; scales: { title: string; value: string }[] }[];
  noThemes: string;
  /** Answer distributions (Adaptive `Chart.VerticalBar`; where it cannot be drawn, its picture or text bars). */
  charts: (ChartPicture & { title: string; bars: { x: string; y: number }[] })[];
  /** The pulse score per quarter and theme (`Chart.Line`): none or one. */
  trendChart: OverviewChart[];
  /** The plan's RAG position by theme (stacked `Chart.VerticalBar.Grouped`): none or one. */
  planChart: OverviewChart[];
  rounds: { line: string; detail: string }[];
  noRounds: string;
  feedback: { title: string; value: string }[];
  feedbackTotal: string;
  feedbackStatus: { title: string; value: string }[];
  ledToAction: string;
  rag: { theme: string; red: string; amber: string; green: string; total: string }[];
  noRag: string;
  changes: { line: string }[];
  noChanges: string;
  attention: { line: string }[];
  noAttention: string;
  footnote: string;
}

export interface RolesCard extends Notice {
  cv: number;
  people: { name: string; roles: string }[];
  members: Choice[];
  roles: Choice[];
  /** Whether saving gives or takes away the ticked roles. */
  changes: Choice[];
  values: { member: string; roles: string; email: string; change: string };
}

export interface MessageCard {
  title: string;
  text: string;
  style: 'default' | 'good' | 'attention' | 'warning';
}

/** A direct-message reminder to an action's owner, with update / mark done / snooze buttons. */
export interface ReminderCard {
  cv: number;
  number: string;
  title: string;
  /** Why the reminder was sent, e.g. "It is due on 4 Dec 2026, in 3 days." */
  why: string;
  details: string;
  version: number;
  snoozeDays: string;
  notice: string;
}

/** The weekly digest to chairs: headed sections of one-line items. */
export interface DigestCard {
  title: string;
  period: string;
  sections: { heading: string; empty: string; lines: { line: string }[] }[];
}

/** Chairs' list of feedback still to respond to. */
export interface FeedbackInboxCard extends Notice {
  cv: number;
  intro: string;
  items: { number: string; heading: string; text: string; meta: string }[];
}

/** One feedback item for a chair: acknowledge, link to an action, reply ("you said, we did"). */
export interface FeedbackRespondCard extends Notice {
  cv: number;
  number: string;
  heading: string;
  text: string;
  /** "Anonymous" or the named author: never more than the author chose to share. */
  from: string;
  linked: string;
  reply: string;
  canAcknowledge: boolean;
  isClosed: boolean;
  actions: Choice[];
  reachable: string;
  values: { action: string; reply: string };
}

/** What the author receives: their words, the reply, and the action it led to. */
export interface FeedbackReplyCard {
  title: string;
  said: string;
  did: string;
  action: string;
}

/** A read-only record: a title, facts and lines (someone's data, the audit log). */
export interface DetailsCard {
  title: string;
  intro: string;
  facts: { title: string; value: string }[];
  lines: { line: string }[];
  note: string;
}

export interface ForgetConfirmCard {
  cv: number;
  text: string;
}

/** An admin's form for the institution profile the submission's cover and sign-off show. */
export interface ProfileCard extends Notice {
  cv: number;
  stages: Choice[];
  values: { name: string; leadName: string; leadEmail: string; leadPhone: string; headName: string; signatoryDate: string; webPage: string; stage: string; planPeriod: string; governance: string };
}

/** The narrative sections of the submission, each with whether it is written yet. */
export interface NarrativeListCard extends Notice {
  cv: number;
  intro: string;
  sections: { key: string; name: string; status: string; question: string }[];
}

/** One narrative section with a long text field. */
export interface NarrativeEditCard extends Notice {
  cv: number;
  section: string;
  name: string;
  question: string;
  values: { text: string };
}

/** A form recording a consultation, with the ones recorded so far. */
export interface ConsultationCard extends Notice {
  cv: number;
  formId: string;
  kinds: Choice[];
  values: { heldOn: string; kind: string; participants: string; summary: string; actionsShaped: string };
  recorded: { title: string; value: string }[];
}

/** When forum summaries and the chairs' digest go out, in words, with a form to change one. */
export interface ScheduleCard extends Notice {
  cv: number;
  /** The forum whose channel the card is in (its own summary schedule); empty elsewhere. */
  forumId: string;
  facts: { title: string; value: string }[];
  note: string;
  reports: Choice[];
  repeats: Choice[];
  weekdays: Choice[];
  values: { report: string; repeat: string; weekday: string; time: string };
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
  details: DetailsCard;
  'forget-confirm': ForgetConfirmCard;
  'feedback-inbox': FeedbackInboxCard;
  'feedback-respond': FeedbackRespondCard;
  'feedback-reply': FeedbackReplyCard;
  reminder: ReminderCard;
  digest: DigestCard;
  profile: ProfileCard;
  'narrative-list': NarrativeListCard;
  'narrative-edit': NarrativeEditCard;
  consultation: ConsultationCard;
  schedule: ScheduleCard;
}

export type CardName = keyof CardDataByName;

/** A card's model: its template, its data, and the language its labels are drawn in (English when not given). */
export type Card = { [N in CardName]: { name: N; data: CardDataByName[N]; language?: Language } }[CardName];

/** The card drawn in a language, unless it already has one (a card built for someone else keeps theirs). */
export function inLanguage(card: Card, language: Language): Card {
  return card.language ? card : { ...card, language };
}

export function card<N extends CardName>(name: N, data: CardDataByName[N]): Card {
  return { name, data } as Card;
}

export function messageCard(title: string, text: string, style: MessageCard['style'] = 'default'): Card {
  return card('message', { title, text, style });
}

export const NO_NOTICE: Notice = { notice: '', error: '' };
