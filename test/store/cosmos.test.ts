import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CosmosClient } from '@azure/cosmos';
import { CosmosStore } from '../../src/store/cosmos/cosmos-store';
import { countKey, slotOf, tallyId, type PendingWrite, type Tally } from '../../src/store/cosmos/answer-tally';
import { documentId } from '../../src/store/cosmos/collection';
import type { PulseAnswer } from '../../src/core/model';
import { startCosmosServer, type CosmosTestServer } from '../support/cosmos-server';
import { aDelivery, aMember, aNetwork, anAnswer, aPlan, aQuestion, aRound, at, counted, recount, storeContract } from './contract';

let server: CosmosTestServer;

before(async function () {
  server = await startCosmosServer();
});

after(async function () {
  await server?.stop();
});

async function openStore(database: string, answerTallyStaleMs?: number): Promise<CosmosStore> {
  return CosmosStore.open({ endpoint: server.endpoint, key: 'emulator', database, agent: server.agent, answerTallyStaleMs });
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
    openAnother: () => openStore(database),
    target: { kind: 'cosmos', endpoint: server.endpoint, database },
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

  describe('answer tallies (src/store/cosmos/answer-tally.ts)', function () {
    const STALE_MS = 300;
    let store: CosmosStore;
    let client: CosmosClient;

    const answers = () => client.database(database).container('pulseAnswers');
    const readTally = async (roundId: string): Promise<Tally> => (await answers().item(tallyId(roundId), roundId).read<{ tally: Tally }>()).resource!.tally;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    /** Leaves the state a crash leaves: the write announced in the tally, its answer written or not. */
    async function cutShort(answer: PulseAnswer, landed: boolean, from: string | null = null): Promise<void> {
      const doc = documentId(answer.respondentKey);
      const pending: PendingWrite = { doc, write: 'a7c1f6de-0000-4000-8000-00000000c0de', from, to: countKey(answer.platform, answer.value, false), at: Date.now() };
      await answers().item(tallyId(answer.roundId), answer.roundId).patch([{ op: 'set', path: `/tally/pending/${slotOf(doc)}`, value: pending }]);
      if (landed) await answers().items.upsert({ id: doc, roundId: answer.roundId, data: answer, write: pending.write });
    }

    beforeEach(async function () {
      store = await openStore(database, STALE_MS);
      client = new CosmosClient({ endpoint: server.endpoint, key: 'emulator', agent: server.agent });
      await store.createNetwork(aNetwork('n1'));
      await store.createPlan(aPlan('n1', 'p1'));
      await store.createPulseQuestion(aQuestion('n1'), 'q');
      await store.createRound(aRound('n1', 'r1', 1));
      await store.saveAnswer(anAnswer('r1', 'k1', { value: 'Conferences' }));
    });

    afterEach(async function () {
      await store.close();
      client.dispose();
    });

    it('counts a save cut short after its answer was written, and settles it once stale', async function () {
      await cutShort(anAnswer('r1', 'k2', { value: 'Secondments' }), true);
      assert.deepStrictEqual(await counted(store, ['r1']), ['r1 Conferences slack 1', 'r1 Secondments slack 1']);
      assert.equal(Object.keys((await readTally('r1')).pending).length, 1, 'a reader leaves a fresh entry to its writer');
      await sleep(STALE_MS + 50);
      assert.deepStrictEqual(await counted(store, ['r1']), await recount(store, ['r1']));
      const tally = await readTally('r1');
      assert.deepStrictEqual(tally.pending, {}, 'a stale entry is settled by the reader that meets it');
      assert.deepStrictEqual(await counted(store, ['r1']), ['r1 Conferences slack 1', 'r1 Secondments slack 1'], 'and counted once');
    });

    it('leaves out a save cut short before its answer was written, and drops it once stale', async function () {
      await cutShort(anAnswer('r1', 'k2', { value: 'Secondments' }), false);
      await cutShort(anAnswer('r1', 'k1', { value: 'Apprenticeships' }), false, countKey('slack', 'Conferences', false));
      assert.deepStrictEqual(await counted(store, ['r1']), ['r1 Conferences slack 1']);
      await sleep(STALE_MS + 50);
      assert.deepStrictEqual(await counted(store, ['r1']), ['r1 Conferences slack 1']);
      assert.deepStrictEqual((await readTally('r1')).pending, {});
      assert.deepStrictEqual(await counted(store, ['r1']), await recount(store, ['r1']));
    });

    it('lets a person answer again after a cut-short save: at once if it had landed, once stale if not', async function () {
      await cutShort(anAnswer('r1', 'k1', { value: 'Secondments' }), true, countKey('slack', 'Conferences', false));
      assert.equal(await store.saveAnswer(anAnswer('r1', 'k1', { value: 'Apprenticeships' })), 'updated');
      assert.deepStrictEqual(await counted(store, ['r1']), ['r1 Apprenticeships slack 1']);
      await cutShort(anAnswer('r1', 'k1', { value: 'Secondments' }), false, countKey('slack', 'Apprenticeships', false));
      const started = Date.now();
      assert.equal(await store.saveAnswer(anAnswer('r1', 'k1', { value: 'Conferences' })), 'updated');
      assert.ok(Date.now() - started >= STALE_MS - 50, 'the second save waited for the cut-short one to go stale');
      assert.deepStrictEqual(await counted(store, ['r1']), ['r1 Conferences slack 1']);
      assert.deepStrictEqual((await readTally('r1')).pending, {});
    });

    it('makes a missing tally from the answers of a round answered before tallies, and moves their counts on a change', async function () {
      await store.createRound(aRound('n1', 'old', 1));
      // Answers as the store wrote them before tallies: no tally, no write stamp.
      await answers().item(tallyId('old'), 'old').delete();
      for (const [key, value] of [['k1', 'Conferences'], ['k2', 'Conferences'], ['k3', 'Secondments']]) {
        await answers().items.create({ id: key, roundId: 'old', data: anAnswer('old', key, { value }) });
      }
      assert.deepStrictEqual(await counted(store, ['old']), ['old Conferences slack 2', 'old Secondments slack 1']);
      assert.ok(await readTally('old'), 'the count is kept for the next summary');
      await store.saveAnswer(anAnswer('old', 'k2', { value: 'Apprenticeships' }));
      assert.deepStrictEqual(await counted(store, ['old']), ['old Apprenticeships slack 1', 'old Conferences slack 1', 'old Secondments slack 1']);
    });

    it('keeps the write stamp of an answer when its member is forgotten', async function () {
      await store.upsertMember(aMember('n1', 'm1'));
      await store.saveAnswer(anAnswer('r1', 'k9', { memberId: 'm1' }));
      const before = (await answers().item('k9', 'r1').read<{ write: string }>()).resource!.write;
      await store.forgetMember('n1', 'm1');
      const after = (await answers().item('k9', 'r1').read<{ write: string; data: PulseAnswer }>()).resource!;
      assert.equal(after.write, before);
      assert.equal(after.data.memberId, null);
    });
  });
});
