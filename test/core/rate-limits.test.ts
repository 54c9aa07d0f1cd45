import { strict as assert } from 'node:assert';
import { phrasesOfLanguageIn } from '../support/catalogue-phrases';
import { seenOnCard } from '../support/seen-text';
import { RateLimiter } from '../../src/core/rate-limits';
import { loadConfig, ConfigError } from '../../src/config';
import { startWorld, people, networkId } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { actionFor, cardText } from '../support/cards';
import { user } from '../support/teams-activities';

const ALL_TIME = ['2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'] as const;

describe('per-person limits', () => {
  describe('RateLimiter', () => {
    let now = 0;
    const limiter = () => new RateLimiter({ feedback: { count: 3, windowMs: 60_000 }, commands: null, presses: { count: 1, windowMs: 1_000 } }, () => now);

    it('lets the first ones through, refuses the next with the wait, and refills evenly', () => {
      now = 0;
      const l = limiter();
      assert.deepEqual([1, 2, 3].map((i) => l.admit('feedback', 'teams:u1', `form ${i}`).ok), [true, true, true]);
      assert.deepEqual(l.admit('feedback', 'teams:u1', 'form 4'), { ok: false, retryInMs: 20_000 });
      now = 20_000;
      assert.equal(l.admit('feedback', 'teams:u1', 'form 4').ok, true);
    });

    it('never refuses a retry of something let through, nor another person’s first', () => {
      now = 0;
      const l = limiter();
      for (let i = 1; i <= 3; i++) l.admit('feedback', 'teams:u1', `form ${i}`);
      assert.equal(l.admit('feedback', 'teams:u1', 'form 3').ok, true, 'a retry');
      assert.equal(l.admit('feedback', 'slack:u1', 'form 1').ok, true, 'the same id on the other platform is another person');
      assert.equal(l.admit('feedback', 'teams:u2', 'form 1').ok, true, 'another person');
      assert.equal(l.admit('presses', 'teams:u1').ok, true, 'another kind has its own allowance');
    });

    it('lets a retry through only a few times: the same press sent in a loop is counted', () => {
      now = 0;
      const l = limiter();
      const answers = Array.from({ length: 6 }, () => l.admit('presses', 'teams:u1', 'same press').ok);
      assert.deepEqual(answers, [true, true, true, true, false, false]);
    });

    it('no limit when off', () => {
      const l = new RateLimiter({ feedback: null, commands: null, presses: null });
      assert.ok(Array.from({ length: 1000 }, () => l.admit('commands', 'teams:u1').ok).every(Boolean));
    });
  });

  describe('settings', () => {
    it('reads a count per time, off, and the defaults', () => {
      assert.deepEqual(loadConfig({}).rateLimits, { feedback: { count: 20, windowMs: 3_600_000 }, commands: { count: 30, windowMs: 60_000 }, presses: { count: 60, windowMs: 60_000 } });
      const config = loadConfig({ FEEDBACK_RATE_LIMIT: '5/10s', COMMAND_RATE_LIMIT: 'off', PRESS_RATE_LIMIT: '100 / 2min' });
      assert.deepEqual(config.rateLimits, { feedback: { count: 5, windowMs: 10_000 }, commands: null, presses: { count: 100, windowMs: 120_000 } });
    });

    it('names the setting when a limit cannot be read', () => {
      for (const value of ['lots', '0/h', '10', '10/week']) {
        assert.throws(() => loadConfig({ FEEDBACK_RATE_LIMIT: value }), (e: unknown) => e instanceof ConfigError && /FEEDBACK_RATE_LIMIT/.test(e.message), value);
      }
    });
  });

  describe('through Teams, with the default limits', () => {
    let bot: BotHarness;
    before(async () => {
      bot = await startWorld();
    });
    after(() => bot.close());

    it('a member flooding anonymous feedback: 20 stored, the 21st comes back with its text and the wait; a retry and another member’s first go through', async function () {
      this.timeout(30_000);
      const form = async (who = people.member) => actionFor((await bot.say(who, 'feedback')).cards[0], 'feedback.submit').data;
      const forms = [];
      // 21 forms and the hello: 22 commands, within the command limit.
      for (let i = 0; i < 21; i++) forms.push({ ...(await form()), theme: 'Recognition', text: `Flood ${i}`, anonymous: 'true' });
      const answers = [];
      for (const data of forms) answers.push(cardText(await bot.press(people.member, 'feedback.submit', data)));
      assert.equal(answers.filter((a) => /Thank you: FB-/.test(a)).length, 20);
      assert.match(answers[20], /You have sent a lot of feedback in a short time, so this one is not sent yet\. Please send it again in \d+ (minutes|seconds)/);
      assert.match(answers[20], /Flood 20/, 'the text is still in the form');
      const stored = await bot.store.listFeedback(await networkId(bot), ...ALL_TIME);
      assert.equal(stored.length, 20);
      // Teams sends the 20th again (a retry): it is not refused, and counted once by the core.
      assert.match(cardText(await bot.press(people.member, 'feedback.submit', forms[19])), /already sent this as FB-20/);
      const other = cardText(await bot.press(people.owner, 'feedback.submit', { ...(await form(people.owner)), theme: 'Recognition', text: 'My first', anonymous: 'true' }));
      assert.match(other, /Thank you: FB-21/);
    });

    it('typed commands: the 31st in a minute gets a clear message', async function () {
      this.timeout(30_000);
      const newcomer = user('Nia Newcomer');
      bot.connector.addUser({ id: newcomer.id, name: newcomer.name, email: 'nia@example.ac.uk' });
      const answers = [];
      for (let i = 0; i < 31; i++) answers.push(await bot.say(newcomer, 'help'));
      assert.equal(answers.slice(0, 30).filter((a) => a.cards.length === 1).length, 30);
      assert.deepEqual(answers[30].cards, []);
      assert.match(answers[30].texts[0], /You are sending commands faster than I can answer them\. Please try again in \d+ seconds/);
    });

    it('refuses in the language of someone’s Teams, before they are looked up: commands, and feedback with its form and text kept', async function () {
      this.timeout(60_000);
      const gwen = user('Gwen Jones', 'cy-GB');
      bot.connector.addUser({ id: gwen.id, name: gwen.name, email: 'gwen@example.ac.uk' });
      const form = actionFor((await bot.say(gwen, 'adborth')).cards[0], 'feedback.submit').data;
      const answers = [];
      for (let i = 0; i < 21; i++) answers.push(seenOnCard(await bot.press(gwen, 'feedback.submit', { ...form, formId: `gwen-${i}`, theme: 'Recognition', text: `Llif ${i}`, anonymous: 'true' })));
      assert.match(answers[20], /Llif 20/, 'the text is still in the form');
      assert.deepEqual(phrasesOfLanguageIn(answers[20], 'en'), []);
      const typed = [];
      for (let i = 0; i < 31; i++) typed.push(await bot.say(gwen, 'cymorth'));
      const refusal = typed.find((a) => a.cards.length === 0)!;
      assert.match(refusal.texts[0], /Rydych chi’n anfon gorchmynion yn gynt nag y galla i eu hateb\. Rhowch gynnig arall arni ymhen \d+ eiliad/);
    });
  });
});
