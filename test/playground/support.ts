import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { createApp, type App } from '../../src/app';
import { PLAYGROUND_BOT, PLAYGROUND_TENANT, directConversationId, personaByKey, type PersonaKey } from '../../src/demo/people';
import type { LoggedActivity } from '../../src/playground/conversation-log';

export const SECRET = 'playground-test-secret';

/** The real server on an ephemeral port with a fresh database, playground on (local mode) unless told otherwise. */
export class PlaygroundServer {
  private constructor(
    readonly app: App,
    readonly url: string,
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<PlaygroundServer> {
    const dir = mkdtempSync(join(tmpdir(), 'techvoice-playground-'));
    const config = loadConfig({
      PORT: '0',
      TECHVOICE_DB: join(dir, 'techvoice.db'),
      TECHVOICE_SECRET: SECRET,
      SCHEDULER: 'off',
      LOG_LEVEL: 'silent',
      ...env,
    });
    const app = await createApp(config, createLogger(config.logLevel));
    const port = await app.listen();
    return new PlaygroundServer(app, `http://127.0.0.1:${port}`, port, dir);
  }

  get store() {
    return this.app.store;
  }

  get serviceUrl(): string {
    return `${this.url}/playground/connector`;
  }

  async close(): Promise<void> {
    await this.app.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** What the bot has sent into a playground conversation. */
  async activitiesIn(conversationId: string): Promise<LoggedActivity[]> {
    const response = await fetch(`${this.url}/playground/activities?after=0&conversation=${encodeURIComponent(conversationId)}`);
    return ((await response.json()) as { activities: LoggedActivity[] }).activities;
  }

  /** Posts an activity as a persona in their direct chat, as the playground page does. */
  async post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  activityFrom(key: PersonaKey, fields: Record<string, unknown>): Record<string, unknown> {
    const persona = personaByKey(key)!;
    return {
      id: `test-${Math.random().toString(36).slice(2)}`,
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      from: { id: persona.userId, name: persona.name, aadObjectId: persona.aadObjectId },
      recipient: PLAYGROUND_BOT,
      conversation: { id: directConversationId(persona), conversationType: 'personal', tenantId: PLAYGROUND_TENANT },
      channelData: { tenant: { id: PLAYGROUND_TENANT } },
      ...fields,
    };
  }

  say(key: PersonaKey, text: string) {
    return this.post(this.activityFrom(key, { type: 'message', text }));
  }

  press(key: PersonaKey, verb: string, data: Record<string, unknown>) {
    return this.post(
      this.activityFrom(key, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, trigger: 'manual' } }),
    );
  }
}

type Json = Record<string, unknown>;

/** All text on the Adaptive Cards of an activity (text blocks, facts, choices, buttons). */
export function textOf(activity: Json): string {
  const texts: string[] = typeof activity.text === 'string' ? [activity.text] : [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const key of ['text', 'title', 'value']) if (typeof (node as Json)[key] === 'string') texts.push((node as Json)[key] as string);
      Object.values(node).forEach(walk);
    }
  };
  walk(activity.attachments);
  return texts.join('\n');
}

export async function waitUntil<T>(probe: () => Promise<T | null | undefined | false>, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}
