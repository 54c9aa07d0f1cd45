import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { createApp, type App } from '../../src/app';
import { runCli } from '../../src/cli';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { newNetwork } from '../../src/core/session';

describe('CLI: backup and restore of the SQLite database', function () {
  this.timeout(30_000);
  let dir: string;
  let db: string;
  let app: App | null;
  const env = () => ({ TECHVOICE_DB: db, LOG_LEVEL: 'silent' });

  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, env(), { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  async function startServer(): Promise<App> {
    const config = loadConfig({ PORT: '0', TECHVOICE_DB: db, TECHVOICE_SECRET: 'backup-test', SCHEDULER: 'off', DEMO_DATA: 'off', LOG_LEVEL: 'silent' });
    app = await createApp(config, createLogger(config.logLevel));
    await app.listen();
    return app;
  }

  async function stopServer(): Promise<void> {
    await app?.close();
    app = null;
  }

  const networkNames = async (file: string): Promise<string[]> => {
    const store = SqliteStore.open(file);
    try {
      return (await store.listNetworks()).map((n) => n.name).sort();
    } finally {
      await store.close();
    }
  };

  const addNetwork = (name: string) => app!.store.createNetwork(newNetwork(`n-${name.toLowerCase().replace(/\W+/g, '-')}`, name));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'techvoice-backup-'));
    db = join(dir, 'data', 'techvoice.db');
    app = null;
  });
  afterEach(async () => {
    await stopServer();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up a consistent copy while the server runs and writes', async () => {
    await startServer();
    await addNetwork('Before the backup');
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await addNetwork(`Written during ${written++}`);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const backup = join(dir, 'backups', 'nightly.db');
    const result = await cli('backup', backup);
    writing = false;
    await writer;
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /Backed up .*techvoice\.db to .*nightly\.db \([\d,]+ bytes\)/);
    const names = await networkNames(backup);
    assert.ok(names.includes('Before the backup'));
    assert.ok(written > 0, 'the server kept writing');
  });

  it('refuses to restore while a server holds the database, and changes nothing', async () => {
    await startServer();
    await addNetwork('Kept');
    const backup = join(dir, 'backup.db');
    assert.equal((await cli('backup', backup)).code, 0);
    await addNetwork('Added after the backup');
    const result = await cli('restore', backup);
    assert.equal(result.code, 1);
    assert.match(result.err, /A Techvoice server is running on .*: stop it first, then restore\. Nothing was restored\./);
    assert.deepEqual((await app!.store.listNetworks()).map((n) => n.name).sort(), ['Added after the backup', 'Kept']);
  });

  it('restores a backup once the server has stopped, keeping the database as it was beside it', async () => {
    await startServer();
    await addNetwork('Kept');
    const backup = join(dir, 'backup.db');
    assert.equal((await cli('backup', backup)).code, 0);
    await addNetwork('Added after the backup');
    await stopServer();

    const result = await cli('restore', backup);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /Restored .* from .*backup\.db\. The database as it was is kept as .*before-restore-/);
    const kept = readdirSync(join(dir, 'data')).find((f) => f.includes('before-restore-'));
    assert.ok(kept);
    assert.deepEqual(await networkNames(join(dir, 'data', kept)), ['Added after the backup', 'Kept']);

    await startServer();
    assert.deepEqual((await app!.store.listNetworks()).map((n) => n.name), ['Kept']);
  });

  it('refuses a file that is not a Techvoice backup, and changes nothing', async () => {
    await startServer();
    await addNetwork('Kept');
    await stopServer();
    const notABackup = join(dir, 'notes.db');
    writeFileSync(notABackup, 'these are my notes, not a database\n'.repeat(200));
    const result = await cli('restore', notABackup);
    assert.equal(result.code, 1);
    assert.match(result.err, /is not (an SQLite database|a Techvoice backup).*nothing was restored/);
    assert.deepEqual(await networkNames(db), ['Kept']);
    assert.equal(readdirSync(join(dir, 'data')).some((f) => f.includes('before-restore-')), false);
  });

  it('explains what to type without a file, and a missing database', async () => {
    assert.equal((await cli('backup')).code, 2);
    const missing = await cli('backup', join(dir, 'x.db'));
    assert.equal(missing.code, 1);
    assert.match(missing.err, /There is no database at .* to back up \(check TECHVOICE_DB\)/);
    assert.equal(existsSync(join(dir, 'x.db')), false);
  });
});
