import { load } from './load';
import { startTarget } from './child';
import { invokeBody } from './card-submit.bench';

/** Loads only the Techvoice target (run with BENCH_PROFILE=dir to write its CPU profile). */
async function main(): Promise<void> {
  const bot = await startTarget('techvoice.ts');
  const url = `http://127.0.0.1:${bot.port}/api/messages`;
  const body = (n: number) => invokeBody(String(bot.info.serviceUrl), String(bot.info.roundId), n);
  await load({ url, seconds: 2, body });
  const figures = await load({ url, seconds: 8, body });
  console.log(`${figures.requestsPerSecond.toFixed(0)} req/s, p99 ${figures.p99} ms`);
  await bot.stop();
}

void main();
