import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SlackHarness, blocksText, buttons } from '../support/slack-harness';
import { slackNetworkId, slackPeople, startSlackWorld } from '../support/slack-world';
import { importActionPlan } from '../../src/core/actions/action-plan-csv';
import type { SlackUser } from '../support/fake-slack';

const PLAN = readFileSync(join(__dirname, '../fixtures/action-plan.csv'), 'utf8');

describe('Slack: action plan', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackWorld();
    const result = await importActionPlan(h.store, await slackNetworkId(h), PLAN, new Date().toISOString());
    assert.ok(result.ok);
  });
  afterEach(async () => {
    await h.close();
  });

  const list = (who: SlackUser) => h.after(() => h.command(who, 'actions'));
  const action = async (number: string) => (await h.store.getAction(await slackNetworkId(h), number))!;

  /** Opens the update modal for an action from the person's list. */
  async function updateForm(who: SlackUser) {
    const opened = h.slack.callsOf('views.open').length;
    await h.press(who, await list(who), 'action.edit');
    return h.modal(opened + 1);
  }

  it('shows owners only their own actions, with RAG status, and an update button beside each', async () => {
    const shown = await list(slackPeople.owner);
    const text = blocksText(shown.blocks);
    assert.match(text, /Your actions/);
    assert.match(text, /\*1\.6\* Raise the visibility of technical careers/);
    assert.match(text, /🔴 Red/);
    assert.doesNotMatch(text, /\*1\.1\*/);
    assert.deepEqual(buttons(shown.blocks).map((b) => JSON.parse(b.value!).number), ['1.6']);
    assert.ok(shown.blocks.some((b) => b.type === 'section' && b.accessory), 'the button sits beside its action');
  });

  it('shows chairs the whole plan in plan order, ten to a message with Next and Previous, with update buttons only for their own', async () => {
    const shown = await list(slackPeople.chair);
    const numbersOf = (message: typeof shown) => [...blocksText(message.blocks).matchAll(/\*(\d+\.\d+)\*/g)].map((m) => m[1]);
    assert.equal(numbersOf(shown).length, 10);
    assert.deepEqual(numbersOf(shown).slice(0, 3), ['1.1', '1.2', '1.3']);
    assert.ok(shown.blocks.length <= 50);
    assert.deepEqual(buttons(shown.blocks).filter((b) => JSON.parse(b.value!).verb === 'action.edit').map((b) => JSON.parse(b.value!).number), ['1.1']);
    const next = await h.after(() => h.press(slackPeople.chair, shown, 'actions.page'));
    assert.deepEqual(numbersOf(next), ['3.2', '3.3', '3.4', '4.1', '4.2', '4.3', '4.4', '4.5']);
  });

  it('tells a member with no actions what to do', async () => {
    assert.match(blocksText((await list(slackPeople.member)).blocks), /do not own any actions.*roles/);
  });

  it('lets an owner update status, note and evidence in a modal and keeps history', async () => {
    const form = await updateForm(slackPeople.owner);
    assert.equal((form.title as { text: string }).text, 'Update 1.6');
    const { response } = await h.submit(slackPeople.owner, form, { status: 'amber', note: 'Two partner schools signed up', evidence: 'https://example.ac.uk/outreach' });
    assert.match(blocksText(response.view?.blocks), /Saved: 1\.6 is now 🟠 Amber/);
    assert.match(blocksText(response.view?.blocks), /Olu Owner · 🟠 Amber · Two partner schools/);
    const saved = await action('1.6');
    assert.equal(saved.status, 'amber');
    assert.equal(saved.evidence, 'https://example.ac.uk/outreach');
    const history = await h.store.listActionUpdates(saved.networkId, '1.6');
    assert.equal(history.length, 2);
    assert.equal(history[1].byName, 'Olu Owner');
  });

  it('refuses a stale form after someone else saved, keeping the typed values', async () => {
    const mine = await updateForm(slackPeople.owner);
    const { response: first } = await h.submit(slackPeople.owner, mine, { status: 'green', note: 'Done' });
    assert.match(blocksText(first.view?.blocks), /Saved/);
    const { response: stale } = await h.submit(slackPeople.owner, mine, { status: 'amber', note: 'Mine' });
    assert.match(blocksText(stale.view?.blocks), /Someone else updated 1\.6/);
    assert.equal((await action('1.6')).status, 'green');
  });

  it('refuses another owner’s action and a member’s forged update, changing nothing', async () => {
    const form = await updateForm(slackPeople.owner);
    for (const who of [slackPeople.otherOwner, slackPeople.member]) {
      const { response } = await h.submit(who, form, { status: 'green', note: 'x' });
      assert.match(blocksText(response.view?.blocks), /Only the owner of 1\.6/);
    }
    assert.equal((await action('1.6')).status, 'red');
  });

  it('refuses an oversized note and keeps the form', async () => {
    const form = await updateForm(slackPeople.owner);
    const { response } = await h.submit(slackPeople.owner, form, { status: 'green', note: 'n'.repeat(2001) });
    assert.match(blocksText(response.view?.blocks), /up to 2,000 characters/);
    assert.ok(response.view?.submit);
    assert.equal((await action('1.6')).version, 1);
  });
});
