import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { startWorld, people, networkId, memberOf } from '../support/teams-world';
import { BotHarness } from '../support/bot-harness';
import { actionFor, cardText } from '../support/cards';
import { channel, conversationIdOf, personal } from '../support/teams-activities';
import type { Scheduler } from '../../src/scheduler/scheduler';
import { fakeDate, schedulerFor, tickAt } from './support/clock';
import { importActionPlan } from '../../src/core/actions/plan-import';
import { bigPlanCsv } from '../fixtures/big-plan';

const FORUM = channel();

describe('Scheduler: forum summaries and the chairs’ digest', () => {
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

  it('posts the summary to each forum on the first Monday of the month at 09:00, once', async () => {
    await bot.say(people.admin, "forum Technical Leaders' Forum", FORUM);
    const before = bot.connector.cardsIn(FORUM.channelId!).length;
    clock = fakeDate('2026-07-06T07:59:00Z'); // Mon 6 July, 08:59 London
    await tickAt(clock, scheduler, bot, '2026-07-06T07:59:00Z');
    assert.equal(bot.connector.cardsIn(FORUM.channelId!).length, before);
    await tickAt(clock, scheduler, bot, '2026-07-06T08:00:00Z');
    await tickAt(clock, scheduler, bot, '2026-07-06T08:01:00Z');
    const posted = bot.connector.cardsIn(FORUM.channelId!).slice(before);
    assert.equal(posted.length, 1);
    assert.match(cardText(posted[0]), /Summary for Technical Leaders' Forum/);
    await tickAt(clock, scheduler, bot, '2026-07-13T08:00:00Z');
    assert.equal(bot.connector.cardsIn(FORUM.channelId!).length, before + 1, 'not on the second Monday');
  });

  it('keeps the digest of a 300-action plan inside Teams’ limit, naming the first overdue and red actions', async () => {
    const imported = await importActionPlan(bot.store, await networkId(bot), bigPlanCsv(300, 'outreach.lead@example.ac.uk'), '2026-01-05T09:00:00.000Z');
    assert.ok(imported.ok);
    clock = fakeDate('2026-06-08T08:00:00Z'); // Monday 09:00 London
    assert.equal((await tickAt(clock, scheduler, bot, '2026-06-08T08:00:00Z'))?.digests, 1);
    const [digest] = bot.connector.cardsIn(conversationIdOf(people.chair, personal)).filter((c) => cardText(c).includes('Weekly digest'));
    assert.match(cardText(digest), /Overdue and red actions \(100\)[\s\S]*…and 85 more\. Type \*\*actions red\*\* or \*\*actions overdue\*\* to see them all\./);
  });

  it('sends chairs a weekly digest naming people who could not be reached', async () => {
    const member = await memberOf(bot, people.member);
    bot.connector.failAlways.set(conversationIdOf(people.member, personal), 403);
    await bot.app.outbox.enqueue(await networkId(bot), 'hello-everyone', [{ key: member.id, platform: 'teams', address: member.directAddress! }], { text: 'Hello' });
    await bot.app.outbox.drain();
    assert.equal((await memberOf(bot, people.member)).unreachable, true);

    clock = fakeDate('2026-06-08T08:00:00Z'); // Monday 09:00 London
    const result = await tickAt(clock, scheduler, bot, '2026-06-08T08:00:00Z');
    assert.equal(result?.digests, 1);
    const digest = bot.connector.cardsIn(conversationIdOf(people.chair, personal)).filter((c) => cardText(c).includes('Weekly digest'));
    assert.equal(digest.length, 1);
    assert.match(cardText(digest[0]), /People I could not reach \(1\)[\s\S]*Mo Member/);
    assert.match(cardText(digest[0]), /New feedback[\s\S]*Overdue and red actions/);
    assert.equal(bot.connector.cardsIn(conversationIdOf(people.owner, personal)).filter((c) => cardText(c).includes('Weekly digest')).length, 0, 'only chairs get it');
    await tickAt(clock, scheduler, bot, '2026-06-08T10:00:00Z');
    assert.equal(bot.connector.cardsIn(conversationIdOf(people.chair, personal)).filter((c) => cardText(c).includes('Weekly digest')).length, 1);
  });

  it('names each feedback item’s status in the digest in words, not as stored', async () => {
    clock = fakeDate('2026-06-05T10:00:00Z');
    const form = (await bot.say(people.member, 'feedback')).cards[0];
    await bot.press(people.member, 'feedback.submit', { ...actionFor(form, 'feedback.submit').data, theme: 'Recognition', text: 'Please fund registration fees', anonymous: 'true' });
    const item = (await bot.store.getFeedback(await networkId(bot), 1))!;
    await bot.store.updateFeedback({ ...item, status: 'linked', linkedAction: '1.6' });
    assert.equal((await tickAt(clock, scheduler, bot, '2026-06-08T08:00:00Z'))?.digests, 1);
    const [digest] = bot.connector.cardsIn(conversationIdOf(people.chair, personal)).filter((c) => cardText(c).includes('Weekly digest'));
    assert.match(cardText(digest), /New feedback \(1\)\s+\*\*FB-1\*\* Recognition · Linked to an action · Please fund registration fees/);
  });

  it('counts the answers of each pulse round closing in the coming week', async () => {
    clock = fakeDate('2026-06-05T10:00:00Z');
    const list = (await bot.say(people.chair, 'pulse')).cards[0];
    const form = await bot.press(people.chair, 'pulse.new', actionFor(list, 'pulse.new').data);
    await bot.press(people.chair, 'pulse.create', {
      ...actionFor(form, 'pulse.create').data,
      text: 'Our induction prepared me for the lab', kind: 'yesno', choices: '', theme: 'Career Development', audience: 'members',
      closesDate: '2026-06-10', closesTime: '17:00', anonymous: 'true',
    });
    const [round] = await bot.store.listRounds(await networkId(bot), '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
    for (const who of [people.member, people.owner]) await bot.press(who, 'pulse.answer', { cv: 1, roundId: round.id, answer: 'yes' });
    assert.equal((await tickAt(clock, scheduler, bot, '2026-06-08T08:00:00Z'))?.digests, 1);
    const [digest] = bot.connector.cardsIn(conversationIdOf(people.chair, personal)).filter((c) => cardText(c).includes('Weekly digest'));
    assert.match(cardText(digest), new RegExp(`Pulse rounds closing in the next 7 days \\(1\\)\\s+\\*\\*P-1\\*\\* Our induction prepared me for the lab · closes Wed 10 Jun 2026, 17:00 · 2 of ${round.askedCount} answered`));
  });

  it('holds a digest that is late (first start in the evening) until quiet hours end', async () => {
    const digests = () => bot.connector.cardsIn(conversationIdOf(people.chair, personal)).filter((c) => cardText(c).includes('Weekly digest'));
    clock = fakeDate('2026-06-08T18:34:00Z'); // Monday 19:34 London, inside quiet hours 18:00–08:00
    await tickAt(clock, scheduler, bot, '2026-06-08T18:34:00Z');
    assert.equal(digests().length, 0, 'nothing is sent in quiet hours');
    await tickAt(clock, scheduler, bot, '2026-06-09T06:59:00Z'); // Tuesday 07:59
    assert.equal(digests().length, 0);
    await tickAt(clock, scheduler, bot, '2026-06-09T07:00:00Z'); // Tuesday 08:00
    assert.equal(digests().length, 1, 'it goes out when quiet hours end, once');
  });

  it('is started with the server, and not with SCHEDULER=off', async () => {
    assert.equal(bot.app.scheduler, null);
    const on = await BotHarness.start({ SCHEDULER: 'on' });
    try {
      assert.ok(on.app.scheduler);
    } finally {
      await on.close();
    }
  });
});
