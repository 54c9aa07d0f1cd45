import { strict as assert } from 'node:assert';
import { startWorld, people, networkId, memberOf } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { actionFor, cardInputs, cardText, inputChoices } from '../support/cards';
import { channel } from '../support/teams-activities';

const ALL_TIME = ['2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'] as const;

describe('Teams: feedback', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await startWorld();
  });
  afterEach(async () => {
    await bot.close();
  });

  async function openForm() {
    const { cards } = await bot.say(people.member, 'feedback');
    const form = cards[0];
    return { form, submit: actionFor(form, 'feedback.submit') };
  }

  it('opens a form with the five themes, a 2,000-character box and anonymous on by default', async () => {
    const { form } = await openForm();
    assert.deepEqual(inputChoices(form, 'theme'), ['Visibility', 'Recognition', 'Career Development', 'Sustainability', 'Other']);
    const text = cardInputs(form).find((i) => i.id === 'text');
    assert.equal(text?.maxLength, 2000);
    assert.equal(cardInputs(form).find((i) => i.id === 'anonymous')?.value, 'true');
  });

  it('stores anonymous feedback with no user id and confirms with a reference', async () => {
    const { submit } = await openForm();
    const done = await bot.press(people.member, 'feedback.submit', { ...submit.data, theme: 'Recognition', text: 'Please fund registration fees', anonymous: 'true' });
    assert.match(cardText(done), /FB-1/);
    const [stored] = await bot.store.listFeedback(await networkId(bot), ...ALL_TIME);
    assert.equal(stored.text, 'Please fund registration fees');
    assert.equal(stored.anonymous, true);
    assert.equal(stored.authorMemberId, null);
    const member = await memberOf(bot, people.member);
    const row = JSON.stringify(stored);
    for (const identifying of [member.id, people.member.id, people.member.name, people.member.aadObjectId, 'mo.member@example.ac.uk']) {
      assert.ok(!row.includes(identifying), `the stored feedback must not contain ${identifying}`);
    }
  });

  it('stores named feedback with its author', async () => {
    const { submit } = await openForm();
    await bot.press(people.member, 'feedback.submit', { ...submit.data, theme: 'Visibility', text: 'Named idea', anonymous: 'false' });
    const [stored] = await bot.store.listFeedback(await networkId(bot), ...ALL_TIME);
    assert.equal(stored.authorMemberId, (await memberOf(bot, people.member)).id);
  });

  it('counts a double click once and says so', async () => {
    const { submit } = await openForm();
    const input = { ...submit.data, theme: 'Sustainability', text: 'Succession planning worries me', anonymous: 'true' };
    await bot.press(people.member, 'feedback.submit', input);
    const second = await bot.press(people.member, 'feedback.submit', input);
    assert.match(cardText(second), /already sent this as FB-1/);
    assert.equal((await bot.store.listFeedback(await networkId(bot), ...ALL_TIME)).length, 1);
  });

  it('refuses oversized text with the count, keeps what was typed, and stores nothing', async () => {
    const { submit } = await openForm();
    const long = 'x'.repeat(2345);
    const card = await bot.press(people.member, 'feedback.submit', { ...submit.data, theme: 'Other', text: long, anonymous: 'true' });
    assert.match(cardText(card), /up to 2,000 characters: yours has 2,345/);
    assert.equal(cardInputs(card).find((i) => i.id === 'text')?.value, long);
    assert.equal((await bot.store.listFeedback(await networkId(bot), ...ALL_TIME)).length, 0);
  });

  for (const [what, change, message] of [
    ['no theme', { theme: undefined }, /Choose a theme/],
    ['an unknown theme', { theme: 'Parking' }, /Choose a theme/],
    ['empty text', { text: '   ' }, /empty/],
    ['no form id', { formId: undefined }, /incomplete/],
  ] as [string, Record<string, unknown>, RegExp][]) {
    it(`refuses ${what} and stores nothing`, async () => {
      const { submit } = await openForm();
      const card = await bot.press(people.member, 'feedback.submit', { ...submit.data, theme: 'Other', text: 'Fine text', anonymous: 'true', ...change });
      assert.match(cardText(card), message);
      assert.equal((await bot.store.listFeedback(await networkId(bot), ...ALL_TIME)).length, 0);
    });
  }

  it('accepts feedback sent with Action.Submit from older clients', async () => {
    const { submit } = await openForm();
    const cards = await bot.submit(people.member, { ...submit.data, theme: 'Recognition', text: 'From an older client', anonymous: 'true' });
    assert.match(cardText(cards[0]), /FB-1/);
  });

  it('works in a channel too', async () => {
    const { cards } = await bot.say(people.member, 'feedback', channel());
    const submit = actionFor(cards[0], 'feedback.submit');
    const done = await bot.press(people.member, 'feedback.submit', { ...submit.data, theme: 'Visibility', text: 'Hello', anonymous: 'true' }, channel());
    assert.match(cardText(done), /FB-1/);
  });

  it('refuses a card from an older version of Techvoice', async () => {
    const { submit } = await openForm();
    const card = await bot.press(people.member, 'feedback.submit', { ...submit.data, cv: 0, theme: 'Other', text: 'Old card', anonymous: 'true' });
    assert.match(cardText(card), /out of date/);
    assert.equal((await bot.store.listFeedback(await networkId(bot), ...ALL_TIME)).length, 0);
  });

  it('answers an unknown button verb clearly', async () => {
    const card = await bot.press(people.member, 'feedback.delete-everything', { cv: 1 });
    assert.match(cardText(card), /not one I know/);
  });
});
