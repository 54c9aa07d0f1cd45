import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { startWorld, people, networkId } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { actionFor, cardText, inputChoices } from '../support/cards';
import { conversationIdOf, personal } from '../support/teams-activities';
import type { Scheduler } from '../../src/scheduler/scheduler';
import { fakeDate, schedulerFor, tickAt } from './support/clock';

const dm = (who: (typeof people)[keyof typeof people]) => conversationIdOf(who, personal);

describe('Scheduler: recurring pulses', () => {
  let bot: BotHarness;
  let clock: sinon.SinonFakeTimers;
  let scheduler: Scheduler;
  beforeEach(async () => {
    bot = await startWorld();
    scheduler = schedulerFor(bot);
  });
  afterEach(async () => {
    sinon.restore();
    await bot.close();
  });

  async function schedulePulse(inputs: Record<string, string>) {
    const form = await bot.press(people.chair, 'pulse.new', { cv: 1 });
    assert.deepEqual(inputChoices(form, 'repeat'), ['once', 'weekly', 'fortnightly', 'monthly']);
    return bot.press(people.chair, 'pulse.create', {
      ...actionFor(form, 'pulse.create').data,
      text: 'This week I could get the training I needed',
      kind: 'yesno',
      choices: '',
      theme: 'Career Development',
      audience: 'members',
      closesDate: '2026-06-30',
      closesTime: '17:00',
      anonymous: 'true',
      ...inputs,
    });
  }

  const rounds = async () => bot.store.listRounds(await networkId(bot), '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
  const questionsTo = (who: (typeof people)[keyof typeof people]) =>
    bot.connector.cardsIn(dm(who)).filter((c) => cardText(c).includes('I could get the training'));

  it('schedules every other Monday at 10:00, opens each round once, closes it, and nudges everyone asked alike, so the outbox never tells who answered', async () => {
    clock = fakeDate('2026-06-03T12:00:00Z'); // Wednesday
    const created = await schedulePulse({ repeat: 'fortnightly', weekday: '1', time: '10:00', windowHours: '48' });
    assert.match(cardText(created), /P-1 is scheduled: every other Monday at 10:00 \(Europe\/London time\)/);
    assert.match(cardText(created), /first round opens Mon 8 Jun 2026, 10:00/);
    const question = (await bot.store.listPulseQuestions(await networkId(bot)))[0];
    assert.equal(question.schedule, '0 10 * * 1 even');
    assert.equal(question.windowHours, 48);
    assert.equal((await rounds()).length, 0, 'nothing is sent when the pulse is scheduled');

    await tickAt(clock, scheduler, bot, '2026-06-08T08:59:00Z');
    assert.equal((await rounds()).length, 0);
    await tickAt(clock, scheduler, bot, '2026-06-08T09:00:00Z'); // 10:00 London
    await tickAt(clock, scheduler, bot, '2026-06-08T09:01:00Z');
    const [round] = await rounds();
    assert.equal((await rounds()).length, 1);
    assert.equal(round.closesAt, '2026-06-10T09:00:00.000Z');
    assert.equal(questionsTo(people.member).length, 1);

    await bot.press(people.member, 'pulse.answer', { cv: 1, roundId: round.id, answer: 'yes' });
    const answers = await bot.store.listAnswers(round.id);
    assert.equal(answers[0].memberId, null, 'the anonymous answer carries nobody');

    await tickAt(clock, scheduler, bot, '2026-06-10T04:30:00Z'); // 05:30 London: before the nudge time
    assert.equal(questionsTo(people.owner).length, 1);
    await tickAt(clock, scheduler, bot, '2026-06-10T06:00:00Z'); // 07:00 London: nudge due, but quiet until 08:00
    await tickAt(clock, scheduler, bot, '2026-06-10T07:00:00Z');
    assert.equal(questionsTo(people.owner).length, 2, 'one nudge to someone who has not answered');
    assert.match(cardText(questionsTo(people.owner)[1]), /gentle nudge: this pulse closes Wed 10 Jun 2026, 10:00\. If you have answered already, thank you/);
    assert.equal(questionsTo(people.member).length, 2, 'the same nudge to someone who answered');
    assert.equal(cardText(questionsTo(people.member)[1]), cardText(questionsTo(people.owner)[1]), 'worded alike for both');
    await tickAt(clock, scheduler, bot, '2026-06-10T08:00:00Z');
    assert.equal(questionsTo(people.owner).length, 2, 'nobody is nudged twice');

    await tickAt(clock, scheduler, bot, '2026-06-15T09:00:00Z');
    assert.equal((await rounds()).length, 1, 'the Monday in between is skipped');
    assert.equal((await bot.store.getRound(round.id))!.answerSalt, '', 'the closed round is sealed: its answers are nobody’s now');
    await tickAt(clock, scheduler, bot, '2026-06-22T09:00:00Z');
    assert.equal((await rounds()).length, 2);
  });

  it('refuses a window longer than the gap between rounds, and stores nothing', async () => {
    const form = await schedulePulse({ repeat: 'weekly', weekday: '2', time: '09:30', windowHours: '336' });
    assert.match(cardText(form), /Each round must close before the next one opens/);
    assert.equal((await bot.store.listPulseQuestions(await networkId(bot))).length, 0);
  });

  it('refuses a time that is not a time', async () => {
    const form = await schedulePulse({ repeat: 'weekly', weekday: '2', time: '25:00', windowHours: '24' });
    assert.match(cardText(form), /Choose the time the pulse goes out/);
    assert.equal((await bot.store.listPulseQuestions(await networkId(bot))).length, 0);
  });

  for (const [change, sunday] of [
    ['spring forward', '2026-03-29'],
    ['fall back', '2026-10-25'],
  ] as const) {
    it(`opens a 01:30 round exactly once on the night the clocks ${change} (${sunday})`, async function () {
      this.timeout(120_000); // 181 scheduler ticks, each reading every network's and forum's schedules
      const network = (await bot.store.getNetwork(await networkId(bot)))!;
      await bot.store.updateNetwork({ ...network, quietHours: null, quietWeekends: false });
      clock = fakeDate(`${sunday}T00:00:00Z`);
      await bot.store.createPulseQuestion(
        {
          networkId: network.id,
          text: 'Night shift check-in',
          kind: 'yesno',
          choices: [],
          theme: 'Sustainability',
          anonymous: true,
          audience: { type: 'members' },
          schedule: '30 1 * * 0',
          windowHours: 4,
          createdBy: 'test',
          createdAt: '2026-01-01T00:00:00.000Z',
        },
        `dst-${sunday}`,
      );
      const start = Date.parse(`${sunday}T00:00:00Z`);
      for (let minute = 0; minute <= 180; minute++) {
        clock.setSystemTime(start + minute * 60_000);
        await scheduler.tick();
      }
      const opened = await rounds();
      assert.equal(opened.length, 1);
      const expected = sunday === '2026-03-29' ? '2026-03-29T01:30:00.000Z' : '2026-10-25T00:30:00.000Z';
      assert.equal(opened[0].opensAt, expected);
    });
  }
});
