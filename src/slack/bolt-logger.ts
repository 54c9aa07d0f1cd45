import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

/**
 * The Web API client's debug lines that carry whole request and response bodies: user ids,
 * DM channels and what was sent. Kept out of the log at every level, so that no log line
 * ties an anonymous act to the person behind it (docs/anonymity.md).
 */
const PAYLOAD_LINE = /^http request (body|result)/;

/** Bolt's logger interface over the app's pino logger. */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  let level = LogLevel.INFO;
  return {
    debug: (...msg: unknown[]) => {
      const line = msg.map(String).join(' ');
      if (!PAYLOAD_LINE.test(line)) child.debug(line);
    },
    info: (...msg: unknown[]) => child.info(msg.map(String).join(' ')),
    warn: (...msg: unknown[]) => child.warn(msg.map(String).join(' ')),
    error: (...msg: unknown[]) => child.error(msg.map(String).join(' ')),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
