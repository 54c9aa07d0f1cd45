import { strict as assert } from 'node:assert';
import { startWorld, people, networkId } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { importActionPlan } from '../../src/core/actions/plan-import';
import { queueDueReminders } from '../../src/core/actions/reminders';
import { runCli } from '../../src/cli';
import { liverpoolCsv } from '../fixtures/liverpool-plan';

describe('Teams: plans with a lifecycle', () => {
  let bot: BotHarness;
  let id: string;
  beforeEach(async () => {
    bot = await startWorld();
    id = await networkId(bot);
    const result = await importActionPlan(bot.store, id, liverpoolCsv(), '2021-04-01T09:00:00.000Z');
    assert.ok(result.ok);
  });
  afterEach(async () => {
    await bot.close();
  });

  it('lets an admin start the next plan, close the current one with its RAG kept, and carry unfinished actions over', async () => {
    const made = (await bot.say(people.admin, 'plan new two 2024-04-01 Action plan 2024–27')).texts[0];
    assert.match(made, /^Made Action plan 2024–27 \(Stage Two, 1 Apr 2024 – 31 Mar 2027\) · draft · 0 actions\.\nIt is a draft: Action plan stays current until you type \*\*plan close\*\*\.$/);

    const closed = (await bot.say(people.admin, 'plan close')).texts[0];
    assert.match(closed, /^Closed Action plan\. Its RAG as at .* is kept: 3 red, 2 amber, 3 green\. Its actions get no more reminders\.\nAction plan 2024–27 is now the current plan\.\nType \*\*plan carry-over\*\* to bring the 5 unfinished actions into it\.$/);

    const carried = (await bot.say(people.admin, 'plan carry-over')).texts[0];
    assert.equal(carried, 'Carried 5 unfinished actions of Action plan into Action plan 2024–27: 1.6, 2.3, 3.1, 4.5, 5.1. The originals stay in Action plan with their history.');

    const [old, next] = await bot.store.listPlans(id);
    assert.deepEqual([old.state, next.state], ['closed', 'current']);
    assert.deepEqual(old.ragAtClose?.actions.find((a) => a.number === '1.6')?.status, 'red');
    const current = await bot.store.listActions(id);
    assert.deepEqual(current.map((a) => [a.number, a.carriedFrom?.planId]), ['1.6', '2.3', '3.1', '4.5', '5.1'].map((n) => [n, old.id]));
    assert.equal((await bot.store.listActions(id, old.id)).length, 8);
    assert.deepEqual((await bot.store.listActionUpdates(id, '1.6', old.id)).map((u) => u.byName), ['Plan import']);
    assert.deepEqual((await bot.store.listActionUpdates(id, '1.6')).map((u) => u.note), ['Carried over from Action plan']);

    const list = (await bot.say(people.admin, 'plan list')).texts[0];
    assert.match(list, /^• Action plan \(Stage One, .*\) · closed · 8 actions · at close: 3 red, 2 amber, 3 green\n• Action plan 2024–27 \(Stage Two, 1 Apr 2024 – 31 Mar 2027\) · current · 5 actions$/);
  });

  it('sends reminders only for the current plan’s actions', async () => {
    const network = (await bot.store.getNetwork(id))!;
    const member = (await bot.store.listMembers(id)).find((m) => m.name === 'Ada Admin')!;
    await bot.store.upsertMember({ ...member, email: 'tc-steering@liverpool.ac.uk' });
    // 1.1 is green: make it due and open in the old plan, then close that plan.
    const hub = (await bot.store.getAction(id, '1.1'))!;
    await bot.store.importActions(id, [{ ...hub, status: 'amber', due: '2021-06-04' }], []);
    const deps = { store: bot.store, secret: 's', outbox: bot.app.outbox };
    assert.equal(await queueDueReminders(deps, network, new Date('2021-06-01T09:00:00.000Z')), 1);
    await bot.say(people.admin, 'plan close');
    assert.equal(await queueDueReminders(deps, network, new Date('2021-06-02T09:00:00.000Z')), 0);
  });

  it('refuses plan commands to someone who is not an admin, and explains bad input without changing anything', async () => {
    assert.match((await bot.say(people.chair, 'plan close')).texts[0], /admin/i);
    assert.equal((await bot.say(people.admin, 'plan new four 2024-04-01 Next')).texts[0], '“four” is not a stage: write one, two or three, e.g. **plan new two 2024-04-01 Action plan 2024–27**.');
    assert.equal((await bot.say(people.admin, 'plan new two 1/4/2024 Next')).texts[0], '“1/4/2024” is not a start date: write it like 2024-04-01.');
    assert.equal((await bot.store.listPlans(id)).length, 1);
  });

  it('keeps plans from the CLI too', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    assert.equal(await runCli(['plan', 'new', 'three', '2027-04-01', 'Stage Three plan', '--network', id], bot.cliEnv, io), 0, err.join('\n'));
    assert.equal(await runCli(['plan', 'list', '--network', id], bot.cliEnv, io), 0);
    assert.match(out.join('\n'), /Stage Three plan \(Stage Three, 1 Apr 2027 – 31 Mar 2030\) · draft · 0 actions/);
    assert.equal(await runCli(['plan', 'carry-over', '--network', id], bot.cliEnv, io), 1);
    assert.equal(err.at(-1), 'Carrying over needs a closed plan and a current one. Type plan list to see the plans.');
  });
});
