import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { createApp } from '../../src/app';
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
    ...process.env,
  });
  const app = await createApp(config, createLogger('silent'));
  const port = await app.listen();
  const connector = await new FakeConnector().start();
  const { network, member } = await app.core.session({
    requester: { platform: 'teams', workspaceId: 'bench', workspaceName: 'Bench', userId: '29:chair', aadObjectId: null, name: 'Chair', email: null, directAddress: null },
    conversation: { kind: 'personal', id: 'a:chair', name: null, address: '{}' },
  });
  const { value: question } = await app.store.createPulseQuestion(
    { networkId: network.id, text: 'Bench question', kind: 'likert', choices: [], theme: 'Visibility', anonymous: true, audience: { type: 'members' }, schedule: null, windowHours: 24, createdBy: member.id, createdAt: new Date().toISOString() },
    'bench',
  );
  const roundId = 'bench-round';
  await app.store.createRound({ id: roundId, networkId: network.id, questionNumber: question.number, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(), askedCount: 500, createdAt: new Date().toISOString() });
  process.on('SIGTERM', () => {
    void Promise.all([app.close(), connector.stop()]).then(() => process.exit(0));
  });
  // The Slack workspace shares the network, so Slack answers go to the same round.
  if (slackApi) await app.store.linkWorkspace({ platform: 'slack', externalId: SLACK_TEAM, networkId: network.id });
  process.send?.({ port, roundId, serviceUrl: connector.url });
}

void main();
