/**
 * Child process for the two-process claim test: claims deliveries from the SQLite file given
 * as argv[2] in small batches until none are left, then reports the ids it got.
 */
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store';

async function main(): Promise<void> {
  const [file, holder, now, until] = process.argv.slice(2);
  const store = SqliteStore.open(file);
  const claimed: string[] = [];
  const started = new Promise<void>((resolve) => process.once('message', () => resolve()));
  process.send?.('ready');
  await started;
  for (;;) {
    const batch = await store.claimDeliveries(holder, now, until, 2);
    if (batch.length === 0) break;
    claimed.push(...batch.map((delivery) => delivery.id));
    // Stands in for sending the batch; also keeps one process from starving the other of the lock.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await store.close();
  process.send?.({ claimed }, () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
