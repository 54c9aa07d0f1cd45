import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
/** Inside node_modules so that it is never committed, and below the repository so cards/ is found. */
const BUILD = join(ROOT, 'node_modules', '.cache', 'techvoice-bench');
let built = false;

/** The Node flags `npm start` runs Techvoice with (package.json), so every target runs as the product does. */
export const START_FLAGS: string[] = [...(require('../package.json') as { scripts: { start: string } }).scripts.start.matchAll(/ (--[\w-]+(?:=\S+)?)/g)].map((m) => m[1]);

/**
 * Where a target file (relative to bench/targets) is once compiled to JavaScript, as
 * `npm start` runs Techvoice; the repository is compiled once per benchmark process.
 */
export function compiledTarget(file: string): string {
  if (!built) {
    // Type errors elsewhere do not stop the emit; only a missing output would.
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.json'), '--noEmit', 'false', '--sourceMap', 'false', '--incremental', '--tsBuildInfoFile', join(BUILD, '.tsbuildinfo'), '--outDir', BUILD], { stdio: 'ignore' });
    built = true;
  }
  const compiled = join(BUILD, 'bench', 'targets', file.replace(/\.ts$/, '.js'));
  if (!existsSync(compiled)) throw new Error(`${file} did not compile`);
  return compiled;
}

export interface Target {
  port: number;
  /** Whatever the target reported when it was ready. */
  info: Record<string, unknown>;
  child: ChildProcess;
  /** CPU time the target has used so far (user + system), in µs; Linux only (/proc). */
  cpuMicros(): number;
  stop(): Promise<void>;
}

/** User + system CPU time of a process from /proc/PID/stat (fields 14 and 15, in clock ticks of 10 ms). */
function cpuMicrosOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/**
 * Starts a benchmark target, compiled, in its own process, so the load generator does not
 * share its thread and the figures are those of the JavaScript that `npm start` runs.
 */
export function startTarget(file: string, env: Record<string, string> = {}): Promise<Target> {
  const child = fork(compiledTarget(file), [], {
    execArgv: ['--no-deprecation', ...START_FLAGS, ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => {
      const info = message as { port: number } & Record<string, unknown>;
      resolve({
        port: info.port,
        info,
        child,
        cpuMicros: () => cpuMicrosOf(child.pid as number),
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
}
