import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';

/** Readable lines for a person at a terminal in local mode; JSON lines for everything else. */
export function wantsPrettyLogs(config: Pick<Config, 'logFormat' | 'microsoftAppId'>, isTerminal: boolean): boolean {
  if (config.logFormat !== 'auto') return config.logFormat === 'pretty';
  return config.microsoftAppId === null && isTerminal;
}

/**
 * Structured logs (JSON lines, or pino-pretty's readable lines when `pretty`). Log calls carry
 * ids and error details, never feedback text or who is behind an anonymous act.
 */
export function createLogger(level: string, destination?: DestinationStream, pretty = false): Logger {
  const options = { level, base: { app: 'techvoice' }, redact: ['req.headers.authorization'] };
  if (destination) return pino(options, destination);
  if (pretty) {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app', singleLine: true } },
    });
  }
  return pino(options);
}
