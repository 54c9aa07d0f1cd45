import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Store } from '../../../src/core/store';
import { openTestStore, type TestStore } from '../../support/test-store';
import { TeamsMessenger } from '../../../src/teams/teams-messenger';
import { encodeAddress } from '../../../src/teams/teams-address';
import { newNetwork } from '../../../src/core/session';
import { Outbox, type OutboxOptions, type Recipient } from '../../../src/core/outbox/outbox';
import type { Member, Network } from '../../../src/core/model';
import { FakeConnector } from '../../support/fake-connector';

/** A Teams 1:1 chat address that the real TeamsMessenger posts to the fake connector. */
export function teamsAddress(serviceUrl: string, conversationId: string): string {
  return encodeAddress({
    reference: { channelId: 'msteams', serviceUrl, bot: { id: '28:techvoice-bot', name: 'Techvoice' }, conversation: { id: conversationId } as never },
  });
}

/**
 * A real store (SQLite, or Cosmos DB with TEST_STORE=cosmos), a fake Bot Framework connector
 * on loopback and the real Teams messenger.
 */
export class OutboxWorld {
  private constructor(
    private readonly testStore: TestStore,
    readonly store: Store,
    readonly connector: FakeConnector,
    readonly messenger: TeamsMessenger,
    readonly network: Network,
  ) {}

  static async start(networkSettings: Partial<Network> = {}): Promise<OutboxWorld> {
    const testStore = await openTestStore();
    const store = testStore.store;
    const connector = await new FakeConnector().start();
    const messenger = new TeamsMessenger(new ConfigurationBotFrameworkAuthentication({}), '');
    const network = { ...newNetwork('n-test', 'Test Network'), ...networkSettings };
    await store.createNetwork(network);
    return new OutboxWorld(testStore, store, connector, messenger, network);
  }

  outbox(options: Partial<OutboxOptions> = {}, store = this.store): Outbox {
    return new Outbox(store, { teams: this.messenger }, { secret: 'test-secret', backoffMs: 20, ...options });
  }

  /** Adds `count` members with a direct chat each; returns them as outbox recipients. */
  async members(count: number, prefix = 'person'): Promise<Recipient[]> {
    const recipients: Recipient[] = [];
    for (let i = 0; i < count; i++) {
      const member: Member = {
        id: `${prefix}-${i}`,
        networkId: this.network.id,
        platform: 'teams',
        platformUserId: `29:${prefix}-${i}`,
        aadObjectId: null,
        name: `Person ${i}`,
        email: `${prefix}.${i}@example.ac.uk`,
        roles: ['member'],
        directAddress: teamsAddress(this.connector.url, `a:${prefix}-${i}`),
        unreachable: false,
        linkedPerson: null,
        language: null,
        seenLanguage: null,
        createdAt: new Date().toISOString(),
      };
      await this.store.upsertMember(member);
      recipients.push({ key: member.id, platform: 'teams', address: member.directAddress as string });
    }
    return recipients;
  }

  /** How many messages each conversation received. */
  receivedBy(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const s of this.connector.sent) counts.set(s.conversationId, (counts.get(s.conversationId) ?? 0) + 1);
    return counts;
  }

  /** A second connection to the same store, as another instance would have. */
  openAnother(): Promise<Store> {
    return this.testStore.openAnother();
  }

  async close(): Promise<void> {
    await this.connector.stop();
    await this.testStore.cleanup();
  }
}
