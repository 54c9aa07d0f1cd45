import type { Network, Platform, PulseQuestion, PulseRound, WorkspaceLink } from '../core/model';
import type { Store } from '../core/store';

export interface CacheOptions {
  /** How long a network's settings and a workspace's link are reused before reading again. */
  networkTtlMs: number;
  /** How many rounds and questions to keep (they never change once written). */
  capacity: number;
}

const DEFAULTS: CacheOptions = { networkTtlMs: 30_000, capacity: 5_000 };

/** Values by key until they expire; misses (null) are never kept, the record may appear a moment later. */
class Expiring<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity: number,
  ) {}

  async get(key: string, load: () => Promise<V | null>): Promise<V | null> {
    const hit = this.entries.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = await load();
    if (value === null) return null;
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(key, { value, until: Date.now() + this.ttlMs });
    return value;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}

/**
 * Every card submit reads the network and the round it answers. Rounds and questions never
 * change once written, so they are kept; a network's settings and a workspace's link change
 * rarely, so they are reused for a short while (changes made on this instance apply at once,
 * changes from another instance or the CLI within `networkTtlMs`). Everything else goes
 * straight to the store, so roles and permissions are always read fresh.
 */
export function withReadCache(store: Store, options: Partial<CacheOptions> = {}): Store {
  const { networkTtlMs, capacity } = { ...DEFAULTS, ...options };
  const forever = Number.POSITIVE_INFINITY;
  const networks = new Expiring<Network>(networkTtlMs, capacity);
  const links = new Expiring<WorkspaceLink>(networkTtlMs, capacity);
  const rounds = new Expiring<PulseRound>(forever, capacity);
  const questions = new Expiring<PulseQuestion>(forever, capacity);

  const cached: Partial<Store> = {
    getNetwork: (id: string) => networks.get(id, () => store.getNetwork(id)),
    updateNetwork: async (network: Network) => {
      await store.updateNetwork(network);
      networks.forget(network.id);
    },
    findWorkspace: (platform: Platform, externalId: string) =>
      links.get(`${platform}\u0000${externalId}`, () => store.findWorkspace(platform, externalId)),
    linkWorkspace: async (link: WorkspaceLink) => {
      await store.linkWorkspace(link);
      links.forget(`${link.platform}\u0000${link.externalId}`);
    },
    getRound: (id: string) => rounds.get(id, () => store.getRound(id)),
    sealRound: async (id: string) => {
      rounds.forget(id);
      return store.sealRound(id);
    },
    getPulseQuestion: (networkId: string, number: number) =>
      questions.get(`${networkId}\u0000${number}`, () => store.getPulseQuestion(networkId, number)),
  };
  // Every other method is the store's own, bound once rather than on every call (by the
  // function itself, so that a method replaced later, as a test's fault does, is seen).
  const bound = new WeakMap<object, unknown>();
  return new Proxy(store, {
    get(target, property, receiver) {
      const own = cached[property as keyof Store];
      if (own) return own;
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      let method = bound.get(value);
      if (!method) {
        method = value.bind(target) as unknown;
        bound.set(value, method);
      }
      return method;
    },
  });
}
