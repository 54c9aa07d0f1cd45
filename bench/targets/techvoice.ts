import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { createApp } from '../../src/app';
import { openBenchRound } from './open-round';
import { FakeConnector } from '../../test/support/fake-connector';
import { SLACK_TEAM } from '../../test/support/fake-slack';
import { SIGNING_SECRET } from '../../test/support/slack-signing';

/** Techvoice on SQLite with one open pulse round, for the card-submit benchmark. */
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'techvoice-bench-'));
  // With BENCH_SLACK_API set, Slack is on too, its Web API pointed at that (fake) Slack API.
  const slackApi = process.env.BENCH_SLACK_API;
  const config = loadConfig({
    ...(slackApi ? { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: slackApi } : {}),
    PORT: '0',
    TECHVOICE_DB: join(dir, 'bench.db'),
    TECHVOICE_SECRET: 'bench',
    SCHEDULER: 'off',
    DEMO_DATA: 'off',
    LOG_LEVEL: 'silent',
    // 500 simulated people press far faster than anyone can: the limits stay on (their cost is
    // measured) but high enough never to refuse a press.
    PRESS_RATE_LIMIT: '1000000/min',
    COMMAND_RATE_LIMIT: '1000000/min',
    ...process.env,
  });
  const app = await createApp(config, createLogger('silent'));
  const port = await app.listen();
  const connector = await new FakeConnector().start();
  const { network, roundId } = await openBenchRound(app);
  process.on('SIGTERM', () => {
    void Promise.all([app.close(), connector.stop()]).then(() => process.exit(0));
  });
  // The Slack workspace shares the network, so Slack answers go to the same round.
  if (slackApi) await app.store.linkWorkspace({ platform: 'slack', externalId: SLACK_TEAM, networkId: network.id });
  process.send?.({ port, roundId, serviceUrl: connector.url });
}

void main();
