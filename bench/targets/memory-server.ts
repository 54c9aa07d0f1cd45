import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { createApp } from '../../src/app';
import { openBenchRound } from './open-round';
import type { Member } from '../../src/core/model';
import { teamsAddress } from '../../test/scheduler/support/outbox-world';

/**
 * Techvoice on SQLite for the memory benchmark: an open pulse round for card submits, and on
 * request (IPC) a broadcast to N members through the real outbox to the parent's fake
 * connector; and its own memory: the peak since the last report, right after a full garbage
 * collection, and after an idle pause.
 */
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'techvoice-memory-'));
  const config = loadConfig({ PORT: '0', TECHVOICE_DB: join(dir, 'bench.db'), TECHVOICE_SECRET: 'bench', SCHEDULER: 'off', DEMO_DATA: 'off', PLAYGROUND: 'off', LOG_LEVEL: 'silent', TEAMS_SEND_RATE: '1000', ...process.env });
  const app = await createApp(config, createLogger('silent'));
  const port = await app.listen();
  const { network, roundId } = await openBenchRound(app);

  let members: Member[] = [];
  const broadcast = async (count: number, serviceUrl: string, job: string): Promise<number> => {
    if (members.length !== count) {
      members = Array.from({ length: count }, (_, i) => ({
        id: `person-${i}`, networkId: network.id, platform: 'teams', platformUserId: `29:person-${i}`, aadObjectId: null, name: `Person ${i}`,
        email: null, roles: ['member'], directAddress: teamsAddress(serviceUrl, `a:person-${i}`), unreachable: false, linkedPerson: null, language: null, seenLanguage: null, createdAt: new Date().toISOString(),
      }));
      for (const m of members) await app.store.upsertMember(m);
    }
    await app.outbox.enqueue(network.id, job, members.map((m) => ({ key: m.id, platform: 'teams', address: m.directAddress as string })), { text: 'Pulse: how was your week?' });
    for (;;) {
      await app.outbox.drain();
      const pending = (await app.store.listDeliveries(job)).filter((d) => d.state === 'pending').length;
      if (pending === 0) return count;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  // Resident memory is sampled all along, so the figures include the peak under load.
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 250);
  sampler.unref();
  const memory = () => {
    const { rss, heapUsed, heapTotal } = process.memoryUsage();
    return { rss, heapUsed, heapTotal };
  };
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  process.on('message', (message: { cmd: string; count?: number; serviceUrl?: string; job?: string; idleMs?: number }) => {
    void (async () => {
      if (message.cmd === 'broadcast') process.send?.({ sent: await broadcast(message.count ?? 10_000, message.serviceUrl ?? '', message.job ?? 'bench') });
      if (message.cmd === 'memory') {
        const peak = Math.max(peakRss, process.memoryUsage.rss());
        (globalThis as { gc?: () => void }).gc?.();
        await pause(200);
        const afterLoad = memory();
        // V8 hands unused heap pages back once the process has been idle for a few seconds.
        await pause(message.idleMs ?? 0);
        peakRss = 0;
        process.send?.({ peak, afterLoad, settled: memory() });
      }
    })();
  });
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
  process.send?.({ port, roundId });
}

void main();
