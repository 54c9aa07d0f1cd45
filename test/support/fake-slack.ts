import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { failOnLimitBreaches, recordBreaches, slackBreaches } from './platform-limits';

failOnLimitBreaches();

export const SLACK_TEAM = 'T0TECHNET';
export const BOT_USER = 'U0TECHVOICE';

/** One Web API call (or response_url post) the bot made, with its arguments decoded. */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** What the fake answered (for successful calls). */
  result?: Record<string, unknown>;
  at: number;
}

export interface SlackUser {
  id: string;
  name: string;
  email?: string;
  /** The language of their Slack client, e.g. "cy-GB" (users.info with include_locale). */
  locale?: string;
}

export interface InjectedFailure {
  /** HTTP status to answer with (429, 500…); 200 with `error` for a Slack API error. */
  status: number;
  error?: string;
  retryAfter?: number;
}

/** Arguments Slack's Web API takes as JSON inside a form field. */
const JSON_FIELDS = ['blocks', 'view', 'attachments', 'files'];

/**
 * A local stand-in for Slack's Web API on loopback: records every call, answers the methods
 * Techvoice uses as Slack does, serves the file-upload URL and response_urls, and can fail
 * on demand (429 with Retry-After, 5xx, or an API error like channel_not_found).
 */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly users = new Map<string, SlackUser>();
  readonly uploads: { fileId: string; bytes: Buffer }[] = [];
  private readonly failures = new Map<string, InjectedFailure[]>();
  private server: Server | null = null;
  private counter = 0;
  url = '';

  /** How many calls of each method were answered, kept even when calls are not recorded. */
  readonly counts = new Map<string, number>();

  /** `record: false` keeps no calls (for benchmarks: a long run would otherwise hold every call in memory). */
  constructor(private readonly options: { record?: boolean } = {}) {}

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  addUser(user: SlackUser): void {
    this.users.set(user.id, user);
  }

  /** The next calls of `method` fail as given, in order. */
  failNext(method: string, ...failures: InjectedFailure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  /** A response_url for an interaction; posts to it are recorded as calls of "respond". */
  responseUrl(): string {
    return `${this.url}/respond/${++this.counter}`;
  }

  callsOf(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `predicate` holds, or fails after `ms`. */
  async waitFor(predicate: () => boolean, ms = 5000): Promise<void> {
    const until = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > until) throw new Error(`timed out waiting for Slack calls; calls so far: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Waits for the `count`-th call of `method` (1-based) and returns it. */
  async next(method: string, count: number, ms = 5000): Promise<SlackCall> {
    await this.waitFor(() => this.callsOf(method).length >= count, ms);
    return this.callsOf(method)[count - 1];
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    if (url.pathname.startsWith('/upload/')) {
      this.uploads.push({ fileId: url.pathname.slice('/upload/'.length), bytes: uploadedBytes(raw, req.headers['content-type'] ?? '') });
      this.calls.push({ method: 'upload', args: { fileId: url.pathname.slice('/upload/'.length) }, at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.end('OK - ' + raw.length);
    }
    if (url.pathname.startsWith('/respond/')) {
      const args = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
      this.calls.push({ method: 'respond', args, at: Date.now() });
      const breaches = slackBreaches('respond', args);
      recordBreaches(breaches);
      return json(200, breaches.length ? { ok: false, error: 'invalid_blocks' } : { ok: true });
    }
    const method = url.pathname.replace(/^\/api\//, '');
    // As Slack does: the bot token travels in the Authorization header (https://api.slack.com/web#authentication).
    if (!/^Bearer xox[bp]-/.test(req.headers.authorization ?? '')) return json(200, { ok: false, error: 'not_authed' });
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    if (this.options.record === false && method === 'chat.update' && (req.headers['content-type'] ?? '').includes('application/json')) {
      // Benchmarks: answered as Slack does (ok, then the message, about as long as what was sent) without decoding it.
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(`{"ok":true,"message":${raw.toString('utf8')}}`);
    }
    const args = decodeArgs(raw, req.headers['content-type'] ?? '');
    const failure = this.failures.get(method)?.shift();
    const call: SlackCall = { method, args, at: Date.now() };
    if (this.options.record !== false) this.calls.push(call);
    const breaches = slackBreaches(method, args);
    if (breaches.length) {
      recordBreaches(breaches);
      return json(200, { ok: false, error: breaches.some((b) => b.includes('msg_blocks_too_long')) ? 'msg_blocks_too_long' : 'invalid_blocks' });
    }
    if (failure) {
      const headers: Record<string, string> = failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {};
      if (failure.status !== 200) return json(failure.status, { ok: false, error: failure.error ?? 'injected' }, headers);
      return json(200, { ok: false, error: failure.error ?? 'injected' }, headers);
    }
    call.result = this.answer(method, args);
    json(200, call.result);
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const ts = `1700000000.${String(++this.counter).padStart(6, '0')}`;
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://technet.slack.com/', team: 'Technicians', user: 'techvoice', team_id: SLACK_TEAM, user_id: BOT_USER, bot_id: 'B0TECHVOICE' };
      case 'users.info': {
        const user = this.users.get(String(args.user));
        if (!user) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id: user.id, name: user.name.toLowerCase().replace(/\s+/g, '.'), real_name: user.name, ...(user.locale ? { locale: user.locale } : {}), profile: { real_name: user.name, display_name: user.name, email: user.email } } };
      }
      case 'chat.postMessage':
      case 'chat.update': {
        // Posting to a user id lands in their DM with the app, as in Slack.
        const channel = /^[UW]/.test(String(args.channel)) ? `D${String(args.channel)}` : args.channel;
        return { ok: true, channel, ts: method === 'chat.update' ? args.ts : ts, message: { text: args.text, blocks: args.blocks } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users)}` } };
      case 'views.open':
      case 'views.update':
      case 'views.push':
      case 'views.publish':
        return { ok: true, view: { id: `V${this.counter}`, ...(args.view as Record<string, unknown>) } };
      case 'files.getUploadURLExternal': {
        const fileId = `F${++this.counter}`;
        return { ok: true, upload_url: `${this.url}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: (args.files as { id: string; title?: string }[]).map((f) => ({ id: f.id, title: f.title })) };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function decodeArgs(raw: Buffer, contentType: string): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (contentType.includes('application/json')) return JSON.parse(text || '{}') as Record<string, unknown>;
  const args: Record<string, unknown> = Object.fromEntries(new URLSearchParams(text));
  for (const field of JSON_FIELDS) {
    if (typeof args[field] === 'string') args[field] = JSON.parse(args[field] as string);
  }
  return args;
}

/** The file's bytes from a raw or multipart upload. */
function uploadedBytes(raw: Buffer, contentType: string): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return raw;
  const marker = `--${boundary[1] ?? boundary[2]}`;
  const text = raw.toString('latin1');
  const start = text.indexOf('\r\n\r\n', text.indexOf(marker)) + 4;
  const end = text.indexOf(`\r\n${marker}`, start);
  return Buffer.from(text.slice(start, end), 'latin1');
}
