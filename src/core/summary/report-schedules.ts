import type { CoreDeps } from '../deps';
import type { Language } from '../i18n/language';
import type { Forum, Network } from '../model';
import { scheduleText } from './schedule-text';
import { DEFAULT_REPORT_SCHEDULES, describeSchedule, isValidSchedule, type ReportScheduleDefaults } from '../schedules';

/** The two reports that go out on a schedule: a forum's summary and the chairs' digest. */
export const REPORTS = ['summary', 'digest'] as const;
export type Report = (typeof REPORTS)[number];

/** Where a schedule in force comes from: the forum's own, the network's, or the server's default. */
export type ScheduleSource = 'forum' | 'network' | 'default';

export interface ScheduleInForce {
  /** The schedule expression, or null when a chair turned the report off. */
  expression: string | null;
  source: ScheduleSource;
  /**
   * When a chair set it. Slots before then are not caught up: setting Monday 09:00 at 10:00
   * on a Monday starts with next Monday, not with a report at once.
   */
  since: Date | null;
}

/**
 * What is kept in the store for one schedule a chair set: an expression, null for off, or
 * `inherit` when they went back to the schedule above (kept, not deleted, for its `setAt`).
 */
interface StoredSchedule {
  expression: string | null | 'inherit';
  setAt: string;
}

export function scheduleKey(report: Report, networkId: string, forumId: string | null = null): string {
  return forumId ? `schedule:${report}:${networkId}:forum:${forumId}` : `schedule:${report}:${networkId}`;
}

export function reportDefaults(deps: CoreDeps): ReportScheduleDefaults {
  return deps.reportSchedules ?? DEFAULT_REPORT_SCHEDULES;
}

function readStored(value: string | null): StoredSchedule | null {
  if (value === null) return null;
  try {
    const parsed = JSON.parse(value) as Partial<StoredSchedule>;
    const { expression, setAt } = parsed;
    const known = expression === null || expression === 'inherit' || (typeof expression === 'string' && isValidSchedule(expression));
    return known && expression !== undefined && typeof setAt === 'string' ? { expression, setAt } : null;
  } catch {
    return null;
  }
}

async function storedSchedule(deps: CoreDeps, key: string): Promise<StoredSchedule | null> {
  return readStored(await deps.store.getSetting(key));
}

const later = (a: Date | null, b: Date): Date => (a && a > b ? a : b);

/** What is in force given what a chair stored here and the schedule above it. */
function resolve(stored: StoredSchedule | null, source: ScheduleSource, above: ScheduleInForce): ScheduleInForce {
  if (!stored) return above;
  const setAt = new Date(stored.setAt);
  if (stored.expression === 'inherit') return { ...above, since: later(above.since, setAt) };
  return { expression: stored.expression, source, since: setAt };
}

/** The chairs' digest schedule of a network. */
export async function digestSchedule(deps: CoreDeps, network: Network): Promise<ScheduleInForce> {
  const stored = await storedSchedule(deps, scheduleKey('digest', network.id));
  return resolve(stored, 'network', { expression: reportDefaults(deps).digest, source: 'default', since: null });
}

/** The summary schedule of forums without their own: the network's, else the server's default. */
export async function networkSummarySchedule(deps: CoreDeps, network: Network): Promise<ScheduleInForce> {
  const stored = await storedSchedule(deps, scheduleKey('summary', network.id));
  return resolve(stored, 'network', { expression: reportDefaults(deps).summary, source: 'default', since: null });
}

/** A forum's summary schedule: its own, else `fallback` (the network's, read once per tick). */
export async function forumSummarySchedule(deps: CoreDeps, forum: Forum, fallback: ScheduleInForce): Promise<ScheduleInForce> {
  return resolve(await storedSchedule(deps, scheduleKey('summary', forum.networkId, forum.id)), 'forum', fallback);
}

/**
 * Keeps a schedule a chair chose (null: off), or with `inherit` goes back to the one above
 * it; either way, slots from before `at` are not caught up.
 */
export async function saveSchedule(deps: CoreDeps, key: string, expression: string | null | 'inherit', at: Date): Promise<void> {
  await deps.store.putSetting(key, JSON.stringify({ expression, setAt: at.toISOString() } satisfies StoredSchedule));
}

/** "on the first Monday of each month at 09:00", "every Friday at 16:00", or "off". */
export function scheduleInWords(expression: string | null, language: Language = 'en'): string {
  if (expression === null) return scheduleText(language).off;
  const words = describeSchedule(expression, language);
  return `${words.charAt(0).toLowerCase()}${words.slice(1)}`;
}
