import type { Request, Response, Server } from 'restify';
import type { Logger } from 'pino';
import { ConversationLog } from './conversation-log';
import { pageAsset, rendererAsset, type Asset } from './assets';
import { galleryPage } from './gallery';
import { contentTypeOf, FileDrop, MAX_FILE_BYTES } from './file-drop';
import { isJsonObject } from '../cards/templates';
import type { ChartLinks } from '../core/charts/links';
import { jsonBody } from '../http/request-guards';
import {
  DEMO_FORUM,
  DEMO_NETWORK_NAME,
  PERSONAS,
  PLAYGROUND_BOT,
  PLAYGROUND_TENANT,
  directConversationId,
  personaByUserId,
} from '../demo/people';

export const CONNECTOR_PATH = '/playground/connector';

/** Where the bot reaches the playground's connector: loopback, whatever host the page was opened on. */
export const playgroundServiceUrl = (port: number): string => `http://127.0.0.1:${port}${CONNECTOR_PATH}`;

/** The raw body, or null when it is over `limit` bytes. */
async function readBody(req: Request, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const send = (res: Response, asset: Asset): void => {
  res.sendRaw(200, asset.body, { 'content-type': asset.contentType, 'cache-control': 'no-cache' });
};

const connectorError = (res: Response, status: number, code: string, message: string): void => {
  res.send(status, { error: { code, message } });
};

/**
 * The browser playground: the page, the card gallery, and a local stand-in for the Bot
 * Framework connector, so the bot's replies and proactive messages land in the page.
 * Mounted only when the playground is on (local mode, or PLAYGROUND=on).
 */
export function mountPlayground(server: Server, log: Logger, charts?: ChartLinks): ConversationLog {
  const conversations = new ConversationLog();
  const files = new FileDrop();
  const port = (): number => (server.address() as { port: number }).port;
  const json = jsonBody();

  server.get('/', async (_req: Request, res: Response) => send(res, pageAsset('playground.html') as Asset));
  server.get('/cards', async (_req: Request, res: Response) => {
    res.sendRaw(200, galleryPage(charts), { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  });
  server.get('/playground/assets/:file', async (req: Request, res: Response) => {
    const asset = pageAsset(String(req.params.file));
    if (!asset) return void res.send(404, { error: 'No such playground file.' });
    send(res, asset);
  });
  server.get('/playground/vendor/adaptivecards.min.js', async (_req: Request, res: Response) => send(res, rendererAsset()));

  // The playground's stand-in for OneDrive: the page reserves a place when the person allows
  // a file, the bot PUTs the bytes there (Teams' file consent flow), and the page downloads it.
  server.post('/playground/files', json, async (req: Request, res: Response) => {
    const name = isJsonObject(req.body) && typeof req.body.name === 'string' ? req.body.name : '';
    if (!name) return void res.send(400, { error: 'Say which file: {"name": "…"}.' });
    const id = files.reserve(name);
    res.send(200, { id, uploadUrl: `http://127.0.0.1:${port()}/playground/files/${id}`, contentUrl: `/playground/files/${id}` });
  });
  server.put('/playground/files/:id', async (req: Request, res: Response) => {
    const bytes = await readBody(req, MAX_FILE_BYTES);
    if (!bytes) return void res.send(413, { error: 'That file is too big for the playground.' });
    if (!files.upload(String(req.params.id), bytes)) return void res.send(404, { error: 'No such upload.' });
    res.send(201, { id: req.params.id });
  });
  server.get('/playground/files/:id', async (req: Request, res: Response) => {
    const file = files.get(String(req.params.id));
    if (!file) return void res.send(404, { error: 'No such file: type export again for a fresh one.' });
    res.sendRaw(200, file.bytes, {
      'content-type': contentTypeOf(file.name),
      'content-disposition': `attachment; filename="${file.name}"`,
      'cache-control': 'no-store',
    });
  });

  server.get('/playground/setup', async (_req: Request, res: Response) => {
    res.send(200, {
      serviceUrl: playgroundServiceUrl(port()),
      tenantId: PLAYGROUND_TENANT,
      bot: PLAYGROUND_BOT,
      team: { id: 'playground-team', name: DEMO_NETWORK_NAME },
      forum: { conversationId: DEMO_FORUM.channelId, name: DEMO_FORUM.name },
      personas: PERSONAS.map((p) => ({ ...p, conversationId: directConversationId(p) })),
    });
  });

  // What the bot said since the page last asked, in every conversation (the page polls this).
  server.get('/playground/activities', async (req: Request, res: Response) => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const after = query.get('after') ?? '0';
    if (!/^\d{1,15}$/.test(after)) return void res.send(400, { error: 'after must be a whole number: the last seq the page has seen.' });
    res.send(200, { activities: conversations.after(Number(after), query.get('conversation') ?? undefined) });
  });

  // The connector API the bot calls (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference).
  const record = async (req: Request, res: Response) => {
    if (!isJsonObject(req.body)) return connectorError(res, 400, 'BadArgument', 'The body must be a JSON activity.');
    const entry = conversations.record(String(req.params.conversationId), req.body);
    log.debug({ conversationId: req.params.conversationId, seq: entry.seq }, 'playground: the bot sent an activity');
    res.send(200, { id: entry.activity.id });
  };
  server.post(`${CONNECTOR_PATH}/v3/conversations/:conversationId/activities`, json, record);
  server.post(`${CONNECTOR_PATH}/v3/conversations/:conversationId/activities/:replyToId`, json, record);
  server.put(`${CONNECTOR_PATH}/v3/conversations/:conversationId/activities/:activityId`, json, async (req: Request, res: Response) => {
    if (!isJsonObject(req.body)) return connectorError(res, 400, 'BadArgument', 'The body must be a JSON activity.');
    if (!conversations.replace(String(req.params.conversationId), String(req.params.activityId), req.body)) {
      return connectorError(res, 404, 'ActivityNotFound', 'No such activity in this conversation.');
    }
    res.send(200, { id: req.params.activityId });
  });
  server.get(`${CONNECTOR_PATH}/v3/conversations/:conversationId/members/:userId`, async (req: Request, res: Response) => {
    const persona = personaByUserId(String(req.params.userId));
    if (!persona) return connectorError(res, 404, 'MemberNotFoundInConversation', 'Not a playground persona.');
    res.send(200, { id: persona.userId, name: persona.name, email: persona.email, userPrincipalName: persona.email, aadObjectId: persona.aadObjectId });
  });
  // Opening a 1:1 chat: the persona's chat in the page.
  server.post(`${CONNECTOR_PATH}/v3/conversations`, json, async (req: Request, res: Response) => {
    const members = isJsonObject(req.body) && Array.isArray(req.body.members) ? (req.body.members as unknown[]) : [];
    const first = members[0];
    const persona = isJsonObject(first) && typeof first.id === 'string' ? personaByUserId(first.id) : undefined;
    if (!persona) return connectorError(res, 404, 'MemberNotFound', 'Only playground personas have a chat in the page.');
    res.send(200, { id: directConversationId(persona), activityId: '' });
  });
  return conversations;
}
