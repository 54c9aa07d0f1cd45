import type { CoreDeps } from '../deps';
import type { Forum, Network } from '../model';
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

/** What is kept in the store for one schedule a chair set. */
interface StoredSchedule {
  expression: string | null;
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
    const expression = parsed.expression === null || (typeof parsed.expression === 'string' && isValidSchedule(parsed.expression)) ? parsed.expression : undefined;
    if (expression === undefined || typeof parsed.setAt !== 'string') return null;
    return { expression, setAt: parsed.setAt };
  } catch {
    return null;
  }
}

async function storedSchedule(deps: CoreDeps, key: string): Promise<StoredSchedule | null> {
  return readStored(await deps.store.getSetting(key));
}

const inForce = (stored: StoredSchedule, source: ScheduleSource): ScheduleInForce => ({ expression: stored.expression, source, since: new Date(stored.setAt) });

/** The chairs' digest schedule of a network. */
export async function digestSchedule(deps: CoreDeps, network: Network): Promise<ScheduleInForce> {
  const stored = await storedSchedule(deps, scheduleKey('digest', network.id));
  return stored ? inForce(stored, 'network') : { expression: reportDefaults(deps).digest, source: 'default', since: null };
}

/** The summary schedule of forums without their own: the network's, else the server's default. */
export async function networkSummarySchedule(deps: CoreDeps, network: Network): Promise<ScheduleInForce> {
  const stored = await storedSchedule(deps, scheduleKey('summary', network.id));
  return stored ? inForce(stored, 'network') : { expression: reportDefaults(deps).summary, source: 'default', since: null };
}

/** A forum's summary schedule: its own, else `fallback` (the network's, read once per tick). */
export async function forumSummarySchedule(deps: CoreDeps, forum: Forum, fallback: ScheduleInForce): Promise<ScheduleInForce> {
  const stored = await storedSchedule(deps, scheduleKey('summary', forum.networkId, forum.id));
  return stored ? inForce(stored, 'forum') : fallback;
}

/** Keeps a schedule a chair chose (null: off), or with `clear` goes back to the one above it. */
export async function saveSchedule(deps: CoreDeps, key: string, choice: { expression: string | null } | 'clear', at: Date): Promise<void> {
  if (choice === 'clear') await deps.store.takeSetting(key);
  else await deps.store.putSetting(key, JSON.stringify({ expression: choice.expression, setAt: at.toISOString() } satisfies StoredSchedule));
}

/** "on the first Monday of each month at 09:00", "every Friday at 16:00", or "off". */
export function scheduleInWords(expression: string | null): string {
  if (expression === null) return 'off';
  const words = describeSchedule(expression);
  return `${words.charAt(0).toLowerCase()}${words.slice(1)}`;
}
