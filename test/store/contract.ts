import assert from 'node:assert/strict';
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type {
  Action,
  ActionUpdate,
  Plan,
  Feedback,
  Forum,
  Member,
  Network,
  PulseAnswer,
  PulseQuestion,
  PulseRound,
} from '../../src/core/model';
import { type Delivery, RoundClosedError, type Store } from '../../src/core/store';
import type { Consultation, InstitutionProfile, NarrativeSection } from '../../src/core/submission/model';
import type { StoreTarget, WriterPlan } from './support/answer-writer';

export interface OpenedStore {
  store: Store;
  cleanup: () => Promise<void>;
  /** Another client of the same data (a second connection, a second Cosmos client), as a second instance has. */
  openAnother: () => Promise<Store>;
  /** How a child process opens the same data (test/store/support/answer-writer.ts). */
  target: StoreTarget;
}

export type OpenStore = () => Promise<OpenedStore>;

/** A small deterministic random source, so that every run writes the same answers. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * What countAnswers must say, counted afresh from the answers themselves: per round, value and
 * platform, with free-text answers under ''. Sorted lines `round value platform count`.
 */
export async function recount(store: Store, roundIds: string[], freeText: ReadonlySet<string> = new Set()): Promise<string[]> {
  const counts = new Map<string, number>();
  for (const roundId of roundIds) {
    for (const answer of await store.listAnswers(roundId)) {
      const key = `${roundId} ${freeText.has(roundId) ? '' : answer.value} ${answer.platform}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].map(([key, count]) => `${key} ${count}`).sort();
}

/**
 * countAnswers as the same sorted lines, asked about the rounds as stored (as a summary lists
 * them); a round that does not exist is asked about as if it had just been made.
 */
export async function counted(store: Store, roundIds: string[]): Promise<string[]> {
  const rounds = await Promise.all(roundIds.map(async (id) => (await store.getRound(id)) ?? aRound('n1', id, 1)));
  return (await store.countAnswers(rounds)).map((c) => `${c.roundId} ${c.value} ${c.platform} ${c.count}`).sort();
}

/** Runs answer-writer.ts in a child process on the store's data; resolves once it is ready for its plan. */
async function startWriter(target: StoreTarget): Promise<{ child: ChildProcess; run: (plan: WriterPlan, onSaved?: (saved: number) => void) => Promise<number | 'killed'> }> {
  const child = fork(path.join(__dirname, 'support', 'answer-writer.ts'), [JSON.stringify(target)], {
    execArgv: ['--require', 'tsx/cjs'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`answer writer exited with ${code} before it was ready`)));
  });
  const run = (plan: WriterPlan, onSaved: (saved: number) => void = () => {}) =>
    new Promise<number | 'killed'>((resolve, reject) => {
      child.on('message', (message: { saved?: number; done?: number }) => {
        if (message.saved !== undefined) onSaved(message.saved);
        if (message.done !== undefined) resolve(message.done);
      });
      child.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve('killed') : code === 0 ? undefined : reject(new Error(`answer writer exited with ${code}`))));
      child.send(plan);
    });
  return { child, run };
}

const BASE_TIME = Date.parse('2025-03-03T09:00:00.000Z');

/** ISO time `minutes` after a fixed Monday morning. */
export function at(minutes: number): string {
  return new Date(BASE_TIME + minutes * 60_000).toISOString();
}

export function aNetwork(id: string, overrides: Partial<Network> = {}): Network {
  return {
    id,
    name: `Network ${id}`,
    timeZone: 'Europe/London',
    quietHours: { start: '18:00', end: '08:00' },
    quietWeekends: true,
    anonymityThreshold: 5,
    reminderDaysBefore: [14, 7, 1],
    staleAfterDays: 30,
    retention: { feedbackDays: null, answersDays: 730 },
    liveResults: false,
    language: 'en',
    createdAt: at(0),
    ...overrides,
  };
}

export function aMember(networkId: string, id: string, overrides: Partial<Member> = {}): Member {
  return {
    id,
    networkId,
    platform: 'teams',
    platformUserId: `29:${id}`,
    aadObjectId: `aad-${id}`,
    name: `Member ${id}`,
    email: `${id}@example.ac.uk`,
    roles: ['member', 'owner'],
    directAddress: JSON.stringify({ conversation: { id: `a:${id}` } }),
    unreachable: false,
    linkedPerson: null,
    language: null,
    seenLanguage: null,
    createdAt: at(1),
    ...overrides,
  };
}

export function aForum(networkId: string, id: string, overrides: Partial<Forum> = {}): Forum {
  return {
    id,
    networkId,
    platform: 'slack',
    channelId: `C${id}`,
    name: `Forum ${id}`,
    address: `C${id}`,
    language: null,
    createdAt: at(2),
    ...overrides,
  };
}

export function someFeedback(
  networkId: string,
  overrides: Partial<Omit<Feedback, 'number'>> = {},
): Omit<Feedback, 'number'> {
  return {
    networkId,
    theme: 'Recognition',
    text: 'Technicians are missing from the author lists of papers they worked on.',
    anonymous: false,
    authorMemberId: 'm1',
    status: 'new',
    linkedAction: null,
    reply: null,
    platform: 'teams',
    createdAt: at(10),
    updatedAt: at(10),
    ...overrides,
  };
}

export function aQuestion(
  networkId: string,
  overrides: Partial<Omit<PulseQuestion, 'number'>> = {},
): Omit<PulseQuestion, 'number'> {
  return {
    networkId,
    text: 'Which development opportunity matters most to you?',
    kind: 'choice',
    choices: ['Apprenticeships', 'Conferences', 'Secondments'],
    theme: 'Career Development',
    anonymous: true,
    audience: { type: 'forum', forumId: 'f1' },
    schedule: '0 9 * * 1',
    windowHours: 72,
    createdBy: 'm1',
    createdAt: at(20),
    ...overrides,
  };
}

export function aRound(
  networkId: string,
  id: string,
  questionNumber: number,
  overrides: Partial<PulseRound> = {},
): PulseRound {
  return {
    id,
    networkId,
    questionNumber,
    opensAt: at(60),
    closesAt: at(60 + 72 * 60),
    askedCount: 12,
    answerSalt: null,
    createdAt: at(59),
    ...overrides,
  };
}

export function anAnswer(
  roundId: string,
  respondentKey: string,
  overrides: Partial<PulseAnswer> = {},
): PulseAnswer {
  return {
    roundId,
    respondentKey,
    memberId: null,
    value: 'Secondments',
    platform: 'slack',
    answeredAt: at(90),
    ...overrides,
  };
}

export function aPlan(networkId: string, id: string, overrides: Partial<Plan> = {}): Plan {
  return {
    networkId,
    id,
    name: `Plan ${id}`,
    stage: 'stage-one',
    start: '2025-01-01',
    end: '2026-12-31',
    state: 'current',
    createdAt: at(1),
    closedAt: null,
    ragAtClose: null,
    ...overrides,
  };
}

export function anAction(networkId: string, number: string, overrides: Partial<Action> = {}): Action {
  return {
    networkId,
    planId: 'p1',
    number,
    title: `Action ${number}: raise the visibility of technical careers`,
    shortTitle: '',
    theme: 'Visibility',
    edi: false,
    owner: 'owner@example.ac.uk',
    ownerEmail: 'owner@example.ac.uk',
    due: '2025-12-31',
    dueAsWritten: '2025-12-31',
    status: 'red',
    note: '',
    successMeasure: '',
    evidence: '',
    carriedFrom: null,
    updatedAt: at(5),
    version: 1,
    ...overrides,
  };
}

export function anUpdate(
  networkId: string,
  actionNumber: string,
  overrides: Partial<ActionUpdate> = {},
): ActionUpdate {
  return {
    networkId,
    planId: 'p1',
    actionNumber,
    at: at(5),
    by: 'import',
    byName: 'Plan import',
    status: 'red',
    note: 'Imported',
    evidence: '',
    ...overrides,
  };
}

export function aDelivery(id: string, overrides: Partial<Delivery> = {}): Delivery {
  const jobKey = overrides.jobKey ?? 'reminder:n1:1.6:2025-03-03';
  return {
    id: `${jobKey}|${id}`,
    networkId: 'n1',
    jobKey,
    recipientKey: id,
    platform: 'teams',
    address: JSON.stringify({ conversation: { id: `a:${id}` } }),
    payload: JSON.stringify({ text: `Hello ${id}` }),
    state: 'pending',
    attempts: 0,
    notBefore: at(0),
    claimedBy: null,
    claimedUntil: null,
    lastError: null,
    sentAt: null,
    createdAt: at(0),
    ...overrides,
  };
}

const ids = (deliveries: Delivery[]): string[] => deliveries.map((d) => d.id).sort();

/** The behaviour every Store implementation must show. */
export function storeContract(name: string, open: OpenStore): void {
  describe(`Store contract: ${name}`, function () {
    let store: Store;
    let cleanup: () => Promise<void>;
    let openAnother: () => Promise<Store>;
    let target: StoreTarget;

    beforeEach(async function () {
      ({ store, cleanup, openAnother, target } = await open());
    });

    afterEach(async function () {
      await cleanup();
    });

    async function withNetworks(...networkIds: string[]): Promise<void> {
      for (const id of networkIds) {
        await store.createNetwork(aNetwork(id));
        await store.createPlan(aPlan(id, 'p1'));
      }
    }

    describe('settings', function () {
      it('keeps the first value stored for a key', async function () {
        assert.equal(await store.getOrCreateSetting('hash-key', 'first'), 'first');
        assert.equal(await store.getOrCreateSetting('hash-key', 'second'), 'first');
        assert.equal(await store.getOrCreateSetting('other', 'x'), 'x');
      });

      it('hands a taken setting to one caller only, and forgets it', async function () {
        await store.getOrCreateSetting('once', 'value');
        const taken = await Promise.all([store.takeSetting('once'), store.takeSetting('once'), store.takeSetting('once')]);
        assert.deepEqual(taken.filter((v) => v !== null), ['value']);
        assert.equal(await store.takeSetting('once'), null);
        assert.equal(await store.getOrCreateSetting('once', 'new'), 'new');
      });

      it('reads and replaces a setting', async function () {
        assert.equal(await store.getSetting('schedule:digest:n1'), null);
        await store.putSetting('schedule:digest:n1', 'weekly');
        assert.equal(await store.getSetting('schedule:digest:n1'), 'weekly');
        await store.putSetting('schedule:digest:n1', 'monthly');
        assert.equal(await store.getSetting('schedule:digest:n1'), 'monthly');
        assert.equal(await store.getOrCreateSetting('schedule:digest:n1', 'other'), 'monthly');
        assert.equal(await store.takeSetting('schedule:digest:n1'), 'monthly');
        assert.equal(await store.getSetting('schedule:digest:n1'), null);
      });

      it('agrees on one value when created concurrently', async function () {
        const values = await Promise.all(
          ['a', 'b', 'c', 'd'].map((value) => store.getOrCreateSetting('race', value)),
        );
        assert.equal(new Set(values).size, 1);
      });
    });

    describe('networks and workspaces', function () {
      it('round-trips a network with every field', async function () {
        const network = aNetwork('n1');
        await store.createNetwork(network);
        assert.deepStrictEqual(await store.getNetwork('n1'), network);
      });

      it('round-trips a network without quiet hours', async function () {
        const network = aNetwork('n1', { quietHours: null, quietWeekends: false, reminderDaysBefore: [] });
        await store.createNetwork(network);
        assert.deepStrictEqual(await store.getNetwork('n1'), network);
      });

      it('returns null for an unknown network', async function () {
        assert.equal(await store.getNetwork('nope'), null);
      });

      it('updates a network', async function () {
        await store.createNetwork(aNetwork('n1'));
        const changed = aNetwork('n1', {
          name: 'Renamed',
          timeZone: 'Europe/Dublin',
          quietHours: null,
          quietWeekends: false,
          anonymityThreshold: 7,
          reminderDaysBefore: [3],
          staleAfterDays: 10,
        });
        await store.updateNetwork(changed);
        assert.deepStrictEqual(await store.getNetwork('n1'), changed);
      });

      it('lists all networks', async function () {
        await withNetworks('n1', 'n2');
        const listed = await store.listNetworks();
        assert.deepStrictEqual(
          listed.map((n) => n.id).sort(),
          ['n1', 'n2'],
        );
        assert.deepStrictEqual(listed.find((n) => n.id === 'n2'), aNetwork('n2'));
      });

      it('links, finds, lists and moves workspaces', async function () {
        await withNetworks('n1', 'n2');
        await store.linkWorkspace({ platform: 'teams', externalId: 'tenant-1', networkId: 'n1' });
        await store.linkWorkspace({ platform: 'slack', externalId: 'T1', networkId: 'n1' });
        await store.linkWorkspace({ platform: 'slack', externalId: 'tenant-1', networkId: 'n2' });

        assert.deepStrictEqual(await store.findWorkspace('teams', 'tenant-1'), {
          platform: 'teams',
          externalId: 'tenant-1',
          networkId: 'n1',
        });
        assert.equal(await store.findWorkspace('teams', 'unknown'), null);
        assert.deepStrictEqual(
          (await store.listWorkspaces('n1')).map((w) => `${w.platform}:${w.externalId}`).sort(),
          ['slack:T1', 'teams:tenant-1'],
        );

        await store.linkWorkspace({ platform: 'teams', externalId: 'tenant-1', networkId: 'n2' });
        assert.equal((await store.findWorkspace('teams', 'tenant-1'))?.networkId, 'n2');
        assert.deepStrictEqual(
          (await store.listWorkspaces('n1')).map((w) => `${w.platform}:${w.externalId}`),
          ['slack:T1'],
        );
        assert.equal((await store.listWorkspaces('n2')).length, 2);
      });
    });

    describe('members and forums', function () {
      beforeEach(async function () {
        await withNetworks('n1', 'n2');
      });

      it('round-trips a member with every field', async function () {
        const member = aMember('n1', 'm1');
        await store.upsertMember(member);
        assert.deepStrictEqual(await store.getMember('n1', 'm1'), member);
      });

      it('round-trips a member whose optional fields are null', async function () {
        const member = aMember('n1', 'm1', {
          platform: 'slack',
          platformUserId: 'U123',
          aadObjectId: null,
          email: null,
          directAddress: null,
          roles: [],
          unreachable: true,
        });
        await store.upsertMember(member);
        assert.deepStrictEqual(await store.getMember('n1', 'm1'), member);
      });

      it('replaces a member on upsert', async function () {
        await store.upsertMember(aMember('n1', 'm1'));
        const changed = aMember('n1', 'm1', { name: 'New name', roles: ['chair', 'admin'], unreachable: true });
        await store.upsertMember(changed);
        assert.deepStrictEqual(await store.getMember('n1', 'm1'), changed);
        assert.equal((await store.listMembers('n1')).length, 1);
      });

      it('finds a member by platform user id within a network', async function () {
        await store.upsertMember(aMember('n1', 'm1'));
        await store.upsertMember(aMember('n1', 'm2', { platform: 'slack', platformUserId: 'U2' }));
        assert.deepStrictEqual(await store.findMember('n1', 'teams', '29:m1'), aMember('n1', 'm1'));
        assert.equal((await store.findMember('n1', 'slack', 'U2'))?.id, 'm2');
        assert.equal(await store.findMember('n1', 'slack', '29:m1'), null);
        assert.equal(await store.findMember('n2', 'teams', '29:m1'), null);
        assert.equal(await store.getMember('n2', 'm1'), null);
      });

      it('lists the members of one network only', async function () {
        await store.upsertMember(aMember('n1', 'm1'));
        await store.upsertMember(aMember('n1', 'm2'));
        await store.upsertMember(aMember('n2', 'm3'));
        assert.deepStrictEqual((await store.listMembers('n1')).map((m) => m.id).sort(), ['m1', 'm2']);
        assert.deepStrictEqual(await store.listMembers('n2'), [aMember('n2', 'm3')]);
      });

      it('round-trips, replaces and lists forums per network', async function () {
        await store.upsertForum(aForum('n1', 'f1'));
        await store.upsertForum(aForum('n1', 'f2', { platform: 'teams', address: '{"ref":1}' }));
        await store.upsertForum(aForum('n2', 'f3'));
        assert.deepStrictEqual(await store.getForum('n1', 'f1'), aForum('n1', 'f1'));
        assert.equal(await store.getForum('n2', 'f1'), null);

        const renamed = aForum('n1', 'f1', { name: "Technicians' Network" });
        await store.upsertForum(renamed);
        assert.deepStrictEqual(await store.getForum('n1', 'f1'), renamed);
        assert.deepStrictEqual((await store.listForums('n1')).map((f) => f.id).sort(), ['f1', 'f2']);
        assert.deepStrictEqual(await store.listForums('n2'), [aForum('n2', 'f3')]);
      });
    });

    describe('feedback', function () {
      beforeEach(async function () {
        await withNetworks('n1', 'n2');
      });

      it('numbers feedback per network and round-trips every field', async function () {
        const first = await store.createFeedback(someFeedback('n1'), 'k1');
        const second = await store.createFeedback(
          someFeedback('n1', { theme: 'Other', platform: 'slack', status: 'acknowledged' }),
          'k2',
        );
        assert.deepStrictEqual(first, { value: { ...someFeedback('n1'), number: 1 }, created: true });
        assert.equal(second.value.number, 2);
        assert.deepStrictEqual(await store.getFeedback('n1', 1), first.value);
        assert.deepStrictEqual(await store.getFeedback('n1', 2), second.value);
        assert.equal(await store.getFeedback('n1', 3), null);
      });

      it('returns the first feedback for a repeated idempotency key', async function () {
        const first = await store.createFeedback(someFeedback('n1'), 'activity-1');
        const repeat = await store.createFeedback(someFeedback('n1', { text: 'double click' }), 'activity-1');
        assert.deepStrictEqual(repeat, { value: first.value, created: false });
        const next = await store.createFeedback(someFeedback('n1'), 'activity-2');
        assert.equal(next.value.number, 2, 'a repeated key does not use up a number');
        assert.equal((await store.listFeedback('n1', at(0), at(100))).length, 2);
      });

      it('creates once when the same key arrives concurrently', async function () {
        const results = await Promise.all(
          [1, 2, 3, 4].map(() => store.createFeedback(someFeedback('n1'), 'retry')),
        );
        assert.equal(results.filter((r) => r.created).length, 1);
        assert.equal(new Set(results.map((r) => r.value.number)).size, 1);
        assert.equal((await store.listFeedback('n1', at(0), at(100))).length, 1);
      });

      it('gives distinct numbers to concurrent creates', async function () {
        const results = await Promise.all(
          [1, 2, 3, 4, 5].map((i) => store.createFeedback(someFeedback('n1'), `key-${i}`)),
        );
        const numbers = results.map((r) => r.value.number).sort((a, b) => a - b);
        assert.equal(new Set(numbers).size, 5);
        assert.ok(results.every((r) => r.created));
      });

      it('counts each network independently', async function () {
        await store.createFeedback(someFeedback('n1'), 'a');
        await store.createFeedback(someFeedback('n1'), 'b');
        const other = await store.createFeedback(someFeedback('n2'), 'c');
        const sameKeyOtherNetwork = await store.createFeedback(someFeedback('n2'), 'a');
        assert.equal(other.value.number, 1);
        assert.deepStrictEqual(
          [sameKeyOtherNetwork.value.number, sameKeyOtherNetwork.created],
          [2, true],
        );
      });

      it('keeps anonymous feedback without an author', async function () {
        const { value } = await store.createFeedback(
          someFeedback('n1', { anonymous: true, authorMemberId: null }),
          'anon',
        );
        assert.equal(value.authorMemberId, null);
        const stored = await store.getFeedback('n1', value.number);
        assert.equal(stored?.anonymous, true);
        assert.strictEqual(stored?.authorMemberId, null);
      });

      it('refuses anonymous feedback that carries an author', async function () {
        await assert.rejects(
          store.createFeedback(someFeedback('n1', { anonymous: true, authorMemberId: 'm1' }), 'x'),
        );
        assert.deepStrictEqual(await store.listFeedback('n1', at(0), at(100)), []);
      });

      it('updates feedback', async function () {
        const { value } = await store.createFeedback(someFeedback('n1'), 'k');
        const closed: Feedback = {
          ...value,
          status: 'closed',
          linkedAction: '1.6',
          reply: 'You said, we did: technicians are now credited.',
          updatedAt: at(500),
        };
        await store.updateFeedback(closed);
        assert.deepStrictEqual(await store.getFeedback('n1', value.number), closed);
      });

      it('updates feedback only from the statuses given: of two replies at once exactly one is stored, and nothing reopens it', async function () {
        const { value } = await store.createFeedback(someFeedback('n1'), 'k');
        const reply = (text: string): Feedback => ({ ...value, status: 'closed', reply: text, updatedAt: at(500) });
        const open = ['new', 'acknowledged', 'linked'] as const;
        const results = await Promise.all([store.updateFeedbackFrom(reply('Reply A'), open), store.updateFeedbackFrom(reply('Reply B'), open)]);
        assert.deepStrictEqual([...results].sort(), [false, true]);
        const stored = await store.getFeedback('n1', value.number);
        assert.equal(stored?.reply, results[0] ? 'Reply A' : 'Reply B');
        assert.equal(await store.updateFeedbackFrom(reply('Reply C'), open), false);
        // An acknowledgement that read the item before the reply cannot reopen it.
        assert.equal(await store.updateFeedbackFrom({ ...value, status: 'acknowledged' }, ['new']), false);
        assert.deepStrictEqual(await store.getFeedback('n1', value.number), stored);
      });

      it('lists feedback created in a half-open period, oldest first, per network', async function () {
        const times = [at(30), at(10), at(20), at(40), at(9)];
        for (const [i, createdAt] of times.entries()) {
          await store.createFeedback(someFeedback('n1', { createdAt, updatedAt: createdAt }), `k${i}`);
        }
        await store.createFeedback(someFeedback('n2', { createdAt: at(15) }), 'other');
        const listed = await store.listFeedback('n1', at(10), at(40));
        assert.deepStrictEqual(
          listed.map((f) => f.createdAt),
          [at(10), at(20), at(30)],
        );
        assert.deepStrictEqual(
          listed.map((f) => f.number),
          [2, 3, 1],
        );
      });
    });

    describe('pulses', function () {
      beforeEach(async function () {
        await withNetworks('n1', 'n2');
      });

      it('numbers questions per network and round-trips every field', async function () {
        const first = await store.createPulseQuestion(aQuestion('n1'), 'q1');
        const members = aQuestion('n1', {
          kind: 'likert',
          choices: [],
          theme: 'Sustainability',
          anonymous: false,
          audience: { type: 'members' },
          schedule: null,
          windowHours: 1.5,
        });
        const second = await store.createPulseQuestion(members, 'q2');
        assert.deepStrictEqual(first, { value: { ...aQuestion('n1'), number: 1 }, created: true });
        assert.deepStrictEqual(second.value, { ...members, number: 2 });
        assert.deepStrictEqual(await store.getPulseQuestion('n1', 2), second.value);
        assert.equal(await store.getPulseQuestion('n1', 3), null);
        assert.equal((await store.createPulseQuestion(aQuestion('n2'), 'q1')).value.number, 1);
      });

      it('numbers questions independently of feedback', async function () {
        await store.createFeedback(someFeedback('n1'), 'f');
        await store.createFeedback(someFeedback('n1'), 'g');
        assert.equal((await store.createPulseQuestion(aQuestion('n1'), 'f')).value.number, 1);
      });

      it('returns the first question for a repeated idempotency key', async function () {
        const first = await store.createPulseQuestion(aQuestion('n1'), 'same');
        const repeat = await store.createPulseQuestion(aQuestion('n1', { text: 'changed' }), 'same');
        assert.deepStrictEqual(repeat, { value: first.value, created: false });
        assert.equal((await store.listPulseQuestions('n1')).length, 1);
      });

      it('lists questions of a network by number', async function () {
        for (const key of ['a', 'b', 'c']) await store.createPulseQuestion(aQuestion('n1'), key);
        await store.createPulseQuestion(aQuestion('n2'), 'a');
        assert.deepStrictEqual(
          (await store.listPulseQuestions('n1')).map((q) => q.number),
          [1, 2, 3],
        );
      });

      describe('rounds and answers', function () {
        beforeEach(async function () {
          await store.createPulseQuestion(aQuestion('n1'), 'q');
          await store.createPulseQuestion(aQuestion('n2'), 'q');
        });

        it('round-trips a round', async function () {
          const round = aRound('n1', 'r1', 1);
          await store.createRound(round);
          assert.deepStrictEqual(await store.getRound('r1'), round);
          assert.equal(await store.getRound('r2'), null);
        });

        it('seals a round once: its answer salt is erased, its answers stay', async function () {
          await store.createRound(aRound('n1', 'r1', 1, { answerSalt: 'round-salt' }));
          await store.createRound(aRound('n1', 'legacy', 1, { answerSalt: null }));
          await store.saveAnswer({ roundId: 'r1', respondentKey: 'k1', memberId: null, value: 'yes', platform: 'teams', answeredAt: at(70) });
          const sealed = await Promise.all([store.sealRound('r1'), store.sealRound('r1')]);
          assert.deepEqual(sealed.sort(), [false, true], 'one of two instances seals it');
          assert.equal((await store.getRound('r1'))!.answerSalt, '');
          assert.equal(await store.sealRound('legacy'), false, 'a round without a salt has nothing to erase');
          assert.equal(await store.sealRound('unknown'), false);
          assert.equal((await store.listAnswers('r1')).length, 1);
        });

        it('refuses an answer to a sealed round, first or changed, and keeps its answers and counts', async function () {
          await store.createRound(aRound('n1', 'r1', 1, { answerSalt: 'round-salt' }));
          await store.saveAnswer(anAnswer('r1', 'k1', { value: 'Conferences' }));
          await store.sealRound('r1');
          await assert.rejects(store.saveAnswer(anAnswer('r1', 'k1', { value: 'Secondments' })), RoundClosedError);
          await assert.rejects(store.saveAnswer(anAnswer('r1', 'k2')), RoundClosedError);
          assert.deepStrictEqual(await store.listAnswers('r1'), [anAnswer('r1', 'k1', { value: 'Conferences' })]);
          assert.deepStrictEqual(await counted(store, ['r1']), ['r1 Conferences slack 1']);
        });

        it('lists rounds opened in a half-open period, oldest first, per network', async function () {
          const opens = { r1: at(300), r2: at(100), r3: at(200), r4: at(400), r5: at(99) };
          for (const [id, opensAt] of Object.entries(opens)) {
            await store.createRound(aRound('n1', id, 1, { opensAt }));
          }
          await store.createRound(aRound('n2', 'other', 1, { opensAt: at(150) }));
          const listed = await store.listRounds('n1', at(100), at(400));
          assert.deepStrictEqual(listed.map((r) => r.id), ['r2', 'r3', 'r1']);
          assert.deepStrictEqual(listed[0], aRound('n1', 'r2', 1, { opensAt: at(100) }));
        });

        it('stores one answer per respondent and round, replacing it on change', async function () {
          await store.createRound(aRound('n1', 'r1', 1));
          await store.createRound(aRound('n1', 'r2', 1));
          const answer = anAnswer('r1', 'hash-a');
          assert.equal(await store.saveAnswer(answer), 'created');
          assert.deepStrictEqual(await store.getAnswer('r1', 'hash-a'), answer);

          const changed = anAnswer('r1', 'hash-a', { value: 'Conferences', answeredAt: at(95), platform: 'teams' });
          assert.equal(await store.saveAnswer(changed), 'updated');
          assert.deepStrictEqual(await store.getAnswer('r1', 'hash-a'), changed);

          assert.equal(await store.saveAnswer(anAnswer('r1', 'hash-b', { memberId: 'm2' })), 'created');
          assert.equal(await store.saveAnswer(anAnswer('r2', 'hash-a')), 'created');
          assert.equal(await store.getAnswer('r1', 'hash-c'), null);

          const listed = await store.listAnswers('r1');
          assert.equal(listed.length, 2);
          assert.deepStrictEqual(
            listed.find((a) => a.respondentKey === 'hash-b'),
            anAnswer('r1', 'hash-b', { memberId: 'm2' }),
          );
          assert.deepStrictEqual(listed.find((a) => a.respondentKey === 'hash-a'), changed);
          assert.deepStrictEqual(await store.listAnswers('r2'), [anAnswer('r2', 'hash-a')]);
        });

        it('keeps an anonymous answer without a member id', async function () {
          await store.createRound(aRound('n1', 'r1', 1));
          await store.saveAnswer(anAnswer('r1', 'hash-a', { memberId: null }));
          assert.strictEqual((await store.getAnswer('r1', 'hash-a'))?.memberId, null);
        });

        it('counts concurrent saves of one answer once', async function () {
          await store.createRound(aRound('n1', 'r1', 1));
          const outcomes = await Promise.all(
            ['a', 'b', 'c'].map((value) => store.saveAnswer(anAnswer('r1', 'hash-a', { value }))),
          );
          assert.deepStrictEqual(outcomes.filter((o) => o === 'created'), ['created']);
          assert.equal((await store.listAnswers('r1')).length, 1);
        });
      });
    });

    describe('answer counts (what summaries read)', function () {
      const choices = ['Apprenticeships', 'Conferences', 'Secondments'];

      beforeEach(async function () {
        await withNetworks('n1', 'n2');
        await store.createPulseQuestion(aQuestion('n1', { choices }), 'choice');
        await store.createPulseQuestion(aQuestion('n1', { kind: 'text', choices: [] }), 'text');
        for (const id of ['r1', 'r2']) await store.createRound(aRound('n1', id, 1));
        await store.createRound(aRound('n1', 'words', 2));
      });

      it('adds a new answer to its value and platform, and moves a changed one', async function () {
        await store.saveAnswer(anAnswer('r1', 'a', { value: 'Conferences', platform: 'teams' }));
        await store.saveAnswer(anAnswer('r1', 'b', { value: 'Conferences', platform: 'teams' }));
        await store.saveAnswer(anAnswer('r2', 'a', { value: 'Secondments', platform: 'slack' }));
        assert.deepStrictEqual(await counted(store, ['r1', 'r2']), ['r1 Conferences teams 2', 'r2 Secondments slack 1']);

        await store.saveAnswer(anAnswer('r1', 'a', { value: 'Apprenticeships', platform: 'teams' }));
        assert.deepStrictEqual(await counted(store, ['r1']), ['r1 Apprenticeships teams 1', 'r1 Conferences teams 1'], 'a changed value moves its count');
        await store.saveAnswer(anAnswer('r1', 'a', { value: 'Apprenticeships', platform: 'slack' }));
        assert.deepStrictEqual(await counted(store, ['r1']), ['r1 Apprenticeships slack 1', 'r1 Conferences teams 1'], 'so does a changed platform');
        await store.saveAnswer(anAnswer('r1', 'a', { value: 'Apprenticeships', platform: 'slack', answeredAt: at(99) }));
        await store.saveAnswer(anAnswer('r1', 'b', { value: 'Apprenticeships', platform: 'slack' }));
        assert.deepStrictEqual(await counted(store, ['r1']), ['r1 Apprenticeships slack 2'], 'an answer saved again unchanged counts once; a count at 0 is gone');
        assert.deepStrictEqual(await counted(store, ['r1', 'r2']), await recount(store, ['r1', 'r2']));
        assert.deepStrictEqual(await counted(store, ['r1', 'r1']), ['r1 Apprenticeships slack 2'], 'a round asked for twice is counted once');
      });

      it('counts free-text answers under one value, so that their text stays in the answers alone', async function () {
        await store.saveAnswer(anAnswer('words', 'a', { value: 'More time for training', platform: 'teams' }));
        await store.saveAnswer(anAnswer('words', 'b', { value: 'Recognition on papers', platform: 'teams' }));
        await store.saveAnswer(anAnswer('words', 'c', { value: 'Recognition on papers', platform: 'slack' }));
        await store.saveAnswer(anAnswer('words', 'a', { value: 'Less paperwork', platform: 'teams' }));
        assert.deepStrictEqual(await counted(store, ['words']), ['words  slack 1', 'words  teams 2']);
        assert.deepStrictEqual(await counted(store, ['words']), await recount(store, ['words'], new Set(['words'])));
        assert.deepStrictEqual((await store.listAnswers('words')).map((a) => a.value).sort(), ['Less paperwork', 'Recognition on papers', 'Recognition on papers']);
      });

      it('has no counts for a round without answers, nor for one that does not exist', async function () {
        assert.deepStrictEqual(await counted(store, ['r1', 'no-such-round']), []);
        assert.deepStrictEqual(await store.countAnswers([]), []);
      });

      it('keeps the counts when a member is forgotten', async function () {
        await store.upsertMember(aMember('n1', 'm1'));
        await store.saveAnswer(anAnswer('r1', 'k1', { memberId: 'm1', value: 'Conferences' }));
        await store.saveAnswer(anAnswer('r1', 'k2', { memberId: 'm2', value: 'Conferences' }));
        await store.saveAnswer(anAnswer('words', 'k1', { memberId: 'm1', value: 'My own words' }));
        const before = await counted(store, ['r1', 'words']);
        await store.forgetMember('n1', 'm1');
        assert.deepStrictEqual(await counted(store, ['r1', 'words']), before);
        assert.deepStrictEqual(await counted(store, ['r1']), await recount(store, ['r1']));
        // A forgotten member's answer can still be changed by the respondent key alone (an anonymous round's way).
        await store.saveAnswer(anAnswer('r1', 'k1', { memberId: null, value: 'Secondments' }));
        assert.deepStrictEqual(await counted(store, ['r1']), ['r1 Conferences slack 1', 'r1 Secondments slack 1']);
      });

      it('empties the counts of rounds whose answers expire, and keeps the others', async function () {
        await store.createRound(aRound('n1', 'old', 1, { closesAt: at(95) }));
        await store.createRound(aRound('n1', 'old-words', 2, { closesAt: at(95) }));
        await store.saveAnswer(anAnswer('old', 'k1', { value: 'Conferences' }));
        await store.saveAnswer(anAnswer('old', 'k2', { value: 'Secondments', platform: 'teams' }));
        await store.saveAnswer(anAnswer('old-words', 'k1', { value: 'Gone soon' }));
        await store.saveAnswer(anAnswer('r1', 'k1', { value: 'Conferences' }));
        assert.deepStrictEqual(await store.deleteExpired('n1', null, at(100)), { feedback: 0, answers: 3 });
        assert.deepStrictEqual(await counted(store, ['old', 'old-words', 'r1']), ['r1 Conferences slack 1']);
        assert.deepStrictEqual(await store.deleteExpired('n1', null, at(100)), { feedback: 0, answers: 0 });
        assert.deepStrictEqual(await counted(store, ['old', 'old-words', 'r1']), ['r1 Conferences slack 1']);
      });

      it('counts sealed rounds as a recount does after two instances seal them at once, a member is forgotten and answers expire', async function () {
        this.timeout(60_000);
        const sealed = ['s-old', 's-old-words', 's1', 's2', 's-words'];
        await store.createRound(aRound('n1', 's-old', 1, { answerSalt: 'salt', closesAt: at(95) }));
        await store.createRound(aRound('n1', 's-old-words', 2, { answerSalt: 'salt', closesAt: at(95) }));
        await store.createRound(aRound('n1', 's1', 1, { answerSalt: 'salt' }));
        await store.createRound(aRound('n1', 's2', 1, { answerSalt: 'salt', closesAt: at(60 + 96 * 60) }));
        await store.createRound(aRound('n1', 's-words', 2, { answerSalt: 'salt' }));
        await store.upsertMember(aMember('n1', 'm1'));
        for (const roundId of [...sealed, 'r1']) {
          const words = roundId.endsWith('words');
          for (let k = 0; k < 6; k++) {
            await store.saveAnswer(anAnswer(roundId, `k${k}`, { value: words ? `Words ${k}` : choices[k % 3], platform: k % 2 ? 'teams' : 'slack', memberId: k === 0 ? 'm1' : null }));
          }
        }
        await store.saveAnswer(anAnswer('s1', 'k1', { value: 'Apprenticeships', platform: 'teams' }));
        const all = [...sealed, 'r1'];
        const freeText = new Set(['s-old-words', 's-words']);
        const other = await openAnother();
        try {
          const seals = await Promise.all(sealed.flatMap((id) => [store.sealRound(id), other.sealRound(id)]));
          assert.equal(seals.filter(Boolean).length, sealed.length, 'each round is sealed by one of the two');
          const expected = await recount(store, all, freeText);
          assert.equal(expected.reduce((n, line) => n + Number(line.split(' ').pop()), 0), 36);
          assert.deepStrictEqual(await counted(store, all), expected);
          assert.deepStrictEqual(await counted(other, all), expected);

          await store.forgetMember('n1', 'm1');
          assert.deepStrictEqual(await counted(store, all), expected, 'forget me clears who answered, not what');
          assert.deepStrictEqual(await recount(store, all, freeText), expected);

          assert.deepStrictEqual(await other.deleteExpired('n1', null, at(100)), { feedback: 0, answers: 12 });
          const remaining = await recount(store, all, freeText);
          assert.equal(remaining.filter((line) => line.startsWith('s-old')).length, 0);
          assert.deepStrictEqual(await counted(store, all), remaining);
          assert.deepStrictEqual(await counted(other, all), remaining);
          assert.deepStrictEqual(await store.deleteExpired('n1', null, at(100)), { feedback: 0, answers: 0 });
          assert.deepStrictEqual(await counted(store, all), remaining);
        } finally {
          await other.close();
        }
      });

      /** Answers by 40 people to two rounds, many changed more than once, in a fixed random order. */
      function answerPlan(seed: number, count: number, people = 'person'): PulseAnswer[] {
        const next = seeded(seed);
        const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
        return Array.from({ length: count }, () =>
          anAnswer(pick(['r1', 'r2']), `${people}-${Math.floor(next() * 40)}`, { value: pick(choices), platform: pick(['teams', 'slack'] as const) }),
        );
      }

      it('counts concurrent answers and changes from two clients as a recount does', async function () {
        this.timeout(60_000);
        const other = await openAnother();
        try {
          const saves = [...answerPlan(1, 120).map((a) => () => store.saveAnswer(a)), ...answerPlan(2, 120).map((a) => () => other.saveAnswer(a))];
          // Eight at a time from each client, interleaved.
          for (let start = 0; start < 120; start += 8) {
            await Promise.all([...saves.slice(start, start + 8), ...saves.slice(120 + start, 128 + start)].map((save) => save()));
          }
          const expected = await recount(store, ['r1', 'r2']);
          assert.deepStrictEqual(await counted(store, ['r1', 'r2']), expected);
          assert.deepStrictEqual(await counted(other, ['r1', 'r2']), expected);
          const total = expected.reduce((n, line) => n + Number(line.split(' ').pop()), 0);
          assert.equal(total, (await store.listAnswers('r1')).length + (await store.listAnswers('r2')).length);
        } finally {
          await other.close();
        }
      });

      it('counts answers and changes of the same people from two processes at once as a recount does', async function () {
        this.timeout(120_000);
        const writers = await Promise.all([startWriter(target), startWriter(target)]);
        try {
          const done = await Promise.all(writers.map(({ run }, i) => run({ answers: answerPlan(3 + i, 150), concurrency: 6 })));
          assert.deepStrictEqual(done, [150, 150]);
          assert.deepStrictEqual(await counted(store, ['r1', 'r2']), await recount(store, ['r1', 'r2']));
        } finally {
          for (const { child } of writers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        }
      });

      it('counts as a recount does when one of two processes is killed with saves in flight', async function () {
        this.timeout(120_000);
        const [first, second] = await Promise.all([startWriter(target), startWriter(target)]);
        try {
          const [done, killed] = await Promise.all([
            first.run({ answers: answerPlan(5, 150, 'first'), concurrency: 6 }),
            second.run({ answers: answerPlan(6, 600, 'second'), concurrency: 6, pauseMs: 2, stallMs: 15 }, (saved) => {
              if (saved === 25) second.child.kill('SIGKILL');
            }),
          ]);
          assert.equal(done, 150);
          assert.equal(killed, 'killed');
          assert.deepStrictEqual(await counted(store, ['r1', 'r2']), await recount(store, ['r1', 'r2']));
          // The survivor goes on counting right after the crash.
          for (const answer of answerPlan(7, 30, 'late')) await store.saveAnswer(answer);
          assert.deepStrictEqual(await counted(store, ['r1', 'r2']), await recount(store, ['r1', 'r2']));
        } finally {
          for (const { child } of [first, second]) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        }
      });
    });

    describe('actions', function () {
      beforeEach(async function () {
        await withNetworks('n1', 'n2');
      });

      it('imports actions with their history and lists them in plan order', async function () {
        const actions = ['1.10', '2.1', '1.2', '1.6'].map((n) => anAction('n1', n));
        await store.importActions('n1', actions, [
          anUpdate('n1', '1.6', { note: 'first' }),
          anUpdate('n1', '1.6', { note: 'second', status: 'amber' }),
          anUpdate('n1', '2.1'),
        ]);
        await store.importActions('n2', [anAction('n2', '1.1')], []);
        assert.deepStrictEqual(
          (await store.listActions('n1')).map((a) => a.number),
          ['1.2', '1.6', '1.10', '2.1'],
        );
        assert.deepStrictEqual(await store.getAction('n1', '1.6'), anAction('n1', '1.6'));
        assert.equal(await store.getAction('n1', '9.9'), null);
        assert.equal(await store.getAction('n2', '1.6'), null);
        assert.deepStrictEqual(await store.listActionUpdates('n1', '1.6'), [
          anUpdate('n1', '1.6', { note: 'first' }),
          anUpdate('n1', '1.6', { note: 'second', status: 'amber' }),
        ]);
        assert.deepStrictEqual(await store.listActionUpdates('n1', '1.2'), []);
      });

      it('replaces an imported action by number and appends to its history', async function () {
        await store.importActions('n1', [anAction('n1', '1.6')], [anUpdate('n1', '1.6', { note: 'one' })]);
        const reimported = anAction('n1', '1.6', {
          title: 'Renamed',
          status: 'green',
          note: 'Done',
          evidence: 'https://example.ac.uk/report',
          updatedAt: at(1000),
          version: 3,
        });
        await store.importActions('n1', [reimported], [anUpdate('n1', '1.6', { note: 'two', at: at(1000) })]);
        assert.deepStrictEqual(await store.listActions('n1'), [reimported]);
        assert.deepStrictEqual(
          (await store.listActionUpdates('n1', '1.6')).map((u) => u.note),
          ['one', 'two'],
        );
      });

      it('updates an action at the expected version and appends the update', async function () {
        await store.importActions('n1', [anAction('n1', '1.6')], [anUpdate('n1', '1.6')]);
        const amber = anAction('n1', '1.6', {
          status: 'amber',
          note: 'Open day booked',
          evidence: 'poster.pdf',
          updatedAt: at(200),
          version: 2,
        });
        const update = anUpdate('n1', '1.6', {
          at: at(200),
          by: 'm1',
          byName: 'Ada',
          status: 'amber',
          note: 'Open day booked',
          evidence: 'poster.pdf',
        });
        assert.equal(await store.updateAction(amber, 1, update), true);
        assert.deepStrictEqual(await store.getAction('n1', '1.6'), amber);

        const green = { ...amber, status: 'green' as const, updatedAt: at(300), version: 3 };
        const second = { ...update, at: at(300), status: 'green' as const, note: 'Held' };
        assert.equal(await store.updateAction(green, 2, second), true);
        assert.deepStrictEqual(await store.listActionUpdates('n1', '1.6'), [
          anUpdate('n1', '1.6'),
          update,
          second,
        ]);
      });

      it('refuses an update at a stale version and changes nothing', async function () {
        await store.importActions('n1', [anAction('n1', '1.6', { version: 4 })], [anUpdate('n1', '1.6')]);
        const stale = anAction('n1', '1.6', { status: 'green', version: 4 });
        const refused = await store.updateAction(stale, 3, anUpdate('n1', '1.6', { note: 'lost' }));
        assert.equal(refused, false);
        assert.deepStrictEqual(await store.getAction('n1', '1.6'), anAction('n1', '1.6', { version: 4 }));
        assert.deepStrictEqual(await store.listActionUpdates('n1', '1.6'), [anUpdate('n1', '1.6')]);
      });

      it('lets exactly one of two concurrent updates at the same version win', async function () {
        await store.importActions('n1', [anAction('n1', '1.6')], []);
        const attempt = (note: string) =>
          store.updateAction(
            anAction('n1', '1.6', { note, version: 2 }),
            1,
            anUpdate('n1', '1.6', { note }),
          );
        const outcomes = await Promise.all([attempt('a'), attempt('b')]);
        assert.deepStrictEqual([...outcomes].sort(), [false, true]);
        const winner = outcomes[0] ? 'a' : 'b';
        assert.equal((await store.getAction('n1', '1.6'))?.note, winner);
        assert.deepStrictEqual(
          (await store.listActionUpdates('n1', '1.6')).map((u) => u.note),
          [winner],
        );
      });

      it('refuses an update of an action that does not exist', async function () {
        const outcome = await store.updateAction(anAction('n1', '7.7', { version: 2 }), 1, anUpdate('n1', '7.7'));
        assert.equal(outcome, false);
        assert.equal(await store.getAction('n1', '7.7'), null);
      });
    });

    describe('plans', function () {
      beforeEach(async function () {
        await withNetworks('n1', 'n2');
      });

      it('keeps plans per network, oldest first, with one current', async function () {
        const next = aPlan('n1', 'p2', { name: 'Stage Two plan', stage: 'stage-two', state: 'draft', createdAt: at(2), end: '2028-12-31' });
        await store.createPlan(next);
        assert.deepStrictEqual((await store.listPlans('n1')).map((p) => p.id), ['p1', 'p2']);
        assert.deepStrictEqual(await store.getPlan('n1', 'p2'), next);
        assert.equal((await store.getCurrentPlan('n1'))?.id, 'p1');
        assert.equal(await store.getPlan('n2', 'p2'), null);
        await assert.rejects(store.createPlan(aPlan('n1', 'p3', { createdAt: at(3) })));
        assert.equal((await store.listPlans('n1')).length, 2);
      });

      it('closes a plan with its RAG snapshot, and makes another current', async function () {
        const snapshot = { at: '2026-12-31', counts: { red: 1, amber: 0, green: 0 }, actions: [{ number: '1.6', title: 'Raise visibility', theme: 'Visibility' as const, status: 'red' as const, note: 'Covid' }] };
        const closed = { ...aPlan('n1', 'p1'), state: 'closed' as const, closedAt: at(9), ragAtClose: snapshot };
        await store.updatePlan(closed);
        assert.equal(await store.getCurrentPlan('n1'), null);
        assert.deepStrictEqual(await store.getPlan('n1', 'p1'), closed);
        await store.createPlan(aPlan('n1', 'p2', { createdAt: at(10) }));
        assert.equal((await store.getCurrentPlan('n1'))?.id, 'p2');
      });

      it('keeps the same action number apart in two plans, and lists the current plan without a plan id', async function () {
        await store.updatePlan(aPlan('n1', 'p1', { state: 'closed', closedAt: at(9) }));
        await store.createPlan(aPlan('n1', 'p2', { createdAt: at(10) }));
        const old = anAction('n1', '1.6');
        const carried = anAction('n1', '1.6', { planId: 'p2', status: 'amber', carriedFrom: { planId: 'p1', number: '1.6' } });
        await store.importActions('n1', [old], [anUpdate('n1', '1.6', { note: 'old plan' })]);
        await store.importActions('n1', [carried], [anUpdate('n1', '1.6', { planId: 'p2', note: 'carried' })]);
        assert.deepStrictEqual(await store.listActions('n1', 'p1'), [old]);
        assert.deepStrictEqual(await store.listActions('n1'), [carried]);
        assert.deepStrictEqual(await store.getAction('n1', '1.6'), carried);
        assert.deepStrictEqual(await store.getAction('n1', '1.6', 'p1'), old);
        assert.deepStrictEqual((await store.listActionUpdates('n1', '1.6', 'p1')).map((u) => u.note), ['old plan']);
        assert.deepStrictEqual((await store.listActionUpdates('n1', '1.6')).map((u) => u.note), ['carried']);
        assert.equal((await store.listActionUpdatesInPeriod('n1', at(0), at(100))).length, 2);
      });

      it('removes actions of one plan with their history', async function () {
        await store.importActions('n1', ['1.1', '1.2', '1.3'].map((n) => anAction('n1', n)), [anUpdate('n1', '1.2')]);
        await store.removeActions('n1', 'p1', ['1.2', '1.3']);
        assert.deepStrictEqual((await store.listActions('n1', 'p1')).map((a) => a.number), ['1.1']);
        assert.deepStrictEqual(await store.listActionUpdates('n1', '1.2', 'p1'), []);
      });

      it('has no actions for a network without a current plan', async function () {
        await store.updatePlan(aPlan('n1', 'p1', { state: 'closed', closedAt: at(9) }));
        await store.importActions('n1', [anAction('n1', '1.1')], []);
        assert.deepStrictEqual(await store.listActions('n1'), []);
        assert.equal(await store.getAction('n1', '1.1'), null);
      });
    });

    describe('processed events', function () {
      it('is true the first time a key is seen and false after', async function () {
        assert.equal(await store.markProcessed('teams:activity-1', at(0)), true);
        assert.equal(await store.markProcessed('teams:activity-1', at(1)), false);
        assert.equal(await store.markProcessed('slack:activity-1', at(1)), true);
      });

      it('is true for exactly one of concurrent marks', async function () {
        const outcomes = await Promise.all([1, 2, 3].map(() => store.markProcessed('k', at(0))));
        assert.deepStrictEqual(outcomes.filter(Boolean), [true]);
      });

      it('prunes keys recorded before a time', async function () {
        await store.markProcessed('old', at(0));
        await store.markProcessed('new', at(10));
        assert.equal(await store.pruneProcessed(at(10)), 1);
        assert.equal(await store.markProcessed('old', at(20)), true);
        assert.equal(await store.markProcessed('new', at(20)), false);
      });
    });

    describe('outbox', function () {
      it('adds deliveries once by id and round-trips every field', async function () {
        const first = [aDelivery('u1'), aDelivery('u2', { platform: 'slack', address: 'U2' })];
        assert.equal(await store.enqueueDeliveries(first), 2);
        const again = [aDelivery('u1', { payload: '{"text":"replaced?"}' }), aDelivery('u3')];
        assert.equal(await store.enqueueDeliveries(again), 1);
        assert.equal(await store.enqueueDeliveries([]), 0);

        const listed = await store.listDeliveries(aDelivery('u1').jobKey);
        assert.deepStrictEqual(ids(listed), ids([...first, aDelivery('u3')]));
        assert.deepStrictEqual(listed.find((d) => d.recipientKey === 'u1'), aDelivery('u1'));
        assert.deepStrictEqual(listed.find((d) => d.recipientKey === 'u2'), first[1]);
      });

      it('lists deliveries of one job only', async function () {
        await store.enqueueDeliveries([aDelivery('u1'), aDelivery('u1', { jobKey: 'summary:f1:2025-03' })]);
        const listed = await store.listDeliveries('summary:f1:2025-03');
        assert.deepStrictEqual(listed, [aDelivery('u1', { jobKey: 'summary:f1:2025-03' })]);
      });

      it('claims due pending deliveries and records the claim', async function () {
        await store.enqueueDeliveries([
          aDelivery('due', { notBefore: at(0) }),
          aDelivery('exactly-now', { notBefore: at(10) }),
          aDelivery('later', { notBefore: at(11) }),
          aDelivery('sent', { state: 'sent', sentAt: at(1) }),
          aDelivery('unreachable', { state: 'unreachable' }),
        ]);
        const claimed = await store.claimDeliveries('instance-a', at(10), at(15), 10);
        assert.deepStrictEqual(ids(claimed), ids([aDelivery('due'), aDelivery('exactly-now')]));
        assert.deepStrictEqual(
          claimed.find((d) => d.recipientKey === 'due'),
          aDelivery('due', { claimedBy: 'instance-a', claimedUntil: at(15) }),
        );
        const stored = await store.listDeliveries(aDelivery('due').jobKey);
        assert.deepStrictEqual(
          stored.filter((d) => d.claimedBy === 'instance-a').map((d) => d.claimedUntil),
          [at(15), at(15)],
        );
      });

      it('claims at most the limit, earliest notBefore first', async function () {
        await store.enqueueDeliveries([
          aDelivery('c', { notBefore: at(3) }),
          aDelivery('a', { notBefore: at(1) }),
          aDelivery('b', { notBefore: at(2) }),
        ]);
        assert.deepStrictEqual(await store.claimDeliveries('x', at(10), at(20), 0), []);
        const claimed = await store.claimDeliveries('x', at(10), at(20), 2);
        assert.deepStrictEqual(claimed.map((d) => d.recipientKey), ['a', 'b']);
        assert.deepStrictEqual(
          (await store.claimDeliveries('x', at(10), at(20), 2)).map((d) => d.recipientKey),
          ['c'],
        );
      });

      it('does not hand out a delivery while its claim lasts, but does once it lapses', async function () {
        await store.enqueueDeliveries([aDelivery('u1')]);
        assert.equal((await store.claimDeliveries('a', at(1), at(5), 10)).length, 1);
        assert.deepStrictEqual(await store.claimDeliveries('b', at(2), at(6), 10), []);
        assert.deepStrictEqual(await store.claimDeliveries('a', at(4), at(8), 10), []);
        const takenOver = await store.claimDeliveries('b', at(5), at(9), 10);
        assert.deepStrictEqual(takenOver, [aDelivery('u1', { claimedBy: 'b', claimedUntil: at(9) })]);
        assert.equal((await store.listDeliveries(aDelivery('u1').jobKey))[0].claimedBy, 'b');
      });

      it('never gives two concurrent claimers the same delivery', async function () {
        const deliveries = Array.from({ length: 20 }, (_, i) => aDelivery(`u${i}`));
        await store.enqueueDeliveries(deliveries);
        const [a, b] = await Promise.all([
          store.claimDeliveries('a', at(1), at(10), 15),
          store.claimDeliveries('b', at(1), at(10), 15),
        ]);
        const overlap = a.filter((d) => b.some((other) => other.id === d.id));
        assert.deepStrictEqual(overlap, []);
        const rest = await store.claimDeliveries('c', at(1), at(10), 20);
        assert.equal(a.length + b.length + rest.length, 20);
      });

      it('persists a finished delivery', async function () {
        await store.enqueueDeliveries([aDelivery('sent'), aDelivery('retry'), aDelivery('gone')]);
        const claimed = await store.claimDeliveries('a', at(1), at(5), 10);
        const byRecipient = new Map(claimed.map((d) => [d.recipientKey, d]));
        const sent: Delivery = { ...byRecipient.get('sent')!, state: 'sent', attempts: 1, sentAt: at(2) };
        const retry: Delivery = {
          ...byRecipient.get('retry')!,
          attempts: 1,
          notBefore: at(30),
          claimedBy: null,
          claimedUntil: null,
          lastError: '429 Too Many Requests',
        };
        const gone: Delivery = {
          ...byRecipient.get('gone')!,
          state: 'unreachable',
          attempts: 1,
          lastError: '403 Forbidden',
        };
        for (const delivery of [sent, retry, gone]) await store.finishDelivery(delivery);

        const stored = await store.listDeliveries(aDelivery('sent').jobKey);
        assert.deepStrictEqual(stored.find((d) => d.recipientKey === 'sent'), sent);
        assert.deepStrictEqual(stored.find((d) => d.recipientKey === 'retry'), retry);
        assert.deepStrictEqual(stored.find((d) => d.recipientKey === 'gone'), gone);

        assert.deepStrictEqual(await store.claimDeliveries('b', at(29), at(40), 10), []);
        const retried = await store.claimDeliveries('b', at(30), at(40), 10);
        assert.deepStrictEqual(retried.map((d) => d.recipientKey), ['retry']);
      });
    });

    describe('leases', function () {
      it('refuses a held lease to another holder until it lapses', async function () {
        assert.equal(await store.acquireLease('scheduler', 'a', at(0), at(5)), true);
        assert.equal(await store.acquireLease('scheduler', 'b', at(1), at(6)), false);
        assert.equal(await store.acquireLease('scheduler', 'b', at(4), at(9)), false);
        assert.equal(await store.acquireLease('scheduler', 'b', at(5), at(10)), true);
        assert.equal(await store.acquireLease('scheduler', 'a', at(6), at(11)), false);
      });

      it('lets its holder renew it, extending it', async function () {
        assert.equal(await store.acquireLease('scheduler', 'a', at(0), at(5)), true);
        assert.equal(await store.acquireLease('scheduler', 'a', at(4), at(9)), true);
        assert.equal(await store.acquireLease('scheduler', 'b', at(6), at(11)), false);
        assert.equal(await store.acquireLease('scheduler', 'b', at(9), at(14)), true);
      });

      it('keeps leases apart by name', async function () {
        assert.equal(await store.acquireLease('reminders', 'a', at(0), at(5)), true);
        assert.equal(await store.acquireLease('summaries', 'b', at(0), at(5)), true);
      });

      it('grants a free lease to exactly one of concurrent takers', async function () {
        const outcomes = await Promise.all(
          ['a', 'b', 'c'].map((holder) => store.acquireLease('scheduler', holder, at(0), at(5))),
        );
        assert.deepStrictEqual(outcomes.filter(Boolean), [true]);
      });
    });

    describe('send budget', function () {
      const T0 = Date.parse('2025-03-03T09:00:00.000Z');
      const SEVEN_A_SECOND = [{ limit: 7, perMs: 1_000 }];

      it('hands out evenly spaced send slots, each to one reserver, however many ask at once', async function () {
        const firsts = await Promise.all(Array.from({ length: 6 }, () => store.reserveSendSlots('platform:teams', 5, 10, T0)));
        const slots = firsts.flatMap((first) => Array.from({ length: 5 }, (_, i) => first + i * 10)).sort((a, b) => a - b);
        assert.deepStrictEqual(slots, Array.from({ length: 30 }, (_, i) => T0 + i * 10), 'thirty slots, 10 ms apart, none given twice');
      });

      it('starts slots no earlier than asked, and does not bank time nobody used', async function () {
        assert.equal(await store.reserveSendSlots('platform:slack', 2, 100, T0), T0);
        assert.equal(await store.reserveSendSlots('platform:slack', 1, 100, T0 + 50), T0 + 200, 'after the two slots taken');
        assert.equal(await store.reserveSendSlots('platform:slack', 1, 100, T0 + 5_000), T0 + 5_000, 'an idle budget starts now');
        assert.equal(await store.reserveSendSlots('platform:teams', 1, 100, T0), T0, 'budgets are apart by name');
      });

      it('holds every slot back until a Retry-After has passed', async function () {
        await store.reserveSendSlots('platform:teams', 0, 10, T0 + 3_000);
        assert.equal(await store.reserveSendSlots('platform:teams', 1, 10, T0), T0 + 3_000);
        await store.reserveSendSlots('platform:teams', 0, 10, T0 + 1_000);
        assert.equal(await store.reserveSendSlots('platform:teams', 1, 10, T0), T0 + 3_010, 'a shorter pause does not undo a longer one');
      });

      it('records a conversation’s sends within its limit and names the earliest time for the next', async function () {
        for (let i = 0; i < 7; i++) assert.equal(await store.reserveConversationSend('teams|chat-1', SEVEN_A_SECOND, T0 + i), T0 + i);
        const next = await store.reserveConversationSend('teams|chat-1', SEVEN_A_SECOND, T0 + 10);
        assert.ok(next >= T0 + 1_000, `the eighth send within a second is refused until ${next - T0} ms`);
        assert.equal(await store.reserveConversationSend('teams|chat-1', SEVEN_A_SECOND, next), next, 'and allowed then');
        assert.equal(await store.reserveConversationSend('teams|chat-2', SEVEN_A_SECOND, T0 + 10), T0 + 10, 'another conversation is not held up');
      });

      it('keeps an hourly limit, and lets the conversation send again once the hour has passed', async function () {
        const hourly = [{ limit: 2, perMs: 3_600_000 }];
        assert.equal(await store.reserveConversationSend('teams|chat-1', hourly, T0), T0);
        assert.equal(await store.reserveConversationSend('teams|chat-1', hourly, T0 + 60_000), T0 + 60_000);
        const next = await store.reserveConversationSend('teams|chat-1', hourly, T0 + 120_000);
        assert.ok(next >= T0 + 3_600_000, 'the third waits for the first to leave the hour');
        assert.equal(await store.reserveConversationSend('teams|chat-1', hourly, T0 + 3_700_000), T0 + 3_700_000);
      });

      it('gives a conversation’s one free send to exactly one of concurrent senders', async function () {
        const oneASecond = [{ limit: 1, perMs: 1_000 }];
        const outcomes = await Promise.all(Array.from({ length: 4 }, () => store.reserveConversationSend('slack|C0FORUM', oneASecond, T0)));
        assert.equal(outcomes.filter((t) => t === T0).length, 1);
        assert.ok(outcomes.filter((t) => t !== T0).every((t) => t >= T0 + 1_000));
      });
    });

    describe('summaries and replies', function () {
      beforeEach(async function () {
        await withNetworks('n1', 'n2');
      });

      it('counts answers of the given rounds by value and platform only', async function () {
        await store.createPulseQuestion(aQuestion('n1'), 'q');
        for (const id of ['r1', 'r2', 'r3']) await store.createRound(aRound('n1', id, 1));
        await store.saveAnswer(anAnswer('r1', 'a', { value: 'Conferences', platform: 'teams' }));
        await store.saveAnswer(anAnswer('r1', 'b', { value: 'Conferences', platform: 'teams' }));
        await store.saveAnswer(anAnswer('r1', 'c', { value: 'Conferences', platform: 'slack' }));
        await store.saveAnswer(anAnswer('r2', 'a', { value: 'Secondments', platform: 'slack' }));
        await store.saveAnswer(anAnswer('r3', 'a', { value: 'Secondments', platform: 'slack' }));
        const counts = (await store.countAnswers([aRound('n1', 'r1', 1), aRound('n1', 'r2', 1)]))
          .map((c) => `${c.roundId} ${c.value} ${c.platform} ${c.count}`)
          .sort();
        assert.deepStrictEqual(counts, ['r1 Conferences slack 1', 'r1 Conferences teams 2', 'r2 Secondments slack 1']);
        assert.deepStrictEqual(await store.countAnswers([]), []);
      });

      it('counts feedback of a period by theme, status, platform and linked action', async function () {
        await store.createFeedback(someFeedback('n1', { createdAt: at(10) }), 'a');
        await store.createFeedback(someFeedback('n1', { createdAt: at(11) }), 'b');
        await store.createFeedback(someFeedback('n1', { createdAt: at(12), status: 'linked', linkedAction: '2.1' }), 'c');
        await store.createFeedback(someFeedback('n1', { createdAt: at(50) }), 'd');
        await store.createFeedback(someFeedback('n2', { createdAt: at(10) }), 'e');
        const counts = (await store.countFeedback('n1', at(10), at(50)))
          .map((c) => `${c.theme} ${c.status} ${c.platform} ${c.linkedAction} ${c.count}`)
          .sort();
        assert.deepStrictEqual(counts, ['Recognition linked teams 2.1 1', 'Recognition new teams null 2']);
      });

      it('lists a network’s action updates made in a half-open period, oldest first', async function () {
        await store.importActions('n1', [anAction('n1', '1.1'), anAction('n1', '1.2')], [
          anUpdate('n1', '1.1', { at: at(5) }),
          anUpdate('n1', '1.2', { at: at(20), status: 'amber' }),
          anUpdate('n1', '1.1', { at: at(10), status: 'green' }),
        ]);
        await store.importActions('n2', [anAction('n2', '1.1')], [anUpdate('n2', '1.1', { at: at(10) })]);
        const listed = await store.listActionUpdatesInPeriod('n1', at(10), at(20));
        assert.deepStrictEqual(listed, [anUpdate('n1', '1.1', { at: at(10), status: 'green' })]);
      });

      it('keeps a sealed reply handle per feedback item, first write wins', async function () {
        await store.saveReplyHandle('n1', 7, 'sealed-one');
        await store.saveReplyHandle('n1', 7, 'sealed-two');
        assert.equal(await store.getReplyHandle('n1', 7), 'sealed-one');
        assert.equal(await store.getReplyHandle('n2', 7), null);
        assert.equal(await store.getReplyHandle('n1', 8), null);
      });
    });
    describe('self-assessment submission', function () {
      const profile = (networkId: string, overrides: Partial<InstitutionProfile> = {}): InstitutionProfile => ({
        networkId,
        leadName: 'Dr Ada Lovelace, Director of Technical Services',
        leadEmail: 'ada.lovelace@example.ac.uk',
        leadPhone: '0151 794 2193',
        headName: 'Professor Jane Doe, Vice-Chancellor',
        signatoryDate: '2017-10-01',
        webPage: 'https://example.ac.uk/technicians/commitment',
        governance: 'Steering group chaired by the Director.\n• Reports to the Senior Leadership Team',
        stage: 'two',
        planPeriod: 'April 2021 – March 2024',
        updatedAt: at(5),
        ...overrides,
      });
      const consultation = (networkId: string, id: string, heldOn: string, overrides: Partial<Consultation> = {}): Consultation => ({
        networkId,
        id,
        heldOn,
        kind: 'workshop',
        participants: 23,
        summary: 'Career pathways – what’s missing?\n• mentoring\n• clearer grades',
        actionsShaped: ['3.1', '3.2'],
        createdAt: at(6),
        ...overrides,
      });

      it('keeps one institution profile per network and replaces it when saved again', async function () {
        await withNetworks('n1', 'n2');
        assert.equal(await store.getInstitutionProfile('n1'), null);
        await store.saveInstitutionProfile(profile('n1'));
        await store.saveInstitutionProfile(profile('n2', { leadName: 'Someone else' }));
        await store.saveInstitutionProfile(profile('n1', { webPage: 'https://example.ac.uk/tc', updatedAt: at(9) }));
        assert.deepStrictEqual(await store.getInstitutionProfile('n1'), profile('n1', { webPage: 'https://example.ac.uk/tc', updatedAt: at(9) }));
        assert.equal((await store.getInstitutionProfile('n2'))!.leadName, 'Someone else');
      });

      it('keeps narrative sections per plan, replacing a section when saved again', async function () {
        await withNetworks('n1', 'n2');
        const section = (planId: string, key: NarrativeSection['section'], text: string, minutes = 1): NarrativeSection => ({ networkId: 'n1', planId, section: key, text, updatedAt: at(minutes) });
        await store.saveNarrativeSection(section('p1', 'approach', 'First draft'));
        await store.saveNarrativeSection(section('p1', 'voice', 'Forums and pulses'));
        await store.saveNarrativeSection(section('p2', 'approach', 'The next plan'));
        await store.saveNarrativeSection({ ...section('p1', 'approach', 'Elsewhere'), networkId: 'n2' });
        await store.saveNarrativeSection(section('p1', 'approach', 'Second draft\n\n• with a list', 7));
        const sorted = (list: NarrativeSection[]) => [...list].sort((a, b) => a.section.localeCompare(b.section));
        assert.deepStrictEqual(sorted(await store.listNarrativeSections('n1', 'p1')), [section('p1', 'approach', 'Second draft\n\n• with a list', 7), section('p1', 'voice', 'Forums and pulses')]);
        assert.deepStrictEqual(await store.listNarrativeSections('n1', 'p2'), [section('p2', 'approach', 'The next plan')]);
        assert.deepStrictEqual(await store.listNarrativeSections('n1', 'p3'), []);
      });

      it('records a consultation once per id and lists them by the date held', async function () {
        await withNetworks('n1', 'n2');
        assert.deepStrictEqual(await store.addConsultation(consultation('n1', 'c2', '2024-05-01')), { value: consultation('n1', 'c2', '2024-05-01'), created: true });
        await store.addConsultation(consultation('n1', 'c1', '2024-03-12', { kind: 'town hall', actionsShaped: [] }));
        await store.addConsultation(consultation('n2', 'c1', '2020-01-01'));
        const retried = await store.addConsultation(consultation('n1', 'c2', '2024-05-01', { participants: 99 }));
        assert.deepStrictEqual(retried, { value: consultation('n1', 'c2', '2024-05-01'), created: false });
        assert.deepStrictEqual(await store.listConsultations('n1'), [consultation('n1', 'c1', '2024-03-12', { kind: 'town hall', actionsShaped: [] }), consultation('n1', 'c2', '2024-05-01')]);
      });

      it('marks and unmarks feedback as quotable per network', async function () {
        await withNetworks('n1', 'n2');
        await store.setQuotable('n1', 12, true);
        await store.setQuotable('n1', 3, true);
        await store.setQuotable('n1', 3, true);
        await store.setQuotable('n2', 5, true);
        assert.deepStrictEqual(await store.listQuotable('n1'), [3, 12]);
        await store.setQuotable('n1', 12, false);
        await store.setQuotable('n1', 40, false);
        assert.deepStrictEqual(await store.listQuotable('n1'), [3]);
        assert.deepStrictEqual(await store.listQuotable('n2'), [5]);
      });
    });

    describe('privacy', function () {
      beforeEach(async function () {
        await withNetworks('n1', 'n2');
        await store.upsertMember(aMember('n1', 'm1'));
        await store.upsertMember(aMember('n1', 'm2'));
        await store.upsertMember(aMember('n2', 'm1'));
      });

      it('forgets a member: record gone, named records anonymised, anonymous and other people untouched', async function () {
        const named = (await store.createFeedback(someFeedback('n1', { authorMemberId: 'm1' }), 'a')).value;
        const anonymous = (await store.createFeedback(someFeedback('n1', { anonymous: true, authorMemberId: null }), 'b')).value;
        const other = (await store.createFeedback(someFeedback('n1', { authorMemberId: 'm2' }), 'c')).value;
        await store.saveReplyHandle('n1', named.number, 'sealed-m1');
        await store.saveReplyHandle('n1', anonymous.number, 'sealed-anon');
        await store.createPulseQuestion(aQuestion('n1'), 'q');
        await store.createRound(aRound('n1', 'r1', 1));
        await store.saveAnswer(anAnswer('r1', 'k1', { memberId: 'm1' }));
        await store.saveAnswer(anAnswer('r1', 'k2', { memberId: 'm2' }));
        await store.importActions('n1', [anAction('n1', '1.1')], [anUpdate('n1', '1.1'), anUpdate('n1', '1.1', { by: 'm1', byName: 'Member m1', at: at(6) })]);
        await store.appendAudit({ networkId: 'n1', at: at(7), actorId: 'm1', actorName: 'Member m1', act: 'roles.set', detail: 'm2' });

        const counts = await store.forgetMember('n1', 'm1');
        assert.deepStrictEqual(counts, { feedback: 1, answers: 1, actionUpdates: 1 });
        assert.equal(await store.getMember('n1', 'm1'), null);
        assert.ok(await store.getMember('n2', 'm1'), 'the same id in another network is another person');
        assert.deepStrictEqual(await store.getFeedback('n1', named.number), { ...named, authorMemberId: null, anonymous: true });
        assert.deepStrictEqual(await store.getFeedback('n1', anonymous.number), anonymous);
        assert.deepStrictEqual(await store.getFeedback('n1', other.number), other);
        assert.equal(await store.getReplyHandle('n1', named.number), null);
        assert.equal(await store.getReplyHandle('n1', anonymous.number), 'sealed-anon');
        assert.deepStrictEqual((await store.listAnswers('r1')).map((a) => [a.respondentKey, a.memberId]), [['k1', null], ['k2', 'm2']]);
        assert.deepStrictEqual((await store.listActionUpdates('n1', '1.1')).map((u) => [u.by, u.byName]), [['import', 'Plan import'], ['forgotten', '']]);
        assert.deepStrictEqual((await store.listAudit('n1', at(0), at(100))).map((e) => [e.actorId, e.actorName]), [['forgotten', '']]);
        assert.deepStrictEqual(await store.listAnswersByMember('n1', 'm1'), []);
      });

      it('lists a member’s named answers in their network, newest first', async function () {
        await store.createPulseQuestion(aQuestion('n1'), 'q');
        await store.createRound(aRound('n1', 'r1', 1));
        await store.createRound(aRound('n1', 'r2', 1));
        await store.saveAnswer(anAnswer('r1', 'k1', { memberId: 'm1', answeredAt: at(90) }));
        await store.saveAnswer(anAnswer('r2', 'k1', { memberId: 'm1', answeredAt: at(95) }));
        await store.saveAnswer(anAnswer('r2', 'k2', { memberId: 'm2' }));
        await store.saveAnswer(anAnswer('r2', 'k3', { memberId: null }));
        assert.deepStrictEqual((await store.listAnswersByMember('n1', 'm1')).map((a) => a.roundId), ['r2', 'r1']);
        assert.deepStrictEqual(await store.listAnswersByMember('n2', 'm1'), []);
      });

      it('deletes feedback older than its cut-off with its reply handles, and answers of rounds closed before theirs, in one network', async function () {
        const old = (await store.createFeedback(someFeedback('n1', { createdAt: at(10) }), 'a')).value;
        const recent = (await store.createFeedback(someFeedback('n1', { createdAt: at(500) }), 'b')).value;
        const elsewhere = (await store.createFeedback(someFeedback('n2', { createdAt: at(10) }), 'c')).value;
        await store.saveReplyHandle('n1', old.number, 'sealed');
        await store.createPulseQuestion(aQuestion('n1'), 'q');
        await store.createRound(aRound('n1', 'r1', 1, { closesAt: at(95) }));
        await store.createRound(aRound('n1', 'r2', 1, { closesAt: at(600) }));
        await store.saveAnswer(anAnswer('r1', 'k1', { answeredAt: at(90) }));
        await store.saveAnswer(anAnswer('r2', 'k2', { answeredAt: at(90) }));
        assert.deepStrictEqual(await store.deleteExpired('n1', at(100), at(100)), { feedback: 1, answers: 1 });
        assert.equal(await store.getFeedback('n1', old.number), null);
        assert.equal(await store.getReplyHandle('n1', old.number), null);
        assert.ok(await store.getFeedback('n1', recent.number));
        assert.ok(await store.getFeedback('n2', elsewhere.number));
        assert.deepStrictEqual(await store.listAnswers('r1'), []);
        assert.deepStrictEqual((await store.listAnswers('r2')).map((a) => a.respondentKey), ['k2']);
        assert.deepStrictEqual(await store.deleteExpired('n1', null, null), { feedback: 0, answers: 0 });
      });

      it('keeps an audit log per network, listed oldest first in a half-open period', async function () {
        const entry = (minutes: number, act: string) => ({ networkId: 'n1', at: at(minutes), actorId: 'm1', actorName: 'Member m1', act, detail: 'FB-1' });
        await store.appendAudit(entry(20, 'second'));
        await store.appendAudit(entry(10, 'first'));
        await store.appendAudit(entry(30, 'outside'));
        await store.appendAudit({ ...entry(15, 'other network'), networkId: 'n2' });
        assert.deepStrictEqual(await store.listAudit('n1', at(10), at(30)), [entry(10, 'first'), entry(20, 'second')]);
      });

      it('round-trips a network’s retention policy', async function () {
        const network = aNetwork('n3', { retention: { feedbackDays: 365, answersDays: null } });
        await store.createNetwork(network);
        assert.deepStrictEqual(await store.getNetwork('n3'), network);
      });
    });
  });
}
