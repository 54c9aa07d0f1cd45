import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CosmosClient } from '@azure/cosmos';
import { CosmosStore } from '../../src/store/cosmos/cosmos-store';
import { startCosmosServer, type CosmosTestServer } from '../support/cosmos-server';
import { aDelivery, aNetwork, at, storeContract } from './contract';

let server: CosmosTestServer;

before(async function () {
  server = await startCosmosServer();
});

after(async function () {
  await server?.stop();
});

async function openStore(database: string): Promise<CosmosStore> {
  return CosmosStore.open({ endpoint: server.endpoint, key: 'emulator', database, agent: server.agent });
}

async function dropDatabase(database: string): Promise<void> {
  const client = new CosmosClient({ endpoint: server.endpoint, key: 'emulator', agent: server.agent });
  try {
    await client.database(database).delete();
  } finally {
    client.dispose();
  }
}

const freshDatabaseName = () => `techvoice-${randomUUID()}`;

storeContract('Cosmos DB', async () => {
  const database = freshDatabaseName();
  const store = await openStore(database);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await dropDatabase(database);
    },
  };
});

describe('CosmosStore', function () {
  let database: string;

  beforeEach(function () {
    database = freshDatabaseName();
  });

  afterEach(async function () {
    await dropDatabase(database);
  });

  it('opens an existing database and keeps its data', async function () {
    const first = await openStore(database);
    await first.createNetwork(aNetwork('n1'));
    await first.close();
    const second = await openStore(database);
    try {
      assert.deepStrictEqual(await second.getNetwork('n1'), aNetwork('n1'));
    } finally {
      await second.close();
    }
  });

  it('stores keys that are not legal Cosmos ids', async function () {
    const store = await openStore(database);
    try {
      const awkward = 'slack/T1?thread#1\\x';
      assert.equal(await store.markProcessed(awkward, at(0)), true);
      assert.equal(await store.markProcessed(awkward, at(0)), false);
      assert.equal(await store.getOrCreateSetting(awkward, 'v'), 'v');
      const delivery = aDelivery('a/b', { jobKey: 'summary/f1#2025' });
      assert.equal(await store.enqueueDeliveries([delivery]), 1);
      assert.deepStrictEqual(await store.listDeliveries('summary/f1#2025'), [delivery]);
    } finally {
      await store.close();
    }
  });

  it('never gives the same delivery to two instances', async function () {
    const a = await openStore(database);
    const b = await openStore(database);
    try {
      const count = 40;
      await a.enqueueDeliveries(Array.from({ length: count }, (_, i) => aDelivery(`u${i}`)));
      const drain = async (store: CosmosStore, holder: string): Promise<string[]> => {
        const claimed: string[] = [];
        for (;;) {
          const batch = await store.claimDeliveries(holder, at(1), at(10), 4);
          if (batch.length === 0) return claimed;
          claimed.push(...batch.map((d) => d.id));
          // Stands in for sending the batch, as a real instance would before claiming more.
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      };
      const [fromA, fromB] = await Promise.all([drain(a, 'instance-a'), drain(b, 'instance-b')]);
      assert.ok(fromA.length > 0 && fromB.length > 0, `both instances claimed (${fromA.length}/${fromB.length})`);
      assert.deepStrictEqual(fromA.filter((id) => fromB.includes(id)), []);
      assert.equal(new Set([...fromA, ...fromB]).size, count);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
