import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured logs (JSON lines). Log calls carry ids and error details, never feedback text
 * or who is behind an anonymous act.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { app: 'techvoice' }, redact: ['req.headers.authorization'] };
  return destination ? pino(options, destination) : pino(options);
}
