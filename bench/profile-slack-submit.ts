import { load } from './load';
import { startTarget } from './child';
import { blockActionsBody } from './card-submit.bench';
import { slackSignature } from '../test/support/slack-signing';

/** Loads only Techvoice's Slack endpoint (run with BENCH_PROFILE=dir to write its CPU profile). */
async function main(): Promise<void> {
  const slack = await startTarget('fake-slack.ts');
  const bot = await startTarget('techvoice.ts', { BENCH_SLACK_API: String(slack.info.apiUrl) });
  const url = `http://127.0.0.1:${bot.port}/slack/events`;
  const body = (n: number) => blockActionsBody(String(slack.info.responseUrl), String(slack.info.slackTeam), String(bot.info.roundId), n);
  const options = { url, body, contentType: 'application/x-www-form-urlencoded', headersFor: (b: string) => slackSignature(b) };
  await load({ ...options, seconds: 2 });
  const figures = await load({ ...options, seconds: 8 });
  console.log(`${figures.requestsPerSecond.toFixed(0)} req/s, p99 ${figures.p99} ms`);
  await Promise.all([bot.stop(), slack.stop()]);
}

void main();
