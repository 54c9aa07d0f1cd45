import type { ForumLanguage, Language } from './i18n/language';
/** Platform-neutral domain types of Techvoice. */

/** The Technician Commitment's four themes: what feedback and pulses are about. */
export const THEMES = ['Visibility', 'Recognition', 'Career Development', 'Sustainability'] as const;
export type Theme = (typeof THEMES)[number];
/** An action plan also has actions that evaluate the commitment's impact. */
export const ACTION_THEMES = [...THEMES, 'Evaluating Impact'] as const;
export type ActionTheme = (typeof ACTION_THEMES)[number];
export const FEEDBACK_THEMES = [...THEMES, 'Other'] as const;
export type FeedbackTheme = (typeof FEEDBACK_THEMES)[number];

export type Platform = 'teams' | 'slack';

/** Who the records of a forgotten member name: a marker, never a sentence; what people read is said where they read it. */
export const FORGOTTEN = 'forgotten';
/** Who made the history entries a plan import writes: a marker, named in the reader's language. */
export const PLAN_IMPORT_ACTOR = 'import';
export const ROLES = ['member', 'owner', 'chair', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const RAG_STATUSES = ['red', 'amber', 'green'] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];

/** Where a platform's team/tenant/workspace belongs: one network per institution. */
export interface WorkspaceLink {
  platform: Platform;
  /** Teams tenant id or Slack team id. */
  externalId: string;
  networkId: string;
}

export interface QuietHours {
  /** Local time "HH:mm" when quiet starts, e.g. "18:00". */
  start: string;
  /** Local time "HH:mm" when quiet ends, e.g. "08:00". */
  end: string;
}

export interface Network {
  id: string;
  name: string;
  /** IANA time zone, e.g. "Europe/London". */
  timeZone: string;
  quietHours: QuietHours | null;
  quietWeekends: boolean;
  anonymityThreshold: number;
  /** Days before an action's due date when its owner is reminded. */
  reminderDaysBefore: number[];
  /** Days without an update after which an open action's owner is nudged. */
  staleAfterDays: number;
  /** How long feedback and pulse answers are kept; null keeps them. */
  retention: RetentionPolicy;
  /**
   * Show the distribution of a pulse round while it is open. Off by default: each new answer
   * would change what a chair sees and tell them what that person chose.
   */
  liveResults: boolean;
  /** The language for people who have not chosen one and whose platform does not say. */
  language: Language;
  createdAt: string;
}

export interface RetentionPolicy {
  /** Feedback is deleted this many days after it was given. */
  feedbackDays: number | null;
  /** Pulse answers are deleted this many days after their round closed. */
  answersDays: number | null;
}

/** A chair's or admin's act, kept so a network can see who did what. */
export interface AuditEntry {
  networkId: string;
  at: string;
  /** Member id of who acted. */
  actorId: string;
  actorName: string;
  /** What was done, e.g. "roles.set" or "summary". */
  act: string;
  /** References only (ids, numbers), never feedback text. */
  detail: string;
}

export interface Member {
  id: string;
  networkId: string;
  platform: Platform;
  /** Teams user id (29:...) or Slack user id (U...). */
  platformUserId: string;
  /** Azure AD object id on Teams, used to match TECHVOICE_ADMINS. */
  aadObjectId: string | null;
  name: string;
  email: string | null;
  roles: Role[];
  /**
   * Opaque, platform-specific address for a direct message (a Teams conversation reference
   * as JSON, or the Slack user id). Null until known.
   */
  directAddress: string | null;
  unreachable: boolean;
  /**
   * The platform identity of this person's account on the other platform, once they proved
   * both are theirs with a one-time code; null until then.
   */
  linkedPerson: string | null;
  /** The language this person chose (`language cymraeg`); null until they choose. */
  language: Language | null;
  /** The language their Teams or Slack client was last seen in, when Techvoice speaks it. */
  seenLanguage: Language | null;
  createdAt: string;
}

export interface Forum {
  id: string;
  networkId: string;
  platform: Platform;
  /** Channel or chat id on the platform. */
  channelId: string;
  name: string;
  /** Opaque, platform-specific address for posting into the channel. */
  address: string;
  /** What the forum's posts are in; null follows the network's language. */
  language: ForumLanguage | null;
  createdAt: string;
}

export const FEEDBACK_STATUSES = ['new', 'acknowledged', 'linked', 'closed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export interface Feedback {
  networkId: string;
  /** Per-network number, shown as FB-<number>. */
  number: number;
  theme: FeedbackTheme;
  text: string;
  anonymous: boolean;
  /** Null for anonymous feedback: the author is never stored with it. */
  authorMemberId: string | null;
  status: FeedbackStatus;
  /** Action number this feedback led to, when linked. */
  linkedAction: string | null;
  /** The "you said, we did" reply, once closed. */
  reply: string | null;
  platform: Platform;
  createdAt: string;
  updatedAt: string;
}

export const PULSE_KINDS = ['likert', 'yesno', 'choice', 'nps', 'text'] as const;
export type PulseKind = (typeof PULSE_KINDS)[number];

export type PulseAudience = { type: 'forum'; forumId: string } | { type: 'members' };

export interface PulseQuestion {
  networkId: string;
  /** Per-network number, shown as P-<number>. */
  number: number;
  text: string;
  kind: PulseKind;
  /** Options for the single-choice kind; empty otherwise. */
  choices: string[];
  theme: Theme;
  anonymous: boolean;
  audience: PulseAudience;
  /** Cron expression for recurring pulses, null for one-off. */
  schedule: string | null;
  /** How long each round stays open, in hours. */
  windowHours: number;
  createdBy: string;
  createdAt: string;
}

export interface PulseRound {
  id: string;
  networkId: string;
  questionNumber: number;
  opensAt: string;
  closesAt: string;
  /** Number of people the round was sent to (for response rates). */
  askedCount: number;
  /**
   * Part of every respondent key of the round while it is open; erased once it has closed
   * (the round is sealed: ''), after which not even the server key ties an answer to a
   * person. Null for rounds made before sealing existed.
   */
  answerSalt: string | null;
  createdAt: string;
}

export interface PulseAnswer {
  roundId: string;
  /** Keyed one-way hash of the respondent: dedupes without identifying. */
  respondentKey: string;
  /** Null for anonymous rounds. */
  memberId: string | null;
  value: string;
  platform: Platform;
  answeredAt: string;
}

export const PLAN_STAGES = ['stage-one', 'stage-two', 'stage-three'] as const;
/** Stage One plans run 24 months; Stage Two and Stage Three plans run 36 months. */
export type PlanStage = (typeof PLAN_STAGES)[number];
export const PLAN_STATES = ['draft', 'current', 'closed'] as const;
/** A network has at most one current plan; only its actions get reminders. */
export type PlanState = (typeof PLAN_STATES)[number];

/** The RAG of a plan's actions frozen on the day it closed (what Stage Two/Three ask for). */
export interface RagSnapshot {
  /** Date of the close, "YYYY-MM-DD". */
  at: string;
  counts: Record<RagStatus, number>;
  actions: { number: string; title: string; theme: ActionTheme; status: RagStatus; note: string }[];
}

export interface Plan {
  networkId: string;
  id: string;
  name: string;
  stage: PlanStage;
  /** Period, "YYYY-MM-DD" both. */
  start: string;
  end: string;
  state: PlanState;
  createdAt: string;
  closedAt: string | null;
  /** Set when the plan is closed, never changed after. */
  ragAtClose: RagSnapshot | null;
}

/** Where a carried-over action came from. */
export interface ActionOrigin {
  planId: string;
  number: string;
}

export interface Action {
  networkId: string;
  planId: string;
  /** Plan number, e.g. "1.6". Unique within a plan. */
  number: string;
  /** The action as written in the plan (up to 2,000 characters). */
  title: string;
  /** Optional short title for cards; empty when the plan has none. */
  shortTitle: string;
  theme: ActionTheme;
  /** Cross-cutting Equality, Diversity and Inclusion tag. */
  edi: boolean;
  /** Who leads it as written: an e-mail, or a role or group ("Technician Commitment Steering Group"). */
  owner: string;
  /** The owner's e-mail address (who may update it and gets reminders), or null for a group without one. */
  ownerEmail: string | null;
  /** Due date, "YYYY-MM-DD"; null for an ongoing action (no due reminders). */
  due: string | null;
  /** The due date as the plan wrote it ("Q3 2025", "Ongoing", "31/03/2026"). */
  dueAsWritten: string;
  status: RagStatus;
  note: string;
  successMeasure: string;
  evidence: string;
  carriedFrom: ActionOrigin | null;
  updatedAt: string;
  /** Increases with every update; used for optimistic concurrency. */
  version: number;
}

export interface ActionUpdate {
  networkId: string;
  planId: string;
  actionNumber: string;
  at: string;
  /** Member id of who made the update, or "import". */
  by: string;
  byName: string;
  status: RagStatus;
  note: string;
  evidence: string;
}

/** Anonymous means anonymous: no store keeps an author with anonymous feedback. */
export function assertAnonymousFeedbackHasNoAuthor(feedback: Pick<Feedback, 'anonymous' | 'authorMemberId'>): void {
  if (feedback.anonymous && feedback.authorMemberId !== null) {
    throw new Error('Anonymous feedback must not carry an author');
  }
}
