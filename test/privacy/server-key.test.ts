import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, ConfigError } from '../../src/config';
import { loadServerKey } from '../../src/server-key';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { sqliteBytes } from './store-dump';

describe('The server key lives outside the database', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'techvoice-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a key file beside the SQLite database on first start, readable by its owner only, and reads it again next time', async () => {
    const db = join(dir, 'techvoice.db');
    const config = loadConfig({ TECHVOICE_DB: db });
    assert.equal(config.keyFile, join(dir, 'techvoice.key'));
    const store = SqliteStore.open(db);
    const key = await loadServerKey(config, store);
    assert.ok(key.length >= 40);
    assert.equal(statSync(config.keyFile!).mode & 0o777, 0o600);
    assert.equal(await loadServerKey(config, store), key, 'the same key on the next start');
    await store.close();
    assert.ok(!sqliteBytes({ TECHVOICE_DB: db }).includes(key), 'the key is nowhere in the database file or its log');
  });

  it('moves a key an older version kept in the database into the key file, and leaves no copy behind', async () => {
    const db = join(dir, 'techvoice.db');
    const store = SqliteStore.open(db);
    const old = 'key-kept-in-the-database-by-an-older-version';
    await store.getOrCreateSetting('secret', old);
    const key = await loadServerKey(loadConfig({ TECHVOICE_DB: db }), store);
    assert.equal(key, old, 'hashes made with the old key still match');
    assert.equal(readFileSync(join(dir, 'techvoice.key'), 'utf8').trim(), old);
    assert.equal(await store.takeSetting('secret'), null);
    await store.close();
    assert.ok(!sqliteBytes({ TECHVOICE_DB: db }).includes(old), 'overwritten in the file, gone from the write-ahead log');
  });

  it('prefers TECHVOICE_SECRET, and refuses to start in production without a key', async () => {
    const db = join(dir, 'techvoice.db');
    const store = SqliteStore.open(db);
    assert.equal(await loadServerKey(loadConfig({ TECHVOICE_DB: db, TECHVOICE_SECRET: 'from-key-vault' }), store), 'from-key-vault');
    await store.close();
    assert.throws(() => loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'p' }), (error: Error) =>
      error instanceof ConfigError && /TECHVOICE_SECRET is required/.test(error.message));
    assert.throws(() => loadConfig({ TECHVOICE_STORE: 'cosmos', COSMOS_ENDPOINT: 'https://x' }), ConfigError);
    const keyFile = join(dir, 'named.key');
    writeFileSync(keyFile, 'a-key-from-a-mounted-secret\n', { mode: 0o600 });
    assert.equal(loadConfig({ MicrosoftAppId: 'app', TECHVOICE_KEY_FILE: keyFile }).keyFile, keyFile);
  });
});
