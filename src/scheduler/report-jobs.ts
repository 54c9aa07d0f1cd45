import type { CoreDeps } from '../core/deps';
import { buildDigest } from '../core/summary/digest';
import { forumLanguages, type Language } from '../core/i18n/language';
import type { Network } from '../core/model';
import { languageOf } from '../core/session';
import { nextAllowedTime } from '../core/outbox/quiet-hours';
import { occurrencesBetween, previousOccurrence, type Occurrence } from '../core/schedules';
import { summaryMessage } from '../core/summary/summary';
import { digestSchedule, forumSummarySchedule, networkSummarySchedule, type ScheduleInForce } from '../core/summary/report-schedules';

const DAY = 86_400_000;
/** A report whose slot passed this long ago (quiet time, a restart) still goes out. */
const LATE_MS = 3 * DAY;

/**
 * Slots of `schedule` that have come and whose quiet-time-adjusted send time has passed. A
 * late slot (a first start in the evening, a restart, a day no instance ran) is sent at the
 * next allowed moment from now, not from the slot: it obeys quiet hours like every other
 * send. Slots from before a chair set the schedule are not caught up.
 */
function dueSlots(schedule: ScheduleInForce, network: Network, at: Date): { slot: Occurrence; sendAt: Date }[] {
  if (schedule.expression === null) return [];
  const from = Math.max(at.getTime() - LATE_MS, schedule.since?.getTime() ?? 0);
  return occurrencesBetween(schedule.expression, network.timeZone, new Date(from), at)
    .filter((slot) => nextAllowedTime(slot.at, network) <= at)
    .map((slot) => ({ slot, sendAt: nextAllowedTime(at, network) }));
}

/** The summary for each forum, on its own schedule or the network's, covering the time since the last one. */
export async function queueForumSummaries(deps: CoreDeps, network: Network, at: Date): Promise<number> {
  let queued = 0;
  const networkSchedule = await networkSummarySchedule(deps, network);
  for (const forum of await deps.store.listForums(network.id)) {
    const schedule = await forumSummarySchedule(deps, forum, networkSchedule);
    const expression = schedule.expression;
    if (expression === null) continue;
    for (const { slot, sendAt } of dueSlots(schedule, network, at)) {
      const jobKey = `summary:${network.id}:${forum.id}:${slot.key}`;
      if ((await deps.store.listDeliveries(jobKey)).length > 0) continue;
      const previous = previousOccurrence(expression, network.timeZone, slot.at);
      const days = previous ? Math.min(365, Math.max(1, Math.round((slot.at.getTime() - previous.at.getTime()) / DAY))) : 30;
      // A forum in both languages gets the Welsh summary first, then the English one.
      const languages = forumLanguages(forum, network);
      for (const language of languages) {
        const key = languages.length > 1 ? `${jobKey}:${language}` : jobKey;
        if (key !== jobKey && (await deps.store.listDeliveries(key)).length > 0) continue;
        const summary = await summaryMessage(deps, { network, audienceName: forum.name, days, language }, forum.platform);
        queued += await deps.outbox.enqueue(network.id, key, [{ key: forum.id, platform: forum.platform, address: forum.address }], summary, sendAt);
      }
    }
  }
  return queued;
}

/** The digest, on the network's digest schedule, to every chair of the network by direct message. */
export async function queueChairDigest(deps: CoreDeps, network: Network, at: Date): Promise<number> {
  let queued = 0;
  for (const { slot, sendAt } of dueSlots(await digestSchedule(deps, network), network, at)) {
    const jobKey = `digest:${network.id}:${slot.key}`;
    if ((await deps.store.listDeliveries(jobKey)).length > 0) continue;
    const chairs = (await deps.store.listMembers(network.id)).filter((m) => m.roles.includes('chair') && m.directAddress && !m.unreachable);
    if (chairs.length === 0) continue;
    const byLanguage = new Map<Language, typeof chairs>();
    for (const chair of chairs) {
      const language = languageOf(chair, network);
      byLanguage.set(language, [...(byLanguage.get(language) ?? []), chair]);
    }
    for (const [language, readers] of byLanguage) {
      const digest = await buildDigest(deps, network, at, language);
      queued += await deps.outbox.enqueue(
        network.id,
        jobKey,
        readers.map((m) => ({ key: m.id, platform: m.platform, address: m.directAddress as string })),
        { card: digest },
        sendAt,
      );
    }
  }
  return queued;
}
