import { strict as assert } from 'node:assert';
import { describeSchedule, repeatChoices, REPEAT_CHOICES, weekdayChoices, WEEKDAY_CHOICES } from '../../src/core/schedules';

describe('Schedules in Welsh words', () => {
  it('says each kind of schedule in Welsh, with the mutations Welsh needs', () => {
    assert.equal(describeSchedule('0 10 * * 1', 'cy'), 'Bob dydd Llun am 10:00');
    assert.equal(describeSchedule('0 10 * * 1 even', 'cy'), 'Bob yn ail ddydd Llun am 10:00');
    assert.equal(describeSchedule('0 9 * * 1#1', 'cy'), 'Ar y dydd Llun cyntaf o bob mis am 09:00');
    assert.equal(describeSchedule('0 9 * * 3#2', 'cy'), 'Ar yr ail ddydd Mercher o bob mis am 09:00');
    assert.equal(describeSchedule('0 9 * * 5#3', 'cy'), 'Ar y trydydd dydd Gwener o bob mis am 09:00');
    assert.equal(describeSchedule('30 16 * * 1-5', 'cy'), 'Bob diwrnod gwaith am 16:30');
    assert.equal(describeSchedule('0 9,14 * * 2,4', 'cy'), 'Bob dydd Mawrth a dydd Iau am 09:00 a 14:00');
    assert.equal(describeSchedule('0 9 1,15 3,9 *', 'cy'), 'Ar ddiwrnod 1 a 15 o’r mis ym mis Mawrth a Medi am 09:00');
    assert.equal(describeSchedule('0 9 * * *', 'cy'), 'Bob dydd am 09:00');
  });

  it('keeps the English words as they were', () => {
    assert.equal(describeSchedule('0 10 * * 1 even'), 'Every other Monday at 10:00');
    assert.equal(describeSchedule('0 10 * * 1 even', 'en'), 'Every other Monday at 10:00');
    assert.deepEqual(repeatChoices('en'), REPEAT_CHOICES.map((c) => ({ value: c.value, title: c.title })));
    assert.deepEqual(weekdayChoices('en'), WEEKDAY_CHOICES);
  });

  it('offers the repeat and weekday choices in Welsh', () => {
    assert.deepEqual(repeatChoices('cy').map((c) => c.title), ['Unwaith, nawr', 'Bob wythnos', 'Bob yn ail wythnos', 'Bob mis, ar y cyntaf o’r diwrnod hwnnw yn y mis']);
    assert.deepEqual(weekdayChoices('cy').map((c) => `${c.value} ${c.title}`), ['1 Dydd Llun', '2 Dydd Mawrth', '3 Dydd Mercher', '4 Dydd Iau', '5 Dydd Gwener']);
  });
});
