import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SlackHarness, blocksText, buttons, inputBlocks } from '../support/slack-harness';
import { slackNetworkId, slackPeople, startSlackWorld } from '../support/slack-world';
import { importActionPlan } from '../../src/core/actions/action-plan-csv';
import type { SlackUser } from '../support/fake-slack';
import { phrasesOfLanguageIn } from '../support/catalogue-phrases';

/** What the options of the input for card input `id` say. */
function optionTitles(blocks: unknown, id: string): string[] {
  const input = inputBlocks(blocks).find((b) => b.element.action_id.split('|')[2] === id);
  return ((input?.element.options as { text: { text: string } }[] | undefined) ?? []).map((o) => o.text.text);
}

const PLAN = readFileSync(join(__dirname, '../fixtures/action-plan.csv'), 'utf8');

describe('Slack: action plans in Welsh', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackWorld();
    const result = await importActionPlan(h.store, await slackNetworkId(h), PLAN, new Date().toISOString());
    assert.ok(result.ok);
  });
  afterEach(async () => {
    await h.close();
  });

  const said = (who: SlackUser, text: string) => h.after(() => h.command(who, text));

  async function updateForm(who: SlackUser, list: Awaited<ReturnType<typeof said>>) {
    const opened = h.slack.callsOf('views.open').length;
    await h.press(who, list, 'action.edit');
    return h.modal(opened + 1);
  }

  it('lists, filters and updates an owner’s actions in Welsh', async () => {
    await said(slackPeople.owner, 'iaith cymraeg');
    const list = await said(slackPeople.owner, 'camau coch');
    const text = blocksText(list.blocks);
    assert.match(text, /Eich camau gweithredu \(coch\)/);
    assert.match(text, /🔴 Coch/);
    assert.match(text, /Gwelededd · erbyn 31 Rhag 2025/);
    assert.deepEqual(buttons(list.blocks).map((b) => b.text.text), ['Diweddaru 1.6']);

    const form = await updateForm(slackPeople.owner, list);
    assert.equal((form.title as { text: string }).text, 'Diweddaru 1.6');
    assert.deepEqual(optionTitles(form.blocks, 'status'), ['🔴 Coch', '🟠 Ambr', '🟢 Gwyrdd']);
    const formText = blocksText(form.blocks);
    assert.match(formText, /Statws RAG[\s\S]*Nodyn cynnydd[\s\S]*Tystiolaeth \(dolen neu ddisgrifiad byr\)/);
    const { response: tooLong } = await h.submit(slackPeople.owner, form, { status: 'green', note: 'n'.repeat(2001) });
    assert.match(blocksText(tooLong.view?.blocks), /Gall y nodyn fod hyd at 2,000 nod/);
    const { response } = await h.submit(slackPeople.owner, form, { status: 'amber', note: 'Dwy ysgol wedi ymuno' });
    const saved = blocksText(response.view?.blocks);
    assert.match(saved, /Wedi’i gadw: statws 1\.6 nawr yw 🟠 Ambr\./);
    assert.match(saved, /Olu Owner · 🟠 Ambr · Dwy ysgol wedi ymuno/);
    assert.match(saved, /Mewnforio’r cynllun · 🔴 Coch/);

    const seen = [text, formText, blocksText(tooLong.view?.blocks), saved, blocksText((await said(slackPeople.owner, 'camau tudalen 1')).blocks)].join('\n');
    assert.deepEqual(phrasesOfLanguageIn(seen, 'en'), []);
  });

  it('keeps English for an English owner, with no Welsh', async () => {
    const list = await said(slackPeople.owner, 'actions red');
    const text = blocksText(list.blocks);
    assert.match(text, /Your actions \(red\)/);
    const form = await updateForm(slackPeople.owner, list);
    assert.equal((form.title as { text: string }).text, 'Update 1.6');
    const { response } = await h.submit(slackPeople.owner, form, { status: 'amber', note: 'Two schools' });
    const saved = blocksText(response.view?.blocks);
    assert.match(saved, /Saved: 1\.6 is now 🟠 Amber\./);
    assert.deepEqual(phrasesOfLanguageIn([text, blocksText(form.blocks), saved].join('\n'), 'cy'), []);
  });
});
