import { strict as assert } from 'node:assert';
import { describeSchedule, nextOccurrence, occurrencesBetween, parseSchedule, scheduleFor } from '../../src/core/schedules';
import { isQuietTime, nextAllowedTime } from '../../src/core/outbox/quiet-hours';

const london = { timeZone: 'Europe/London', quietHours: { start: '18:00', end: '08:00' }, quietWeekends: true };
const utc = (iso: string) => new Date(iso);

describe('Schedules in words and in time', () => {
  it('says schedules in words people use', () => {
    assert.equal(describeSchedule('0 10 * * 1 even'), 'Every other Monday at 10:00');
    assert.equal(describeSchedule('0 9 * * 1#1'), 'On the first Monday of each month at 09:00');
    assert.equal(describeSchedule('30 14 * * 3'), 'Every Wednesday at 14:30');
    assert.equal(describeSchedule('0 9 * * 1-5'), 'Every weekday at 09:00');
  });

  it('explains what is wrong with a schedule it cannot read', () => {
    assert.throws(() => parseSchedule('0 10 * *'), /five fields/);
    assert.throws(() => parseSchedule('0 25 * * 1'), /hour must be from 0 to 23/);
    assert.throws(() => parseSchedule('0 10 1 * 1'), /either days of the month or days of the week/);
    assert.throws(() => parseSchedule('0 10 * * 1 sometimes'), /even.*odd/);
  });

  it('finds the first Monday of the month in the network time zone', () => {
    assert.deepEqual(nextOccurrence('0 9 * * 1#1', 'Europe/London', utc('2026-06-02T00:00:00Z')), { key: '2026-07-06T09:00', at: utc('2026-07-06T08:00:00Z') });
    assert.deepEqual(nextOccurrence('0 9 * * 1#1', 'America/New_York', utc('2026-06-02T00:00:00Z'))?.at, utc('2026-07-06T13:00:00Z'));
  });

  it('makes every other week start with the next such weekday', () => {
    const from = utc('2026-06-03T12:00:00Z');
    const schedule = scheduleFor('fortnightly', 1, '10:00', 'Europe/London', from);
    const slots = occurrencesBetween(schedule, 'Europe/London', from, utc('2026-07-10T00:00:00Z')).map((o) => o.key);
    assert.deepEqual(slots, ['2026-06-08T10:00', '2026-06-22T10:00', '2026-07-06T10:00']);
  });

  it('neither skips nor repeats a slot across the UK clock changes', () => {
    const spring = occurrencesBetween('30 1 * * *', 'Europe/London', utc('2026-03-28T00:00:00Z'), utc('2026-03-31T00:00:00Z'));
    assert.deepEqual(spring.map((o) => o.key), ['2026-03-28T01:30', '2026-03-29T01:30', '2026-03-30T01:30']);
    assert.equal(spring[1].at.toISOString(), '2026-03-29T01:30:00.000Z', '01:30 does not exist that night: it happens at 02:30 BST');
    const autumn = occurrencesBetween('30 1 * * *', 'Europe/London', utc('2026-10-24T00:00:00Z'), utc('2026-10-27T00:00:00Z'));
    assert.deepEqual(autumn.map((o) => o.key), ['2026-10-24T01:30', '2026-10-25T01:30', '2026-10-26T01:30']);
    const weekly = occurrencesBetween('0 10 * * 1', 'Europe/London', utc('2026-03-20T00:00:00Z'), utc('2026-04-07T00:00:00Z'));
    assert.deepEqual(weekly.map((o) => o.at.toISOString()), ['2026-03-23T10:00:00.000Z', '2026-03-30T09:00:00.000Z', '2026-04-06T09:00:00.000Z'], '10:00 local on both sides of the change');
  });
});

describe('Quiet hours and weekends', () => {
  it('lets sends through in working hours', () => {
    assert.equal(isQuietTime(utc('2026-06-03T10:00:00Z'), london), false);
    assert.equal(nextAllowedTime(utc('2026-06-03T10:00:00Z'), london).toISOString(), '2026-06-03T10:00:00.000Z');
  });

  it('holds an evening send until 08:00 the next morning, local time', () => {
    assert.equal(nextAllowedTime(utc('2026-06-03T17:30:00Z'), london).toISOString(), '2026-06-04T07:00:00.000Z');
    assert.equal(nextAllowedTime(utc('2026-01-14T05:00:00Z'), london).toISOString(), '2026-01-14T08:00:00.000Z', 'in winter 08:00 is 08:00 UTC');
  });

  it('holds a Friday evening or weekend send until Monday 08:00', () => {
    assert.equal(nextAllowedTime(utc('2026-06-05T17:30:00Z'), london).toISOString(), '2026-06-08T07:00:00.000Z');
    assert.equal(nextAllowedTime(utc('2026-06-07T12:00:00Z'), london).toISOString(), '2026-06-08T07:00:00.000Z');
  });

  it('holds a send on the weekend the clocks go forward until Monday 08:00 BST', () => {
    assert.equal(nextAllowedTime(utc('2026-03-28T12:00:00Z'), london).toISOString(), '2026-03-30T07:00:00.000Z');
  });

  it('follows a network without quiet weekends, or with quiet hours in the day', () => {
    assert.equal(nextAllowedTime(utc('2026-06-06T12:00:00Z'), { ...london, quietWeekends: false }).toISOString(), '2026-06-06T12:00:00.000Z');
    const lunch = { timeZone: 'Europe/London', quietHours: { start: '12:00', end: '13:00' }, quietWeekends: false };
    assert.equal(nextAllowedTime(utc('2026-06-03T11:15:00Z'), lunch).toISOString(), '2026-06-03T12:00:00.000Z');
  });
});
