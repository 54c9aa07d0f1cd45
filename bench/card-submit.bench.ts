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

export interface CardSubmitFigures {
  bare: LoadFigures;
  stock: LoadFigures;
  techvoice: LoadFigures;
  steady: LoadFigures;
}

/**
 * Bare restify, the stock CloudAdapter bot and Techvoice, in one run, each answering the same
 * Action.Execute body with a card of the same size.
 */
export async function measureCardSubmit(env: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<CardSubmitFigures> {
  const bare = await startTarget('bare-restify.ts');
  const stock = await startTarget('stock-botbuilder.ts', env);
  const bot = await startTarget('techvoice.ts', env);
  const url = (port: number) => `http://127.0.0.1:${port}/api/messages`;
  const body = (n: number) => invokeBody(String(bot.info.serviceUrl), String(bot.info.roundId), n);
  try {
    // Warm each up (the first card from each person looks up their e-mail), then measure.
    for (const target of [bare, stock, bot]) await load({ url: url(target.port), seconds: 2, body, headers });
    const figures = {
      bare: await load({ url: url(bare.port), body, headers }),
      stock: await load({ url: url(stock.port), body, headers }),
      techvoice: await load({ url: url(bot.port), body, headers }),
      steady: await load({ url: url(bot.port), body, headers, overallRate: 100, seconds: 10, connections: 10 }),
    };
    return figures;
  } finally {
    await Promise.all([bare.stop(), stock.stop(), bot.stop()]);
  }
}

export function report(name: string, f: CardSubmitFigures): void {
  const pct = (x: LoadFigures) => `${((x.requestsPerSecond / f.bare.requestsPerSecond) * 100).toFixed(1)} % of bare`;
  console.log(`\n${name}`);
  console.log(`  bare restify baseline:  ${f.bare.requestsPerSecond.toFixed(0)} req/s`);
  console.log(`  stock CloudAdapter bot: ${f.stock.requestsPerSecond.toFixed(0)} req/s = ${pct(f.stock)}`);
  console.log(`  Techvoice:              ${f.techvoice.requestsPerSecond.toFixed(0)} req/s = ${pct(f.techvoice)} (target ≥ 30 %), ${(f.techvoice.requestsPerSecond / f.stock.requestsPerSecond).toFixed(1)}× stock; errors ${f.techvoice.errors}, non-2xx ${f.techvoice.non2xx}`);
  console.log(`  Techvoice at 100 req/s: p50 ${f.steady.p50} ms, p99 ${f.steady.p99} ms (target p99 < 50 ms), non-2xx ${f.steady.non2xx}`);
}

export async function run(): Promise<void> {
  report('Teams card submit (pulse answer, Action.Execute invoke), local mode', await measureCardSubmit());
}

if (require.main === module) void run();
