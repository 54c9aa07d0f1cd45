import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database, type Statement, type Transaction } from 'better-sqlite3';
import type {
  Action,
  AuditEntry,
  ActionUpdate,
  Feedback,
  FeedbackStatus,
  FeedbackTheme,
  Forum,
  Member,
  Network,
  Plan,
  Platform,
  PulseAnswer,
  PulseQuestion,
  PulseRound,
  WorkspaceLink,
} from '../../core/model';
import type { Consultation, InstitutionProfile, NarrativeSection } from '../../core/submission/model';
import { type AnswerCount, type CountedRound, type Created, type Delivery, type ExpiredCounts, type FeedbackCount, type ForgetCounts, RoundClosedError, type Store } from '../../core/store';
import { compareActionNumbers } from '../../core/format';
import { assertAnonymousFeedbackHasNoAuthor, FORGOTTEN } from '../../core/model';
import { migrate } from './migrations';
import { earliestWithin, longestWindowMs, type RateWindow } from '../../core/outbox/outbox-pacing';
import { ACTION, ACTION_UPDATE, DELIVERY, FEEDBACK, FORUM, MEMBER, NETWORK, PLAN, PULSE_ANSWER, PULSE_QUESTION, PULSE_ROUND, WORKSPACE_LINK } from './rows';

type CounterKind = 'feedback' | 'pulse';

const INSERT_ACTION_UPDATE = `
  INSERT INTO plan_action_updates (network_id, plan_id, action_number, at, by, by_name, status, note, evidence)
  VALUES (@networkId, @planId, @actionNumber, @at, @by, @byName, @status, @note, @evidence)`;

/** A plan id, or the network's current plan when none is given. */
const PLAN_OR_CURRENT = `COALESCE(@planId, (SELECT id FROM plans WHERE network_id = @networkId AND state = 'current'))`;

/** Every this many conversation sends, the ones past every window are deleted. */
const FORGET_SENDS_EVERY = 500;

/**
 * The embedded store: one SQLite file, safe to share between processes (WAL, busy timeout,
 * and BEGIN IMMEDIATE wherever a read decides a write).
 */
export class SqliteStore implements Store {
  private readonly statements = new Map<string, Statement>();
  private conversationSends = 0;
  private pendingWrites: { write: () => unknown; resolve: (outcome: never) => void; reject: (error: Error) => void }[] = [];

  /** Runs a function in a transaction (better-sqlite3 builds these wrappers at some cost, so once). */
  private readonly inTransaction: Transaction<(work: () => unknown) => unknown>;

  private constructor(private readonly db: Database) {
    this.inTransaction = db.transaction((work: () => unknown) => work());
  }

  /** Opens (creating if needed) the database file at `file` and brings its schema up to date. */
  static open(file: string): SqliteStore {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const db = new BetterSqlite3(file);
    try {
      db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL keeps every committed write across a process crash (kill -9); only
      // a power cut can lose the last commits. FULL would fsync on every answer.
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      // What is deleted (a forgotten member, an expired answer, a moved key) is overwritten, not
      // left in free pages for anyone who copies the file.
      db.pragma('secure_delete = ON');
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteStore(db);
  }

  /** Prepared statements are cached by their SQL text. */
  private sql<Row = unknown>(source: string): Statement<unknown[], Row> {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement as Statement<unknown[], Row>;
  }

  /** Runs `work` in a write transaction taken up front, so concurrent writers queue instead of failing. */
  private writeTransaction<T>(work: () => T): T {
    return this.inTransaction.immediate(work) as T;
  }

  async getOrCreateSetting(key: string, value: string): Promise<string> {
    this.sql('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(
      key,
      value,
    );
    return this.sql<{ value: string }>('SELECT value FROM settings WHERE key = ?').get(key)!.value;
  }

  async takeSetting(key: string): Promise<string | null> {
    const taken = this.sql<{ value: string }>('DELETE FROM settings WHERE key = ? RETURNING value').get(key)?.value ?? null;
    if (taken !== null) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return taken;
  }

  async getSetting(key: string): Promise<string | null> {
    return this.sql<{ value: string }>('SELECT value FROM settings WHERE key = ?').get(key)?.value ?? null;
  }

  async putSetting(key: string, value: string): Promise<void> {
    this.sql('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  async createNetwork(network: Network): Promise<void> {
    this.sql(
      `INSERT INTO networks (id, name, time_zone, quiet_hours, quiet_weekends, anonymity_threshold,
         reminder_days_before, stale_after_days, retention, live_results, language, created_at)
       VALUES (@id, @name, @timeZone, @quietHours, @quietWeekends, @anonymityThreshold,
         @reminderDaysBefore, @staleAfterDays, @retention, @liveResults, @language, @createdAt)`,
    ).run(NETWORK.params(network));
  }

  async getNetwork(id: string): Promise<Network | null> {
    const row = this.sql('SELECT * FROM networks WHERE id = ?').get(id);
    return row ? NETWORK.fromRow(row) : null;
  }

  async updateNetwork(network: Network): Promise<void> {
    this.sql(
      `UPDATE networks SET name = @name, time_zone = @timeZone, quiet_hours = @quietHours,
         quiet_weekends = @quietWeekends, anonymity_threshold = @anonymityThreshold,
         reminder_days_before = @reminderDaysBefore, stale_after_days = @staleAfterDays,
         retention = @retention, live_results = @liveResults, language = @language, created_at = @createdAt
       WHERE id = @id`,
    ).run(NETWORK.params(network));
  }

  async listNetworks(): Promise<Network[]> {
    return this.sql('SELECT * FROM networks ORDER BY created_at, id')
      .all()
      .map(NETWORK.fromRow);
  }

  async linkWorkspace(link: WorkspaceLink): Promise<void> {
    this.sql(
      `INSERT INTO workspace_links (platform, external_id, network_id)
       VALUES (@platform, @externalId, @networkId)
       ON CONFLICT (platform, external_id) DO UPDATE SET network_id = excluded.network_id`,
    ).run(link);
  }

  async findWorkspace(platform: Platform, externalId: string): Promise<WorkspaceLink | null> {
    const row = this.sql(
      'SELECT * FROM workspace_links WHERE platform = ? AND external_id = ?',
    ).get(platform, externalId);
    return row ? WORKSPACE_LINK.fromRow(row) : null;
  }

  async listWorkspaces(networkId: string): Promise<WorkspaceLink[]> {
    return this.sql(
      'SELECT * FROM workspace_links WHERE network_id = ? ORDER BY platform, external_id',
    )
      .all(networkId)
      .map(WORKSPACE_LINK.fromRow);
  }

  async upsertMember(member: Member): Promise<void> {
    this.sql(
      `INSERT INTO members (network_id, id, platform, platform_user_id, aad_object_id, name, email,
         roles, direct_address, unreachable, linked_person, language, seen_language, created_at)
       VALUES (@networkId, @id, @platform, @platformUserId, @aadObjectId, @name, @email,
         @roles, @directAddress, @unreachable, @linkedPerson, @language, @seenLanguage, @createdAt)
       ON CONFLICT (network_id, id) DO UPDATE SET
         platform = excluded.platform, platform_user_id = excluded.platform_user_id,
         aad_object_id = excluded.aad_object_id, name = excluded.name, email = excluded.email,
         roles = excluded.roles, direct_address = excluded.direct_address,
         unreachable = excluded.unreachable, linked_person = excluded.linked_person,
         language = excluded.language, seen_language = excluded.seen_language,
         created_at = excluded.created_at`,
    ).run(MEMBER.params(member));
  }

  async getMember(networkId: string, id: string): Promise<Member | null> {
    const row = this.sql('SELECT * FROM members WHERE network_id = ? AND id = ?').get(
      networkId,
      id,
    );
    return row ? MEMBER.fromRow(row) : null;
  }

  async findMember(
    networkId: string,
    platform: Platform,
    platformUserId: string,
  ): Promise<Member | null> {
    const row = this.sql(
      // One row at most: a member's id is derived from the platform user.
      'SELECT * FROM members WHERE network_id = ? AND platform = ? AND platform_user_id = ?',
    ).get(networkId, platform, platformUserId);
    return row ? MEMBER.fromRow(row) : null;
  }

  async listMembers(networkId: string): Promise<Member[]> {
    return this.sql('SELECT * FROM members WHERE network_id = ? ORDER BY created_at, id')
      .all(networkId)
      .map(MEMBER.fromRow);
  }

  async upsertForum(forum: Forum): Promise<void> {
    this.sql(
      `INSERT INTO forums (network_id, id, platform, channel_id, name, address, language, created_at)
       VALUES (@networkId, @id, @platform, @channelId, @name, @address, @language, @createdAt)
       ON CONFLICT (network_id, id) DO UPDATE SET
         platform = excluded.platform, channel_id = excluded.channel_id, name = excluded.name,
         address = excluded.address, language = excluded.language, created_at = excluded.created_at`,
    ).run(FORUM.params(forum));
  }

  async getForum(networkId: string, id: string): Promise<Forum | null> {
    const row = this.sql('SELECT * FROM forums WHERE network_id = ? AND id = ?').get(
      networkId,
      id,
    );
    return row ? FORUM.fromRow(row) : null;
  }

  async listForums(networkId: string): Promise<Forum[]> {
    return this.sql('SELECT * FROM forums WHERE network_id = ? ORDER BY created_at, id')
      .all(networkId)
      .map(FORUM.fromRow);
  }

  private nextNumber(networkId: string, kind: CounterKind): number {
    return this.sql<{ value: number }>(
      `INSERT INTO counters (network_id, kind, value) VALUES (?, ?, 1)
       ON CONFLICT (network_id, kind) DO UPDATE SET value = value + 1
       RETURNING value`,
    ).get(networkId, kind)!.value;
  }

  /**
   * Allocates the next number and stores the entity under it, unless the idempotency key was
   * seen before, in which case the number it produced then is returned.
   */
  private createNumbered(
    networkId: string,
    kind: CounterKind,
    idempotencyKey: string,
    insert: (number: number) => void,
  ): { number: number; created: boolean } {
    return this.writeTransaction(() => {
      const seen = this.sql<{ number: number }>(
        'SELECT number FROM idempotency_keys WHERE network_id = ? AND kind = ? AND key = ?',
      ).get(networkId, kind, idempotencyKey);
      if (seen) return { number: seen.number, created: false };
      const number = this.nextNumber(networkId, kind);
      insert(number);
      this.sql(
        'INSERT INTO idempotency_keys (network_id, kind, key, number) VALUES (?, ?, ?, ?)',
      ).run(networkId, kind, idempotencyKey, number);
      return { number, created: true };
    });
  }

  async createFeedback(
    feedback: Omit<Feedback, 'number'>,
    idempotencyKey: string,
  ): Promise<Created<Feedback>> {
    assertAnonymousFeedbackHasNoAuthor(feedback);
    const { number, created } = this.createNumbered(
      feedback.networkId,
      'feedback',
      idempotencyKey,
      (number) =>
        this.sql(
          `INSERT INTO feedback (network_id, number, theme, text, anonymous, author_member_id,
             status, linked_action, reply, platform, created_at, updated_at)
           VALUES (@networkId, @number, @theme, @text, @anonymous, @authorMemberId,
             @status, @linkedAction, @reply, @platform, @createdAt, @updatedAt)`,
        ).run(FEEDBACK.params({ ...feedback, number })),
    );
    return { value: (await this.getFeedback(feedback.networkId, number))!, created };
  }

  async getFeedback(networkId: string, number: number): Promise<Feedback | null> {
    const row = this.sql(
      'SELECT * FROM feedback WHERE network_id = ? AND number = ?',
    ).get(networkId, number);
    return row ? FEEDBACK.fromRow(row) : null;
  }

  async updateFeedback(feedback: Feedback): Promise<void> {
    assertAnonymousFeedbackHasNoAuthor(feedback);
    this.sql(
      `UPDATE feedback SET theme = @theme, text = @text, anonymous = @anonymous,
         author_member_id = @authorMemberId, status = @status, linked_action = @linkedAction,
         reply = @reply, platform = @platform, created_at = @createdAt, updated_at = @updatedAt
       WHERE network_id = @networkId AND number = @number`,
    ).run(FEEDBACK.params(feedback));
  }

  async updateFeedbackFrom(feedback: Feedback, from: readonly FeedbackStatus[]): Promise<boolean> {
    assertAnonymousFeedbackHasNoAuthor(feedback);
    if (from.length === 0) return false;
    // The status is checked and written in one statement: no other write can come between.
    const result = this.sql(
      `UPDATE feedback SET status = @status, linked_action = @linkedAction, reply = @reply, updated_at = @updatedAt
       WHERE network_id = @networkId AND number = @number AND status IN (SELECT value FROM json_each(@from))`,
    ).run({ ...FEEDBACK.params(feedback), from: JSON.stringify(from) });
    return result.changes === 1;
  }

  async listFeedback(networkId: string, since: string, until: string): Promise<Feedback[]> {
    return this.sql(
      `SELECT * FROM feedback WHERE network_id = ? AND created_at >= ? AND created_at < ?
       ORDER BY created_at, number`,
    )
      .all(networkId, since, until)
      .map(FEEDBACK.fromRow);
  }

  async createPulseQuestion(
    question: Omit<PulseQuestion, 'number'>,
    idempotencyKey: string,
  ): Promise<Created<PulseQuestion>> {
    const { number, created } = this.createNumbered(
      question.networkId,
      'pulse',
      idempotencyKey,
      (number) =>
        this.sql(
          `INSERT INTO pulse_questions (network_id, number, text, kind, choices, theme, anonymous,
             audience, schedule, window_hours, created_by, created_at)
           VALUES (@networkId, @number, @text, @kind, @choices, @theme, @anonymous,
             @audience, @schedule, @windowHours, @createdBy, @createdAt)`,
        ).run(PULSE_QUESTION.params({ ...question, number })),
    );
    return { value: (await this.getPulseQuestion(question.networkId, number))!, created };
  }

  async getPulseQuestion(networkId: string, number: number): Promise<PulseQuestion | null> {
    const row = this.sql(
      'SELECT * FROM pulse_questions WHERE network_id = ? AND number = ?',
    ).get(networkId, number);
    return row ? PULSE_QUESTION.fromRow(row) : null;
  }

  async listPulseQuestions(networkId: string): Promise<PulseQuestion[]> {
    return this.sql(
      'SELECT * FROM pulse_questions WHERE network_id = ? ORDER BY number',
    )
      .all(networkId)
      .map(PULSE_QUESTION.fromRow);
  }

  async createRound(round: PulseRound): Promise<void> {
    this.sql(
      `INSERT INTO pulse_rounds (id, network_id, question_number, opens_at, closes_at,
         asked_count, answer_salt, created_at)
       VALUES (@id, @networkId, @questionNumber, @opensAt, @closesAt, @askedCount, @answerSalt, @createdAt)`,
    ).run(round);
  }

  async sealRound(id: string): Promise<boolean> {
    const { changes } = this.sql("UPDATE pulse_rounds SET answer_salt = '' WHERE id = ? AND answer_salt IS NOT NULL AND answer_salt <> ''").run(id);
    // The erased salt must not stay readable in the write-ahead log either.
    if (changes > 0) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return changes > 0;
  }

  async getRound(id: string): Promise<PulseRound | null> {
    const row = this.sql('SELECT * FROM pulse_rounds WHERE id = ?').get(id);
    return row ? PULSE_ROUND.fromRow(row) : null;
  }

  async listRounds(networkId: string, since: string, until: string): Promise<PulseRound[]> {
    return this.sql(
      `SELECT * FROM pulse_rounds WHERE network_id = ? AND opens_at >= ? AND opens_at < ?
       ORDER BY opens_at, id`,
    )
      .all(networkId, since, until)
      .map(PULSE_ROUND.fromRow);
  }

  saveAnswer(answer: PulseAnswer): Promise<'created' | 'updated'> {
    return this.groupCommitted(() => this.upsertAnswer(answer));
  }

  /**
   * Small writes on the path of a click (answers, first-delivery marks) that arrive together
   * are written in one transaction (group commit): a commit costs more than the writes in it,
   * and many people answer a pulse at once. Each write's promise settles after the commit
   * that holds it. Each write ends in a single statement, which SQLite undoes by itself if it
   * fails, so one failing write fails only itself.
   */
  private groupCommitted<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pendingWrites.push({ write, resolve: resolve as (outcome: never) => void, reject });
      if (this.pendingWrites.length === 1) setImmediate(() => this.commitPendingWrites());
    });
  }

  private commitPendingWrites(): void {
    const batch = this.pendingWrites;
    if (batch.length === 0) return;
    this.pendingWrites = [];
    let outcomes: unknown[];
    try {
      outcomes = this.writeTransaction(() =>
        batch.map(({ write }) => {
          try {
            return write();
          } catch (error) {
            return error instanceof Error ? error : new Error(String(error));
          }
        }),
      );
    } catch (error) {
      outcomes = batch.map(() => (error instanceof Error ? error : new Error(String(error))));
    }
    batch.forEach(({ resolve, reject }, i) => {
      const outcome = outcomes[i];
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome as never);
    });
  }

  private upsertAnswer(answer: PulseAnswer): 'created' | 'updated' {
    // Read in the answer's own transaction, so that a seal is either before it (and refuses it) or after.
    const round = this.sql<{ answer_salt: string | null }>('SELECT answer_salt FROM pulse_rounds WHERE id = ?').get(answer.roundId);
    if (round?.answer_salt === '') throw new RoundClosedError(answer.roundId);
    const existed = this.sql('SELECT 1 FROM pulse_answers WHERE round_id = ? AND respondent_key = ?').get(
      answer.roundId,
      answer.respondentKey,
    );
    this.sql(
      `INSERT INTO pulse_answers (round_id, respondent_key, member_id, value, platform, answered_at)
       VALUES (@roundId, @respondentKey, @memberId, @value, @platform, @answeredAt)
       ON CONFLICT (round_id, respondent_key) DO UPDATE SET
         member_id = excluded.member_id, value = excluded.value, platform = excluded.platform,
         answered_at = excluded.answered_at`,
    ).run(answer);
    return existed ? 'updated' : 'created';
  }

  async getAnswer(roundId: string, respondentKey: string): Promise<PulseAnswer | null> {
    const row = this.sql(
      'SELECT * FROM pulse_answers WHERE round_id = ? AND respondent_key = ?',
    ).get(roundId, respondentKey);
    return row ? PULSE_ANSWER.fromRow(row) : null;
  }

  async listAnswers(roundId: string): Promise<PulseAnswer[]> {
    return this.sql(
      'SELECT * FROM pulse_answers WHERE round_id = ? ORDER BY answered_at, respondent_key',
    )
      .all(roundId)
      .map(PULSE_ANSWER.fromRow);
  }

  async createPlan(plan: Plan): Promise<void> {
    this.sql(
      `INSERT INTO plans (network_id, id, name, stage, starts_on, ends_on, state, created_at, closed_at, rag_at_close)
       VALUES (@networkId, @id, @name, @stage, @start, @end, @state, @createdAt, @closedAt, @ragAtClose)`,
    ).run(PLAN.params(plan));
  }

  async getPlan(networkId: string, id: string): Promise<Plan | null> {
    const row = this.sql('SELECT * FROM plans WHERE network_id = ? AND id = ?').get(networkId, id);
    return row ? PLAN.fromRow(row) : null;
  }

  async listPlans(networkId: string): Promise<Plan[]> {
    return this.sql('SELECT * FROM plans WHERE network_id = ? ORDER BY created_at, id').all(networkId).map(PLAN.fromRow);
  }

  async getCurrentPlan(networkId: string): Promise<Plan | null> {
    const row = this.sql("SELECT * FROM plans WHERE network_id = ? AND state = 'current'").get(networkId);
    return row ? PLAN.fromRow(row) : null;
  }

  async updatePlan(plan: Plan): Promise<void> {
    this.sql(
      `UPDATE plans SET name = @name, stage = @stage, starts_on = @start, ends_on = @end, state = @state,
         closed_at = @closedAt, rag_at_close = @ragAtClose
       WHERE network_id = @networkId AND id = @id`,
    ).run(PLAN.params(plan));
  }

  async importActions(networkId: string, actions: Action[], updates: ActionUpdate[]): Promise<void> {
    this.writeTransaction(() => {
      for (const action of actions) {
        this.sql(
          `INSERT INTO plan_actions (network_id, plan_id, number, title, short_title, theme, edi, owner,
             owner_email, due, due_as_written, status, note, success_measure, evidence, carried_from,
             updated_at, version)
           VALUES (@networkId, @planId, @number, @title, @shortTitle, @theme, @edi, @owner,
             @ownerEmail, @due, @dueAsWritten, @status, @note, @successMeasure, @evidence, @carriedFrom,
             @updatedAt, @version)
           ON CONFLICT (network_id, plan_id, number) DO UPDATE SET
             title = excluded.title, short_title = excluded.short_title, theme = excluded.theme,
             edi = excluded.edi, owner = excluded.owner, owner_email = excluded.owner_email,
             due = excluded.due, due_as_written = excluded.due_as_written, status = excluded.status,
             note = excluded.note, success_measure = excluded.success_measure,
             evidence = excluded.evidence, carried_from = excluded.carried_from,
             updated_at = excluded.updated_at, version = excluded.version`,
        ).run({ ...ACTION.params(action), networkId });
      }
      for (const update of updates) {
        this.sql(INSERT_ACTION_UPDATE).run({ ...update, networkId });
      }
    });
  }

  async removeActions(networkId: string, planId: string, numbers: string[]): Promise<void> {
    this.writeTransaction(() => {
      for (const number of numbers) {
        this.sql('DELETE FROM plan_actions WHERE network_id = ? AND plan_id = ? AND number = ?').run(networkId, planId, number);
      }
    });
  }

  async listActions(networkId: string, planId?: string): Promise<Action[]> {
    return this.sql(`SELECT * FROM plan_actions WHERE network_id = @networkId AND plan_id = ${PLAN_OR_CURRENT}`)
      .all({ networkId, planId: planId ?? null })
      .map(ACTION.fromRow)
      .sort((a, b) => compareActionNumbers(a.number, b.number));
  }

  async getAction(networkId: string, number: string, planId?: string): Promise<Action | null> {
    const row = this.sql(
      `SELECT * FROM plan_actions WHERE network_id = @networkId AND plan_id = ${PLAN_OR_CURRENT} AND number = @number`,
    ).get({ networkId, number, planId: planId ?? null });
    return row ? ACTION.fromRow(row) : null;
  }

  async updateAction(
    action: Action,
    expectedVersion: number,
    update: ActionUpdate,
  ): Promise<boolean> {
    return this.writeTransaction(() => {
      const { changes } = this.sql(
        `UPDATE plan_actions SET title = @title, short_title = @shortTitle, theme = @theme, edi = @edi,
           owner = @owner, owner_email = @ownerEmail, due = @due, due_as_written = @dueAsWritten,
           status = @status, note = @note, success_measure = @successMeasure, evidence = @evidence,
           carried_from = @carriedFrom, updated_at = @updatedAt, version = @version
         WHERE network_id = @networkId AND plan_id = @planId AND number = @number AND version = @expectedVersion`,
      ).run({ ...ACTION.params(action), expectedVersion });
      if (changes === 0) return false;
      this.sql(INSERT_ACTION_UPDATE).run({
        ...update,
        networkId: action.networkId,
        planId: action.planId,
        actionNumber: action.number,
      });
      return true;
    });
  }

  async listActionUpdates(networkId: string, number: string, planId?: string): Promise<ActionUpdate[]> {
    return this.sql(
      `SELECT * FROM plan_action_updates
       WHERE network_id = @networkId AND plan_id = ${PLAN_OR_CURRENT} AND action_number = @number ORDER BY seq`,
    )
      .all({ networkId, number, planId: planId ?? null })
      .map(ACTION_UPDATE.fromRow);
  }

  async listActionUpdatesInPeriod(networkId: string, since: string, until: string): Promise<ActionUpdate[]> {
    return this.sql(
      'SELECT * FROM plan_action_updates WHERE network_id = ? AND at >= ? AND at < ? ORDER BY at, seq',
    )
      .all(networkId, since, until)
      .map(ACTION_UPDATE.fromRow);
  }

  async countAnswers(rounds: readonly CountedRound[]): Promise<AnswerCount[]> {
    if (rounds.length === 0) return [];
    // One row per round, value and platform, kept by triggers with the answers (migration 10),
    // handed over as one JSON array: a summary reads some 10 rows a round, and making a
    // JavaScript row object for each cost twice the whole read.
    const rows = this.sql<{ rows: string }>(
      `SELECT json_group_array(json_array(round_id, value, platform, count)) AS rows FROM pulse_answer_counts
       WHERE round_id IN (SELECT value FROM json_each(?))`,
    ).get(JSON.stringify(rounds.map((round) => round.id)))!.rows;
    return (JSON.parse(rows) as [string, string, Platform, number][]).map(([roundId, value, platform, count]) => ({ roundId, value, platform, count }));
  }

  async countFeedback(networkId: string, since: string, until: string): Promise<FeedbackCount[]> {
    return this.sql<{ theme: FeedbackTheme; status: FeedbackStatus; platform: Platform; linked_action: string | null; count: number }>(
      `SELECT theme, status, platform, linked_action, COUNT(*) AS count FROM feedback
       WHERE network_id = ? AND created_at >= ? AND created_at < ?
       GROUP BY theme, status, platform, linked_action`,
    )
      .all(networkId, since, until)
      .map((row) => ({ theme: row.theme, status: row.status, platform: row.platform, linkedAction: row.linked_action, count: row.count }));
  }

  async saveReplyHandle(networkId: string, feedbackNumber: number, sealed: string): Promise<void> {
    this.sql(
      `INSERT INTO feedback_reply_handles (network_id, feedback_number, sealed) VALUES (?, ?, ?)
       ON CONFLICT (network_id, feedback_number) DO NOTHING`,
    ).run(networkId, feedbackNumber, sealed);
  }

  async getReplyHandle(networkId: string, feedbackNumber: number): Promise<string | null> {
    const row = this.sql<{ sealed: string }>(
      'SELECT sealed FROM feedback_reply_handles WHERE network_id = ? AND feedback_number = ?',
    ).get(networkId, feedbackNumber);
    return row?.sealed ?? null;
  }

  markProcessed(key: string, at: string): Promise<boolean> {
    return this.groupCommitted(() => {
      const { changes } = this.sql('INSERT INTO processed_events (key, at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(key, at);
      return changes === 1;
    });
  }

  async pruneProcessed(before: string): Promise<number> {
    return this.sql('DELETE FROM processed_events WHERE at < ?').run(before).changes;
  }

  async enqueueDeliveries(deliveries: Delivery[]): Promise<number> {
    const insert = this.sql(
      `INSERT OR IGNORE INTO deliveries (id, network_id, job_key, recipient_key, platform, address,
         payload, state, attempts, not_before, claimed_by, claimed_until, last_error, sent_at,
         created_at)
       VALUES (@id, @networkId, @jobKey, @recipientKey, @platform, @address,
         @payload, @state, @attempts, @notBefore, @claimedBy, @claimedUntil, @lastError, @sentAt,
         @createdAt)`,
    );
    return this.writeTransaction(() =>
      deliveries.reduce((added, delivery) => added + insert.run(delivery).changes, 0),
    );
  }

  async claimDeliveries(
    holder: string,
    now: string,
    until: string,
    limit: number,
  ): Promise<Delivery[]> {
    if (limit <= 0) return [];
    return this.writeTransaction(() => {
      const candidates = this.sql(
        `SELECT * FROM deliveries
         WHERE state = 'pending' AND not_before <= @now
           AND (claimed_until IS NULL OR claimed_until <= @now)
         ORDER BY not_before, created_at, id
         LIMIT @limit`,
      ).all({ now, limit });
      const claim = this.sql(
        'UPDATE deliveries SET claimed_by = @holder, claimed_until = @until WHERE id = @id',
      );
      return candidates.map((row) => {
        const delivery = { ...DELIVERY.fromRow(row), claimedBy: holder, claimedUntil: until };
        claim.run({ holder, until, id: delivery.id });
        return delivery;
      });
    });
  }

  async finishDelivery(delivery: Delivery): Promise<void> {
    this.sql(
      `UPDATE deliveries SET state = @state, attempts = @attempts, not_before = @notBefore,
         claimed_by = @claimedBy, claimed_until = @claimedUntil, last_error = @lastError,
         sent_at = @sentAt, address = @address, recipient_key = @recipientKey, payload = @payload
       WHERE id = @id`,
    ).run(delivery);
  }

  async listDeliveries(jobKey: string): Promise<Delivery[]> {
    return this.sql(
      'SELECT * FROM deliveries WHERE job_key = ? ORDER BY created_at, id',
    )
      .all(jobKey)
      .map(DELIVERY.fromRow);
  }

  async reserveSendSlots(name: string, count: number, intervalMs: number, notBeforeMs: number): Promise<number> {
    return this.writeTransaction(() => {
      const next = this.sql<{ next_ms: number }>('SELECT next_ms FROM send_slots WHERE name = ?').get(name)?.next_ms;
      const first = Math.max(notBeforeMs, next ?? notBeforeMs);
      this.sql('INSERT INTO send_slots (name, next_ms) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET next_ms = excluded.next_ms').run(name, first + count * intervalMs);
      return first;
    });
  }

  async reserveConversationSend(key: string, windows: readonly RateWindow[], atMs: number): Promise<number> {
    const keepMs = longestWindowMs(windows);
    const allowed = this.writeTransaction(() => {
      const row = this.sql<{ sent: string; keep_until: number }>('SELECT sent, keep_until FROM conversation_sends WHERE key = ?').get(key);
      const sent = row ? (JSON.parse(row.sent) as number[]).filter((t) => t > atMs - keepMs) : [];
      const earliest = earliestWithin(windows, sent, atMs);
      if (earliest !== atMs) return earliest;
      sent.push(atMs);
      const keepUntil = Math.max(...sent) + keepMs;
      this.sql('INSERT INTO conversation_sends (key, sent, keep_until) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET sent = excluded.sent, keep_until = excluded.keep_until').run(key, JSON.stringify(sent), keepUntil);
      return atMs;
    });
    if (++this.conversationSends % FORGET_SENDS_EVERY === 0) this.sql('DELETE FROM conversation_sends WHERE keep_until < ?').run(atMs);
    return allowed;
  }

  async acquireLease(name: string, holder: string, now: string, until: string): Promise<boolean> {
    const { changes } = this.sql(
      `INSERT INTO leases (name, holder, until) VALUES (@name, @holder, @until)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
       WHERE leases.holder = excluded.holder OR leases.until <= @now`,
    ).run({ name, holder, until, now });
    return changes === 1;
  }

  async forgetMember(networkId: string, memberId: string): Promise<ForgetCounts> {
    const counts = this.writeTransaction(() => {
      const named = this.sql<{ number: number }>(
        'SELECT number FROM feedback WHERE network_id = ? AND author_member_id = ?',
      ).all(networkId, memberId);
      for (const { number } of named) {
        this.sql('DELETE FROM feedback_reply_handles WHERE network_id = ? AND feedback_number = ?').run(networkId, number);
      }
      this.sql('UPDATE feedback SET author_member_id = NULL, anonymous = 1 WHERE network_id = ? AND author_member_id = ?').run(networkId, memberId);
      const answers = this.sql(
        `UPDATE pulse_answers SET member_id = NULL
         WHERE member_id = ? AND round_id IN (SELECT id FROM pulse_rounds WHERE network_id = ?)`,
      ).run(memberId, networkId).changes;
      const actionUpdates = this.sql(
        "UPDATE plan_action_updates SET by = ?, by_name = '' WHERE network_id = ? AND by = ?",
      ).run(FORGOTTEN, networkId, memberId).changes;
      this.sql("UPDATE audit_log SET actor_id = ?, actor_name = '' WHERE network_id = ? AND actor_id = ?").run(FORGOTTEN, networkId, memberId);
      this.sql('DELETE FROM deliveries WHERE network_id = ? AND recipient_key = ?').run(networkId, memberId);
      this.sql('DELETE FROM members WHERE network_id = ? AND id = ?').run(networkId, memberId);
      return { feedback: named.length, answers, actionUpdates };
    });
    // secure_delete zeroes what was removed in the database file; the checkpoint copies those
    // pages out of the write-ahead log and empties it, so the old bytes are gone from both.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return counts;
  }

  async listAnswersByMember(networkId: string, memberId: string): Promise<PulseAnswer[]> {
    return this.sql(
      `SELECT a.* FROM pulse_answers a JOIN pulse_rounds r ON r.id = a.round_id
       WHERE a.member_id = ? AND r.network_id = ? ORDER BY a.answered_at DESC, a.round_id`,
    )
      .all(memberId, networkId)
      .map(PULSE_ANSWER.fromRow);
  }

  async deleteExpired(networkId: string, feedbackBefore: string | null, answersBefore: string | null): Promise<ExpiredCounts> {
    return this.writeTransaction(() => {
      let feedback = 0;
      let answers = 0;
      if (feedbackBefore !== null) {
        this.sql(
          `DELETE FROM feedback_reply_handles WHERE network_id = ? AND feedback_number IN
             (SELECT number FROM feedback WHERE network_id = ? AND created_at < ?)`,
        ).run(networkId, networkId, feedbackBefore);
        feedback = this.sql('DELETE FROM feedback WHERE network_id = ? AND created_at < ?').run(networkId, feedbackBefore).changes;
      }
      if (answersBefore !== null) {
        answers = this.sql(
          'DELETE FROM pulse_answers WHERE round_id IN (SELECT id FROM pulse_rounds WHERE network_id = ? AND closes_at < ?)',
        ).run(networkId, answersBefore).changes;
      }
      return { feedback, answers };
    });
  }

  async getInstitutionProfile(networkId: string): Promise<InstitutionProfile | null> {
    const row = this.sql<{ body: string }>('SELECT body FROM institution_profiles WHERE network_id = ?').get(networkId);
    return row ? (JSON.parse(row.body) as InstitutionProfile) : null;
  }

  async saveInstitutionProfile(profile: InstitutionProfile): Promise<void> {
    this.sql(
      `INSERT INTO institution_profiles (network_id, body) VALUES (?, ?)
       ON CONFLICT (network_id) DO UPDATE SET body = excluded.body`,
    ).run(profile.networkId, JSON.stringify(profile));
  }

  async saveNarrativeSection(section: NarrativeSection): Promise<void> {
    this.sql(
      `INSERT INTO narrative_sections (network_id, plan_id, section, text, updated_at) VALUES (@networkId, @planId, @section, @text, @updatedAt)
       ON CONFLICT (network_id, plan_id, section) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
    ).run(section);
  }

  async listNarrativeSections(networkId: string, planId: string): Promise<NarrativeSection[]> {
    return this.sql<{ network_id: string; plan_id: string; section: NarrativeSection['section']; text: string; updated_at: string }>(
      'SELECT * FROM narrative_sections WHERE network_id = ? AND plan_id = ?',
    )
      .all(networkId, planId)
      .map((row) => ({ networkId: row.network_id, planId: row.plan_id, section: row.section, text: row.text, updatedAt: row.updated_at }));
  }

  async addConsultation(consultation: Consultation): Promise<Created<Consultation>> {
    const inserted = this.sql('INSERT INTO consultations (network_id, id, held_on, body) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(
      consultation.networkId,
      consultation.id,
      consultation.heldOn,
      JSON.stringify(consultation),
    );
    if (inserted.changes === 1) return { value: consultation, created: true };
    const row = this.sql<{ body: string }>('SELECT body FROM consultations WHERE network_id = ? AND id = ?').get(consultation.networkId, consultation.id)!;
    return { value: JSON.parse(row.body) as Consultation, created: false };
  }

  async listConsultations(networkId: string): Promise<Consultation[]> {
    return this.sql<{ body: string }>('SELECT body FROM consultations WHERE network_id = ? ORDER BY held_on, id')
      .all(networkId)
      .map((row) => JSON.parse(row.body) as Consultation);
  }

  async setQuotable(networkId: string, feedbackNumber: number, quotable: boolean): Promise<void> {
    if (quotable) {
      this.sql('INSERT INTO quotable_feedback (network_id, feedback_number) VALUES (?, ?) ON CONFLICT DO NOTHING').run(networkId, feedbackNumber);
    } else {
      this.sql('DELETE FROM quotable_feedback WHERE network_id = ? AND feedback_number = ?').run(networkId, feedbackNumber);
    }
  }

  async listQuotable(networkId: string): Promise<number[]> {
    return this.sql<{ feedback_number: number }>('SELECT feedback_number FROM quotable_feedback WHERE network_id = ? ORDER BY feedback_number')
      .all(networkId)
      .map((row) => row.feedback_number);
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    this.sql(
      `INSERT INTO audit_log (network_id, at, actor_id, actor_name, act, detail)
       VALUES (@networkId, @at, @actorId, @actorName, @act, @detail)`,
    ).run(entry);
  }

  async listAudit(networkId: string, since: string, until: string): Promise<AuditEntry[]> {
    return this.sql<{ network_id: string; at: string; actor_id: string; actor_name: string; act: string; detail: string }>(
      'SELECT * FROM audit_log WHERE network_id = ? AND at >= ? AND at < ? ORDER BY at, seq',
    )
      .all(networkId, since, until)
      .map((row) => ({ networkId: row.network_id, at: row.at, actorId: row.actor_id, actorName: row.actor_name, act: row.act, detail: row.detail }));
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.commitPendingWrites();
    this.db.close();
  }
}
