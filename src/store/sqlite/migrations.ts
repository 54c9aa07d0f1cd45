import type { Database } from 'better-sqlite3';

/**
 * Schema steps, oldest first. Step i brings the database to `PRAGMA user_version` i + 1.
 * Never edit a released step: append a new one.
 *
 * Conventions: times are ISO-8601 UTC text (they sort and compare as text), booleans are
 * 0/1, arrays and objects are JSON text.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE TABLE networks (
    id                   TEXT PRIMARY KEY,
    name                 TEXT NOT NULL,
    time_zone            TEXT NOT NULL,
    quiet_hours          TEXT,
    quiet_weekends       INTEGER NOT NULL,
    anonymity_threshold  INTEGER NOT NULL,
    reminder_days_before TEXT NOT NULL,
    stale_after_days     INTEGER NOT NULL,
    created_at           TEXT NOT NULL
  );

  CREATE TABLE workspace_links (
    platform    TEXT NOT NULL,
    external_id TEXT NOT NULL,
    network_id  TEXT NOT NULL REFERENCES networks (id),
    PRIMARY KEY (platform, external_id)
  );
  CREATE INDEX workspace_links_by_network ON workspace_links (network_id);

  CREATE TABLE members (
    network_id       TEXT NOT NULL REFERENCES networks (id),
    id               TEXT NOT NULL,
    platform         TEXT NOT NULL,
    platform_user_id TEXT NOT NULL,
    aad_object_id    TEXT,
    name             TEXT NOT NULL,
    email            TEXT,
    roles            TEXT NOT NULL,
    direct_address   TEXT,
    unreachable      INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    PRIMARY KEY (network_id, id)
  );
  CREATE INDEX members_by_platform_user ON members (network_id, platform, platform_user_id);

  CREATE TABLE forums (
    network_id TEXT NOT NULL REFERENCES networks (id),
    id         TEXT NOT NULL,
    platform   TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    name       TEXT NOT NULL,
    address    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (network_id, id)
  );

  -- Next number per network and kind ('feedback', 'pulse').
  CREATE TABLE counters (
    network_id TEXT NOT NULL,
    kind       TEXT NOT NULL,
    value      INTEGER NOT NULL,
    PRIMARY KEY (network_id, kind)
  );

  -- Which number a create with a given idempotency key produced.
  CREATE TABLE idempotency_keys (
    network_id TEXT NOT NULL,
    kind       TEXT NOT NULL,
    key        TEXT NOT NULL,
    number     INTEGER NOT NULL,
    PRIMARY KEY (network_id, kind, key)
  );

  CREATE TABLE feedback (
    network_id       TEXT NOT NULL REFERENCES networks (id),
    number           INTEGER NOT NULL,
    theme            TEXT NOT NULL,
    text             TEXT NOT NULL,
    anonymous        INTEGER NOT NULL,
    author_member_id TEXT,
    status           TEXT NOT NULL,
    linked_action    TEXT,
    reply            TEXT,
    platform         TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    PRIMARY KEY (network_id, number),
    CHECK (anonymous = 0 OR author_member_id IS NULL)
  );
  CREATE INDEX feedback_by_created ON feedback (network_id, created_at);

  CREATE TABLE pulse_questions (
    network_id   TEXT NOT NULL REFERENCES networks (id),
    number       INTEGER NOT NULL,
    text         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    choices      TEXT NOT NULL,
    theme        TEXT NOT NULL,
    anonymous    INTEGER NOT NULL,
    audience     TEXT NOT NULL,
    schedule     TEXT,
    window_hours REAL NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (network_id, number)
  );

  CREATE TABLE pulse_rounds (
    id              TEXT PRIMARY KEY,
    network_id      TEXT NOT NULL,
    question_number INTEGER NOT NULL,
    opens_at        TEXT NOT NULL,
    closes_at       TEXT NOT NULL,
    asked_count     INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    FOREIGN KEY (network_id, question_number) REFERENCES pulse_questions (network_id, number)
  );
  CREATE INDEX pulse_rounds_by_opening ON pulse_rounds (network_id, opens_at);

  -- The primary key doubles as the index for "answers of a round".
  CREATE TABLE pulse_answers (
    round_id       TEXT NOT NULL REFERENCES pulse_rounds (id),
    respondent_key TEXT NOT NULL,
    member_id      TEXT,
    value          TEXT NOT NULL,
    platform       TEXT NOT NULL,
    answered_at    TEXT NOT NULL,
    PRIMARY KEY (round_id, respondent_key)
  );

  CREATE TABLE actions (
    network_id TEXT NOT NULL REFERENCES networks (id),
    number     TEXT NOT NULL,
    title      TEXT NOT NULL,
    theme      TEXT NOT NULL,
    owner      TEXT NOT NULL,
    due        TEXT NOT NULL,
    status     TEXT NOT NULL,
    note       TEXT NOT NULL,
    evidence   TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version    INTEGER NOT NULL,
    PRIMARY KEY (network_id, number)
  );

  -- seq keeps the history in the order it was appended.
  CREATE TABLE action_updates (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id    TEXT NOT NULL,
    action_number TEXT NOT NULL,
    at            TEXT NOT NULL,
    by            TEXT NOT NULL,
    by_name       TEXT NOT NULL,
    status        TEXT NOT NULL,
    note          TEXT NOT NULL,
    evidence      TEXT NOT NULL,
    FOREIGN KEY (network_id, action_number) REFERENCES actions (network_id, number)
  );
  CREATE INDEX action_updates_by_action ON action_updates (network_id, action_number, seq);

  CREATE TABLE processed_events (
    key TEXT PRIMARY KEY,
    at  TEXT NOT NULL
  );
  CREATE INDEX processed_events_by_time ON processed_events (at);

  -- The outbox. Not tied to networks by a foreign key: it is an operational queue.
  CREATE TABLE deliveries (
    id            TEXT PRIMARY KEY,
    network_id    TEXT NOT NULL,
    job_key       TEXT NOT NULL,
    recipient_key TEXT NOT NULL,
    platform      TEXT NOT NULL,
    address       TEXT NOT NULL,
    payload       TEXT NOT NULL,
    state         TEXT NOT NULL,
    attempts      INTEGER NOT NULL,
    not_before    TEXT NOT NULL,
    claimed_by    TEXT,
    claimed_until TEXT,
    last_error    TEXT,
    sent_at       TEXT,
    created_at    TEXT NOT NULL
  );
  CREATE INDEX deliveries_by_job ON deliveries (job_key);
  CREATE INDEX deliveries_claimable ON deliveries (state, not_before);

  CREATE TABLE leases (
    name   TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until  TEXT NOT NULL
  );
  `,
  `
  -- Summaries: answer counts per round read from the index alone, and action changes by period.
  CREATE INDEX pulse_answers_by_round_value ON pulse_answers (round_id, value, platform);
  CREATE INDEX action_updates_by_time ON action_updates (network_id, at);
  CREATE INDEX feedback_by_created_counts ON feedback (network_id, created_at, theme, status, platform, linked_action);

  -- Sealed ways back to feedback authors, kept apart from the feedback rows on purpose.
  CREATE TABLE feedback_reply_handles (
    network_id      TEXT NOT NULL,
    feedback_number INTEGER NOT NULL,
    sealed          TEXT NOT NULL,
    PRIMARY KEY (network_id, feedback_number)
  );
  `,
  `
  -- Privacy: retention per network, an audit log of chair and admin acts, and the indexes
  -- that find a member's named records when they ask for their data or to be forgotten.
  ALTER TABLE networks ADD COLUMN retention TEXT NOT NULL DEFAULT '{"feedbackDays":null,"answersDays":null}';

  CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id TEXT NOT NULL REFERENCES networks (id),
    at         TEXT NOT NULL,
    actor_id   TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    act        TEXT NOT NULL,
    detail     TEXT NOT NULL
  );
  CREATE INDEX audit_log_by_time ON audit_log (network_id, at);

  CREATE INDEX feedback_by_author ON feedback (network_id, author_member_id) WHERE author_member_id IS NOT NULL;
  CREATE INDEX pulse_answers_by_member ON pulse_answers (member_id) WHERE member_id IS NOT NULL;
  CREATE INDEX pulse_rounds_by_closing ON pulse_rounds (network_id, closes_at);
  CREATE INDEX action_updates_by_author ON action_updates (network_id, by);
  `,
  `
  -- First-delivery marks are written on every click: one B-tree keyed by the mark rather than
  -- a table, its key index and a time index. The hourly prune reads the table through.
  CREATE TABLE processed_events_by_key (
    key TEXT PRIMARY KEY,
    at  TEXT NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO processed_events_by_key (key, at) SELECT key, at FROM processed_events;
  DROP TABLE processed_events;
  ALTER TABLE processed_events_by_key RENAME TO processed_events;
  `,
  `
  -- Who a person is comes from the platform identity; two accounts become one person only
  -- with a one-time code shown on one platform and typed on the other.
  ALTER TABLE members ADD COLUMN linked_person TEXT;
  -- Distributions of open pulse rounds are shown only where a network opts in.
  ALTER TABLE networks ADD COLUMN live_results INTEGER NOT NULL DEFAULT 0;
  `,
  `
  -- Plans with a lifecycle: a network holds plans, actions belong to one of them. Actions
  -- kept before plans existed become the network's current plan "Action plan".
  CREATE TABLE plans (
    network_id   TEXT NOT NULL REFERENCES networks (id),
    id           TEXT NOT NULL,
    name         TEXT NOT NULL,
    stage        TEXT NOT NULL,
    starts_on    TEXT NOT NULL,
    ends_on      TEXT NOT NULL,
    state        TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    closed_at    TEXT,
    rag_at_close TEXT,
    PRIMARY KEY (network_id, id)
  );
  CREATE UNIQUE INDEX plans_one_current ON plans (network_id) WHERE state = 'current';
  INSERT INTO plans (network_id, id, name, stage, starts_on, ends_on, state, created_at)
    SELECT network_id, 'initial', 'Action plan', 'stage-one', date(MIN(updated_at)),
      date(MIN(updated_at), '+24 months'), 'current', MIN(updated_at)
    FROM actions GROUP BY network_id;

  CREATE TABLE plan_actions (
    network_id      TEXT NOT NULL,
    plan_id         TEXT NOT NULL,
    number          TEXT NOT NULL,
    title           TEXT NOT NULL,
    short_title     TEXT NOT NULL,
    theme           TEXT NOT NULL,
    edi             INTEGER NOT NULL,
    owner           TEXT NOT NULL,
    owner_email     TEXT,
    due             TEXT,
    due_as_written  TEXT NOT NULL,
    status          TEXT NOT NULL,
    note            TEXT NOT NULL,
    success_measure TEXT NOT NULL,
    evidence        TEXT NOT NULL,
    carried_from    TEXT,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL,
    PRIMARY KEY (network_id, plan_id, number),
    FOREIGN KEY (network_id, plan_id) REFERENCES plans (network_id, id)
  );
  INSERT INTO plan_actions
    SELECT network_id, 'initial', number, title, '', theme, 0, owner, owner, due, due, status,
      note, '', evidence, NULL, updated_at, version
    FROM actions;

  CREATE TABLE plan_action_updates (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id    TEXT NOT NULL,
    plan_id       TEXT NOT NULL,
    action_number TEXT NOT NULL,
    at            TEXT NOT NULL,
    by            TEXT NOT NULL,
    by_name       TEXT NOT NULL,
    status        TEXT NOT NULL,
    note          TEXT NOT NULL,
    evidence      TEXT NOT NULL,
    FOREIGN KEY (network_id, plan_id, action_number) REFERENCES plan_actions (network_id, plan_id, number)
      ON DELETE CASCADE
  );
  INSERT INTO plan_action_updates (seq, network_id, plan_id, action_number, at, by, by_name, status, note, evidence)
    SELECT seq, network_id, 'initial', action_number, at, by, by_name, status, note, evidence
    FROM action_updates;
  DROP TABLE action_updates;
  DROP TABLE actions;
  CREATE INDEX plan_action_updates_by_action ON plan_action_updates (network_id, plan_id, action_number, seq);
  CREATE INDEX plan_action_updates_by_time ON plan_action_updates (network_id, at);
  CREATE INDEX plan_action_updates_by_author ON plan_action_updates (network_id, by);
  `,
  `
  -- A round's respondent keys include a salt that is erased once the round has closed.
  ALTER TABLE pulse_rounds ADD COLUMN answer_salt TEXT;
  `,
  `
  -- The self-assessment submission: institution profile, narrative per plan, consultations,
  -- and which feedback a chair cleared for quoting (the mark only: the text stays in feedback).
  CREATE TABLE institution_profiles (
    network_id TEXT PRIMARY KEY REFERENCES networks (id),
    body       TEXT NOT NULL
  );

  CREATE TABLE narrative_sections (
    network_id TEXT NOT NULL REFERENCES networks (id),
    plan_id    TEXT NOT NULL,
    section    TEXT NOT NULL,
    text       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (network_id, plan_id, section)
  );

  CREATE TABLE consultations (
    network_id TEXT NOT NULL REFERENCES networks (id),
    id         TEXT NOT NULL,
    held_on    TEXT NOT NULL,
    body       TEXT NOT NULL,
    PRIMARY KEY (network_id, id)
  );
  CREATE INDEX consultations_by_date ON consultations (network_id, held_on);

  CREATE TABLE quotable_feedback (
    network_id      TEXT NOT NULL,
    feedback_number INTEGER NOT NULL,
    PRIMARY KEY (network_id, feedback_number)
  );
  `,
  `
  -- The send budget every instance shares (docs/scheduler.md, Pacing): each platform's next
  -- free send slot, and the recent sends to each conversation under a keyed hash of it,
  -- kept only for the platform's longest limit window (an hour on Teams).
  CREATE TABLE send_slots (
    name    TEXT PRIMARY KEY,
    next_ms REAL NOT NULL
  );

  CREATE TABLE conversation_sends (
    key        TEXT PRIMARY KEY,
    sent       TEXT NOT NULL,
    keep_until REAL NOT NULL
  );
  CREATE INDEX conversation_sends_by_age ON conversation_sends (keep_until);
  `,
  `
  -- Summaries read one row per round, answer value and platform instead of every answer
  -- (docs/storage.md). Triggers keep the counts in the same statement as the answer's insert,
  -- change or delete, so they cannot disagree with the answers: a statement that fails undoes
  -- its triggers' work with its own. Free-text answers are counted under '' (their text stays
  -- in pulse_answers alone); a count that falls to 0 is deleted, so expired rounds leave nothing.
  CREATE TABLE pulse_answer_counts (
    round_id TEXT NOT NULL,
    value    TEXT NOT NULL,
    platform TEXT NOT NULL,
    count    INTEGER NOT NULL,
    PRIMARY KEY (round_id, value, platform)
  ) WITHOUT ROWID;

  CREATE VIEW free_text_rounds AS
    SELECT r.id AS round_id FROM pulse_rounds r
    JOIN pulse_questions q ON q.network_id = r.network_id AND q.number = r.question_number
    WHERE q.kind = 'text';

  INSERT INTO pulse_answer_counts (round_id, value, platform, count)
    SELECT round_id, counted, platform, COUNT(*) FROM (
      SELECT a.round_id, a.platform,
        CASE WHEN EXISTS (SELECT 1 FROM free_text_rounds f WHERE f.round_id = a.round_id) THEN '' ELSE a.value END AS counted
      FROM pulse_answers a)
    GROUP BY round_id, counted, platform;

  CREATE TRIGGER pulse_answers_counted_on_insert AFTER INSERT ON pulse_answers BEGIN
    INSERT INTO pulse_answer_counts (round_id, value, platform, count)
      VALUES (NEW.round_id, CASE WHEN EXISTS (SELECT 1 FROM free_text_rounds f WHERE f.round_id = NEW.round_id) THEN '' ELSE NEW.value END, NEW.platform, 1)
      ON CONFLICT (round_id, value, platform) DO UPDATE SET count = count + 1;
  END;

  CREATE TRIGGER pulse_answers_counted_on_change AFTER UPDATE OF round_id, value, platform ON pulse_answers
  WHEN OLD.round_id IS NOT NEW.round_id OR OLD.value IS NOT NEW.value OR OLD.platform IS NOT NEW.platform BEGIN
    DELETE FROM pulse_answer_counts WHERE round_id = OLD.round_id AND platform = OLD.platform AND count <= 1
      AND value = CASE WHEN EXISTS (SELECT 1 FROM free_text_rounds f WHERE f.round_id = OLD.round_id) THEN '' ELSE OLD.value END;
    UPDATE pulse_answer_counts SET count = count - 1 WHERE round_id = OLD.round_id AND platform = OLD.platform
      AND value = CASE WHEN EXISTS (SELECT 1 FROM free_text_rounds f WHERE f.round_id = OLD.round_id) THEN '' ELSE OLD.value END;
    INSERT INTO pulse_answer_counts (round_id, value, platform, count)
      VALUES (NEW.round_id, CASE WHEN EXISTS (SELECT 1 FROM free_text_rounds f WHERE f.round_id = NEW.round_id) THEN '' ELSE NEW.value END, NEW.platform, 1)
      ON CONFLICT (round_id, value, platform) DO UPDATE SET count = count + 1;
  END;

  CREATE TRIGGER pulse_answers_counted_on_delete AFTER DELETE ON pulse_answers BEGIN
    DELETE FROM pulse_answer_counts WHERE round_id = OLD.round_id AND platform = OLD.platform AND count <= 1
      AND value = CASE WHEN EXISTS (SELECT 1 FROM free_text_rounds f WHERE f.round_id = OLD.round_id) THEN '' ELSE OLD.value END;
    UPDATE pulse_answer_counts SET count = count - 1 WHERE round_id = OLD.round_id AND platform = OLD.platform
      AND value = CASE WHEN EXISTS (SELECT 1 FROM free_text_rounds f WHERE f.round_id = OLD.round_id) THEN '' ELSE OLD.value END;
  END;

  -- The counts this index served are kept in pulse_answer_counts now: one index fewer to write
  -- on every answer.
  DROP INDEX pulse_answers_by_round_value;
  `,
  `
  -- Each person's language (their own choice, and what their client was last seen in), the
  -- network's default, and each forum's: English, Welsh, or both with Welsh first.
  ALTER TABLE members ADD COLUMN language TEXT;
  ALTER TABLE members ADD COLUMN seen_language TEXT;
  ALTER TABLE networks ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
  ALTER TABLE forums ADD COLUMN language TEXT;
  `,
];

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the steps the database has not seen yet, each in its own transaction together
 * with the version bump. BEGIN IMMEDIATE and the re-check inside it let two processes
 * open the same new file at once without both applying a step.
 */
export function migrate(db: Database, migrations: readonly string[] = MIGRATIONS): void {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new Error(
      `Database schema version ${current} is newer than this build knows (${migrations.length})`,
    );
  }
  for (let target = current + 1; target <= migrations.length; target++) {
    const applyStep = db.transaction(() => {
      if (schemaVersion(db) >= target) return;
      db.exec(migrations[target - 1]);
      db.pragma(`user_version = ${target}`);
    });
    applyStep.immediate();
  }
}
