import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { Outbox } from '../../src/core/outbox/outbox';
import type { CoreDeps } from '../../src/core/deps';
import type { Network, Platform, PulseKind, PulseQuestion, Theme } from '../../src/core/model';
import { newNetwork } from '../../src/core/session';

export interface TestDeps extends CoreDeps {
  store: SqliteStore;
  close(): Promise<void>;
}

/** Core dependencies on a real SQLite file in a temporary folder. */
export function openDeps(): TestDeps {
  const dir = mkdtempSync(join(tmpdir(), 'techvoice-core-'));
  const store = SqliteStore.open(join(dir, 'techvoice.db'));
  return {
    store,
    secret: 'core-test-secret',
    outbox: new Outbox(store, {}, { secret: 'test-secret' }),
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function aNetwork(deps: CoreDeps, id = 'n-test', threshold = 5): Promise<Network> {
  const network = { ...newNetwork(id, 'Test University Technicians'), anonymityThreshold: threshold };
  await deps.store.createNetwork(network);
  return network;
}

export const daysAgo = (days: number, from = Date.now()): string => new Date(from - days * 86_400_000).toISOString();

export interface RoundSeed {
  id: string;
  theme: Theme;
  kind: PulseKind;
  /** Forum id the question went to, or null for "every member". */
  forumId: string | null;
  openedDaysAgo: number;
  asked: number;
  /** Answer values given on each platform. */
  answers: Partial<Record<Platform, string[]>>;
}

/** Stores a question, one round of it and its answers, as a pulse would have. */
export async function seedRound(deps: CoreDeps, network: Network, seed: RoundSeed): Promise<PulseQuestion> {
  const { value: question } = await deps.store.createPulseQuestion(
    {
      networkId: network.id,
      text: `How are we doing on ${seed.theme}? (${seed.id})`,
      kind: seed.kind,
      choices: [],
      theme: seed.theme,
      anonymous: true,
      audience: seed.forumId ? { type: 'forum', forumId: seed.forumId } : { type: 'members' },
      schedule: null,
      windowHours: 72,
      createdBy: 'm-chair',
      createdAt: daysAgo(seed.openedDaysAgo),
    },
    `q-${seed.id}`,
  );
  await deps.store.createRound({
    id: seed.id,
    networkId: network.id,
    questionNumber: question.number,
    opensAt: daysAgo(seed.openedDaysAgo),
    closesAt: daysAgo(seed.openedDaysAgo - 3),
    askedCount: seed.asked,
    answerSalt: null,
    createdAt: daysAgo(seed.openedDaysAgo),
  });
  let n = 0;
  for (const [platform, values] of Object.entries(seed.answers) as [Platform, string[]][]) {
    for (const value of values) {
      await deps.store.saveAnswer({
        roundId: seed.id,
        respondentKey: `${seed.id}-${platform}-${n++}`,
        memberId: null,
        value,
        platform,
        answeredAt: daysAgo(seed.openedDaysAgo - 1),
      });
    }
  }
  return question;
}
