/**
 * A 30-day forum summary on SQLite over histories of 10k, 100k and 1M pulse answers (and a
 * tenth as many feedback items), at a steady ~1,370 answers a day: the 1M history spans two
 * years. Compared with a naive GROUP BY over all answers, measured in the same run.
 *
 * Run alone: npx tsx bench/summary.bench.ts [--sizes 10000,100000,1000000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteStore } from '../src/store/sqlite/sqlite-store';
import { Outbox } from '../src/core/outbox/outbox';
import { buildSummary, summaryMessage } from '../src/core/summary/summary';
import { newNetwork } from '../src/core/session';
import { THEMES, FEEDBACK_THEMES, FEEDBACK_STATUSES } from '../src/core/model';
import { importActionPlan } from '../src/core/actions/action-plan-csv';
import { readFileSync } from 'node:fs';

const ANSWERS_PER_ROUND = 50;
const ANSWERS_PER_DAY = 1_370;
const DAY = 86_400_000;
const PLAN = readFileSync(join(__dirname, '../test/fixtures/action-plan.csv'), 'utf8');

interface Row {
  answers: number;
  feedback: number;
  historyDays: number;
  periodAnswers: number;
  seedSeconds: number;
  summaryMs: number;
  withChartsMs: number;
  baselineMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(runs: number, work: () => unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** A small deterministic random source, so every run seeds the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

async function measure(answers: number): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'techvoice-bench-'));
  const file = join(dir, 'bench.db');
  const store = SqliteStore.open(file);
  const network = newNetwork('n-bench', 'Bench University Technicians');
  await store.createNetwork(network);
  await importActionPlan(store, network.id, PLAN, new Date(Date.now() - 400 * DAY).toISOString());
  const started = performance.now();
  const rounds = Math.ceil(answers / ANSWERS_PER_ROUND);
  const historyDays = answers / ANSWERS_PER_DAY;
  const feedback = Math.round(answers / 10);
  const rand = random(42);
  const now = Date.now();

  // Bulk seeding straight into the file; the store's own code reads it afterwards.
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.transaction(() => {
    const question = db.prepare(
      `INSERT INTO pulse_questions (network_id, number, text, kind, choices, theme, anonymous, audience, schedule, window_hours, created_by, created_at)
       VALUES (?, ?, ?, 'likert', '[]', ?, 1, '{"type":"members"}', NULL, 72, 'm-chair', ?)`,
    );
    THEMES.forEach((theme, i) => question.run(network.id, i + 1, `How well are we doing on ${theme}?`, theme, new Date(now - 800 * DAY).toISOString()));
    const round = db.prepare(
      `INSERT INTO pulse_rounds (id, network_id, question_number, opens_at, closes_at, asked_count, created_at) VALUES (?, ?, ?, ?, ?, 80, ?)`,
    );
    const answer = db.prepare(
      `INSERT INTO pulse_answers (round_id, respondent_key, member_id, value, platform, answered_at) VALUES (?, ?, NULL, ?, ?, ?)`,
    );
    for (let r = 0; r < rounds; r++) {
      const opens = new Date(now - ((r + 0.5) / rounds) * historyDays * DAY).toISOString();
      const id = `r-${r}`;
      round.run(id, network.id, (r % THEMES.length) + 1, opens, opens, opens);
      const count = Math.min(ANSWERS_PER_ROUND, answers - r * ANSWERS_PER_ROUND);
      for (let a = 0; a < count; a++) {
        answer.run(id, `k-${r}-${a}`, String(1 + Math.floor(rand() * 5)), rand() < 0.7 ? 'teams' : 'slack', opens);
      }
    }
    const item = db.prepare(
      `INSERT INTO feedback (network_id, number, theme, text, anonymous, author_member_id, status, linked_action, reply, platform, created_at, updated_at)
       VALUES (?, ?, ?, 'An idea from a technician', 1, NULL, ?, ?, NULL, 'teams', ?, ?)`,
    );
    for (let f = 0; f < feedback; f++) {
      const at = new Date(now - (f / feedback) * historyDays * DAY).toISOString();
      const status = FEEDBACK_STATUSES[Math.floor(rand() * FEEDBACK_STATUSES.length)];
      item.run(network.id, f + 1, FEEDBACK_THEMES[Math.floor(rand() * FEEDBACK_THEMES.length)], status, status === 'linked' || status === 'closed' ? '2.1' : null, at, at);
    }
  })();
  db.pragma('optimize');
  const seedSeconds = (performance.now() - started) / 1000;
  const since = new Date(now - 60 * DAY).toISOString();
  const periodAnswers = (db.prepare('SELECT COUNT(*) AS n FROM pulse_answers a JOIN pulse_rounds r ON r.id = a.round_id WHERE r.opens_at >= ?').get(since) as { n: number }).n;

  const deps = { store, secret: 'bench', outbox: new Outbox(store, {}, { secret: 'bench' }) };
  const summaryMs = await time(5, () => buildSummary(deps, { network, audienceName: 'Forum', days: 30 }));
  // As Teams gets it: with the RAG-by-theme and pulse-trend charts, whose trend reads every quarter's rounds.
  const withChartsMs = await time(5, () => summaryMessage(deps, { network, audienceName: 'Forum', days: 30 }, 'teams'));
  const naive = db.prepare('SELECT round_id, value, COUNT(*) AS n FROM pulse_answers GROUP BY round_id, value');
  const baselineMs = await time(3, () => naive.all());
  db.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { answers, feedback, historyDays, periodAnswers, seedSeconds, summaryMs, withChartsMs, baselineMs };
}

export async function runSummaryBench(sizes = [10_000, 100_000, 1_000_000]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const size of sizes) {
    const row = await measure(size);
    rows.push(row);
    console.log(`  seeded ${size.toLocaleString('en-GB')} answers in ${row.seedSeconds.toFixed(1)} s`);
  }
  console.log('\n30-day forum summary on SQLite (median of 5; baseline: naive GROUP BY over all answers, median of 3)\n');
  console.log('| answers | feedback | history | answers read (2 × 30 days) | summary | with its charts (Teams) | naive GROUP BY | summary ÷ baseline |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.answers.toLocaleString('en-GB')} | ${r.feedback.toLocaleString('en-GB')} | ${r.historyDays.toFixed(0)} days | ${r.periodAnswers.toLocaleString('en-GB')} | ${r.summaryMs.toFixed(1)} ms | ${r.withChartsMs.toFixed(1)} ms | ${r.baselineMs.toFixed(1)} ms | ${(r.summaryMs / r.baselineMs).toFixed(2)} |`,
    );
  }
  const largest = rows[rows.length - 1];
  if (largest.answers >= 1_000_000) console.log(`\nTarget under 200 ms at 1M: ${largest.summaryMs < 200 ? 'met' : 'NOT met'} (${largest.summaryMs.toFixed(1)} ms).`);
  return rows;
}

if (require.main === module) {
  const flag = process.argv.indexOf('--sizes');
  const sizes = flag > 0 ? process.argv[flag + 1].split(',').map(Number) : undefined;
  void runSummaryBench(sizes).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
