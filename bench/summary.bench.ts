/**
 * A 30-day forum summary over histories of 10k to 10M pulse answers (and a tenth as many
 * feedback items), at a steady ~1,370 answers a day: the 1M history spans two years, the 10M
 * one twenty. Rounds of 50 answers, as before, and the 1M history once more in rounds of 500
 * (the same answers, a tenth as many rounds), because what a summary reads now follows the
 * rounds.
 *
 * Each size is measured the way summaries read answers now (SQLite: pulse_answer_counts, one
 * aggregate per round; Cosmos DB: one rollup per day for sealed rounds, as the scheduler leaves
 * them once every round of the history has closed and been sealed through the store, beside one
 * tally per round as before rollups) and the old way (reading the period's answers and counting
 * them), in the same run, on SQLite and on the local Cosmos DB server (bench/cosmos-local.ts),
 * with what each way read: rows for SQLite (answers, or aggregate rows), documents for Cosmos DB
 * (counted at the server).
 *
 * Run alone: npx tsx bench/summary.bench.ts [--sizes 10000,…|none] [--cosmos-sizes 10000,…|none] [--quick]
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { CosmosClient, type Container } from '@azure/cosmos';
import { SqliteStore } from '../src/store/sqlite/sqlite-store';
import { CosmosStore } from '../src/store/cosmos/cosmos-store';
import { documentId } from '../src/store/cosmos/collection';
import { tallyDocument, tallyOf } from '../src/store/cosmos/answer-tally';
import { Outbox } from '../src/core/outbox/outbox';
import { buildSummary, summaryMessage } from '../src/core/summary/summary';
import { newNetwork } from '../src/core/session';
import { THEMES, FEEDBACK_THEMES, FEEDBACK_STATUSES, type Feedback, type Network, type Platform, type PulseAnswer, type PulseRound } from '../src/core/model';
import type { AnswerCount, CountedRound, Store } from '../src/core/store';
import { importActionPlan } from '../src/core/actions/action-plan-csv';
import { startLocalCosmos, type Meter } from './cosmos-local';

const ANSWERS_PER_DAY = 1_370;
const DAY = 86_400_000;
const PLAN = readFileSync(join(__dirname, '../test/fixtures/action-plan.csv'), 'utf8');

interface Shape {
  answers: number;
  perRound: number;
}

interface Common {
  answers: number;
  perRound: number;
  historyDays: number;
  /** Rounds and answers the summary covers (this 30 days and the 30 before, for trends). */
  periodRounds: number;
  periodAnswers: number;
  seedSeconds: number;
}

interface SqliteRow extends Common {
  summaryMs: number;
  oldSummaryMs: number;
  withChartsMs: number;
  oldWithChartsMs: number;
  countMs: number;
  oldCountMs: number;
  /** Rows the summary's answer counting read: aggregate rows, or (old) answers. */
  rowsRead: number;
  oldRowsRead: number;
}

interface CosmosRow extends Common {
  summaryMs: number;
  /** The summary counting each round from its own tally, as before rollups. */
  tallySummaryMs: number;
  oldSummaryMs: number;
  /** How many old-way summaries the time is the median of. */
  oldRuns: number;
  countMs: number;
  tallyCountMs: number;
  oldCountMs: number;
  /** Documents the summary's answer counting read (rollups, tallies, or answers), and the whole summary's. */
  countDocuments: Meter;
  tallyCountDocuments: Meter;
  oldCountDocuments: Meter;
  summaryDocuments: Meter;
  oldSummaryDocuments: Meter;
  /** Sealing every round of the history through the store, as the scheduler does once each closes. */
  sealSeconds: number;
  sealMeter: Meter;
  /** Resident memory of the process holding the local server and its data, after seeding. */
  seededRssMb: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Medians of `runs` runs of `a` and of `b`, alternating (after one of each to warm up). */
async function timePair(runs: number, a: () => unknown, b: () => unknown): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i <= runs; i++) {
    for (const [j, work] of [a, b].entries()) {
      const start = performance.now();
      await work();
      if (i > 0) times[j].push(performance.now() - start);
    }
  }
  return [median(times[0]), median(times[1])];
}

/** A small deterministic random source, so every run seeds the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

interface SeedRound {
  round: PulseRound;
  answers: { key: string; value: string; platform: Platform }[];
}

/**
 * The history both stores are seeded with: rounds oldest last, each with its answers (likert
 * 1–5, 70 % Teams), then feedback. Generated as it is written, so 10M answers never sit in memory.
 */
function* history(shape: Shape, networkId: string, now: number): Generator<SeedRound, void, undefined> {
  const rand = random(42);
  const rounds = Math.ceil(shape.answers / shape.perRound);
  const historyDays = shape.answers / ANSWERS_PER_DAY;
  for (let r = 0; r < rounds; r++) {
    const opens = new Date(now - ((r + 0.5) / rounds) * historyDays * DAY).toISOString();
    // A salt, as every round has while it is open; Cosmos DB's seeding then seals them as the scheduler does.
    const round: PulseRound = { id: `r-${r}`, networkId, questionNumber: (r % THEMES.length) + 1, opensAt: opens, closesAt: opens, askedCount: Math.round(shape.perRound * 1.6), answerSalt: `salt-${r}`, createdAt: opens };
    const count = Math.min(shape.perRound, shape.answers - r * shape.perRound);
    const answers = Array.from({ length: count }, (_, a) => ({ key: `k-${r}-${a}`, value: String(1 + Math.floor(rand() * 5)), platform: (rand() < 0.7 ? 'teams' : 'slack') as Platform }));
    yield { round, answers };
  }
}

function* feedbackHistory(shape: Shape, networkId: string, now: number): Generator<Feedback, void, undefined> {
  const rand = random(7);
  const feedback = Math.round(shape.answers / 10);
  const historyDays = shape.answers / ANSWERS_PER_DAY;
  for (let f = 0; f < feedback; f++) {
    const at = new Date(now - (f / feedback) * historyDays * DAY).toISOString();
    const status = FEEDBACK_STATUSES[Math.floor(rand() * FEEDBACK_STATUSES.length)];
    yield {
      networkId, number: f + 1, theme: FEEDBACK_THEMES[Math.floor(rand() * FEEDBACK_THEMES.length)], text: 'An idea from a technician', anonymous: true, authorMemberId: null,
      status, linkedAction: status === 'linked' || status === 'closed' ? '2.1' : null, reply: null, platform: 'teams', createdAt: at, updatedAt: at,
    };
  }
}

const questionText = (theme: string) => `How well are we doing on ${theme}?`;

type CountAnswers = (rounds: readonly CountedRound[]) => Promise<AnswerCount[]>;

/** The store, except that countAnswers is `count` and every call of it is recorded. */
function withCountAnswers(store: Store, count: CountAnswers, calls: (readonly CountedRound[])[] = []): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'countAnswers') {
        return (rounds: readonly CountedRound[]) => {
          calls.push(rounds);
          return count(rounds);
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const depsFor = (store: Store) => ({ store, secret: 'bench', outbox: new Outbox(store, {}, { secret: 'bench' }) });

/** The rounds a 30-day summary counts, as it asks for them. */
async function summaryRounds(store: Store, network: Network): Promise<readonly CountedRound[]> {
  const calls: (readonly CountedRound[])[] = [];
  await buildSummary(depsFor(withCountAnswers(store, (rounds) => store.countAnswers(rounds), calls)), { network, audienceName: 'Forum', days: 30 });
  return calls[0];
}

const idsOf = (rounds: readonly CountedRound[]): string => JSON.stringify(rounds.map((round) => round.id));

// ---------------------------------------------------------------------------------- SQLite

async function measureSqlite(shape: Shape): Promise<SqliteRow> {
  const dir = mkdtempSync(join(tmpdir(), 'techvoice-bench-'));
  const file = join(dir, 'bench.db');
  const store = SqliteStore.open(file);
  const network = newNetwork('n-bench', 'Bench University Technicians');
  await store.createNetwork(network);
  await importActionPlan(store, network.id, PLAN, new Date(Date.now() - 400 * DAY).toISOString());
  const started = performance.now();
  const now = Date.now();

  // Bulk seeding straight into the file; the store's own code reads it afterwards. The
  // answers' inserts fill pulse_answer_counts through its triggers, in the same transaction.
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.transaction(() => {
    const question = db.prepare(
      `INSERT INTO pulse_questions (network_id, number, text, kind, choices, theme, anonymous, audience, schedule, window_hours, created_by, created_at)
       VALUES (?, ?, ?, 'likert', '[]', ?, 1, '{"type":"members"}', NULL, 72, 'm-chair', ?)`,
    );
    THEMES.forEach((theme, i) => question.run(network.id, i + 1, questionText(theme), theme, new Date(now - 8000 * DAY).toISOString()));
    const round = db.prepare(
      `INSERT INTO pulse_rounds (id, network_id, question_number, opens_at, closes_at, asked_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const answer = db.prepare(
      `INSERT INTO pulse_answers (round_id, respondent_key, member_id, value, platform, answered_at) VALUES (?, ?, NULL, ?, ?, ?)`,
    );
    for (const { round: r, answers } of history(shape, network.id, now)) {
      round.run(r.id, r.networkId, r.questionNumber, r.opensAt, r.closesAt, r.askedCount, r.createdAt);
      for (const a of answers) answer.run(r.id, a.key, a.value, a.platform, r.opensAt);
    }
    const item = db.prepare(
      `INSERT INTO feedback (network_id, number, theme, text, anonymous, author_member_id, status, linked_action, reply, platform, created_at, updated_at)
       VALUES (@networkId, @number, @theme, @text, 1, NULL, @status, @linkedAction, NULL, @platform, @createdAt, @updatedAt)`,
    );
    for (const f of feedbackHistory(shape, network.id, now)) item.run(f);
  })();
  db.pragma('optimize');
  // A history written in one transaction leaves it all in the write-ahead log; a real one has
  // long been checkpointed into the file.
  db.pragma('wal_checkpoint(TRUNCATE)');
  const seedSeconds = (performance.now() - started) / 1000;
  // The old way read its counts from this index (dropped by migration 10); built here for the
  // comparison only, before any timing, so that both ways are timed on the same file.
  db.exec('CREATE INDEX pulse_answers_by_round_value ON pulse_answers (round_id, value, platform)');
  db.pragma('wal_checkpoint(TRUNCATE)');

  const rounds = await summaryRounds(store, network);
  const inRounds = 'round_id IN (SELECT value FROM json_each(?))';
  const periodAnswers = (db.prepare(`SELECT COUNT(*) AS n FROM pulse_answers WHERE ${inRounds}`).get(idsOf(rounds)) as { n: number }).n;
  const rowsRead = (db.prepare(`SELECT COUNT(*) AS n FROM pulse_answer_counts WHERE ${inRounds}`).get(idsOf(rounds)) as { n: number }).n;

  const runs = shape.answers >= 10_000_000 ? 3 : 5;
  const request = { network, audienceName: 'Forum', days: 30 };
  const deps = depsFor(store);
  // The old way, as the store counted before migration 10: a GROUP BY over the rounds' answers.
  const old = db.prepare(`SELECT round_id, value, platform, COUNT(*) AS count FROM pulse_answers WHERE ${inRounds} GROUP BY round_id, value, platform`);
  const oldCount = async (counted: readonly CountedRound[]): Promise<AnswerCount[]> =>
    (old.all(idsOf(counted)) as { round_id: string; value: string; platform: Platform; count: number }[]).map((row) => ({ roundId: row.round_id, value: row.value, platform: row.platform, count: row.count }));
  const oldDeps = depsFor(withCountAnswers(store, oldCount));
  // Each pair alternates the two ways run by run, so that the machine's drift falls on both.
  const [summaryMs, oldSummaryMs] = await timePair(runs, () => buildSummary(deps, request), () => buildSummary(oldDeps, request));
  // As Teams gets it: with the RAG-by-theme and pulse-trend charts, whose trend reads every quarter's rounds.
  const [withChartsMs, oldWithChartsMs] = await timePair(runs, () => summaryMessage(deps, request, 'teams'), () => summaryMessage(oldDeps, request, 'teams'));
  const [countMs, oldCountMs] = await timePair(runs, () => store.countAnswers(rounds), () => oldCount(rounds));
  db.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    answers: shape.answers, perRound: shape.perRound, historyDays: shape.answers / ANSWERS_PER_DAY, periodRounds: rounds.length, periodAnswers, seedSeconds,
    summaryMs, oldSummaryMs, withChartsMs, oldWithChartsMs, countMs, oldCountMs, rowsRead, oldRowsRead: periodAnswers,
  };
}

// ---------------------------------------------------------------------------- Cosmos DB

/** How the store counted before tallies: every answer of each round, 16 rounds at a time. */
async function countByReading(container: Container, rounds: readonly CountedRound[]): Promise<AnswerCount[]> {
  const counts: AnswerCount[] = [];
  const unique = [...new Set(rounds.map((round) => round.id))];
  for (let start = 0; start < unique.length; start += 16) {
    await Promise.all(
      unique.slice(start, start + 16).map(async (roundId) => {
        const { resources } = await container.items
          .query<{ answer: string; platform: Platform }>(
            { query: 'SELECT c.data["value"] AS answer, c.data.platform AS platform FROM c WHERE c.roundId = @partition AND IS_DEFINED(c.data)', parameters: [{ name: '@partition', value: roundId }] },
            { partitionKey: roundId },
          )
          .fetchAll();
        const groups = new Map<string, AnswerCount>();
        for (const { answer, platform } of resources) {
          const key = `${platform}|${answer}`;
          const group = groups.get(key) ?? { roundId, value: answer, platform, count: 0 };
          group.count += 1;
          groups.set(key, group);
        }
        counts.push(...groups.values());
      }),
    );
  }
  return counts;
}

async function measureCosmos(shape: Shape): Promise<CosmosRow> {
  const local = await startLocalCosmos();
  const database = 'bench';
  const store = await CosmosStore.open({ endpoint: local.endpoint, key: 'emulator', database, agent: local.agent });
  const client = new CosmosClient({ endpoint: local.endpoint, key: 'emulator', agent: local.agent });
  try {
    const network = newNetwork('n-bench', 'Bench University Technicians');
    await store.createNetwork(network);
    await importActionPlan(store, network.id, PLAN, new Date(Date.now() - 400 * DAY).toISOString());
    const now = Date.now();
    for (const theme of THEMES) {
      await store.createPulseQuestion(
        { networkId: network.id, text: questionText(theme), kind: 'likert', choices: [], theme, anonymous: true, audience: { type: 'members' }, schedule: null, windowHours: 72, createdBy: 'm-chair', createdAt: new Date(now - 8000 * DAY).toISOString() },
        theme,
      );
    }
    const started = performance.now();
    // Documents as the store writes them (collection.ts, answer-tally.ts), put straight into the server's memory.
    const rounds = local.container(database, 'pulseRounds');
    const answers = local.container(database, 'pulseAnswers');
    const feedback = local.container(database, 'feedback');
    for (const { round, answers: given } of history(shape, network.id, now)) {
      rounds.documents.create({ id: documentId(round.id), data: round });
      for (const a of given) {
        const answer: PulseAnswer = { roundId: round.id, respondentKey: a.key, memberId: null, value: a.value, platform: a.platform, answeredAt: round.opensAt };
        answers.documents.create({ roundId: round.id, id: documentId(a.key), data: answer });
      }
      answers.documents.create(tallyDocument(round.id, tallyOf(given, false)));
    }
    for (const f of feedbackHistory(shape, network.id, now)) feedback.documents.create({ networkId: f.networkId, id: String(f.number), data: f });
    const seedSeconds = (performance.now() - started) / 1000;
    // Every round has closed: sealed through the store, which folds each into its day's rollup.
    // Sixteen at once, each taking its stretch of history in turn as the scheduler would have.
    const sealStarted = performance.now();
    const { meter: sealMeter } = await local.metered(async () => {
      const rounds = Math.ceil(shape.answers / shape.perRound);
      const stretch = Math.ceil(rounds / 16);
      await Promise.all(
        Array.from({ length: 16 }, async (_, lane) => {
          for (let r = lane * stretch; r < Math.min(rounds, (lane + 1) * stretch); r++) {
            if (!(await store.sealRound(`r-${r}`))) throw new Error(`round r-${r} of the history was not sealed`);
          }
        }),
      );
    });
    const sealSeconds = (performance.now() - sealStarted) / 1000;
    const seededRssMb = process.memoryUsage().rss / 1e6;

    const roundIds = await summaryRounds(store, network);
    if (!roundIds.every((round) => round.answerSalt === '')) throw new Error('the summary lists rounds that are not sealed');
    // Before rollups, every round was counted from its own tally: the same rounds, asked about as unsealed ones are.
    const asBeforeRollups = (rounds: readonly CountedRound[]) => store.countAnswers(rounds.map((round) => ({ ...round, answerSalt: null })));
    const container = client.database(database).container('pulseAnswers');
    const request = { network, audienceName: 'Forum', days: 30 };

    /** One summary, metered, with what its answer counting alone read and took. */
    const meteredSummary = async (count: CountAnswers) => {
      let counting: Meter = { requests: 0, documents: 0, writes: 0 };
      let countMs = 0;
      let counted = 0;
      const start = performance.now();
      const { meter } = await local.metered(async (running) => {
        const measured = async (rounds: readonly CountedRound[]) => {
          const before = { ...running };
          const countStart = performance.now();
          const result = await count(rounds);
          countMs = performance.now() - countStart;
          counting = { requests: running.requests - before.requests, documents: running.documents - before.documents, writes: running.writes - before.writes };
          counted = result.reduce((sum, c) => sum + c.count, 0);
          return result;
        };
        await buildSummary(depsFor(withCountAnswers(store, measured)), request);
      });
      return { ms: performance.now() - start, meter, counting, countMs, counted };
    };

    const now_ = await meteredSummary((rounds) => store.countAnswers(rounds));
    const tallies = await meteredSummary(asBeforeRollups);
    const tallyDeps = depsFor(withCountAnswers(store, asBeforeRollups));
    const [summaryMs, tallySummaryMs] = await timePair(5, () => buildSummary(depsFor(store), request), () => buildSummary(tallyDeps, request));
    const [countMs, tallyCountMs] = await timePair(5, () => store.countAnswers(roundIds), () => asBeforeRollups(roundIds));

    // The old way reads every answer of the period, and the local server passes over the
    // whole container for each round's query: at 1M answers one run is what fits.
    const oldRuns = shape.answers >= 1_000_000 ? 1 : 3;
    const old = [];
    for (let i = 0; i < oldRuns; i++) old.push(await meteredSummary((rounds) => countByReading(container, rounds)));
    const oldMedian = old.sort((a, b) => a.ms - b.ms)[Math.floor(old.length / 2)];
    if (oldMedian.counted !== now_.counted || tallies.counted !== now_.counted) throw new Error(`the three ways counted ${now_.counted}, ${tallies.counted} and ${oldMedian.counted} answers`);
    return {
      answers: shape.answers, perRound: shape.perRound, historyDays: shape.answers / ANSWERS_PER_DAY, periodRounds: roundIds.length, periodAnswers: now_.counted, seedSeconds,
      summaryMs, tallySummaryMs, oldSummaryMs: oldMedian.ms, oldRuns, countMs, tallyCountMs, oldCountMs: oldMedian.countMs,
      countDocuments: now_.counting, tallyCountDocuments: tallies.counting, oldCountDocuments: oldMedian.counting, summaryDocuments: now_.meter, oldSummaryDocuments: oldMedian.meter,
      sealSeconds, sealMeter, seededRssMb,
    };
  } finally {
    client.dispose();
    await store.close();
    await local.stop();
  }
}

// ------------------------------------------------------------------------------- report

const n = (value: number) => value.toLocaleString('en-GB');
const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
const shapeOf = (row: Common) => `${n(row.answers)}${row.perRound === 50 ? '' : ` (rounds of ${row.perRound})`}`;

function printSqlite(rows: SqliteRow[]): void {
  console.log('\n30-day forum summary on SQLite: per-round aggregates (now) and a GROUP BY over the answers (old), alternating in one run, medians of 5 (3 at 10M)\n');
  console.log('| answers | history | rounds read (2 × 30 days) | answers in them | rows read, now / old | summary, now / old | with charts (Teams), now / old | counting alone, now / old | seed |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${shapeOf(r)} | ${r.historyDays.toFixed(0)} days | ${n(r.periodRounds)} | ${n(r.periodAnswers)} | ${n(r.rowsRead)} / ${n(r.oldRowsRead)} | **${ms(r.summaryMs)}** / ${ms(r.oldSummaryMs)} | ${ms(r.withChartsMs)} / ${ms(r.oldWithChartsMs)} | ${ms(r.countMs)} / ${ms(r.oldCountMs)} | ${r.seedSeconds.toFixed(0)} s |`,
    );
  }
  const tenMillion = rows.find((r) => r.answers >= 10_000_000 && r.perRound === 50);
  if (tenMillion) console.log(`\nTarget: SQLite summary under 50 ms at 10M answers: ${tenMillion.summaryMs < 50 ? 'met' : 'NOT met'} (${ms(tenMillion.summaryMs)}).`);
}

function printCosmos(rows: CosmosRow[]): void {
  console.log(
    '\n30-day forum summary on the local Cosmos DB server, counting its answers three ways in one run: rollups of sealed rounds (now), each round\'s tally (as before rollups; the two alternate, medians of 5) and reading the answers (old, median of 3, one run at 1M); documents counted at the server\n',
  );
  console.log('| answers | rounds read | answers in them | answer documents read: rollups / tallies / answers | their requests | whole summary: documents, now / answers | summary: rollups / tallies / answers | its counting: rollups / tallies / answers | seed; sealing every round (writes a round) | memory after |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const rounds = Math.ceil(r.answers / r.perRound);
    console.log(
      `| ${shapeOf(r)} | ${n(r.periodRounds)} | ${n(r.periodAnswers)} | **${n(r.countDocuments.documents)}** / ${n(r.tallyCountDocuments.documents)} / ${n(r.oldCountDocuments.documents)} | ${n(r.countDocuments.requests)} / ${n(r.tallyCountDocuments.requests)} / ${n(r.oldCountDocuments.requests)} | ${n(r.summaryDocuments.documents)} / ${n(r.oldSummaryDocuments.documents)} | ${ms(r.summaryMs)} / ${ms(r.tallySummaryMs)} / ${ms(r.oldSummaryMs)}${r.oldRuns === 1 ? ' (1 run)' : ''} | ${ms(r.countMs)} / ${ms(r.tallyCountMs)} / ${ms(r.oldCountMs)} | ${r.seedSeconds.toFixed(0)} s; ${r.sealSeconds.toFixed(0)} s (${(r.sealMeter.writes / rounds).toFixed(2)}) | ${(r.seededRssMb / 1000).toFixed(1)} GB |`,
    );
  }
  const million = rows.find((r) => r.answers === 1_000_000 && r.perRound === 50);
  if (million) {
    console.log(
      `\nTarget: under 500 answer documents read per summary at 1M answers: ${million.countDocuments.documents < 500 ? 'met' : 'NOT met'} (${n(million.countDocuments.documents)} for the ${n(million.periodRounds)} rounds the summary covers; ${n(million.tallyCountDocuments.documents)} one tally a round).`,
    );
  }
}

const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const sizesFrom = (value: string | undefined, fallback: number[]) => (value === 'none' ? [] : value ? value.split(',').map(Number) : fallback);
const quick = process.argv.includes('--quick');

export async function runSummaryBench(): Promise<void> {
  const sqliteShapes: Shape[] = [...sizesFrom(flag('--sizes'), quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000, 10_000_000]).map((answers) => ({ answers, perRound: 50 }))];
  const cosmosShapes: Shape[] = [...sizesFrom(flag('--cosmos-sizes'), quick ? [10_000] : [10_000, 100_000, 1_000_000]).map((answers) => ({ answers, perRound: 50 }))];
  if (!quick && !flag('--sizes')) sqliteShapes.push({ answers: 1_000_000, perRound: 500 });
  if (!quick && !flag('--cosmos-sizes')) cosmosShapes.push({ answers: 1_000_000, perRound: 500 });

  const sqlite: SqliteRow[] = [];
  for (const shape of sqliteShapes) {
    const row = await measureSqlite(shape);
    sqlite.push(row);
    console.log(`  SQLite: ${shapeOf(row)} answers seeded in ${row.seedSeconds.toFixed(1)} s, summary ${ms(row.summaryMs)} (old ${ms(row.oldSummaryMs)})`);
  }
  // The local Cosmos DB server holds everything in this process's heap: its own process, with room.
  const cosmos: CosmosRow[] = [];
  for (const shape of cosmosShapes) {
    const row = await inChild(shape);
    cosmos.push(row);
    console.log(`  Cosmos DB: ${shapeOf(row)} answers seeded in ${row.seedSeconds.toFixed(1)} s, summary ${ms(row.summaryMs)} (old ${ms(row.oldSummaryMs)})`);
  }
  if (sqlite.length) printSqlite(sqlite);
  if (cosmos.length) printCosmos(cosmos);
}

function inChild(shape: Shape): Promise<CosmosRow> {
  const child = fork(__filename, ['--cosmos-child', JSON.stringify(shape)], { execArgv: ['--max-old-space-size=12288', '--require', 'tsx/cjs'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (row) => resolve(row as CosmosRow));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`the Cosmos DB part exited with ${code}`))));
  });
}

if (require.main === module) {
  const child = flag('--cosmos-child');
  const run = child
    ? measureCosmos(JSON.parse(child) as Shape).then((row) => new Promise<void>((resolve) => process.send!(row, () => resolve())))
    : runSummaryBench();
  void run.then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
