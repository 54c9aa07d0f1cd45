import { strict as assert } from 'node:assert';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Store } from '../../src/core/store';
import { Outbox, type Recipient } from '../../src/core/outbox/outbox';
import type { PlatformPacing } from '../../src/core/outbox/outbox-pacing';
import type { Platform } from '../../src/core/model';
import { PLATFORMS } from '../../src/core/platforms';
import { newNetwork } from '../../src/core/session';
import { openTestStore, TEST_STORE, type TestStore } from '../support/test-store';
import { FakeConnector } from '../support/fake-connector';
import { FakeSlack } from '../support/fake-slack';
import { sendRateBreaches } from '../support/platform-limits';
import { teamsAddress } from './support/outbox-world';
import { sendUntilDone, type InstanceOptions } from './support/budget-instance';

const INSTANCES = 3;
/**
 * What the (fake) platforms allow overall, and the rate every instance is configured with.
 * The fake platforms time a send when they read it, so a stall of the test machine's event
 * loop (on Cosmos DB, the three instances, the database server and the fake connector share
 * one) makes sends spaced apart arrive together: at 12/s against 18/s, it takes a stall of
 * over half a second to look like a breach. Three instances each sending at their own 12/s
 * would still be twice what is allowed.
 */
const ALLOWED = { teams: 18, slack: 5 } as const;
const PACING: Record<Platform, PlatformPacing> = {
  teams: { ...PLATFORMS.teams.pacing, perSecond: 12 },
  slack: { ...PLATFORMS.slack.pacing, perSecond: 4 },
};

/** Job key → recipients: broadcasts to many, and bursts to one chat or channel. */
function jobs(connectorUrl: string): Map<string, Recipient[]> {
  const teams = (id: string): Recipient => ({ key: id, platform: 'teams', address: teamsAddress(connectorUrl, id) });
  const slack = (channel: string): Recipient => ({ key: channel, platform: 'slack', address: channel });
  const all = new Map<string, Recipient[]>();
  all.set('round:teams', Array.from({ length: 45 }, (_, i) => teams(`a:person-${i}`)));
  all.set('round:slack', Array.from({ length: 10 }, (_, i) => slack(`D0PERSON${i}`)));
  for (let i = 0; i < 10; i++) all.set(`chat:${i}`, [teams('a:busy-1'), teams('a:busy-2')]);
  for (let i = 0; i < 5; i++) all.set(`forum:${i}`, [slack('C0FORUM')]);
  return all;
}

function startWorker(options: InstanceOptions & { file: string }): Promise<ChildProcess> {
  const child = fork(join(__dirname, 'support', 'budget-worker.ts'), [JSON.stringify(options)], {
    execArgv: ['--require', 'tsx/cjs', '--no-deprecation'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`an instance exited early (${code})`)));
  });
}

describe(`Send budget: ${INSTANCES} instances on one ${TEST_STORE === 'cosmos' ? 'Cosmos DB database' : 'SQLite file (one process each)'}`, function () {
  this.timeout(90_000);
  let testStore: TestStore;
  let connector: FakeConnector;
  let slack: FakeSlack;
  const others: Store[] = [];
  beforeEach(async () => {
    testStore = await openTestStore();
    connector = await new FakeConnector().start();
    connector.rateLimit = { perSecond: ALLOWED.teams, retryAfterSeconds: 1 };
    slack = await new FakeSlack().start();
  });
  afterEach(async () => {
    for (const store of others.splice(0)) await store.close();
    await connector.stop();
    await slack.stop();
    await testStore.cleanup();
  });

  it('sends every (job, recipient) once, and together the instances keep within each platform’s limits', async () => {
    const network = newNetwork('n-budget', 'Budget Network');
    await testStore.store.createNetwork(network);
    const all = jobs(connector.url);
    const enqueuer = new Outbox(testStore.store, {}, { secret: 'test-secret' });
    for (const [job, recipients] of all) await enqueuer.enqueue(network.id, job, recipients, { text: `message of ${job}` });
    const options = (n: number): InstanceOptions => ({ holder: `instance-${n}`, slackApiUrl: slack.apiUrl, pacing: PACING, jobKeys: [...all.keys()] });

    if (TEST_STORE === 'cosmos') {
      const stores = [testStore.store];
      for (let n = 1; n < INSTANCES; n++) stores.push(await testStore.openAnother());
      others.push(...stores.slice(1));
      await Promise.all(stores.map((store, n) => sendUntilDone(store, options(n))));
    } else {
      const file = testStore.cliEnv.TECHVOICE_DB;
      const workers = await Promise.all(Array.from({ length: INSTANCES }, (_, n) => startWorker({ file, ...options(n) })));
      const exited = workers.map((worker) => new Promise((resolve) => worker.once('exit', resolve)));
      for (const worker of workers) worker.send('go');
      assert.deepEqual(await Promise.all(exited), Array(INSTANCES).fill(0), 'every instance finished');
    }

    const teamsSends = connector.sent.map((s) => ({ conversation: s.conversationId, at: s.at, text: String(s.activity.text) }));
    const slackSends = slack.calls.filter((c) => c.method === 'chat.postMessage').map((c) => ({ conversation: String(c.args.channel), at: c.at, text: String(c.args.text) }));
    const times = new Map<string, number>();
    for (const send of [...teamsSends, ...slackSends]) times.set(`${send.conversation} ${send.text}`, (times.get(`${send.conversation} ${send.text}`) ?? 0) + 1);
    for (const [job, recipients] of all) {
      for (const r of recipients) {
        const conversation = r.platform === 'teams' ? (r.key as string) : r.address;
        assert.equal(times.get(`${conversation} message of ${job}`), 1, `${job} reached ${conversation} once`);
      }
    }
    assert.equal(teamsSends.length + slackSends.length, [...all.values()].reduce((sum, r) => sum + r.length, 0), 'nothing else was sent');
    assert.equal(connector.throttled, 0, 'Teams never had to answer 429');
    const breaches = [
      ...sendRateBreaches('Teams', teamsSends, { perConversation: PLATFORMS.teams.pacing.perConversation, perSecond: ALLOWED.teams }),
      ...sendRateBreaches('Slack', slackSends, { perConversation: PLATFORMS.slack.pacing.perConversation, perSecond: ALLOWED.slack }),
    ];
    assert.deepEqual(breaches, [], 'no platform limit was broken');
    const teamsSeconds = (Math.max(...teamsSends.map((s) => s.at)) - Math.min(...teamsSends.map((s) => s.at))) / 1000;
    console.log(`      Teams: ${teamsSends.length} sends in ${teamsSeconds.toFixed(1)} s (${(teamsSends.length / teamsSeconds).toFixed(1)}/s of ${PACING.teams.perSecond}/s); Slack: ${slackSends.length} sends`);
  });
});
