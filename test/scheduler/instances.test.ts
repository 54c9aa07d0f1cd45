import { actionOf, currentPlanId } from '../support/plans';
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import type { Store } from '../../src/core/store';
import { TEST_STORE } from '../support/test-store';
import { Scheduler } from '../../src/scheduler/scheduler';
import { createLogger } from '../../src/log';
import type { CoreDeps } from '../../src/core/deps';
import { OutboxWorld, teamsAddress } from './support/outbox-world';
import { saveSchedule, scheduleKey } from '../../src/core/summary/report-schedules';

describe(`Scheduler: two instances on one ${TEST_STORE === 'cosmos' ? 'Cosmos DB database' : 'SQLite file'}`, () => {
  let world: OutboxWorld;
  let second: Store;
  beforeEach(async () => {
    world = await OutboxWorld.start({ quietHours: null, quietWeekends: false });
    second = await world.openAnother();
  });
  afterEach(async () => {
    sinon.restore();
    await second.close();
    await world.close();
  });

  it('sends each (job, recipient) exactly once when both tick and send at the same time', async () => {
    sinon.useFakeTimers({ now: Date.parse('2026-07-06T08:00:00Z'), toFake: ['Date'] }); // first Monday, 09:00 London
    const people = await world.members(20);
    const chair = (await world.store.getMember(world.network.id, people[0].key))!;
    await world.store.upsertMember({ ...chair, roles: ['member', 'chair'] });
    await world.store.upsertForum({
      id: 'forum-1',
      networkId: world.network.id,
      platform: 'teams',
      channelId: '19:forum',
      name: 'Technicians’ Network',
      address: teamsAddress(world.connector.url, '19:forum'),
      language: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const planId = await currentPlanId(world.store, world.network.id);
    await world.store.importActions(
      world.network.id,
      people.map((_, i) =>
        actionOf(world.network.id, planId, {
          number: `1.${i + 1}`,
          title: `Action ${i + 1}`,
          theme: 'Recognition',
          owner: `person.${i}@example.ac.uk`,
          due: '2026-07-20',
          status: 'amber',
          updatedAt: '2026-07-01T09:00:00.000Z',
        }),
      ),
      [],
    );
    const instance = (store: Store, name: string) => {
      const outbox = world.outbox({ holder: `outbox-${name}`, batchSize: 5 }, store);
      const deps: CoreDeps = { store, secret: 'shared-secret', outbox };
      // A lease of 0 ms is never held: both instances do all the work, the worst case.
      return { outbox, scheduler: new Scheduler(deps, createLogger('silent'), { holder: `scheduler-${name}`, leaseMs: 0 }) };
    };
    const a = instance(world.store, 'a');
    const b = instance(second, 'b');
    const [resultA, resultB] = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    await Promise.all([a.outbox.drain(), b.outbox.drain(), a.outbox.drain(), b.outbox.drain()]);

    assert.ok(resultA && resultB, 'both instances ran the tick');
    const queued = (resultA?.reminders ?? 0) + (resultB?.reminders ?? 0);
    assert.equal(queued, 20, 'twenty reminders queued between them, not forty');
    const received = world.receivedBy();
    for (let i = 0; i < 20; i++) {
      assert.equal(received.get(`a:person-${i}`), i === 0 ? 2 : 1, `person ${i}: one reminder${i === 0 ? ' and one digest' : ''}`);
    }
    assert.equal(received.get('19:forum'), 1, 'one summary in the forum');
    assert.equal(world.connector.sent.length, 22);
  });

  it('sends a missed slot of a network’s digest schedule and a forum’s summary schedule once, when both catch up', async () => {
    const clock = sinon.useFakeTimers({ now: Date.parse('2026-07-01T09:00:00Z'), toFake: ['Date'] }); // Wednesday 1 July
    const people = await world.members(3);
    for (const person of people) {
      const member = (await world.store.getMember(world.network.id, person.key))!;
      await world.store.upsertMember({ ...member, roles: ['member', 'chair'] });
    }
    const forum = (id: string) => ({
      id,
      networkId: world.network.id,
      platform: 'teams' as const,
      channelId: `19:${id}`,
      name: id,
      address: teamsAddress(world.connector.url, `19:${id}`),
      language: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await world.store.upsertForum(forum('forum-own'));
    await world.store.upsertForum(forum('forum-network'));
    const deps = (store: Store, name: string): CoreDeps => ({ store, secret: 'shared-secret', outbox: world.outbox({ holder: `outbox-${name}`, batchSize: 5 }, store) });
    const a = deps(world.store, 'a');
    const b = deps(second, 'b');
    const setAt = new Date();
    await saveSchedule(a, scheduleKey('digest', world.network.id), '0 16 * * 5', setAt); // Fridays 16:00
    await saveSchedule(a, scheduleKey('summary', world.network.id), '0 10 * * 4', setAt); // Thursdays 10:00
    await saveSchedule(b, scheduleKey('summary', world.network.id, 'forum-own'), '30 11 * * 5', setAt); // Fridays 11:30

    // Nothing ran on Thursday or Friday; both instances come back on Saturday (this network has no quiet time).
    clock.setSystemTime(Date.parse('2026-07-04T09:00:00Z'));
    const schedulers = [a, b].map((d, i) => new Scheduler(d, createLogger('silent'), { holder: `scheduler-${i}`, leaseMs: 0 }));
    const results = await Promise.all(schedulers.map((s) => s.tick()));
    await Promise.all(schedulers.map((s) => s.tick()));
    await Promise.all([a.outbox.drain(), b.outbox.drain(), a.outbox.drain(), b.outbox.drain()]);

    assert.equal(results.reduce((sum, r) => sum + (r?.digests ?? 0), 0), 3, 'one digest to each of the three chairs between the instances');
    const received = world.receivedBy();
    for (let i = 0; i < 3; i++) assert.equal(received.get(`a:person-${i}`), 1, `chair ${i}: one digest`);
    assert.equal(received.get('19:forum-own'), 1, 'the forum’s own Friday summary, once');
    assert.equal(received.get('19:forum-network'), 1, 'the network’s Thursday summary, once');
    assert.equal(world.connector.sent.length, 5);
  });
});
