import { strict as assert } from 'node:assert';
import { startWorldWithPlan, people } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { actionFor, cardText } from '../support/cards';
import { channel } from '../support/teams-activities';

const FORUM = channel();

describe('Teams: summary in a forum', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await startWorldWithPlan();
    await bot.say(people.admin, 'forum', FORUM);
  });
  afterEach(async () => {
    await bot.close();
  });

  async function sendFeedback(theme: string) {
    const form = (await bot.say(people.member, 'feedback')).cards[0];
    await bot.press(people.member, 'feedback.submit', { ...actionFor(form, 'feedback.submit').data, theme, text: 'Idea', anonymous: 'true' });
  }

  it('posts the summary card in the forum channel for a chair', async () => {
    await sendFeedback('Recognition');
    await sendFeedback('Recognition');
    const reply = await bot.say(people.chair, 'summary', FORUM);
    assert.equal(reply.cards.length, 1);
    const text = cardText(reply.cards[0]);
    assert.match(text, /Summary for Technical Leaders' Forum/);
    assert.match(text, /Feedback: 2 items/);
    assert.match(text, /Recognition\n2/);
    assert.match(text, /Visibility\n🔴 1 red · 🟠 2 amber · 🟢 3 green/);
    assert.match(text, /1\.6.*red.*outreach\.lead@example\.ac\.uk/);
  });

  it('refuses members and bad day counts, and accepts a number of days', async () => {
    assert.match((await bot.say(people.member, 'summary', FORUM)).texts[0], /Only forum chairs/);
    assert.match((await bot.say(people.chair, 'summary lots', FORUM)).texts[0], /whole number from 1 to 365/);
    const week = await bot.say(people.chair, 'summary 7', FORUM);
    assert.match(cardText(week.cards[0]), /Last 7 days/);
  });
});
