import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { startWorld, people, networkId } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { actionFor, cardText, type CardJson } from '../support/cards';
import { conversationIdOf, personal } from '../support/teams-activities';
import type { Action } from '../../src/core/model';
import { actionOf, currentPlanId } from '../support/plans';
import type { Scheduler } from '../../src/scheduler/scheduler';
import { fakeDate, schedulerFor, tickAt } from './support/clock';

const OWNER_DM = conversationIdOf(people.owner, personal);

function anAction(networkId: string, planId: string, overrides: Partial<Action> = {}): Action {
  return actionOf(networkId, planId, {
    number: '1.6',
    title: 'Raise the visibility of technical careers across the city region',
    theme: 'Visibility',
    owner: 'outreach.lead@example.ac.uk',
    due: '2026-06-19',
    status: 'amber',
    note: 'Two schools booked',
    updatedAt: '2026-06-01T09:00:00.000Z',
    ...overrides,
  });
}

describe('Scheduler: reminders to action owners', () => {
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

  const reminders = (): CardJson[] => bot.connector.cardsIn(OWNER_DM).filter((c) => cardText(c).includes('Reminder: action'));

  async function plan(overrides: Partial<Action> = {}): Promise<void> {
    const id = await networkId(bot);
    await bot.store.importActions(id, [anAction(id, await currentPlanId(bot.store, id), overrides)], []);
  }

  it('reminds the owner 14 and 3 days before the due date, once each, in working hours', async () => {
    await plan();
    clock = fakeDate('2026-06-04T23:30:00Z'); // Fri 5 June, 00:30 in London
    await tickAt(clock, scheduler, bot, '2026-06-04T23:30:00Z');
    assert.equal(reminders().length, 0, 'nothing at half past midnight');
    await tickAt(clock, scheduler, bot, '2026-06-05T07:00:00Z'); // 08:00 London: quiet hours end
    assert.equal(reminders().length, 1);
    const card = reminders()[0];
    assert.match(cardText(card), /1\.6[\s\S]*due on 19 Jun 2026, in 14 days/);
    assert.deepEqual(
      ['Update', 'Mark done', 'Snooze 7 days'],
      ['action.edit', 'reminder.done', 'reminder.snooze'].map((verb) => actionFor(card, verb).title),
    );
    await tickAt(clock, scheduler, bot, '2026-06-05T12:00:00Z');
    assert.equal(reminders().length, 1, 'the same reminder is not sent twice');
    await tickAt(clock, scheduler, bot, '2026-06-10T12:00:00Z');
    assert.equal(reminders().length, 1, 'no reminder on other days');
    await tickAt(clock, scheduler, bot, '2026-06-16T09:00:00Z');
    assert.equal(reminders().length, 2);
    assert.match(cardText(reminders()[1]), /in 3 days/);
    assert.equal(bot.connector.cardsIn(conversationIdOf(people.member, personal)).filter((c) => cardText(c).includes('Reminder')).length, 0, 'only the owner is reminded');
  });

  it('reminds on the day an action becomes overdue, then weekly, and after 30 days without an update', async () => {
    await plan({ due: '2026-06-10', updatedAt: '2026-05-13T10:00:00.000Z' });
    clock = fakeDate('2026-06-11T09:00:00Z');
    await tickAt(clock, scheduler, bot, '2026-06-11T09:00:00Z');
    assert.match(cardText(reminders().at(-1)!), /due on 10 Jun 2026 and is now overdue/);
    await tickAt(clock, scheduler, bot, '2026-06-12T09:00:00Z');
    assert.match(cardText(reminders().at(-1)!), /no update since 13 May 2026/);
    await tickAt(clock, scheduler, bot, '2026-06-15T09:00:00Z');
    assert.equal(reminders().length, 2);
    await tickAt(clock, scheduler, bot, '2026-06-18T09:00:00Z');
    assert.equal(reminders().length, 3);
    assert.match(cardText(reminders().at(-1)!), /overdue since 10 Jun 2026/);
  });

  it('waits for Monday morning when a reminder falls on a quiet weekend', async () => {
    await plan({ due: '2026-06-23' }); // 3 days before is Saturday 20 June
    clock = fakeDate('2026-06-20T10:00:00Z');
    await tickAt(clock, scheduler, bot, '2026-06-20T10:00:00Z');
    await tickAt(clock, scheduler, bot, '2026-06-21T15:00:00Z');
    assert.equal(reminders().length, 0);
    await tickAt(clock, scheduler, bot, '2026-06-22T07:00:00Z'); // Monday 08:00 London
    assert.equal(reminders().length, 1);
  });

  it('lets the owner mark the action done from the reminder, which stops further reminders', async () => {
    await plan({ due: '2026-06-10' });
    clock = fakeDate('2026-06-11T09:00:00Z');
    await tickAt(clock, scheduler, bot, '2026-06-11T09:00:00Z');
    const done = actionFor(reminders()[0], 'reminder.done');
    const stranger = await bot.press(people.member, 'reminder.done', done.data);
    assert.match(cardText(stranger), /Only the owner of 1\.6/);
    const after = await bot.press(people.owner, 'reminder.done', done.data);
    assert.match(cardText(after), /1\.6 .* is now 🟢 Green/);
    const action = await bot.store.getAction(await networkId(bot), '1.6');
    assert.equal(action?.status, 'green');
    assert.equal((await bot.store.listActionUpdates(await networkId(bot), '1.6')).at(-1)?.byName, people.owner.name);
    const again = await bot.press(people.owner, 'reminder.done', done.data);
    assert.match(cardText(again), /already marked/);
    await tickAt(clock, scheduler, bot, '2026-06-18T09:00:00Z');
    assert.equal(reminders().length, 1, 'a green action gets no weekly overdue reminder');
  });

  it('opens the usual update form from the reminder', async () => {
    await plan({ due: '2026-06-10' });
    clock = fakeDate('2026-06-11T09:00:00Z');
    await tickAt(clock, scheduler, bot, '2026-06-11T09:00:00Z');
    const form = await bot.press(people.owner, 'action.edit', actionFor(reminders()[0], 'action.edit').data);
    assert.match(cardText(form), /Update 1\.6/);
    assert.ok(actionFor(form, 'action.update'));
  });

  it('snoozes reminders for seven days', async () => {
    await plan({ due: '2026-06-10' });
    clock = fakeDate('2026-06-11T09:00:00Z');
    await tickAt(clock, scheduler, bot, '2026-06-11T09:00:00Z');
    const snoozed = await bot.press(people.owner, 'reminder.snooze', actionFor(reminders()[0], 'reminder.snooze').data);
    assert.match(cardText(snoozed), /No reminders about 1\.6 until Thu 18 Jun 2026, 10:00/);
    await tickAt(clock, scheduler, bot, '2026-06-18T08:59:00Z'); // weekly overdue day, still snoozed
    assert.equal(reminders().length, 1);
    await tickAt(clock, scheduler, bot, '2026-06-25T09:00:00Z');
    assert.equal(reminders().length, 2, 'reminders resume after the snooze');
  });

  it('refuses a damaged reminder button and changes nothing', async () => {
    await plan({ due: '2026-06-10' });
    const card = await bot.press(people.owner, 'reminder.done', { cv: 1, number: '1.6', version: 'x' });
    assert.match(cardText(card), /incomplete or damaged/);
    assert.equal((await bot.store.getAction(await networkId(bot), '1.6'))?.status, 'amber');
  });
});
