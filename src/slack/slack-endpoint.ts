import { App, HTTPReceiver } from '@slack/bolt';
import type { Request, Response, Next } from 'restify';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Techvoice } from '../core/techvoice';
import { SlackBot } from './slack-bot';
import { SlackMessenger } from './slack-messenger';
import { boltLogger } from './bolt-logger';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackEndpoint {
  /** Restify handler for POST /slack/events: events, slash commands and interactivity. */
  handle(req: Request, res: Response, next: Next): void;
  messenger: SlackMessenger;
}

/**
 * The Slack app on the same server as Teams. Bolt's HTTPReceiver checks every request's
 * signature (v0 HMAC, 5-minute window) on the raw body, so this route has no body parser.
 */
export function createSlackEndpoint(slack: NonNullable<Config['slack']>, core: Techvoice, log: Logger): SlackEndpoint {
  const logger = boltLogger(log);
  const receiver = new HTTPReceiver({
    signingSecret: slack.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    logger,
    // Bolt answers 500 when a signed request lacks what every Slack payload has (a user, a
    // view, an event object): that is a bad request, not a fault of ours.
    processEventErrorHandler: async ({ error, response }) => {
      if (response.headersSent) return false;
      const malformed = error instanceof TypeError || (error as { code?: string }).code === 'slack_bolt_context_missing_property_error';
      log.warn({ err: error }, malformed ? 'malformed Slack request' : 'Slack request failed');
      response.writeHead(malformed ? 400 : 500, { 'content-type': 'text/plain' });
      response.end(malformed ? 'Malformed Slack payload' : '');
      return malformed;
    },
  });
  const app = new App({
    token: slack.botToken,
    receiver,
    logger,
    // Bolt's conversation store keeps per-conversation state in memory; Techvoice keeps its state in the store.
    convoStore: false,
    clientOptions: {
      slackApiUrl: slack.apiUrl.endsWith('/') ? slack.apiUrl : `${slack.apiUrl}/`,
      // The outbox owns retries and honours Retry-After itself; the client must not wait minutes inside a request.
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    },
  });
  new SlackBot(core, log).register(app);
  return {
    messenger: new SlackMessenger(app.client),
    handle(req, res, next) {
      res.once('finish', () => next());
      receiver.requestListener(req, res);
    },
  };
}
