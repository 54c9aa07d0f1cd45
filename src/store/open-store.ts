import type { Config } from '../config';
import type { Store } from '../core/store';
import { SqliteStore } from './sqlite/sqlite-store';

/** The configured store. Kept apart from the server so the CLI opens it without loading restify. */
export async function openStore(config: Config): Promise<Store> {
  if (config.store === 'cosmos') {
    if (!config.cosmos) throw new Error('COSMOS_ENDPOINT is required when TECHVOICE_STORE=cosmos');
    // Loaded only when used: the Azure SDKs cost memory an SQLite instance does not need.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { CosmosStore } = require('./cosmos/cosmos-store') as typeof import('./cosmos/cosmos-store');
    return CosmosStore.open(config.cosmos);
  }
  return SqliteStore.open(config.sqlitePath);
}
