import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import restify from 'restify';
import Database from 'better-sqlite3';
import { ActivityHandler, CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type AdaptiveCardInvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { RESPONSE_CARD } from './response-card';

/**
 * The stock Bot Framework path, as the samples build it: CloudAdapter on restify, an
 * ActivityHandler answering Action.Execute with a card, and an SQLite upsert in the handler.
 */
const db = new Database(join(mkdtempSync(join(tmpdir(), 'stock-bench-')), 'stock.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE answers (respondent TEXT PRIMARY KEY, value TEXT NOT NULL)');
const upsert = db.prepare('INSERT INTO answers (respondent, value) VALUES (?, ?) ON CONFLICT (respondent) DO UPDATE SET value = excluded.value');

class StockBot extends ActivityHandler {
  protected override async onAdaptiveCardInvoke(context: TurnContext): Promise<AdaptiveCardInvokeResponse> {
    const data = (context.activity.value as { action: { data: { answer: string } } }).action.data;
    upsert.run(context.activity.from.id, data.answer);
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: RESPONSE_CARD };
  }
}

// With MicrosoftAppId in the environment, the stock bot validates tokens too (public-cloud
// settings, with the OpenID metadata URL pointed at the benchmark's local key).
const appId = process.env.MicrosoftAppId;
const adapter = new CloudAdapter(
  new ConfigurationBotFrameworkAuthentication(
    appId
      ? {
          MicrosoftAppId: appId,
          MicrosoftAppType: 'UserAssignedMSI',
          MicrosoftAppTenantId: process.env.MicrosoftAppTenantId,
          ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
          ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
          ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
          ToBotFromChannelOpenIdMetadataUrl: process.env.BotOpenIdMetadata,
          CallerId: CallerIdConstants.PublicAzureChannel,
          ValidateAuthority: true,
        }
      : {},
  ),
);
const bot = new StockBot();
const server = restify.createServer();
server.post('/api/messages', restify.plugins.bodyParser(), async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as { port: number }).port });
});
