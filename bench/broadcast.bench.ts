/**
 * A 10,000-member broadcast through the real outbox, TeamsMessenger and SQLite store against
 * a fake Bot Framework connector that allows `limitPerSecond` sends and answers 429 with
 * Retry-After beyond it. Reports the send rate reached as a share of the allowed rate, and
 * checks that nobody was missed or messaged twice.
 *
 *   npx tsx bench/broadcast.bench.ts [members] [limitPerSecond] [outboxPerSecond]
 *
 * By default the outbox is paced at 95% of the limit: sends leave evenly spaced but arrive
 * with jitter, and pacing exactly at the limit costs a one-second Retry-After now and then.
 */
import { performance } from 'node:perf_hooks';
import { OutboxWorld } from '../test/scheduler/support/outbox-world';

export interface BroadcastResult {
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

export async function broadcastBenchmark(members = 10_000, limitPerSecond = 250, outboxPerSecond = Math.floor(limitPerSecond * 0.95)): Promise<BroadcastResult> {
  const world = await OutboxWorld.start({ quietHours: null, quietWeekends: false });
  try {
    world.connector.rateLimit = { perSecond: limitPerSecond, retryAfterSeconds: 1 };
    const recipients = await world.members(members);
    const outbox = world.outbox({
      concurrency: 16,
      batchSize: 200,
      pacing: {
        teams: { perConversation: [{ limit: 7, perMs: 1_000 }, { limit: 1_800, perMs: 3_600_000 }], perSecond: outboxPerSecond },
        slack: { perConversation: [{ limit: 1, perMs: 1_000 }], perSecond: 1 },
      },
    });
    await outbox.enqueue(world.network.id, 'bench:broadcast', recipients, { text: 'Pulse: how was your week?' });
    const started = performance.now();
    while (world.receivedBy().size < members) {
      await outbox.drain();
      if (world.receivedBy().size < members) await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    const received = world.receivedBy();
    const delivered = world.connector.sent.length;
    const achievedPerSecond = delivered / seconds;
    return {
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
    await world.close();
  }
}

if (require.main === module) {
  const [members, limit, outboxRate] = process.argv.slice(2).map(Number);
  broadcastBenchmark(members || undefined, limit || undefined, outboxRate || undefined)
    .then((result) => {
      console.log(JSON.stringify(result, null, 2));
      if (result.lost !== 0 || result.duplicates !== 0) process.exitCode = 1;
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
