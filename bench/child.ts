import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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

/** Starts a benchmark target in its own process, so the load generator does not share its CPU. */
export function startTarget(file: string, env: Record<string, string> = {}): Promise<Target> {
  const child = fork(join(__dirname, 'targets', file), [], {
    execArgv: ['--require', 'tsx/cjs', '--no-deprecation', ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])],
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
