/**
 * One Techvoice instance in its own process, on the SQLite file named in its options: waits
 * for "go", sends what is due until nothing of the given jobs is left, then exits.
 */
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store';
import { sendUntilDone, type InstanceOptions } from './budget-instance';

async function main(): Promise<void> {
  const { file, ...options } = JSON.parse(process.argv[2]) as InstanceOptions & { file: string };
  const store = SqliteStore.open(file);
  await new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    process.send?.('ready');
  });
  await sendUntilDone(store, options);
  await store.close();
  process.exit(0);
}

void main();
