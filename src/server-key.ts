import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config';
import type { Store } from './core/store';

/** Where earlier versions kept a generated key: inside the database, beside what it protects. */
const KEY_STORED_IN_DATABASE = 'secret';

export class ServerKeyError extends Error {}

/**
 * The server key behind every keyed hash and sealed reply handle. It never lives in the
 * database, so a copy of the database alone re-identifies nothing: it comes from
 * TECHVOICE_SECRET (in production, an App Service setting that is a Key Vault reference), or
 * from a key file beside the database, created on first start with mode 0600.
 */
export async function loadServerKey(config: Config, store: Store): Promise<string> {
  const stored = await store.takeSetting(KEY_STORED_IN_DATABASE);
  if (config.secret) return config.secret;
  if (!config.keyFile) {
    if (stored) await store.getOrCreateSetting(KEY_STORED_IN_DATABASE, stored);
    throw new ServerKeyError(
      'TECHVOICE_SECRET is not set. In production the server key comes from TECHVOICE_SECRET (e.g. a Key Vault reference), or from TECHVOICE_KEY_FILE with the SQLite store.',
    );
  }
  return readOrCreateKeyFile(config.keyFile, stored);
}

/** Reads the key file; creates it (with the key an older version kept in the database, if any). */
function readOrCreateKeyFile(file: string, moved: string | null): string {
  try {
    const key = fs.readFileSync(file, 'utf8').trim();
    if (key) return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const key = moved ?? randomBytes(32).toString('base64url');
  try {
    fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    // Another process sharing the database created it a moment ago.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw error;
  }
}
