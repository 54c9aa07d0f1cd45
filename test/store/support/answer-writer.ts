/**
 * Child process for the store contract's two-process answer test: opens the store described
 * by argv[2] (an SQLite file, or a database on the local Cosmos DB server of the parent), waits
 * for a list of answers, saves them a few at a time, and reports after every save, so that the
 * parent can kill it part-way (SIGKILL, as a crash).
 */
import https from 'node:https';
import type { PulseAnswer } from '../../../src/core/model';
import type { Store } from '../../../src/core/store';
import { AnswerTallies } from '../../../src/store/cosmos/answer-tally';
import { CosmosStore } from '../../../src/store/cosmos/cosmos-store';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store';

/** Where a child process finds the data of the store under test. */
export type StoreTarget = { kind: 'sqlite'; file: string } | { kind: 'cosmos'; endpoint: string; database: string };

export interface WriterPlan {
  answers: PulseAnswer[];
  /** Saves in flight at once. */
  concurrency: number;
  /** Pause after each save, so that a process can be killed part-way however fast its store is. */
  pauseMs?: number;
  /**
   * Cosmos DB: a pause between the steps of a save (answer-tally.ts), as a slow network would
   * make, so that a kill lands between them often: some saves are then announced and not
   * written, some written and not settled.
   */
  stallMs?: number;
}

/** Makes each step of a Cosmos DB save wait `ms` before it goes on. */
function stallBetweenSteps(ms: number): void {
  const steps = AnswerTallies.prototype as unknown as Record<'announce' | 'settle', (...args: unknown[]) => Promise<unknown>>;
  for (const step of ['announce', 'settle'] as const) {
    const original = steps[step];
    steps[step] = async function (this: unknown, ...args: unknown[]) {
      if (step === 'settle') await new Promise((resolve) => setTimeout(resolve, ms));
      const result = await original.apply(this, args);
      if (step === 'announce') await new Promise((resolve) => setTimeout(resolve, ms));
      return result;
    };
  }
}

/** Opens the store a target names, as another instance of Techvoice would. */
export async function openTarget(target: StoreTarget): Promise<Store> {
  if (target.kind === 'sqlite') return SqliteStore.open(target.file);
  // The local server's self-signed certificate: tests only.
  const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  return CosmosStore.open({ endpoint: target.endpoint, key: 'emulator', database: target.database, agent });
}

async function main(): Promise<void> {
  const target = JSON.parse(process.argv[2]) as StoreTarget;
  const store = await openTarget(target);
  const plan = await new Promise<WriterPlan>((resolve) => {
    process.once('message', (message) => resolve(message as WriterPlan));
    process.send?.('ready');
  });
  if (plan.stallMs) stallBetweenSteps(plan.stallMs);
  let next = 0;
  let saved = 0;
  const worker = async (): Promise<void> => {
    while (next < plan.answers.length) {
      const answer = plan.answers[next++];
      await store.saveAnswer(answer);
      process.send?.({ saved: ++saved });
      if (plan.pauseMs) await new Promise((resolve) => setTimeout(resolve, plan.pauseMs));
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, worker));
  await store.close();
  process.send?.({ done: saved }, () => process.exit(0));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
