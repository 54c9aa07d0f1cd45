import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const MAIN = ['--require', 'tsx/cjs', 'src/main.ts'];

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>, command = process.execPath, args = MAIN): Running {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, PORT: '0', SCHEDULER: 'off', DEMO_DATA: 'off', MicrosoftAppId: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => output, exited };
}

async function waitFor(running: Running, pattern: RegExp, ms = 20_000): Promise<RegExpExecArray> {
  const until = Date.now() + ms;
  for (;;) {
    const match = pattern.exec(running.output());
    if (match) return match;
    if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}: ${running.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('The server process', function () {
  this.timeout(60_000);
  let dir: string;
  const running: Running[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'techvoice-process-'));
  });
  afterEach(async () => {
    for (const r of running.splice(0)) {
      if (r.child.exitCode === null && r.child.signalCode === null) {
        r.child.kill('SIGKILL');
        await r.exited;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });
  const start = (env: Record<string, string> = {}, command?: string, args?: string[]) => {
    const r = startServer({ TECHVOICE_DB: join(dir, 'techvoice.db'), ...env }, command, args);
    running.push(r);
    return r;
  };

  it('stops cleanly on Ctrl-C (SIGINT) and exits 0', async () => {
    const server = start();
    await waitFor(server, /"port":\d+/);
    server.child.kill('SIGINT');
    assert.equal(await server.exited, 0);
    assert.match(server.output(), /"msg":"stopped"/);
  });

  it('prints no DEP0111 warning at start, nor from a CLI command', async () => {
    const server = start();
    await waitFor(server, /"port":\d+/);
    assert.doesNotMatch(server.output(), /DEP0111|DeprecationWarning/);
    const cli = spawnSync(process.execPath, ['bin/techvoice.js', 'networks'], { cwd: ROOT, env: { ...process.env, TECHVOICE_DB: join(dir, 'cli.db') }, encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.doesNotMatch(cli.stderr, /DEP0111|DeprecationWarning/);
  });

  it('refuses a second server on the same SQLite file with a one-line message and exit 1', async () => {
    const first = start();
    await waitFor(first, /"port":\d+/);
    const second = start();
    assert.equal(await second.exited, 1);
    assert.match(second.output(), /Techvoice cannot start: Another Techvoice server is already using .*techvoice\.db/);
    assert.doesNotMatch(second.output(), /\n\s+at /, 'no stack trace');
  });

  describe('logs', () => {
    const onTerminal = (env: Record<string, string>) =>
      // `script` gives the server a pseudo-terminal, as a person's terminal would.
      start(env, '/usr/bin/script', ['-qec', `${process.execPath} ${MAIN.join(' ')}`, '/dev/null']);

    before(function () {
      if (!existsSync('/usr/bin/script')) this.skip();
    });

    it('are readable lines in local mode on a terminal', async () => {
      const server = onTerminal({});
      await waitFor(server, /Techvoice is listening on http:\/\/localhost:\d+/);
      const line = server.output().split(/\r?\n/).find((l) => l.includes('Techvoice is listening')) ?? '';
      assert.match(line, /^\[\d\d:\d\d:\d\d\] .*INFO.*: .*Techvoice is listening/);
      assert.doesNotMatch(line, /^\{/);
    });

    it('are JSON lines when not on a terminal, and in production even on one', async () => {
      const piped = start();
      await waitFor(piped, /^\{.*"msg":"Techvoice is listening/m);
      const production = onTerminal({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret', TECHVOICE_SECRET: 'a-production-key', TECHVOICE_DB: join(dir, 'production.db') });
      await waitFor(production, /^\{.*"msg":"Techvoice is listening/m);
    });
  });
});
