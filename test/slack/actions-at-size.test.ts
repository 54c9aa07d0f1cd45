import { strict as assert } from 'node:assert';
import { SlackHarness, blocksText } from '../support/slack-harness';
import { slackNetworkId, slackPeople, startSlackWorld } from '../support/slack-world';
import { importActionPlan } from '../../src/core/actions/plan-import';
import { bigPlanCsv } from '../fixtures/big-plan';

/** The size guard in the fake Slack API fails these tests if any message breaks a limit. */
describe('Slack: a 300-action plan at real size', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackWorld();
    const result = await importActionPlan(h.store, await slackNetworkId(h), bigPlanCsv(300, 'outreach.lead@example.ac.uk'), new Date().toISOString());
    assert.ok(result.ok);
  });
  afterEach(async () => {
    await h.close();
  });

  it('pages the whole plan with Next within 50 blocks and the text limits', async () => {
    let shown = await h.after(() => h.command(slackPeople.chair, 'actions'));
    const seen: string[] = [];
    for (let page = 1; page <= 30; page++) {
      assert.ok(shown.blocks.length <= 50, `${shown.blocks.length} blocks`);
      seen.push(...[...blocksText(shown.blocks).matchAll(/\*(\d+\.\d+)\*/g)].map((m) => m[1]));
      if (page < 30) {
        const current = shown;
        shown = await h.after(() => h.press(slackPeople.chair, current, 'actions.page', {}, { titleIncludes: 'Next' }));
      }
    }
    assert.equal(new Set(seen).size, 300);
    assert.match(blocksText(shown.blocks), /Page 30 of 30/);
  });

  it('shows an owner with 30 actions their Home tab within a view’s 100 blocks, pointing to the rest', async () => {
    const before = h.slack.callsOf('views.publish').length;
    await h.event({ type: 'app_home_opened', user: slackPeople.owner.id, channel: `D${slackPeople.owner.id}`, tab: 'home' });
    const view = (await h.slack.next('views.publish', before + 1)).args.view as { blocks: { type: string }[] };
    assert.ok(view.blocks.length <= 100, `${view.blocks.length} blocks`);
    assert.match(blocksText(view.blocks as never), /…and \d+ more\. Type \*actions\* to see them all, ten at a time\./);
  });

  it('keeps the summary inside the limits', async () => {
    const summary = await h.after(() => h.command(slackPeople.chair, 'summary'));
    assert.match(blocksText(summary.blocks), /…and \d+ more\. Type \*actions red\* or \*actions overdue\* to see them all\./);
  });
});
