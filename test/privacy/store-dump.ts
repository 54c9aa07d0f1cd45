import https from 'node:https';
import { existsSync, readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { CosmosClient } from '@azure/cosmos';

/** One stored record, as someone holding a copy of the database sees it. */
export interface StoredRecord {
  table: string;
  /** Every column (SQLite) or the whole document (Cosmos DB), as JSON text. */
  text: string;
  row: Record<string, unknown>;
}

/** Every row of every table or container of the store the CLI environment names. */
export async function dumpStore(cliEnv: Record<string, string>): Promise<StoredRecord[]> {
  if (cliEnv.TECHVOICE_STORE === 'cosmos') return dumpCosmos(cliEnv);
  const db = new BetterSqlite3(cliEnv.TECHVOICE_DB, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return tables.flatMap(({ name }) =>
      (db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]).map((row) => ({ table: name, text: JSON.stringify(row), row })),
    );
  } finally {
    db.close();
  }
}

async function dumpCosmos(cliEnv: Record<string, string>): Promise<StoredRecord[]> {
  const client = new CosmosClient({
    endpoint: cliEnv.COSMOS_ENDPOINT,
    key: cliEnv.COSMOS_KEY,
    agent: new https.Agent({ rejectUnauthorized: false }),
  });
  const database = client.database(cliEnv.COSMOS_DATABASE);
  const { resources: containers } = await database.containers.readAll().fetchAll();
  const records: StoredRecord[] = [];
  for (const { id } of containers) {
    const { resources } = await database.container(id).items.readAll().fetchAll();
    for (const doc of resources) records.push({ table: id, text: JSON.stringify(doc), row: doc as Record<string, unknown> });
  }
  return records;
}

/** The raw bytes of the SQLite file and its write-ahead log (what a copy of the folder holds). */
export function sqliteBytes(cliEnv: Record<string, string>): string {
  const file = cliEnv.TECHVOICE_DB;
  return [file, `${file}-wal`]
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('\n');
}
