import { DateTime } from 'luxon';
import type { Network } from '../model';

/** The part of a network's settings that decides when the bot may send on its own. */
export type QuietRules = Pick<Network, 'timeZone' | 'quietHours' | 'quietWeekends'>;

const minuteOfDay = (hhmm: string): number => {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
};

function inQuietHours(local: DateTime, rules: QuietRules): boolean {
  if (!rules.quietHours) return false;
  const start = minuteOfDay(rules.quietHours.start);
  const end = minuteOfDay(rules.quietHours.end);
  if (start === end) return false;
  const minute = local.hour * 60 + local.minute;
  // Quiet hours usually run overnight (18:00–08:00), so they may wrap past midnight.
  return start > end ? minute >= start || minute < end : minute >= start && minute < end;
}

const isWeekend = (local: DateTime): boolean => local.weekday >= 6;

/** True when `at` falls in the network's quiet hours or (if set) at a weekend, in its time zone. */
export function isQuietTime(at: Date, rules: QuietRules): boolean {
  const local = DateTime.fromJSDate(at).setZone(rules.timeZone);
  return inQuietHours(local, rules) || (rules.quietWeekends && isWeekend(local));
}

/**
 * `at` itself when sending is allowed then, otherwise the first allowed moment after it
 * (the end of quiet hours, or Monday morning after a quiet weekend), in the network's zone.
 */
export function nextAllowedTime(at: Date, rules: QuietRules): Date {
  let local = DateTime.fromJSDate(at).setZone(rules.timeZone);
  for (let step = 0; step < 16; step++) {
    if (rules.quietWeekends && isWeekend(local)) {
      local = local.startOf('day').plus({ days: 8 - local.weekday });
      continue;
    }
    if (inQuietHours(local, rules) && rules.quietHours) {
      const end = minuteOfDay(rules.quietHours.end);
      const minute = local.hour * 60 + local.minute;
      const day = minute < end ? local.startOf('day') : local.startOf('day').plus({ days: 1 });
      local = day.set({ hour: Math.floor(end / 60), minute: end % 60 });
      continue;
    }
    return local.toJSDate() < at ? at : local.toJSDate();
  }
  return local.toJSDate();
}
