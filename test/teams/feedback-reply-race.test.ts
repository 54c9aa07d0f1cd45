import { strict as assert } from 'node:assert';
import { startWorld, people, networkId } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { actionFor, cardText } from '../support/cards';
import { conversationIdOf, personal } from '../support/teams-activities';

const MEMBER_CHAT = conversationIdOf(people.member, personal);
const ROUNDS = 20;

describe('Teams: two chairs replying to the same feedback at once', () => {
  let bot: BotHarness;
  before(async () => {
    bot = await startWorld();
  });
  after(() => bot.close());

  it(`the reply the author receives is the one stored, and the second chair is told someone answered first (${ROUNDS} tries)`, async function () {
    this.timeout(60_000);
    for (let round = 1; round <= ROUNDS; round++) {
      const form = (await bot.say(people.member, 'feedback')).cards[0];
      await bot.press(people.member, 'feedback.submit', { ...actionFor(form, 'feedback.submit').data, theme: 'Recognition', text: `Idea ${round}`, anonymous: 'true' });
      const open = async (chair: typeof people.chair) => {
        const inbox = (await bot.say(chair, 'feedback list')).cards[0];
        return bot.press(chair, 'feedback.open', actionFor(inbox, 'feedback.open', `FB-${round}`).data);
      };
      const [itemA, itemB] = await Promise.all([open(people.chair), open(people.admin)]);
      const received = bot.connector.cardsIn(MEMBER_CHAT).length;
      const [a, b] = await Promise.all([
        bot.press(people.chair, 'feedback.reply', { ...actionFor(itemA, 'feedback.reply').data, reply: `Reply A${round}` }),
        bot.press(people.admin, 'feedback.reply', { ...actionFor(itemB, 'feedback.reply').data, reply: `Reply B${round}` }),
      ]);
      const sent = [a, b].map((card) => /Reply sent to the author/.test(cardText(card)));
      assert.deepEqual([...sent].sort(), [false, true], `round ${round}: exactly one chair is told the reply was sent`);
      const loser = sent[0] ? b : a;
      assert.match(cardText(loser), /closed with a reply already, sent before yours: that is the reply the author received, and yours was not sent/);
      const stored = await bot.store.getFeedback(await networkId(bot), round);
      assert.equal(stored?.reply, sent[0] ? `Reply A${round}` : `Reply B${round}`);
      await bot.connector.waitFor(() => bot.connector.cardsIn(MEMBER_CHAT).length > received);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const replies = bot.connector.cardsIn(MEMBER_CHAT).slice(received).map(cardText);
      assert.equal(replies.length, 1, `round ${round}: the author gets one reply`);
      assert.ok(replies[0].includes(stored!.reply!), `round ${round}: the author receives the stored reply`);
    }
  });
});
