import { load, type LoadFigures } from './load';
import { startTarget } from './child';

/** A Teams Action.Execute answering a pulse, from one of 500 people. */
export function invokeBody(serviceUrl: string, roundId: string, n: number): string {
  const userId = `29:bench-${n % 500}`;
  return JSON.stringify({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `act-${n}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: userId, name: `Bench ${n % 500}`, aadObjectId: `aad-bench-${n % 500}` },
    recipient: { id: '28:techvoice', name: 'Techvoice' },
    conversation: { id: `a:${userId}`, conversationType: 'personal', tenantId: 'bench' },
    channelData: { tenant: { id: 'bench' } },
    value: { action: { type: 'Action.Execute', verb: 'pulse.answer', data: { verb: 'pulse.answer', cv: 1, roundId, answer: String((n % 5) + 1) } } },
  });
}

export async function run(): Promise<void> {
  const bare = await startTarget('bare-restify.ts');
  const bot = await startTarget('techvoice.ts');
  const bareUrl = `http://127.0.0.1:${bare.port}/api/messages`;
  const botUrl = `http://127.0.0.1:${bot.port}/api/messages`;
  const body = (n: number) => invokeBody(String(bot.info.serviceUrl), String(bot.info.roundId), n);
  // Warm both up (the first card from each person looks up their e-mail), then measure each in the same run.
  await load({ url: bareUrl, seconds: 2, body: () => '{}' });
  await load({ url: botUrl, seconds: 3, body });
  const baseline = await load({ url: bareUrl, body: () => '{}' });
  const measured = await load({ url: botUrl, body });
  const steady = await load({ url: botUrl, body, overallRate: 100, seconds: 10, connections: 10 });
  report('Teams card submit (pulse answer invoke)', baseline, measured, steady);
  await Promise.all([bare.stop(), bot.stop()]);
}

export function report(name: string, baseline: LoadFigures, measured: LoadFigures, steady: LoadFigures): void {
  const ratio = measured.requestsPerSecond / baseline.requestsPerSecond;
  console.log(`\n${name}`);
  console.log(`  bare restify baseline: ${baseline.requestsPerSecond.toFixed(0)} req/s`);
  console.log(`  Techvoice:             ${measured.requestsPerSecond.toFixed(0)} req/s = ${(ratio * 100).toFixed(1)} % of bare (target ≥ 30 %), errors ${measured.errors}, non-2xx ${measured.non2xx}`);
  console.log(`  at 100 req/s:          p50 ${steady.p50} ms, p99 ${steady.p99} ms (target p99 < 50 ms), non-2xx ${steady.non2xx}`);
}

if (require.main === module) void run();
