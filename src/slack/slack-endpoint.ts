import { App, HTTPModuleFunctions, HTTPReceiver, defaultBodyLimit, isValidSlackRequest, type BlockAction } from '@slack/bolt';
import { z } from 'zod';
import type { Request, Response, Next } from 'restify';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Techvoice } from '../core/techvoice';
import { SlackBot } from './slack-bot';
import { SlackMessenger } from './slack-messenger';
import { boltLogger } from './bolt-logger';
import { SlackJsonClient } from './slack-json-client';

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
   * Button presses (block_actions) are answered here, after the same signature check Bolt
   * makes, and go straight to the bot: Bolt's dispatch (context, middleware chain, listener
   * matching) cost more than the rest of a click, and a click needs none of it. Everything
   * else, and anything that does not verify, goes to Bolt as it came.
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
    const press = verifiedBlockActions(req as Request & { rawBody: Buffer }, slack.signingSecret);
    if (!press) {
      receiver.requestListener(req, res);
      return;
    }
    if (!press.success) {
      log.warn({ issues: press.error.issues.length }, 'malformed Slack block_actions');
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('Malformed Slack payload');
      return;
    }
    // Acknowledged first, as Slack asks (3 seconds): https://api.slack.com/interactivity/handling#acknowledgment_response
    res.writeHead(200);
    res.end();
    await bot.onBlockAction(press.data as unknown as BlockAction, app.client);
  }

  return {
    messenger: new SlackMessenger(app.client),
    handle(req, res, next) {
      res.once('finish', () => next());
      void route(req, res).catch((error: unknown) => log.error({ err: error }, 'Slack request failed'));
    },
  };
}

/** What the bot reads from a block_actions payload; anything more is passed through untouched. */
const blockActionsPayload = z.looseObject({
  type: z.literal('block_actions'),
  user: z.looseObject({ id: z.string().min(1), team_id: z.string().optional() }),
  team: z.looseObject({ id: z.string(), domain: z.string().optional() }).nullish(),
  trigger_id: z.string(),
  response_url: z.string().optional(),
  container: z.looseObject({}),
  channel: z.looseObject({ id: z.string(), name: z.string().optional() }).optional(),
  view: z.looseObject({ id: z.string(), type: z.string() }).optional(),
  actions: z.array(z.looseObject({ type: z.string(), action_id: z.string(), action_ts: z.string(), value: z.string().optional() })).min(1),
});

/**
 * A correctly signed block_actions request, parsed (success false when its payload is not one
 * the bot can read); null for anything else, which Bolt then checks and answers.
 */
function verifiedBlockActions(req: Request & { rawBody: Buffer }, signingSecret: string) {
  if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') return null;
  const body = req.rawBody.toString('utf8');
  if (!body.startsWith('payload=') || !body.includes('block_actions')) return null;
  const valid = isValidSlackRequest({
    signingSecret,
    body,
    headers: {
      'x-slack-signature': String(req.headers['x-slack-signature'] ?? ''),
      'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
    },
  });
  if (!valid) return null;
  let payload: unknown;
  try {
    payload = HTTPModuleFunctions.parseHTTPRequestBody(req);
  } catch {
    return null;
  }
  if ((payload as { type?: unknown } | null)?.type !== 'block_actions') return null;
  return blockActionsPayload.safeParse(payload);
}
