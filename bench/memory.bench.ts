/**
 * Resident memory of the server process after a 10,000-member broadcast (real outbox, fake
 * Bot Framework connector) and 100,000 card submits (pulse answers over HTTP), then the
 * same again: the second run must not grow. Target: under 250 MB.
 *
 *   npx tsx bench/memory.bench.ts [members] [submits] [--compiled]
 *
 * The server runs through tsx (its compiled sources count in the figure); --compiled runs
 * it as JavaScript built by tsc into a cache folder, as `npm start` does.
 */
import { fork, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FakeConnector } from '../test/support/fake-connector';
import { invokeBody } from './card-submit.bench';
import { load } from './load';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const MEMBERS = Number(args[0] ?? 10_000);
const SUBMITS = Number(args[1] ?? 100_000);
const VIA_TSX = !process.argv.includes('--compiled');
const ROOT = join(__dirname, '..');
/** Inside node_modules so that it is never committed, and below the repository so cards/ is found. */
const BUILD = join(ROOT, 'node_modules', '.cache', 'techvoice-memory-bench');

function serverEntry(): { file: string; execArgv: string[] } {
  if (VIA_TSX) return { file: join(__dirname, 'targets', 'memory-server.ts'), execArgv: ['--require', 'tsx/cjs', '--no-deprecation', '--expose-gc'] };
  // Type errors elsewhere do not stop the emit; only a missing output would.
  spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.json'), '--noEmit', 'false', '--sourceMap', 'false', '--outDir', BUILD], { stdio: 'ignore' });
  return { file: join(BUILD, 'bench', 'targets', 'memory-server.js'), execArgv: ['--no-deprecation', '--expose-gc'] };
}
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const connector = await new FakeConnector().start();
  const entry = serverEntry();
  const child = fork(entry.file, [], {
    execArgv: entry.execArgv,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  const { port, roundId } = await next<{ port: number; roundId: string }>();
  const ask = async <T>(message: object): Promise<T> => {
    const answer = next<T>();
    child.send(message);
    return answer;
  };
  const idle = await ask<{ rss: number; heapUsed: number }>({ cmd: 'rss' });
  console.log(`after start: RSS ${MB(idle.rss)}, heap ${MB(idle.heapUsed)}`);
  const results: { rss: number; heapUsed: number; broadcastS: number; submitRps: number; non2xx: number }[] = [];
  try {
    for (const run of [1, 2]) {
      const started = Date.now();
      await ask({ cmd: 'broadcast', count: MEMBERS, serviceUrl: connector.url, job: `bench:broadcast:${run}` });
      const broadcastS = (Date.now() - started) / 1000;
      connector.sent.length = 0;
      const figures = await load({ url: `http://127.0.0.1:${port}/api/messages`, amount: SUBMITS, connections: 20, body: (n) => invokeBody(connector.url, roundId, n) });
      const memory = await ask<{ rss: number; heapUsed: number }>({ cmd: 'rss' });
      results.push({ ...memory, broadcastS, submitRps: figures.requestsPerSecond, non2xx: figures.non2xx + figures.errors });
      console.log(`run ${run}: broadcast to ${MEMBERS.toLocaleString('en-GB')} in ${broadcastS.toFixed(1)} s, ${SUBMITS.toLocaleString('en-GB')} card submits at ${figures.requestsPerSecond.toFixed(0)} req/s (non-2xx/errors ${figures.non2xx + figures.errors}); RSS ${MB(memory.rss)}, heap ${MB(memory.heapUsed)}`);
    }
  } finally {
    child.kill('SIGTERM');
    await connector.stop();
  }
  const [first, second] = results;
  const growth = second.rss - first.rss;
  console.log(`RSS after run 1: ${MB(first.rss)}; after run 2: ${MB(second.rss)} (growth ${MB(growth)}); target < 250 MB and no growth`);
  if (second.rss > 250 * 1024 * 1024 || growth > 0.1 * first.rss || first.non2xx + second.non2xx > 0) process.exitCode = 1;
}

void main();
