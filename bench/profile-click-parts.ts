import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { createApp } from '../src/app';
import { toInbound } from '../src/slack/slack-inbound';
import { openBenchRound } from './targets/open-round';

/**
 * The part of a Slack click behind the endpoint, measured in one process with no HTTP: the
 * first-delivery mark (keyed hash and its group-committed insert), the answer (session, rate
 * limit, respondent key, the answer's group-committed upsert, the card) and both, as a press
 * does them, on SQLite, 20 clicks at a time as the load generator sends them. CPU time a
 * click from process.cpuUsage(), so other work on the machine moves the figures far less
 * than it moves the end-to-end benchmark; each part runs three times, interleaved.
 *
 * npx tsx bench/profile-click-parts.ts
 */
const CONCURRENT = 20;
const CLICKS = 20_000;
type Part = 'mark' | 'answer' | 'both';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'techvoice-parts-'));
  const config = loadConfig({
    PORT: '0',
    TECHVOICE_DB: join(dir, 'parts.db'),
    TECHVOICE_SECRET: 'bench',
    SCHEDULER: 'off',
    DEMO_DATA: 'off',
    LOG_LEVEL: 'silent',
    PRESS_RATE_LIMIT: '1000000/min',
    COMMAND_RATE_LIMIT: '1000000/min',
  });
  const app = await createApp(config, createLogger('silent'));
  const { network, roundId } = await openBenchRound(app);
  await app.store.linkWorkspace({ platform: 'slack', externalId: 'T0PARTS', networkId: network.id });
  let n = 0;

  const click = async (part: Part): Promise<void> => {
    const i = n++;
    const userId = `U0BENCH${i % 500}`;
    if (part !== 'answer' && !(await app.core.isFirstDelivery('slack:action', `${i}.000`, userId, 'pulse.answer#0'))) throw new Error('a new press was taken for a replay');
    if (part === 'mark') return;
    const inbound = toInbound({ teamId: 'T0PARTS', teamName: 'bench', userId, channelId: `D${userId}`, channelName: 'directmessage', channelType: null }, { name: `bench${i % 500}`, email: null, locale: null });
    await app.core.handleCardAction(inbound, { verb: 'pulse.answer', cv: 1, roundId, answer: String((i % 5) + 1) });
  };
  const clicks = async (part: Part, total: number): Promise<void> => {
    let started = 0;
    await Promise.all(
      Array.from({ length: CONCURRENT }, async () => {
        while (started++ < total) await click(part);
      }),
    );
  };

  await clicks('both', CLICKS); // warm up: every person's member record, the JIT
  const figures = new Map<Part, number[]>();
  for (let round = 0; round < 3; round++) {
    for (const part of ['mark', 'answer', 'both'] as const) {
      const before = process.cpuUsage();
      await clicks(part, CLICKS);
      const used = process.cpuUsage(before);
      figures.set(part, [...(figures.get(part) ?? []), (used.user + used.system) / CLICKS]);
    }
  }
  for (const [part, micros] of figures) console.log(`${part.padEnd(6)} ${micros.map((m) => m.toFixed(1)).join(', ')} µs of CPU a click`);
  await app.close();
}

void main();
