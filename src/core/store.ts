import type {
  Action,
  AuditEntry,
  ActionUpdate,
  Feedback,
  FeedbackStatus,
  Forum,
  Member,
  Network,
  Plan,
  Platform,
  PulseAnswer,
  PulseQuestion,
  PulseRound,
  WorkspaceLink,
} from './model';
import type { Consultation, InstitutionProfile, NarrativeSection } from './submission/model';
import type { RateWindow } from './outbox/outbox-pacing';

/** Id of the plan that actions kept before plans existed were moved into. */
export const LEGACY_PLAN_ID = 'initial';

/** Outcome of a create that may be retried by a platform or a double click. */
export interface Created<T> {
  value: T;
  /** False when the idempotency key had been seen already and the earlier value was returned. */
  created: boolean;
}

/**
 * How many answers a round got with one value on one platform (the summary's building block).
 * Answers to a free-text question are counted under the value '': their text is read from the
 * answers themselves (listAnswers), never from counts.
 */
export interface AnswerCount {
  roundId: string;
  value: string;
  platform: Platform;
  count: number;
}

/** An answer that reached the store after its round was sealed: it is not recorded. */
export class RoundClosedError extends Error {
  constructor(readonly roundId: string) {
    super(`Round ${roundId} is sealed: the answer was not recorded`);
    this.name = 'RoundClosedError';
  }
}

/**
 * What countAnswers needs of a round, as listRounds gives it: which round, and where a store
 * keeps the counts of a sealed one (Cosmos DB: with its network's other rounds that closed the
 * same day).
 */
export type CountedRound = Pick<PulseRound, 'id' | 'networkId' | 'closesAt' | 'answerSalt'>;

/** How many feedback items of a theme, status and platform were created in a period. */
export interface FeedbackCount {
  theme: Feedback['theme'];
  status: Feedback['status'];
  platform: Platform;
  /** Action number the items led to, or null. */
  linkedAction: string | null;
  count: number;
}

export type DeliveryState = 'pending' | 'sent' | 'unreachable';

/** One message to one recipient, kept until it has been sent (the outbox). */
export interface Delivery {
  /** Unique per (job, recipient): `${jobKey}|${recipientKey}`. */
  id: string;
  networkId: string;
  jobKey: string;
  recipientKey: string;
  platform: Platform;
  /** Platform-specific address (Teams conversation reference JSON, Slack channel/user id). */
  address: string;
  /** JSON of the message to send (see core/messages.ts OutgoingMessage). */
  payload: string;
  state: DeliveryState;
  attempts: number;
  /** ISO time before which the delivery must not be tried (backoff, quiet hours, Retry-After). */
  notBefore: string;
  /** Instance holding the claim, and until when; a lapsed claim may be taken over. */
  claimedBy: string | null;
  claimedUntil: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

/**
 * Everything Techvoice keeps. Two implementations (SQLite and Azure Cosmos DB) pass one
 * contract suite (test/store/contract.ts). All times are ISO-8601 UTC strings.
 */
export interface Store {
  /** Returns the stored value for `key`, storing `value` first if there was none. */
  getOrCreateSetting(key: string, value: string): Promise<string>;
  /** Removes a setting and returns what it held (null when there was none): once only, however many ask at once. */
  takeSetting(key: string): Promise<string | null>;
  /** The stored value for `key`, or null when there is none. */
  getSetting(key: string): Promise<string | null>;
  /** Stores `value` for `key`, replacing what was there. */
  putSetting(key: string, value: string): Promise<void>;

  createNetwork(network: Network): Promise<void>;
  getNetwork(id: string): Promise<Network | null>;
  updateNetwork(network: Network): Promise<void>;
  listNetworks(): Promise<Network[]>;
  /** Creates or moves the link of a Teams tenant / Slack workspace to a network. */
  linkWorkspace(link: WorkspaceLink): Promise<void>;
  findWorkspace(platform: Platform, externalId: string): Promise<WorkspaceLink | null>;
  listWorkspaces(networkId: string): Promise<WorkspaceLink[]>;

  upsertMember(member: Member): Promise<void>;
  getMember(networkId: string, id: string): Promise<Member | null>;
  findMember(networkId: string, platform: Platform, platformUserId: string): Promise<Member | null>;
  listMembers(networkId: string): Promise<Member[]>;

  upsertForum(forum: Forum): Promise<void>;
  getForum(networkId: string, id: string): Promise<Forum | null>;
  listForums(networkId: string): Promise<Forum[]>;

  /** Stores new feedback with the next per-network number, once per idempotency key. */
  createFeedback(
    feedback: Omit<Feedback, 'number'>,
    idempotencyKey: string,
  ): Promise<Created<Feedback>>;
  getFeedback(networkId: string, number: number): Promise<Feedback | null>;
  updateFeedback(feedback: Feedback): Promise<void>;
  /**
   * Stores `feedback` only while the stored item's status is one of `from`; false otherwise.
   * Of two chairs replying at once exactly one gets true, and the stored reply is theirs; an
   * acknowledgement or a link racing a reply cannot reopen the item or lose the reply.
   */
  updateFeedbackFrom(feedback: Feedback, from: readonly FeedbackStatus[]): Promise<boolean>;
  /** Feedback created in [since, until), oldest first. */
  listFeedback(networkId: string, since: string, until: string): Promise<Feedback[]>;

  createPulseQuestion(
    question: Omit<PulseQuestion, 'number'>,
    idempotencyKey: string,
  ): Promise<Created<PulseQuestion>>;
  getPulseQuestion(networkId: string, number: number): Promise<PulseQuestion | null>;
  listPulseQuestions(networkId: string): Promise<PulseQuestion[]>;
  createRound(round: PulseRound): Promise<void>;
  getRound(id: string): Promise<PulseRound | null>;
  /** Erases a round's answer salt (see PulseRound.answerSalt). True if this call erased it. */
  sealRound(id: string): Promise<boolean>;
  /** Rounds that opened in [since, until), oldest first. */
  listRounds(networkId: string, since: string, until: string): Promise<PulseRound[]>;
  /** Stores or replaces a respondent's answer to a round; a RoundClosedError once the round is sealed. */
  saveAnswer(answer: PulseAnswer): Promise<'created' | 'updated'>;
  getAnswer(roundId: string, respondentKey: string): Promise<PulseAnswer | null>;
  listAnswers(roundId: string): Promise<PulseAnswer[]>;

  /** Adds a plan. At most one plan of a network is current: making a second one current fails. */
  createPlan(plan: Plan): Promise<void>;
  getPlan(networkId: string, id: string): Promise<Plan | null>;
  /** The network's plans, oldest first. */
  listPlans(networkId: string): Promise<Plan[]>;
  /** The plan whose actions get reminders, or null when there is none. */
  getCurrentPlan(networkId: string): Promise<Plan | null>;
  updatePlan(plan: Plan): Promise<void>;

  /**
   * Creates or replaces actions by (plan, number) and appends the given history entries.
   * Each action and update names its plan.
   */
  importActions(networkId: string, actions: Action[], updates: ActionUpdate[]): Promise<void>;
  /** Deletes actions of a plan (with their history). */
  removeActions(networkId: string, planId: string, numbers: string[]): Promise<void>;
  /** Actions of a plan by number; without `planId`, of the current plan (none if there is none). */
  listActions(networkId: string, planId?: string): Promise<Action[]>;
  /** An action of a plan; without `planId`, of the current plan. */
  getAction(networkId: string, number: string, planId?: string): Promise<Action | null>;
  /**
   * Writes `action` (whose version must be expectedVersion + 1) and appends `update`, only
   * if the stored version is still `expectedVersion`. Returns false on a conflict.
   */
  updateAction(action: Action, expectedVersion: number, update: ActionUpdate): Promise<boolean>;
  /** History of an action, oldest first; without `planId`, of the current plan's action. */
  listActionUpdates(networkId: string, number: string, planId?: string): Promise<ActionUpdate[]>;
  /** Every action update of a network (all plans) made in [since, until), oldest first. */
  listActionUpdatesInPeriod(networkId: string, since: string, until: string): Promise<ActionUpdate[]>;

  /**
   * Answer counts of the given rounds by value and platform, none at 0. Read from counts kept
   * with every answer (docs/storage.md), so it costs at most one aggregate per round, not the
   * rounds' answers; on Cosmos DB the sealed rounds of a network that closed on one day share
   * one.
   */
  countAnswers(rounds: readonly CountedRound[]): Promise<AnswerCount[]>;
  /** Feedback created in [since, until), counted by theme, status, platform and linked action. */
  countFeedback(networkId: string, since: string, until: string): Promise<FeedbackCount[]>;

  /**
   * Keeps the sealed (encrypted) way back to a feedback item's author, apart from the
   * feedback row: only the server key opens it. Written once per item.
   */
  saveReplyHandle(networkId: string, feedbackNumber: number, sealed: string): Promise<void>;
  getReplyHandle(networkId: string, feedbackNumber: number): Promise<string | null>;

  /** Records that an inbound platform event was handled. True the first time a key is seen. */
  markProcessed(key: string, at: string): Promise<boolean>;
  /**
   * Forgets processed-event keys recorded before `before` (keep well beyond any platform's
   * retry window). Returns how many were removed.
   */
  pruneProcessed(before: string): Promise<number>;

  /** Adds deliveries that are not there yet (by id). Returns how many were added. */
  enqueueDeliveries(deliveries: Delivery[]): Promise<number>;
  /**
   * Claims up to `limit` pending deliveries whose notBefore has passed and whose claim is
   * free or lapsed, for `holder` until `until`. Two callers never get the same delivery
   * while a claim lasts.
   */
  claimDeliveries(holder: string, now: string, until: string, limit: number): Promise<Delivery[]>;
  /** Saves a claimed delivery's new state (sent, unreachable, or pending with a later notBefore) and its address (cleared once finished). */
  finishDelivery(delivery: Delivery): Promise<void>;
  listDeliveries(jobKey: string): Promise<Delivery[]>;

  /**
   * Reserves `count` send slots `intervalMs` apart from the budget `name` (a platform's
   * overall rate), the first no earlier than `notBeforeMs`, and returns the first one's time.
   * Every slot goes to one caller only, however many instances ask at once. A count of 0
   * only keeps the budget's next slot from coming before `notBeforeMs` (a Retry-After).
   * Times here are ms since the epoch: slots can be closer together than a millisecond.
   */
  reserveSendSlots(name: string, count: number, intervalMs: number, notBeforeMs: number): Promise<number>;
  /**
   * Records a send to the conversation `key` (a keyed hash, never an address) at `atMs` if,
   * beside the sends already recorded, it keeps within `windows`, and returns `atMs`.
   * Otherwise records nothing and returns the earliest time that would (see earliestWithin).
   * Sends are remembered for as long as the longest window only.
   */
  reserveConversationSend(key: string, windows: readonly RateWindow[], atMs: number): Promise<number>;

  /** Takes or renews a named lease for `holder` until `until` if it is free, lapsed or already held by `holder`. */
  acquireLease(name: string, holder: string, now: string, until: string): Promise<boolean>;

  /**
   * Forgets a member: deletes their member record, anonymises what they sent with their name
   * (feedback, pulse answers, action updates, audit entries) and drops the sealed reply
   * handles of their named feedback. Anonymous records are not touched (they are not linked).
   */
  forgetMember(networkId: string, memberId: string): Promise<ForgetCounts>;
  /** Named pulse answers a member gave, newest first. */
  listAnswersByMember(networkId: string, memberId: string): Promise<PulseAnswer[]>;
  /**
   * Deletes feedback created before `feedbackBefore` (with its reply handles) and the answers
   * of pulse rounds that closed before `answersBefore`; a null cut-off keeps everything of
   * that kind.
   */
  deleteExpired(networkId: string, feedbackBefore: string | null, answersBefore: string | null): Promise<ExpiredCounts>;

  getInstitutionProfile(networkId: string): Promise<InstitutionProfile | null>;
  saveInstitutionProfile(profile: InstitutionProfile): Promise<void>;
  /** Creates or replaces one narrative section of a plan. */
  saveNarrativeSection(section: NarrativeSection): Promise<void>;
  /** The narrative sections of one plan, in no particular order. */
  listNarrativeSections(networkId: string, planId: string): Promise<NarrativeSection[]>;
  /** Records a consultation once per id (a retried form returns the first one). */
  addConsultation(consultation: Consultation): Promise<Created<Consultation>>;
  /** A network's consultations, oldest held first. */
  listConsultations(networkId: string): Promise<Consultation[]>;
  /** Marks feedback a chair has cleared for quoting verbatim (without its author), or clears the mark. */
  setQuotable(networkId: string, feedbackNumber: number, quotable: boolean): Promise<void>;
  /** Numbers of the feedback marked quotable, ascending. */
  listQuotable(networkId: string): Promise<number[]>;

  appendAudit(entry: AuditEntry): Promise<void>;
  /** Audit entries in [since, until), oldest first. */
  listAudit(networkId: string, since: string, until: string): Promise<AuditEntry[]>;

  close(): Promise<void>;
}

export interface ForgetCounts {
  feedback: number;
  answers: number;
  actionUpdates: number;
}

export interface ExpiredCounts {
  feedback: number;
  answers: number;
}
