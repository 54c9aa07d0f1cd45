import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CosmosClient } from '@azure/cosmos';
import { CosmosStore } from '../../src/store/cosmos/cosmos-store';
import { countKey, slotOf, tallyId, type PendingWrite, type Tally } from '../../src/store/cosmos/answer-tally';
import { Collection, documentId } from '../../src/store/cosmos/collection';
import type { PulseAnswer, PulseRound } from '../../src/core/model';
import { RoundClosedError } from '../../src/core/store';
import { AnswerRollups } from '../../src/store/cosmos/answer-rollup';
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

  describe('answer rollups (src/store/cosmos/answer-rollup.ts)', function () {
    const STALE_MS = 300;
    const choices = ['Apprenticeships', 'Conferences', 'Secondments'];
    let store: CosmosStore;
    let client: CosmosClient;

    const answers = () => client.database(database).container('pulseAnswers');
    const readTally = async (roundId: string): Promise<Tally> => (await answers().item(tallyId(roundId), roundId).read<{ tally: Tally }>()).resource!.tally;
    const roundsOf = async (ids: string[]) => Promise.all(ids.map(async (id) => (await store.getRound(id))!));
    /** Documents one countAnswers of the rounds reads, given the rounds as a summary lists them. */
    const documentsCounting = async (ids: string[]) => {
      const rounds = await roundsOf(ids);
      return (await server.documentsRead(() => store.countAnswers(rounds))).documents;
    };
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    /** A round open for answers (it has a salt), answered by `people` people. */
    async function answeredRound(id: string, people: number, overrides: Partial<PulseRound> = {}): Promise<void> {
      await store.createRound(aRound('n1', id, 1, { answerSalt: 'salt', ...overrides }));
      for (let k = 0; k < people; k++) await store.saveAnswer(anAnswer(id, `k${k}`, { value: choices[(id.length + k) % 3], platform: k % 2 ? 'teams' : 'slack' }));
    }

    /** Seals a round as an instance from before rollups did: the salt erased, nothing folded. */
    async function sealWithoutRollup(id: string): Promise<void> {
      const rounds = client.database(database).container('pulseRounds');
      const { resource } = await rounds.item(id, id).read<{ id: string; data: PulseRound }>();
      await rounds.item(id, id).replace({ ...resource!, data: { ...resource!.data, answerSalt: '' } });
    }

    beforeEach(async function () {
      store = await openStore(database, STALE_MS);
      client = new CosmosClient({ endpoint: server.endpoint, key: 'emulator', agent: server.agent });
      await store.createNetwork(aNetwork('n1'));
      await store.createPulseQuestion(aQuestion('n1', { choices }), 'q');
    });

    afterEach(async function () {
      await store.close();
      client.dispose();
    });

    it('reads one document per day for the sealed rounds that closed on it, and a tally per round still open', async function () {
      this.timeout(60_000);
      const sealed: string[] = [];
      for (let day = 0; day < 3; day++) {
        for (let i = 0; i < 8; i++) {
          const id = `d${day}-${i}`;
          await answeredRound(id, 3, { closesAt: at(day * 1440 + i * 60) });
          assert.equal(await store.sealRound(id), true);
          sealed.push(id);
        }
      }
      await answeredRound('open-1', 2, { closesAt: at(30 * 1440) });
      await answeredRound('open-2', 1, { closesAt: at(30 * 1440) });
      const all = [...sealed, 'open-1', 'open-2'];
      assert.deepStrictEqual(await counted(store, all), await recount(store, all));
      assert.equal(await documentsCounting(all), 3 + 2, 'three days of 24 sealed rounds, and two open rounds');
      assert.equal(await documentsCounting(sealed.slice(0, 8)), 1, 'the eight rounds that closed on one day');
    });

    it('folds a round sealed before rollups existed into its day the first time it is counted', async function () {
      await answeredRound('early', 4);
      await answeredRound('later', 3);
      await sealWithoutRollup('early');
      assert.equal(await store.sealRound('later'), true);
      assert.equal(await documentsCounting(['early', 'later']), 3, 'the day, the tally of the round in no rollup, and the day again to fold it in');
      assert.deepStrictEqual(await counted(store, ['early', 'later']), await recount(store, ['early', 'later']));
      assert.equal((await readTally('early')).closed, true, 'its tally is closed to writes');
      assert.equal(await documentsCounting(['early', 'later']), 1, 'both from their day once folded');
      assert.deepStrictEqual(await counted(store, ['early', 'later']), await recount(store, ['early', 'later']));
    });

    it('refuses an answer that arrives after its round was sealed, and keeps the counts', async function () {
      await answeredRound('r1', 3);
      const before = await recount(store, ['r1']);
      await store.sealRound('r1');
      await assert.rejects(store.saveAnswer(anAnswer('r1', 'k0', { value: 'Secondments', platform: 'teams' })), RoundClosedError, 'a change');
      await assert.rejects(store.saveAnswer(anAnswer('r1', 'late', { value: 'Secondments' })), RoundClosedError, 'a first answer');
      assert.deepStrictEqual(await recount(store, ['r1']), before);
      assert.deepStrictEqual(await counted(store, ['r1']), before);
    });

    it('counts a save in flight when its round is sealed, and folds the round once it has settled', async function () {
      await answeredRound('r1', 2);
      // A save announced before the seal whose answer has landed, its writer gone.
      const late = anAnswer('r1', 'late', { value: 'Conferences' });
      const doc = documentId(late.respondentKey);
      const pending: PendingWrite = { doc, write: 'b8d2a7ef-0000-4000-8000-00000000beef', from: null, to: countKey(late.platform, late.value, false), at: Date.now() };
      await answers().item(tallyId('r1'), 'r1').patch([{ op: 'set', path: `/tally/pending/${slotOf(doc)}`, value: pending }]);
      await answers().items.upsert({ id: doc, roundId: 'r1', data: late, write: pending.write });
      await store.sealRound('r1');
      assert.deepStrictEqual(await counted(store, ['r1']), await recount(store, ['r1']), 'counted as it stands');
      await sleep(STALE_MS + 50);
      assert.deepStrictEqual(await counted(store, ['r1']), await recount(store, ['r1']), 'settled by the reader that finds it stale');
      assert.deepStrictEqual((await readTally('r1')).pending, {});
      assert.deepStrictEqual(await counted(store, ['r1']), await recount(store, ['r1']), 'and folded by the next');
      assert.equal(await documentsCounting(['r1']), 1);
      assert.deepStrictEqual(await counted(store, ['r1']), await recount(store, ['r1']));
    });

    it('does not bring back the counts of expired answers when a fold that read them lands after retention', async function () {
      await answeredRound('old', 3, { closesAt: at(95) });
      await sealWithoutRollup('old');
      const [old] = await roundsOf(['old']);
      const staleCounts = (await readTally('old')).counts;
      assert.deepStrictEqual(await store.deleteExpired('n1', null, at(100)), { feedback: 0, answers: 3 });
      // An instance that read the tally before retention emptied it folds what it read.
      await new AnswerRollups(new Collection(client.database(database).container('answerRollups'), 'networkId')).fold([{ round: old, counts: staleCounts }]);
      assert.deepStrictEqual(await counted(store, ['old']), []);
      assert.deepStrictEqual(await recount(store, ['old']), []);
    });
  });
});
