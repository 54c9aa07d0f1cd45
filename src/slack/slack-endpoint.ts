import { App, HTTPModuleFunctions, HTTPReceiver, defaultBodyLimit } from '@slack/bolt';
import type { Request, Response, Next } from 'restify';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Techvoice } from '../core/techvoice';
import { SlackBot } from './slack-bot';
import { SlackMessenger } from './slack-messenger';
import { boltLogger } from './bolt-logger';
import { SlackJsonClient } from './slack-json-client';
import { blockActionsIn } from './slack-press';
import { isSignedBySlack } from './slack-signature';

export const SLACK_EVENTS_PATH = '/slack/events';
/** Slack shows the person an error when a request is not answered within 3 seconds. */
const ACK_WITHIN_MS = 2_000;

export interface SlackEndpoint {
  /** Restify handler for POST /slack/events: events, slash commands and interactivity. */
  handle(req: Request, res: Response, next: Next): void;
  messenger: SlackMessenger;
}

/**
 * The Slack app on the same server as Teams. Every request's signature (v0 HMAC, 5-minute
 * window) is checked on the raw body, so this route has no body parser.
 */
export function createSlackEndpoint(slack: NonNullable<Config['slack']>, core: Techvoice, log: Logger): SlackEndpoint {
  const logger = boltLogger(log);
  const apiUrl = slack.apiUrl.endsWith('/') ? slack.apiUrl : `${slack.apiUrl}/`;
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
      slackApiUrl: apiUrl,
      // The outbox owns retries and honours Retry-After itself; the client must not wait minutes inside a request.
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    },
  });
  const bot = new SlackBot(core, log, new SlackJsonClient(apiUrl, slack.botToken));
  bot.register(app);

  /**
   * Button presses (block_actions) are answered here, after Slack's signature check, and go
   * straight to the bot: Bolt's dispatch (context, middleware chain, listener matching) cost
   * more than the rest of a click, and a click needs none of it. Everything else goes to
   * Bolt as it came.
   */
  async function route(req: Request, res: Response): Promise<void> {
    try {
      await HTTPModuleFunctions.bufferIncomingMessage(req, defaultBodyLimit);
    } catch (error) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && (error as { statusCode?: number }).statusCode === 413;
      res.writeHead(tooLarge ? 413 : 400);
      res.end();
      return;
    }
    const body = (req as Request & { rawBody: Buffer }).rawBody.toString('utf8');
    // Every request is checked here, with the five-minute window both ways; Bolt, which checks
    // what it is handed again, would let a timestamp from the future through.
    if (!isSignedBySlack(slack.signingSecret, body, req.headers['x-slack-signature'], req.headers['x-slack-request-timestamp'])) {
      if (isSslCheck(req.headers['content-type'], body)) {
        // Slack checks a slash command's certificate with an unsigned ssl_check=1; Bolt answers it, with anything else in the body dropped.
        receiver.requestListener(req, res);
        return;
      }
      log.warn('Slack request refused: bad signature or timestamp');
      res.writeHead(401);
      res.end();
      return;
    }
    const press = blockActionsIn(req.headers['content-type'], body);
    if (!press) {
      receiver.requestListener(req, res);
      return;
    }
    if ('problem' in press) {
      log.warn({ problem: press.problem }, 'malformed Slack block_actions');
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('Malformed Slack payload');
      return;
    }
    // Slack wants the acknowledgement within 3 seconds (https://api.slack.com/interactivity/handling#acknowledgment_response).
    // It goes once the press is stored, so an acknowledged answer is never lost, and at
    // ACK_WITHIN_MS at the latest, whatever the press is still doing.
    let acknowledged = false;
    const acknowledge = () => {
      if (acknowledged) return;
      acknowledged = true;
      clearTimeout(deadline);
      res.writeHead(200);
      res.end();
    };
    const deadline = setTimeout(acknowledge, ACK_WITHIN_MS);
    await bot.onBlockAction(press.payload, app.client, acknowledge);
  }

  return {
    messenger: new SlackMessenger(app.client),
    handle(req, res, next) {
      res.once('finish', () => next());
      void route(req, res).catch((error: unknown) => log.error({ err: error }, 'Slack request failed'));
    },
  };
}

/** Slack's certificate check for a slash command's URL (https://api.slack.com/interactivity/slash-commands#ssl). */
function isSslCheck(contentType: unknown, body: string): boolean {
  return contentType === 'application/x-www-form-urlencoded' && new URLSearchParams(body).get('ssl_check') === '1';
}
