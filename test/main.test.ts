import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs `npm start`'s entry point until it exits; returns its exit code and what it wrote. */
function run(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'techvoice-start-'));
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'src/main.ts'], {
    env: { ...process.env, PORT: '0', TECHVOICE_DB: join(dir, 'techvoice.db'), SCHEDULER: 'off', DEMO_DATA: 'off', MicrosoftAppId: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** stderr without Node's deprecation notes (restify's DEP0111): what a person reads. */
const said = (stderr: string): string[] =>
  stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !/DeprecationWarning|--trace-deprecation/.test(line));

describe('start-up problems and shutdown', function () {
  this.timeout(40_000);

  it('a managed identity without MicrosoftAppTenantId: one line naming the setting, exit 1', async () => {
    const { code, stderr } = await run({ MicrosoftAppId: 'app-id', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: '' });
    assert.equal(code, 1);
    assert.deepEqual(said(stderr), ['Techvoice cannot start: MicrosoftAppTenantId is required when MicrosoftAppType=UserAssignedMSI: set it to your Microsoft Entra tenant id']);
  });

  it('a port in use: one line naming PORT, exit 1', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const { code, stderr } = await run({ PORT: String(port) });
      assert.equal(code, 1);
      const lines = said(stderr);
      assert.equal(lines.length, 1, stderr);
      assert.match(lines[0], new RegExp(`^Techvoice cannot start: port ${port} is already in use .*set PORT`));
    } finally {
      taken.close();
    }
  });

  it('a server whose terminal has gone away still stops on SIGTERM, within 6 seconds', function () {
    if (spawnSync('python3', ['--version']).status !== 0) this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'techvoice-orphan-'));
    // A port unlikely to be taken: the script starts the server on it.
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const result = spawnSync('python3', ['test/support/orphan-terminal.py', String(port), join(dir, 'techvoice.db')], { encoding: 'utf8', timeout: 40_000 });
    const ended = JSON.parse(result.stdout.trim()) as { exited: number | null; seconds: number };
    assert.notEqual(ended.exited, null, `still running 15 s after SIGTERM: ${result.stderr}`);
    assert.ok(ended.seconds < 6, `stopped after ${ended.seconds} s`);
  });
});
