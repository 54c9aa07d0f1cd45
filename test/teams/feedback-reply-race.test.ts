import { strict as assert } from 'node:assert';
import { startWorld, people, networkId } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { actionFor, cardText } from '../support/cards';
import { conversationIdOf, personal } from '../support/teams-activities';
import type { Feedback } from '../../src/core/model';

const MEMBER_CHAT = conversationIdOf(people.member, personal);
const ROUNDS = 20;

describe('Teams: two chairs replying to the same feedback at once', () => {
  let bot: BotHarness;
  before(async () => {
    bot = await startWorld();
  });
  after(() => bot.close());

  /** A fresh feedback form's submit data (a reply from the previous round may land in the same chat). */
  const formData = async (who: typeof people.member) => {
    const { cards } = await bot.say(who, 'feedback');
    return actionFor(cards.find((c) => JSON.stringify(c).includes('"feedback.submit"'))!, 'feedback.submit').data;
  };

  it(`the reply the author receives is the one stored, and the second chair is told someone answered first (${ROUNDS} tries)`, async function () {
    this.timeout(60_000);
    for (let round = 1; round <= ROUNDS; round++) {
      await bot.press(people.member, 'feedback.submit', { ...(await formData(people.member)), theme: 'Recognition', text: `Idea ${round}`, anonymous: 'true' });
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

  it('an acknowledgement whose write lands after another chair’s reply cannot reopen the item or lose the reply', async () => {
    const network = await networkId(bot);
    // Another author: the member has sent 20 items this hour, their limit.
    await bot.press(people.owner, 'feedback.submit', { ...(await formData(people.owner)), theme: 'Recognition', text: 'Late acknowledgement', anonymous: 'true' });
    const number = (await bot.store.listFeedback(network, '2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z')).length;
    const inbox = (await bot.say(people.chair, 'feedback list')).cards[0];
    const item = await bot.press(people.chair, 'feedback.open', actionFor(inbox, 'feedback.open', `FB-${number}`).data);
    // The fault: an acknowledgement's write is held back until the reply is stored.
    const store = bot.store;
    const { updateFeedback, updateFeedbackFrom } = store;
    let replyStored!: () => void;
    const stored = new Promise<void>((resolve) => (replyStored = resolve));
    const held = async <T>(feedback: Feedback, write: () => Promise<T>): Promise<T> => {
      if (feedback.status === 'acknowledged') await stored;
      const result = await write();
      if (feedback.status === 'closed') replyStored();
      return result;
    };
    store.updateFeedback = (feedback) => held(feedback, () => updateFeedback.call(store, feedback));
    store.updateFeedbackFrom = (feedback, from) => held(feedback, () => updateFeedbackFrom.call(store, feedback, from));
    try {
      const acknowledging = bot.press(people.chair, 'feedback.acknowledge', actionFor(item, 'feedback.acknowledge').data);
      const replied = await bot.press(people.admin, 'feedback.reply', { ...actionFor(item, 'feedback.reply').data, reply: 'We will.' });
      assert.match(cardText(replied), /Reply sent to the author/);
      assert.match(cardText(await acknowledging), /was already acknowledged|closed with a reply/);
    } finally {
      delete (store as Partial<typeof store>).updateFeedback;
      delete (store as Partial<typeof store>).updateFeedbackFrom;
    }
    const after = await bot.store.getFeedback(network, number);
    assert.equal(after?.status, 'closed');
    assert.equal(after?.reply, 'We will.');
  });
});
