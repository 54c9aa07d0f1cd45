import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Store } from '../../src/core/store';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { CosmosStore } from '../../src/store/cosmos/cosmos-store';
import { startCosmosServer, type CosmosTestServer } from './cosmos-server';

/** Which store the bot tests run on: SQLite unless TEST_STORE=cosmos (`npm run test:cosmos`). */
export const TEST_STORE = process.env.TEST_STORE === 'cosmos' ? 'cosmos' : 'sqlite';

export interface TestStore {
  store: Store;
  /** Environment for the CLI to open the same store. */
  cliEnv: Record<string, string>;
  /** A second, independent connection to the same data (as a second instance would have). */
  openAnother(): Promise<Store>;
  cleanup(): Promise<void>;
}

let cosmos: Promise<CosmosTestServer> | null = null;

/** One local Cosmos DB server per test process; each test gets its own database. */
function cosmosServer(): Promise<CosmosTestServer> {
  if (!cosmos) {
    // The CLI opens its own client: let it accept the local server's self-signed certificate.
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    cosmos = startCosmosServer();
  }
  return cosmos;
}

export async function openTestStore(): Promise<TestStore> {
  if (TEST_STORE === 'cosmos') {
    const server = await cosmosServer();
    const database = `techvoice-${randomUUID()}`;
    const open = () => CosmosStore.open({ endpoint: server.endpoint, key: 'local-test-key', database, agent: server.agent });
    const store = await open();
    return {
      store,
      openAnother: open,
      cliEnv: { TECHVOICE_STORE: 'cosmos', COSMOS_ENDPOINT: server.endpoint, COSMOS_KEY: 'local-test-key', COSMOS_DATABASE: database, TECHVOICE_SECRET: 'test-secret', LOG_LEVEL: 'silent' },
      cleanup: () => store.close(),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'techvoice-store-'));
  const file = join(dir, 'techvoice.db');
  const store = SqliteStore.open(file);
  return {
    store,
    openAnother: async () => SqliteStore.open(file),
    cliEnv: { TECHVOICE_DB: file, LOG_LEVEL: 'silent' },
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
