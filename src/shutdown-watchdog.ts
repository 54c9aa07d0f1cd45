import { Worker } from 'node:worker_threads';

/** Whatever shutdown still waits for after this long, the process ends. */
export const SHUTDOWN_LIMIT_MS = 5_000;

/**
 * Ends the process after `limitMs` from a thread of its own. A timer on the main thread is
 * not enough: a log line written to a terminal that has gone away can block that thread for
 * good (pino retries the write while it gets EAGAIN), and then no timer of its ever fires.
 */
export function startShutdownWatchdog(limitMs = SHUTDOWN_LIMIT_MS): void {
  const worker = new Worker(`setTimeout(() => process.kill(${process.pid}, 'SIGKILL'), ${Math.max(0, Math.round(limitMs))});`, { eval: true });
  // It must not keep a process alive that has finished on its own.
  worker.unref();
}
