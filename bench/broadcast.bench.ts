/**
 * A 10,000-member broadcast through the real outbox, TeamsMessenger and SQLite store against
 * a fake Bot Framework connector that allows `limitPerSecond` sends and answers 429 with
 * Retry-After beyond it: from one instance, then from three on the same file (each with its
 * own connection, and each configured with the same overall rate, which they share through
 * the store). Reports the send rate reached as a share of the allowed rate, and checks that
 * nobody was missed or messaged twice.
 *
 *   npx tsx bench/broadcast.bench.ts [members] [limitPerSecond] [outboxPerSecond]
 *
 * By default the outbox is paced at 95% of the limit: sends leave evenly spaced but arrive
 * with jitter, and pacing exactly at the limit costs a one-second Retry-After now and then.
 */
import { performance } from 'node:perf_hooks';
import { OutboxWorld } from '../test/scheduler/support/outbox-world';

export interface BroadcastResult {
  instances: number;
  members: number;
  limitPerSecond: number;
  outboxPerSecond: number;
  seconds: number;
  achievedPerSecond: number;
  /** Achieved rate divided by the connector's limit. */
  ratio: number;
  throttled: number;
  lost: number;
  duplicates: number;
}

export async function broadcastBenchmark(members = 10_000, limitPerSecond = 250, outboxPerSecond = Math.floor(limitPerSecond * 0.95), instances = 1): Promise<BroadcastResult> {
  const world = await OutboxWorld.start({ quietHours: null, quietWeekends: false });
  const stores = [world.store];
  try {
    for (let n = 1; n < instances; n++) stores.push(await world.openAnother());
    world.connector.rateLimit = { perSecond: limitPerSecond, retryAfterSeconds: 1 };
    const recipients = await world.members(members);
    const outboxes = stores.map((store, n) =>
      world.outbox(
        {
          holder: `instance-${n + 1}`,
          concurrency: 16,
          batchSize: 200,
          pacing: {
            teams: { perConversation: [{ limit: 7, perMs: 1_000 }, { limit: 1_800, perMs: 3_600_000 }], perSecond: outboxPerSecond },
            slack: { perConversation: [{ limit: 1, perMs: 1_000 }], perSecond: 1 },
          },
        },
        store,
      ),
    );
    await outboxes[0].enqueue(world.network.id, 'bench:broadcast', recipients, { text: 'Pulse: how was your week?' });
    const started = performance.now();
    await Promise.all(
      outboxes.map(async (outbox) => {
        while (world.receivedBy().size < members) {
          await outbox.drain();
          if (world.receivedBy().size < members) await new Promise((r) => setTimeout(r, 50));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const received = world.receivedBy();
    const delivered = world.connector.sent.length;
    const achievedPerSecond = delivered / seconds;
    return {
      instances,
      members,
      limitPerSecond,
      outboxPerSecond,
      seconds: Number(seconds.toFixed(2)),
      achievedPerSecond: Number(achievedPerSecond.toFixed(1)),
      ratio: Number((achievedPerSecond / limitPerSecond).toFixed(3)),
      throttled: world.connector.throttled,
      lost: recipients.filter((r) => !received.has(r.address.match(/"id":"(a:[^"]+)"/)?.[1] ?? '')).length,
      duplicates: delivered - received.size,
    };
  } finally {
    for (const store of stores.slice(1)) await store.close();
    await world.close();
  }
}

if (require.main === module) {
  const [members, limit, outboxRate] = process.argv.slice(2).map(Number);
  (async () => {
    const results: BroadcastResult[] = [];
    for (const instances of [1, 3]) results.push(await broadcastBenchmark(members || undefined, limit || undefined, outboxRate || undefined, instances));
    return results;
  })()
    .then((results) => {
      console.log(JSON.stringify(results, null, 2));
      const [one, three] = results;
      console.log(`three instances reach ${three.ratio} of the allowed rate (one: ${one.ratio}); three over one: ${(three.achievedPerSecond / one.achievedPerSecond).toFixed(2)}`);
      if (results.some((r) => r.lost !== 0 || r.duplicates !== 0)) process.exitCode = 1;
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
