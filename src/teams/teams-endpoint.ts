import {
  CloudAdapter,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Techvoice } from '../core/techvoice';
import { INVOKE_CARD_TYPE, TeamsBot } from './teams-bot';
import { renderAdaptiveCardJson } from '../cards/adaptive';
import { TeamsMessenger } from './teams-messenger';
import { TokenAuthentication } from './token-authentication';

export interface TeamsEndpoint {
  handle(req: Request, res: Response): Promise<void>;
  messenger: TeamsMessenger;
}

/** Problems with the shape of an activity, reported as a 400 before the adapter sees it. */
export function activityProblem(body: unknown): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'The body must be a JSON activity object.';
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type === '') return 'The activity has no type.';
  if (typeof activity.serviceUrl !== 'string' || !/^https?:\/\//.test(activity.serviceUrl)) return 'The activity has no serviceUrl.';
  const conversation = activity.conversation as Record<string, unknown> | undefined;
  if (!conversation || typeof conversation.id !== 'string') return 'The activity has no conversation id.';
  const from = activity.from as Record<string, unknown> | undefined;
  if (!from || typeof from.id !== 'string') return 'The activity has no sender (from.id).';
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    // botbuilder reads value.action.type unchecked: without this a damaged card action is a 5xx.
    const value = activity.value as Record<string, unknown> | undefined;
    if (!value || typeof value !== 'object' || !value.action || typeof value.action !== 'object') return 'The card action has no action.';
  }
  return null;
}

function isCardAction(activity: Activity): boolean {
  return activity.type === 'invoke' && activity.name === 'adaptiveCard/action' && activity.channelId === 'msteams';
}

/** The Bot Framework endpoint for Teams: authentication, then the bot. */
export function createTeamsEndpoint(config: Config, core: Techvoice, log: Logger): TeamsEndpoint {
  const auth = new TokenAuthentication(
    config.microsoftAppId
      ? ({
          MicrosoftAppId: config.microsoftAppId,
          MicrosoftAppPassword: config.microsoftAppPassword ?? undefined,
          MicrosoftAppType: config.microsoftAppType,
          MicrosoftAppTenantId: config.microsoftAppTenantId ?? undefined,
          ...(config.botOpenIdMetadata ? { BotOpenIdMetadata: config.botOpenIdMetadata } : {}),
        } as ConfigurationBotFrameworkAuthenticationOptions)
      : {},
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = TeamsBot.errorHandler(log);
  const bot = new TeamsBot(core, log);
  return {
    messenger: new TeamsMessenger(auth, config.microsoftAppId ?? ''),
    async handle(req, res) {
      const problem = activityProblem(req.body);
      if (problem) {
        res.send(400, { error: problem });
        return;
      }
      const activity = req.body as Activity;
      const known = isCardAction(activity) ? bot.knownEmail(activity.from.id) : null;
      if (!known) {
        await adapter.process(req, res, (context) => bot.run(context));
        return;
      }
      // Fast path for card submits: the same authentication as the adapter, then the core,
      // without building a turn context and connector client nobody uses.
      try {
        await auth.authenticateRequest(activity, req.header('authorization') ?? '');
      } catch (error) {
        log.info({ err: error }, 'card action refused: not authenticated');
        res.send(401, { error: 'Unauthorized' });
        return;
      }
      const card = await bot.answerCardAction(activity, known.email);
      // The rendered card is kept as JSON text: write it as it is rather than parse and re-encode it.
      const body = `{"statusCode":200,"type":"${INVOKE_CARD_TYPE}","value":${renderAdaptiveCardJson(card)}}`;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    },
  };
}
