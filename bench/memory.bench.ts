/**
 * Resident memory of the server process after a 10,000-member broadcast (real outbox, fake
 * Bot Framework connector) and 100,000 card submits (pulse answers over HTTP), then the
 * same again, three runs in all: later runs must not grow. Target: under 250 MB. Each run reports the peak
 * under load, the figure right after it, and the figure once the server has been idle for
 * IDLE_MS (what a server between bursts holds).
 *
 *   npx tsx bench/memory.bench.ts [members] [submits] [--tsx]
 *
 * The server runs as JavaScript built by tsc into a cache folder, as `npm start` runs it;
 * --tsx runs it through tsx instead (its compiled sources then count in the figure).
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { FakeConnector } from '../test/support/fake-connector';
import { invokeBody } from './card-submit.bench';
import { load } from './load';
import { START_FLAGS, compiledTarget } from './child';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const MEMBERS = Number(args[0] ?? 10_000);
const SUBMITS = Number(args[1] ?? 100_000);
const VIA_TSX = process.argv.includes('--tsx');

function serverEntry(): { file: string; execArgv: string[] } {
  if (VIA_TSX) return { file: join(__dirname, 'targets', 'memory-server.ts'), execArgv: ['--require', 'tsx/cjs', '--no-deprecation', '--expose-gc', ...START_FLAGS] };
  return { file: compiledTarget('memory-server.ts'), execArgv: ['--no-deprecation', '--expose-gc', ...START_FLAGS, ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)] };
}
/** V8 returns freed heap pages to the system after about ten seconds without work. */
const IDLE_MS = 30_000;
/** Identical runs: the first against the start, the later ones against each other. */
const RUNS = 3;
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const connector = await new FakeConnector().start();
  const entry = serverEntry();
  const child = fork(entry.file, [], {
    execArgv: entry.execArgv,
    stdio: ['ignore', process.env.BENCH_NODE_FLAGS ? 'inherit' : 'ignore', 'inherit', 'ipc'],
  });
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  const { port, roundId } = await next<{ port: number; roundId: string }>();
  const ask = async <T>(message: object): Promise<T> => {
    const answer = next<T>();
    child.send(message);
    return answer;
  };
  type Memory = { rss: number; heapUsed: number; heapTotal: number };
  type Report = { peak: number; afterLoad: Memory; settled: Memory };
  const show = (m: Memory) => `RSS ${MB(m.rss)} (heap ${MB(m.heapUsed)} used of ${MB(m.heapTotal)})`;
  const atStart = await ask<Report>({ cmd: 'memory', idleMs: IDLE_MS });
  console.log(`after start: ${show(atStart.settled)}`);
  const results: (Report & { non2xx: number })[] = [];
  try {
    for (let run = 1; run <= RUNS; run++) {
      const started = Date.now();
      await ask({ cmd: 'broadcast', count: MEMBERS, serviceUrl: connector.url, job: `bench:broadcast:${run}` });
      const broadcastS = (Date.now() - started) / 1000;
      connector.sent.length = 0;
      const figures = await load({ url: `http://127.0.0.1:${port}/api/messages`, amount: SUBMITS, connections: 20, body: (n) => invokeBody(connector.url, roundId, n) });
      const report = await ask<Report>({ cmd: 'memory', idleMs: IDLE_MS });
      const non2xx = figures.non2xx + figures.errors;
      results.push({ ...report, non2xx });
      console.log(`run ${run}: broadcast to ${MEMBERS.toLocaleString('en-GB')} in ${broadcastS.toFixed(1)} s, ${SUBMITS.toLocaleString('en-GB')} card submits at ${figures.requestsPerSecond.toFixed(0)} req/s (non-2xx/errors ${non2xx})`);
      console.log(`  peak RSS during the run ${MB(report.peak)}; right after: ${show(report.afterLoad)}; after ${IDLE_MS / 1000} s idle: ${show(report.settled)}`);
    }
  } finally {
    child.kill('SIGTERM');
    await connector.stop();
  }
  const settled = results.map((r) => r.settled.rss);
  const growths = settled.slice(1).map((rss, i) => rss - settled[i]);
  console.log(`RSS after ${IDLE_MS / 1000} s idle, run by run: ${settled.map(MB).join(', ')} (change from run to run: ${growths.map(MB).join(', ')}); target < 250 MB and no growth`);
  // Growth here is what keeps adding up from run to run; a few MB either way is the allocator.
  const keepsGrowing = growths.every((g) => g > 0.03 * settled[0]);
  if (settled.some((rss) => rss > 250 * 1024 * 1024) || keepsGrowing || results.some((r) => r.non2xx > 0)) process.exitCode = 1;
}

void main();
