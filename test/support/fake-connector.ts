import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { failOnLimitBreaches, recordBreaches, teamsBreaches } from './platform-limits';

failOnLimitBreaches();

export interface SentActivity {
  /** The channel or chat, without the ";messageid=" thread part. */
  conversationId: string;
  threadId: string | null;
  replyToId: string | null;
  activity: Record<string, unknown>;
  /** performance.now() when the connector accepted it. */
  at: number;
}

export interface ConnectorUser {
  id: string;
  name: string;
  email?: string;
}

/**
 * A local stand-in for the Bot Framework connector service: records every activity the bot
 * sends, answers member look-ups and opens 1:1 conversations, as Teams does.
 */
export class FakeConnector {
  readonly sent: SentActivity[] = [];
  readonly users = new Map<string, ConnectorUser>();
  /**
   * Status codes to answer the next sends with (e.g. 429, 500), consumed in order. `hang`
   * holds the request for hangMs (default 10 s) and then drops the connection, sending nothing.
   */
  /** Files the bot PUT to an upload URL (file consent flow), in order. */
  readonly uploads: { path: string; contentRange: string; body: Buffer }[] = [];
  readonly failNext: { status: number; retryAfter?: number; hang?: boolean; hangMs?: number }[] = [];
  /** Conversations that always answer with this status (e.g. 403: the user removed the bot). */
  readonly failAlways = new Map<string, number>();
  /** When set, sends beyond this many per second (over all conversations) get 429 with Retry-After. */
  rateLimit: { perSecond: number; retryAfterSeconds: number } | null = null;
  /** Sends answered 429 because of rateLimit. */
  throttled = 0;
  private readonly recentSends: number[] = [];
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  addUser(user: ConnectorUser): void {
    this.users.set(user.id, user);
  }

  /** Cards sent to a conversation, newest last. */
  cardsIn(conversationId: string): Record<string, unknown>[] {
    return this.sent
      .filter((s) => s.conversationId === conversationId)
      .flatMap((s) => (s.activity.attachments as { content: Record<string, unknown> }[] | undefined) ?? [])
      .map((a) => a.content);
  }

  textsIn(conversationId: string): string[] {
    return this.sent.filter((s) => s.conversationId === conversationId && typeof s.activity.text === 'string').map((s) => s.activity.text as string);
  }

  /** Waits until `predicate` holds for what was sent, or fails after `ms`. */
  async waitFor(predicate: () => boolean, ms = 5000): Promise<void> {
    const until = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > until) throw new Error('timed out waiting for the bot to send');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Sliding one-second window over accepted sends. */
  private overRate(perSecond: number): boolean {
    const nowMs = performance.now();
    while (this.recentSends.length && this.recentSends[0] <= nowMs - 1000) this.recentSends.shift();
    if (this.recentSends.length >= perSecond) return true;
    this.recentSends.push(nowMs);
    return false;
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    // PUT /upload/{name}: stands in for the OneDrive upload URL of Teams' file consent flow.
    if (req.method === 'PUT' && req.url?.startsWith('/upload/')) {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      this.uploads.push({ path: req.url, contentRange: String(req.headers['content-range'] ?? ''), body: Buffer.concat(chunks) });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `upload-${this.uploads.length}` }));
      return;
    }
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    // GET /v3/conversations/{id}/members/{userId}
    if (req.method === 'GET' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'members' && parts[4]) {
      const user = this.users.get(parts[4]);
      if (!user) return json(404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
      return json(200, { id: user.id, name: user.name, email: user.email, userPrincipalName: user.email, aadObjectId: `aad-${user.id}` });
    }
    // POST /v3/conversations (open a 1:1 chat)
    if (req.method === 'POST' && parts.length === 2 && parts[1] === 'conversations') {
      const members = (body.members as { id: string }[] | undefined) ?? [];
      return json(200, { id: `dm:${members[0]?.id ?? 'unknown'}`, activityId: 'a0' });
    }
    // POST /v3/conversations/{id}/activities[/{replyToId}]
    if (req.method === 'POST' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities') {
      const conversation = parts[2].split(';messageid=')[0];
      const always = this.failAlways.get(conversation);
      if (always) return json(always, { error: { code: 'Failure', message: 'injected' } });
      if (this.rateLimit && this.overRate(this.rateLimit.perSecond)) {
        this.throttled++;
        return json(429, { error: { code: 'Throttled', message: 'too many requests' } }, { 'retry-after': String(this.rateLimit.retryAfterSeconds) });
      }
      const failure = this.failNext.shift();
      if (failure?.hang) {
        await new Promise((r) => setTimeout(r, failure.hangMs ?? 10_000));
        req.socket.destroy();
        return;
      }
      if (failure) {
        return json(failure.status, { error: { code: 'Failure', message: 'injected' } }, failure.retryAfter ? { 'retry-after': String(failure.retryAfter) } : {});
      }
      const breaches = teamsBreaches(body);
      if (breaches.length) {
        recordBreaches(breaches);
        return json(413, { error: { code: 'MessageSizeTooBig', message: breaches[0] } });
      }
      const [conversationId, thread] = parts[2].split(';messageid=');
      this.sent.push({ conversationId, threadId: thread ?? null, replyToId: parts[4] ?? null, activity: body, at: performance.now() });
      return json(200, { id: `sent-${this.sent.length}` });
    }
    json(404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
  }
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}
