import { strict as assert } from 'node:assert';
import { startWorld, people, networkId } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { actionFor, cardActions, cardText, type CardJson } from '../support/cards';
import { importActionPlan } from '../../src/core/actions/plan-import';
import { bigPlanCsv } from '../fixtures/big-plan';

const numbersOf = (card: CardJson) => [...cardText(card).matchAll(/\*\*(\d+\.\d+)\*\*/g)].map((m) => m[1]);

/** The size guard (test/support/platform-limits.ts) fails these tests if any card is too big. */
describe('Teams: a 300-action plan at real size', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await startWorld();
    const result = await importActionPlan(bot.store, await networkId(bot), bigPlanCsv(300, 'outreach.lead@example.ac.uk'), new Date().toISOString());
    assert.ok(result.ok && result.added.length === 300);
  });
  afterEach(async () => {
    await bot.close();
  });

  it('pages the whole plan for a chair, Next to the last page and Previous back, every card inside the limit', async () => {
    let card = (await bot.say(people.chair, 'actions')).cards[0];
    const seen = [...numbersOf(card)];
    for (let page = 2; page <= 30; page++) {
      card = await bot.press(people.chair, 'actions.page', cardActions(card).find((a) => a.title === 'Next')!.data);
      seen.push(...numbersOf(card));
    }
    assert.equal(seen.length, 300);
    assert.equal(new Set(seen).size, 300);
    assert.match(cardText(card), /Page 30 of 30/);
    assert.deepEqual(cardActions(card).map((a) => a.title), ['Previous']);
    const back = await bot.press(people.chair, 'actions.page', actionFor(card, 'actions.page').data);
    assert.match(cardText(back), /Page 29 of 30/);
  });

  it('shows an owner all 30 of their actions over three pages, and filters keep across pages', async () => {
    const first = (await bot.say(people.owner, 'actions')).cards[0];
    assert.match(cardText(first), /Your actions · 1–10 of 30/);
    const red = (await bot.say(people.chair, 'actions red overdue theme visibility')).cards[0];
    assert.match(cardText(red), /Action plan \(red overdue theme visibility\) · 1–10 of 20/);
    const next = await bot.press(people.chair, 'actions.page', cardActions(red).find((a) => a.title === 'Next')!.data);
    assert.match(cardText(next), /\(red overdue theme visibility\) · 11–20 of 20/);
    assert.ok(numbersOf(next).every((n) => n.startsWith('1.')));
    assert.equal((await bot.say(people.chair, 'actions purple')).texts[0] ?? cardText((await bot.say(people.chair, 'actions purple')).cards[0]), 'I don’t know the filter “purple”. Try **actions red**, **actions overdue**, **actions mine**, **actions theme recognition**, **actions owner jane@uni.ac.uk**, **actions plan 1** or **actions page 2**.');
  });

  it('keeps the summary inside the limit', async () => {
    const summary = (await bot.say(people.chair, 'summary')).cards[0];
    assert.match(cardText(summary), /…and \d+ more\. Type \*\*actions red\*\* or \*\*actions overdue\*\* to see them all\./);
  });
});
