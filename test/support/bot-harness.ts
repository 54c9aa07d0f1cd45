import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { createApp, type App } from '../../src/app';
import { recordBreaches, teamsBreaches } from './platform-limits';
import { FakeConnector } from './fake-connector';
import { conversationIdOf, invoke, message, personal, submit, type TeamsUser, type Where } from './teams-activities';
import type { CardJson } from './cards';
import { openTestStore, type TestStore } from './test-store';

export const ADMIN_AAD = 'aad-ada-admin';

export interface PostResult {
  status: number;
  body: unknown;
}

/**
 * The real server on an ephemeral port with a fresh store (SQLite, or Cosmos DB when
 * TEST_STORE=cosmos), and a fake connector.
 */
export class BotHarness {
  private constructor(
    readonly app: App,
    readonly url: string,
    readonly connector: FakeConnector,
    private readonly testStore: TestStore,
  ) {}

  /** Environment for the CLI to open the server's store. */
  get cliEnv(): Record<string, string> {
    return this.testStore.cliEnv;
  }

  /** `log` receives the server's log lines (JSON) when given. */
  static async start(env: Record<string, string> = {}, log?: { write(line: string): void }): Promise<BotHarness> {
    const testStore = await openTestStore();
    const config = loadConfig({
      PORT: '0',
      TECHVOICE_ADMINS: ADMIN_AAD,
      TECHVOICE_SECRET: 'test-secret',
      SCHEDULER: 'off',
      DEMO_DATA: 'off',
      LOG_LEVEL: 'silent',
      ...env,
    });
    const app = await createApp(config, createLogger(config.logLevel, log), testStore.store);
    const port = await app.listen();
    const connector = await new FakeConnector().start();
    return new BotHarness(app, `http://127.0.0.1:${port}`, connector, testStore);
  }

  get store() {
    return this.app.store;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.connector.stop();
    await this.testStore.cleanup();
  }

  async post(body: unknown, headers: Record<string, string> = {}, path = '/api/messages'): Promise<PostResult> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    // A card returned to an Action.Execute invoke counts against the same limit as a message.
    if (parsed && typeof parsed === 'object') recordBreaches(teamsBreaches(parsed));
    return { status: response.status, body: parsed };
  }

  /** Sends a message as `from`; returns what the bot replied in that conversation. */
  async say(from: TeamsUser, text: string, where: Where = personal): Promise<{ cards: CardJson[]; texts: string[] }> {
    const conversationId = conversationIdOf(from, where);
    const before = this.connector.sent.length;
    const result = await this.post(message(this.connector.url, from, text, where));
    if (result.status !== 200) throw new Error(`message answered ${result.status}: ${JSON.stringify(result.body)}`);
    const replies = this.connector.sent.slice(before).filter((s) => s.conversationId === conversationId);
    return {
      cards: replies.flatMap((s) => (s.activity.attachments as { content: CardJson }[] | undefined) ?? []).map((a) => a.content),
      texts: replies.map((s) => s.activity.text).filter((t): t is string => typeof t === 'string'),
    };
  }

  /** Presses an Action.Execute button with the given inputs; returns the card that replaces it. */
  async press(from: TeamsUser, verb: string, data: Record<string, unknown>, where: Where = personal): Promise<CardJson> {
    const result = await this.post(invoke(this.connector.url, from, verb, { ...data, verb }, where));
    const body = result.body as { statusCode: number; type: string; value: CardJson };
    if (result.status !== 200 || body?.type !== 'application/vnd.microsoft.card.adaptive') {
      throw new Error(`invoke answered ${result.status}: ${JSON.stringify(result.body)}`);
    }
    return body.value;
  }

  /** Submits a card with Action.Submit (a message activity carrying the data). */
  async submit(from: TeamsUser, data: Record<string, unknown>, where: Where = personal): Promise<CardJson[]> {
    const before = this.connector.sent.length;
    await this.post(submit(this.connector.url, from, data, where));
    return this.connector.sent
      .slice(before)
      .flatMap((s) => (s.activity.attachments as { content: CardJson }[] | undefined) ?? [])
      .map((a) => a.content);
  }
}
