import assert from 'node:assert/strict';
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS, migrate, schemaVersion } from '../../src/store/sqlite/migrations';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { aDelivery, aNetwork, at, counted, storeContract } from './contract';

/** Returns a function that resolves with the child's next message, failing if it exits first. */
function collectMessages(child: ChildProcess): () => Promise<unknown> {
  const queue: unknown[] = [];
  const waiting: { resolve: (message: unknown) => void; reject: (error: Error) => void }[] = [];
  child.on('message', (message) => {
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(message);
    else queue.push(message);
  });
  child.once('exit', (code) => {
    for (const waiter of waiting.splice(0)) waiter.reject(new Error(`claimer exited with ${code}`));
  });
  return () =>
    queue.length > 0
      ? Promise.resolve(queue.shift())
      : new Promise((resolve, reject) => waiting.push({ resolve, reject }));
}

function tempDirectory(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'techvoice-store-'));
}

storeContract('SQLite', async () => {
  const directory = tempDirectory();
  const file = path.join(directory, 'techvoice.db');
  const store = SqliteStore.open(file);
  return {
    store,
    cleanup: async () => {
      await store.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
    openAnother: async () => SqliteStore.open(file),
    target: { kind: 'sqlite', file },
  };
});

describe('SqliteStore', function () {
  let directory: string;
  let file: string;

  beforeEach(function () {
    directory = tempDirectory();
    file = path.join(directory, 'nested', 'techvoice.db');
  });

  afterEach(function () {
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('creates the parent directory and opens in WAL mode with foreign keys on', async function () {
    const store = SqliteStore.open(file);
    await store.close();
    const db = new BetterSqlite3(file);
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(schemaVersion(db), MIGRATIONS.length);
    } finally {
      db.close();
    }
  });

  it('opens an in-memory database for tests', async function () {
    const store = SqliteStore.open(':memory:');
    await store.createNetwork(aNetwork('n1'));
    assert.equal((await store.listNetworks()).length, 1);
    await store.close();
  });

  it('keeps data and schema version when reopened', async function () {
    const first = SqliteStore.open(file);
    await first.createNetwork(aNetwork('n1'));
    await first.close();

    const second = SqliteStore.open(file);
    assert.deepStrictEqual(await second.getNetwork('n1'), aNetwork('n1'));
    await second.close();
    const db = new BetterSqlite3(file);
    try {
      assert.equal(schemaVersion(db), MIGRATIONS.length);
      migrate(db);
      assert.equal(schemaVersion(db), MIGRATIONS.length);
    } finally {
      db.close();
    }
  });

  it('applies only the steps a database has not seen, in order', function () {
    const db = new BetterSqlite3(':memory:');
    try {
      migrate(db, ['CREATE TABLE a (x)']);
      migrate(db, ['CREATE TABLE a (x)', 'ALTER TABLE a ADD COLUMN y', 'CREATE TABLE b (z)']);
      assert.equal(schemaVersion(db), 3);
      const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all('a');
      assert.deepStrictEqual(columns, [{ name: 'x' }, { name: 'y' }]);
    } finally {
      db.close();
    }
  });

  it('moves actions kept before plans existed, with their history, into a current plan "Action plan"', async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'techvoice-plans-'));
    const file = path.join(dir, 'old.db');
    const db = new BetterSqlite3(file);
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, MIGRATIONS.findIndex((step) => step.includes('CREATE TABLE plans'))));
    db.prepare("INSERT INTO networks (id, name, time_zone, quiet_hours, quiet_weekends, anonymity_threshold, reminder_days_before, stale_after_days, created_at) VALUES ('n1', 'Liverpool', 'Europe/London', NULL, 1, 5, '[7]', 30, '2021-01-01T00:00:00.000Z')").run();
    db.prepare("INSERT INTO actions VALUES ('n1', '1.6', 'Raise visibility', 'Visibility', 'outreach@liverpool.ac.uk', '2021-12-31', 'red', 'Covid', '', '2021-04-01T09:00:00.000Z', 3)").run();
    db.prepare("INSERT INTO action_updates (network_id, action_number, at, by, by_name, status, note, evidence) VALUES ('n1', '1.6', '2021-04-01T09:00:00.000Z', 'import', 'Plan import', 'red', 'Covid', '')").run();
    db.close();
    const store = SqliteStore.open(file);
    try {
      const [plan] = await store.listPlans('n1');
      assert.deepStrictEqual([plan.id, plan.name, plan.state, plan.start, plan.end], ['initial', 'Action plan', 'current', '2021-04-01', '2023-04-01']);
      const action = await store.getAction('n1', '1.6');
      assert.deepStrictEqual(
        [action?.planId, action?.owner, action?.ownerEmail, action?.due, action?.dueAsWritten, action?.version],
        ['initial', 'outreach@liverpool.ac.uk', 'outreach@liverpool.ac.uk', '2021-12-31', '2021-12-31', 3],
      );
      assert.deepStrictEqual((await store.listActionUpdates('n1', '1.6')).map((u) => [u.planId, u.note]), [['initial', 'Covid']]);
    } finally {
      await store.close();
    }
  });

  it('counts the answers a database already holds when it gains per-round counts', async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'techvoice-counts-'));
    const file = path.join(dir, 'old.db');
    const db = new BetterSqlite3(file);
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, MIGRATIONS.findIndex((step) => step.includes('CREATE TABLE pulse_answer_counts'))));
    db.prepare("INSERT INTO networks (id, name, time_zone, quiet_hours, quiet_weekends, anonymity_threshold, reminder_days_before, stale_after_days, created_at) VALUES ('n1', 'Liverpool', 'Europe/London', NULL, 1, 5, '[7]', 30, '2021-01-01T00:00:00.000Z')").run();
    const question = db.prepare("INSERT INTO pulse_questions VALUES ('n1', ?, 'Q', ?, '[]', 'Recognition', 1, '{\"type\":\"members\"}', NULL, 72, 'm1', '2021-01-01T00:00:00.000Z')");
    question.run(1, 'likert');
    question.run(2, 'text');
    const round = db.prepare("INSERT INTO pulse_rounds (id, network_id, question_number, opens_at, closes_at, asked_count, created_at) VALUES (?, 'n1', ?, '2021-02-01T00:00:00.000Z', '2021-02-04T00:00:00.000Z', 9, '2021-02-01T00:00:00.000Z')");
    round.run('scale', 1);
    round.run('words', 2);
    const answer = db.prepare("INSERT INTO pulse_answers VALUES (?, ?, NULL, ?, ?, '2021-02-01T10:00:00.000Z')");
    for (const [roundId, key, value, platform] of [['scale', 'a', '4', 'teams'], ['scale', 'b', '4', 'teams'], ['scale', 'c', '2', 'slack'], ['words', 'a', 'Fewer forms', 'teams'], ['words', 'b', 'More training', 'teams']]) {
      answer.run(roundId, key, value, platform);
    }
    db.close();
    const store = SqliteStore.open(file);
    try {
      assert.deepStrictEqual(await counted(store, ['scale', 'words']), ['scale 2 slack 1', 'scale 4 teams 2', 'words  teams 2']);
      await store.saveAnswer({ roundId: 'scale', respondentKey: 'b', memberId: null, value: '5', platform: 'teams', answeredAt: at(0) });
      assert.deepStrictEqual(await counted(store, ['scale']), ['scale 2 slack 1', 'scale 4 teams 1', 'scale 5 teams 1']);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rolls back a failing step together with its version', function () {
    const db = new BetterSqlite3(':memory:');
    try {
      migrate(db, ['CREATE TABLE a (x)']);
      assert.throws(() => migrate(db, ['CREATE TABLE a (x)', 'CREATE TABLE b (z); NOT SQL']));
      assert.equal(schemaVersion(db), 1);
      assert.deepStrictEqual(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").all(), []);
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer build', function () {
    const db = new BetterSqlite3(':memory:');
    try {
      db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
      assert.throws(() => migrate(db), /newer/);
    } finally {
      db.close();
    }
  });

  it('enforces that rounds belong to a stored question and answers to a stored round', async function () {
    const store = SqliteStore.open(file);
    try {
      await store.createNetwork(aNetwork('n1'));
      await assert.rejects(
        store.createRound({
          id: 'r1',
          networkId: 'n1',
          questionNumber: 9,
          opensAt: at(0),
          closesAt: at(60),
          askedCount: 1,
          answerSalt: null,
          createdAt: at(0),
        }),
        /FOREIGN KEY/,
      );
    } finally {
      await store.close();
    }
  });

  it('never gives the same delivery to two connections on one file', async function () {
    const a = SqliteStore.open(file);
    const b = SqliteStore.open(file);
    try {
      await a.enqueueDeliveries(Array.from({ length: 40 }, (_, i) => aDelivery(`u${i}`)));
      const rounds = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 === 0 ? a : b).claimDeliveries(`holder-${i % 2}`, at(1), at(10), 5),
        ),
      );
      const claimed = rounds.flat().map((d) => d.id);
      assert.equal(claimed.length, 40);
      assert.equal(new Set(claimed).size, 40);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('never gives the same delivery to two processes on one file', async function () {
    this.timeout(30_000);
    const setup = SqliteStore.open(file);
    const count = 400;
    await setup.enqueueDeliveries(Array.from({ length: count }, (_, i) => aDelivery(`u${i}`)));
    await setup.close();

    const claimer = path.join(__dirname, 'support', 'sqlite-claimer.ts');
    const children = ['process-a', 'process-b'].map((holder) =>
      fork(claimer, [file, holder, at(1), at(10)], {
        execArgv: ['--require', 'tsx/cjs'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    const messages = children.map((child) => collectMessages(child));
    await Promise.all(messages.map((next) => next()));
    for (const child of children) child.send('start');
    const results = messages.map(async (next) => ((await next()) as { claimed: string[] }).claimed);
    const [fromA, fromB] = await Promise.all(results);

    assert.ok(fromA.length > 0 && fromB.length > 0, `both processes claimed (${fromA.length}/${fromB.length})`);
    assert.deepStrictEqual(fromA.filter((id) => fromB.includes(id)), []);
    assert.equal(new Set([...fromA, ...fromB]).size, count);
  });
});
