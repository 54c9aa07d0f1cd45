import { strict as assert } from 'node:assert';
import { OutboxWorld, teamsAddress } from '../scheduler/support/outbox-world';
import type { Delivery } from '../../src/core/store';

const hello = { text: 'Hello from the outbox' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Outbox: delivery through the Bot Framework connector', () => {
  let world: OutboxWorld;
  beforeEach(async () => {
    world = await OutboxWorld.start();
  });
  afterEach(async () => {
    await world.close();
  });

  const only = async (jobKey: string): Promise<Delivery> => {
    const [delivery] = await world.store.listDeliveries(jobKey);
    return delivery;
  };

  it('sends each (job, recipient) once, however often it is queued', async () => {
    const people = await world.members(3);
    const outbox = world.outbox();
    assert.equal(await outbox.enqueue(world.network.id, 'job-1', people, hello), 3);
    assert.equal(await outbox.enqueue(world.network.id, 'job-1', people, hello), 0);
    assert.deepEqual(await outbox.drain(), { sent: 3, retried: 0, unreachable: 0 });
    await outbox.drain();
    assert.deepEqual([...world.receivedBy().values()], [1, 1, 1]);
    assert.equal(world.connector.sent[0].activity.text, 'Hello from the outbox');
  });

  it('sends a queued message to the member’s and the forum’s current address, not the one at queueing', async () => {
    const [person] = await world.members(1);
    const forum = {
      id: 'f-forum',
      networkId: world.network.id,
      platform: 'teams' as const,
      channelId: '19:forum@thread.tacv2',
      name: 'Forum',
      address: teamsAddress('http://127.0.0.1:9/old-port', '19:forum@thread.tacv2'),
      language: null,
      createdAt: new Date().toISOString(),
    };
    await world.store.upsertForum(forum);
    const outbox = world.outbox({ maxAttempts: 1 });
    await outbox.enqueue(world.network.id, 'job-moved', [
      { ...person, address: teamsAddress('http://127.0.0.1:9/old-port', 'a:old') },
      { key: forum.id, platform: 'teams', address: forum.address },
    ], hello);
    const member = (await world.store.getMember(world.network.id, person.key))!;
    await world.store.upsertMember({ ...member, directAddress: teamsAddress(world.connector.url, 'a:moved') });
    await world.store.upsertForum({ ...forum, address: teamsAddress(world.connector.url, '19:forum-moved') });
    assert.deepEqual(await outbox.drain(), { sent: 2, retried: 0, unreachable: 0 });
    assert.deepEqual([...world.receivedBy().keys()].sort(), ['19:forum-moved', 'a:moved']);
  });

  it('honours 429 Retry-After: waits as long as told and does not count it as a failed try', async () => {
    const [person] = await world.members(1);
    const outbox = world.outbox({ maxAttempts: 1 });
    world.connector.failNext.push({ status: 429, retryAfter: 1 });
    await outbox.enqueue(world.network.id, 'job-429', [person], hello);
    const triedAt = Date.now();
    assert.deepEqual(await outbox.drain(), { sent: 0, retried: 1, unreachable: 0 });
    const waiting = await only('job-429');
    assert.equal(waiting.state, 'pending');
    assert.equal(waiting.attempts, 0, 'throttling is not a failed try, even with maxAttempts 1');
    assert.ok(Date.parse(waiting.notBefore) - triedAt >= 990, 'waits the second the connector asked for');
    assert.deepEqual(await outbox.drain(), { sent: 0, retried: 0, unreachable: 0 }, 'nothing is tried early');
    await sleep(1050);
    assert.deepEqual(await outbox.drain(), { sent: 1, retried: 0, unreachable: 0 });
    assert.equal(world.connector.sent.length, 1);
  });

  it('retries 500s with doubling backoff, then delivers', async () => {
    const [person] = await world.members(1);
    const outbox = world.outbox({ backoffMs: 100 });
    world.connector.failNext.push({ status: 500 }, { status: 502 });
    await outbox.enqueue(world.network.id, 'job-500', [person], hello);
    let before = Date.now();
    await outbox.drain();
    const first = await only('job-500');
    assert.equal(first.attempts, 1);
    assert.ok(Date.parse(first.notBefore) - before >= 100 && Date.parse(first.notBefore) - before < 400);
    await sleep(120);
    before = Date.now();
    await outbox.drain();
    const second = await only('job-500');
    assert.equal(second.attempts, 2);
    assert.ok(Date.parse(second.notBefore) - before >= 200, 'the second wait is twice the first');
    await sleep(220);
    await outbox.drain();
    const done = await only('job-500');
    assert.equal(done.state, 'sent');
    assert.equal(done.attempts, 3);
    assert.equal(world.connector.sent.length, 1);
  });

  it('gives up on a send with no answer and tries again', async () => {
    const [person] = await world.members(1);
    // The retry is due after the backoff: long enough that a slow store (Cosmos DB under load)
    // cannot find it due again within the same drain.
    const outbox = world.outbox({ sendTimeoutMs: 300, backoffMs: 1_000 });
    world.connector.failNext.push({ status: 0, hang: true, hangMs: 1_000 });
    await outbox.enqueue(world.network.id, 'job-timeout', [person], hello);
    const started = Date.now();
    assert.deepEqual(await outbox.drain(), { sent: 0, retried: 1, unreachable: 0 });
    assert.ok(Date.now() - started < 900, 'the drain did not wait for the hung request');
    assert.match((await only('job-timeout')).lastError ?? '', /no answer within 300 ms/);
    await sleep(1_100);
    await outbox.drain();
    assert.equal((await only('job-timeout')).state, 'sent');
    assert.equal(world.connector.sent.length, 1);
  });

  it('marks someone who removed the bot unreachable at once, and stops trying', async () => {
    const [gone, here] = await world.members(2);
    world.connector.failAlways.set('a:person-0', 403);
    const outbox = world.outbox();
    await outbox.enqueue(world.network.id, 'job-403', [gone, here], hello);
    assert.deepEqual(await outbox.drain(), { sent: 1, retried: 0, unreachable: 1 });
    assert.equal((await world.store.getMember(world.network.id, gone.key))?.unreachable, true);
    assert.equal((await world.store.getMember(world.network.id, here.key))?.unreachable, false);
    assert.deepEqual(await outbox.drain(), { sent: 0, retried: 0, unreachable: 0 });
  });

  it('marks a recipient unreachable after a bounded number of failed tries', async () => {
    const [person] = await world.members(1);
    world.connector.failAlways.set('a:person-0', 500);
    const outbox = world.outbox({ maxAttempts: 3, backoffMs: 5 });
    await outbox.enqueue(world.network.id, 'job-bounded', [person], hello);
    for (let i = 0; i < 6; i++) {
      await outbox.drain();
      await sleep(30);
    }
    const delivery = await only('job-bounded');
    assert.equal(delivery.state, 'unreachable');
    assert.equal(delivery.attempts, 3);
    assert.equal((await world.store.getMember(world.network.id, person.key))?.unreachable, true);
  });

  it('paces sends to one conversation within 7 per second', async () => {
    const [person] = await world.members(1);
    const outbox = world.outbox({ pacing: { teams: { perConversation: [{ limit: 7, perMs: 1_000 }], perSecond: 1_000 }, slack: { perConversation: [], perSecond: 1 } } });
    for (let i = 0; i < 10; i++) await outbox.enqueue(world.network.id, `burst-${i}`, [person], { text: `message ${i}` });
    await outbox.drain();
    const times = world.connector.sent.map((s) => s.at);
    assert.equal(times.length, 10);
    for (let i = 7; i < times.length; i++) assert.ok(times[i] - times[i - 7] >= 995, `send ${i} came ${times[i] - times[i - 7]} ms after send ${i - 7}`);
  });

  it('keeps a broadcast under the global rate it is given', async () => {
    const people = await world.members(30);
    const outbox = world.outbox({ pacing: { teams: { perConversation: [], perSecond: 20 }, slack: { perConversation: [], perSecond: 1 } } });
    await outbox.enqueue(world.network.id, 'broadcast', people, hello);
    await outbox.drain();
    const times = world.connector.sent.map((s) => s.at).sort((a, b) => a - b);
    assert.equal(times.length, 30);
    for (let i = 20; i < times.length; i++) assert.ok(times[i] - times[i - 20] >= 950, 'no second holds more than 20 sends');
  });

  it('loses nothing and repeats nothing when the connector throttles a broadcast', async () => {
    const people = await world.members(40);
    world.connector.rateLimit = { perSecond: 15, retryAfterSeconds: 1 };
    const outbox = world.outbox({ pacing: { teams: { perConversation: [], perSecond: 200 }, slack: { perConversation: [], perSecond: 1 } } });
    await outbox.enqueue(world.network.id, 'throttled', people, hello);
    for (let round = 0; round < 10 && world.connector.sent.length < 40; round++) {
      await outbox.drain();
      await sleep(300);
    }
    assert.ok(world.connector.throttled > 0, 'the connector did throttle');
    assert.equal(world.receivedBy().size, 40);
    assert.ok([...world.receivedBy().values()].every((n) => n === 1));
    assert.ok((await world.store.listDeliveries('throttled')).every((d) => d.state === 'sent'));
  });

  it('resumes a broadcast stopped half-way on a second outbox with no duplicates and no losses', async () => {
    const people = await world.members(30);
    const first = world.outbox({ holder: 'first', concurrency: 2, batchSize: 10, pacing: { teams: { perConversation: [], perSecond: 40 }, slack: { perConversation: [], perSecond: 1 } } });
    await first.enqueue(world.network.id, 'halfway', people, hello);
    void first.drain();
    await world.connector.waitFor(() => world.connector.sent.length >= 10);
    await first.stop();
    const sentByFirst = world.connector.sent.length;
    assert.ok(sentByFirst < 30, 'the first outbox stopped before the end');
    const second = world.outbox({ holder: 'second' });
    const result = await second.drain();
    assert.equal(result.sent, 30 - sentByFirst, 'the second outbox sent only what was left, at once');
    assert.equal(world.receivedBy().size, 30);
    assert.ok([...world.receivedBy().values()].every((n) => n === 1));
  });

  it('takes over deliveries claimed by an instance that died, once its claim lapses', async () => {
    const people = await world.members(12);
    const outbox = world.outbox({ holder: 'survivor' });
    await outbox.enqueue(world.network.id, 'orphaned', people, hello);
    const now = new Date();
    // A crashed instance claimed five and never came back. Its claim outlasts the first drain
    // (each send also reads where the recipient is now) even on Cosmos DB.
    await world.store.claimDeliveries('crashed', now.toISOString(), new Date(now.getTime() + 1500).toISOString(), 5);
    assert.equal((await outbox.drain()).sent, 7);
    await sleep(Math.max(0, now.getTime() + 1550 - Date.now()));
    assert.equal((await outbox.drain()).sent, 5);
    assert.equal(world.receivedBy().size, 12);
    assert.ok([...world.receivedBy().values()].every((n) => n === 1));
  });
});
