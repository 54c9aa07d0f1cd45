import type { Logger } from 'pino';
import type { Store } from '../core/store';
import { pointDemoAddressesAt, seedDemoData } from './seed';

export interface DemoStartOptions {
  secret: string;
  /** The playground connector the personas' chats and the demo forum are addressed to. */
  serviceUrl: string;
  /** DEMO_DATA: seed the demo network into an empty store. */
  seed: boolean;
}

/** On start with the playground on: seed the demo network if the store is empty, and keep its addresses current. */
export async function prepareDemo(store: Store, options: DemoStartOptions, log: Logger): Promise<void> {
  if (options.seed) {
    const outcome = await seedDemoData(store, options);
    if (outcome.seeded) log.info({ networkId: outcome.networkId }, 'Demo data: seeded the demo network (start with DEMO_DATA=off to skip it)');
  }
  await pointDemoAddressesAt(store, options.serviceUrl);
}
