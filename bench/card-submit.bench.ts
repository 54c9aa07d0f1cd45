import { load, type LoadFigures } from './load';
import { startTarget, type Target } from './child';
import { TokenIssuer } from '../test/security/support/token-issuer';
import { slackSignature } from '../test/support/slack-signing';

/** Every invoke in a run is a new one (a repeated activity id is a retry, which Techvoice does once). */
let invokes = 0;

/** A Teams Action.Execute answering a pulse, from one of 500 people. */
export function invokeBody(serviceUrl: string, roundId: string, n: number): string {
  const userId = `29:bench-${n % 500}`;
  return JSON.stringify({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `act-${++invokes}`,
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
export async function measureCardSubmit(
  env: Record<string, string> = {},
  headersFor: (serviceUrl: string) => Record<string, string> = () => ({}),
): Promise<CardSubmitFigures> {
  const bare = await startTarget('bare-restify.ts');
  const stock = await startTarget('stock-botbuilder.ts', env);
  const bot = await startTarget('techvoice.ts', env);
  const url = (port: number) => `http://127.0.0.1:${port}/api/messages`;
  const body = (n: number) => invokeBody(String(bot.info.serviceUrl), String(bot.info.roundId), n);
  const headers = headersFor(String(bot.info.serviceUrl));
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

/** Every click in a run is a new one (a repeated action time would be a replay, which Techvoice skips). */
let clicks = 0;

/** A Slack block_actions press of "Send answer" on a pulse card in one of 500 people's DMs. */
export function blockActionsBody(responseUrl: string, team: string, roundId: string, n: number): string {
  const userId = `U0BENCH${n % 500}`;
  const click = ++clicks;
  const payload = {
    type: 'block_actions',
    team: { id: team, domain: 'bench' },
    user: { id: userId, username: `bench${n % 500}`, team_id: team },
    api_app_id: 'A0TECHVOICE',
    trigger_id: `trigger-${click}`,
    response_url: responseUrl,
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: `D${userId}`, is_ephemeral: false },
    channel: { id: `D${userId}`, name: 'directmessage' },
    message: { type: 'message', ts: '1700000000.000100', text: '', blocks: [] },
    state: { values: {} },
    actions: [
      {
        type: 'button',
        action_id: 'pulse.answer#0',
        block_id: 'b',
        value: JSON.stringify({ verb: 'pulse.answer', cv: 1, roundId, answer: String((n % 5) + 1) }),
        text: { type: 'plain_text', text: 'Send answer' },
        action_ts: `${click}.000`,
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** One round of the Slack comparison: bare restify, then Techvoice straight after. */
export interface SlackRound {
  bare: LoadFigures;
  techvoice: LoadFigures;
  /** Server CPU time per request (µs): less disturbed by the machine's drift than requests per second. */
  bareCpuPerRequest: number;
  techvoiceCpuPerClick: number;
  /** Card updates (chat.update) the fake Slack API answered during Techvoice's load. */
  cardsUpdated: number;
}

const SLACK_ROUNDS = 5;

/**
 * Bare restify and Techvoice's Slack endpoint answering a signed block_actions. The two
 * alternate for SLACK_ROUNDS rounds, so that each ratio compares loads a few seconds apart
 * (this machine's speed drifts by more than the margin being measured); the median round is
 * the figure.
 */
export async function measureSlackSubmit(): Promise<{ rounds: SlackRound[]; steady: LoadFigures }> {
  const bare = await startTarget('bare-restify.ts');
  const slack = await startTarget('fake-slack.ts');
  const bot = await startTarget('techvoice.ts', { BENCH_SLACK_API: String(slack.info.apiUrl) });
  const body = (n: number) => blockActionsBody(String(slack.info.responseUrl), String(slack.info.slackTeam), String(bot.info.roundId), n);
  const options = { body, contentType: 'application/x-www-form-urlencoded', headersFor: (b: string) => slackSignature(b) };
  const bareUrl = `http://127.0.0.1:${bare.port}/slack/events`;
  const botUrl = `http://127.0.0.1:${bot.port}/slack/events`;
  const chatUpdates = async (): Promise<number> => {
    await new Promise((r) => setTimeout(r, 500)); // the last clicks' card updates
    const answer = new Promise<{ chatUpdates: number }>((resolve) => slack.child.once('message', (m) => resolve(m as { chatUpdates: number })));
    slack.child.send({ cmd: 'counts' });
    return (await answer).chatUpdates;
  };
  try {
    for (const url of [bareUrl, botUrl]) await load({ url, seconds: 2, ...options });
    const rounds: SlackRound[] = [];
    const measure = async (target: Target, url: string) => {
      const cpuBefore = target.cpuMicros();
      const figures = await load({ url, ...options });
      return { figures, cpuPerRequest: (target.cpuMicros() - cpuBefore) / figures.total };
    };
    for (let round = 0; round < SLACK_ROUNDS; round++) {
      const baseline = await measure(bare, bareUrl);
      const before = await chatUpdates();
      const techvoice = await measure(bot, botUrl);
      rounds.push({
        bare: baseline.figures,
        techvoice: techvoice.figures,
        bareCpuPerRequest: baseline.cpuPerRequest,
        techvoiceCpuPerClick: techvoice.cpuPerRequest,
        cardsUpdated: (await chatUpdates()) - before,
      });
    }
    return { rounds, steady: await load({ url: botUrl, ...options, overallRate: 100, seconds: 10, connections: 10 }) };
  } finally {
    await Promise.all([bare.stop(), bot.stop(), slack.stop()]);
  }
}

const slackRatio = (round: SlackRound): number => round.techvoice.requestsPerSecond / round.bare.requestsPerSecond;

/** Production mode: MicrosoftAppId set, every request carries a Bot Framework token signed by a local test key. */
async function measureWithAuthentication(): Promise<CardSubmitFigures> {
  const appId = '00000000-0000-0000-0000-00000000b0b0';
  const issuer = await new TokenIssuer(appId).start();
  try {
    const env = {
      MicrosoftAppId: appId,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: 'bench-tenant',
      BotOpenIdMetadata: issuer.metadataUrl,
      IDENTITY_ENDPOINT: issuer.managedIdentityEndpoint,
      IDENTITY_HEADER: 'bench',
      METRICS: 'off',
    };
    // The token's serviceurl claim names the connector the activities come from.
    return await measureCardSubmit(env, (serviceUrl) => ({ authorization: issuer.token({ serviceUrl }) }));
  } finally {
    await issuer.stop();
  }
}

/** The median of some figures (the middle one, or the lower of the middle two). */
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** Every part; with `--slack-only` (npx tsx bench/card-submit.bench.ts --slack-only), the Slack part alone. */
export async function run(slackOnly = process.argv.includes('--slack-only')): Promise<void> {
  if (!slackOnly) {
    report('Teams card submit (pulse answer, Action.Execute invoke), local mode (no authentication)', await measureCardSubmit());
    report('Teams card submit, production mode (Bot Framework token on every request, validated)', await measureWithAuthentication());
  }
  const slack = await measureSlackSubmit();
  console.log('\nSlack card submit (pulse answer, signed block_actions; bare restify and Techvoice alternate)');
  for (const [i, round] of slack.rounds.entries()) {
    console.log(
      `  round ${i + 1}: bare restify ${round.bare.requestsPerSecond.toFixed(0)} req/s, Techvoice ${round.techvoice.requestsPerSecond.toFixed(0)} req/s = ${(slackRatio(round) * 100).toFixed(1)} % of bare; server CPU ${round.bareCpuPerRequest.toFixed(0)} µs a request and ${round.techvoiceCpuPerClick.toFixed(0)} µs a click; errors ${round.techvoice.errors}, non-2xx ${round.techvoice.non2xx}; cards updated ${round.cardsUpdated} for ${round.techvoice.total} clicks`,
    );
    if (round.cardsUpdated < round.techvoice.total || round.techvoice.non2xx + round.techvoice.errors > 0) process.exitCode = 1;
  }
  const middle = [...slack.rounds].sort((a, b) => slackRatio(a) - slackRatio(b))[Math.floor(slack.rounds.length / 2)];
  console.log(`  median round: ${(slackRatio(middle) * 100).toFixed(1)} % of bare (target ≥ 30 %)`);
  console.log(
    `  median server CPU: ${median(slack.rounds.map((r) => r.techvoiceCpuPerClick)).toFixed(0)} µs a click, bare restify ${median(slack.rounds.map((r) => r.bareCpuPerRequest)).toFixed(0)} µs a request`,
  );
  console.log(`  Techvoice at 100 req/s: p50 ${slack.steady.p50} ms, p99 ${slack.steady.p99} ms (target p99 < 50 ms), non-2xx ${slack.steady.non2xx}`);
}

if (require.main === module) void run();
