import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface Target {
  port: number;
  /** Whatever the target reported when it was ready. */
  info: Record<string, unknown>;
  child: ChildProcess;
  stop(): Promise<void>;
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
