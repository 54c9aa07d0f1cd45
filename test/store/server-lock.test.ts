import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { createApp, type App } from '../../src/app';
import { isServerRunning } from '../../src/store/sqlite/server-lock';
import { runCli } from '../../src/cli';

const ROOT = join(__dirname, '../..');

describe('One server per SQLite file', () => {
  let dir: string;
  const apps: App[] = [];
  const config = () =>
    loadConfig({ PORT: '0', TECHVOICE_DB: join(dir, 'techvoice.db'), TECHVOICE_SECRET: 'lock-test', SCHEDULER: 'off', DEMO_DATA: 'off', LOG_LEVEL: 'silent' });
  const start = async () => {
    const cfg = config();
    const app = await createApp(cfg, createLogger(cfg.logLevel));
    apps.push(app);
    await app.listen();
    return app;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'techvoice-lock-'));
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second server on the same file with a clear message, and starts once the first has stopped', async () => {
    const first = await start();
    assert.equal(isServerRunning(config().sqlitePath), true);
    await assert.rejects(start(), /Another Techvoice server is already using .*techvoice\.db\. Stop that one first .* TECHVOICE_DB/);
    await first.close();
    apps.splice(apps.indexOf(first), 1);
    assert.equal(isServerRunning(config().sqlitePath), false);
    await start();
  });

  it('lets the CLI open the database beside a running server', async () => {
    await start();
    const out: string[] = [];
    assert.equal(await runCli(['networks'], { TECHVOICE_DB: config().sqlitePath }, { out: (l) => out.push(l), err: (l) => out.push(l) }), 0, out.join('\n'));
  });

  it('is free again after a server is killed with SIGKILL', async function () {
    this.timeout(30_000);
    const db = join(dir, 'techvoice.db');
    // The holder keeps its lock in a global: a lock nobody refers to is closed when it is collected.
    const holder = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', `globalThis.lock = require('./src/store/sqlite/server-lock').holdServerLock(${JSON.stringify(db)}); console.log('held'); setInterval(() => {}, 1000);`], { cwd: ROOT });
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
      holder.once('exit', () => reject(new Error('the holder exited early')));
    });
    assert.equal(isServerRunning(db), true, 'another process holds it');
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    assert.equal(isServerRunning(db), false);
  });
});
