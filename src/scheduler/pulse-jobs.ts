import type { CoreDeps } from '../core/deps';
import { addDays } from '../core/clock';
import { formatDateTime } from '../core/format';
import type { Network, PulseRound } from '../core/model';
import { audienceByLanguage, openRound, questionCard } from '../core/pulses/pulses';
import { PULSE_TEXT } from '../core/pulses/text';
import { roundIdFor } from '../core/pulses/questions';
import { nextAllowedTime } from '../core/outbox/quiet-hours';
import { occurrencesBetween } from '../core/schedules';

const HOUR = 3_600_000;
/** Slots this far back are still opened late (after a restart, or when quiet time deferred them). */
const LATE_OPENING_MS = 3 * 24 * HOUR;
/** A nudge needs at least this long before close to be worth sending. */
const NUDGE_MIN_BEFORE_CLOSE_MS = 15 * 60_000;

/**
 * Opens the rounds of recurring pulses whose slot has come. A slot in quiet time opens at
 * the next allowed time; each slot opens once (its local date-time is the round's key).
 */
export async function openDueRounds(deps: CoreDeps, network: Network, at: Date): Promise<number> {
  const questions = (await deps.store.listPulseQuestions(network.id)).filter((q) => q.schedule);
  let opened = 0;
  for (const question of questions) {
    const windowMs = question.windowHours * HOUR;
    const from = new Date(Math.max(Date.parse(question.createdAt), at.getTime() - windowMs - LATE_OPENING_MS));
    for (const slot of occurrencesBetween(question.schedule as string, network.timeZone, from, at)) {
      const opensAt = nextAllowedTime(slot.at, network);
      if (opensAt > at || opensAt.getTime() + windowMs <= at.getTime()) continue;
      if (await deps.store.getRound(roundIdFor(network.id, question.number, slot.key))) continue;
      await openRound(deps, network, question, slot.key, opensAt, new Date(opensAt.getTime() + windowMs));
      opened++;
    }
  }
  return opened;
}

/** How long before close the nudge goes: a quarter of the window, between one and four hours. */
export function nudgeLeadMs(round: PulseRound): number {
  const windowMs = Date.parse(round.closesAt) - Date.parse(round.opensAt);
  return Math.min(4 * HOUR, Math.max(HOUR, windowMs / 4));
}

/**
 * One nudge per round, shortly before it closes, to everyone the round was sent to by direct
 * message, worded for those who have answered and those who have not. Nudging only those who
 * have not would write who answered into the outbox (the round's recipients minus the
 * nudge's), for anyone who reads the database.
 */
export async function queueNudges(deps: CoreDeps, network: Network, at: Date): Promise<number> {
  const rounds = (await deps.store.listRounds(network.id, addDays(at, -120).toISOString(), at.toISOString())).filter(
    (r) => Date.parse(r.closesAt) > at.getTime(),
  );
  let queued = 0;
  for (const round of rounds) {
    const closesAt = Date.parse(round.closesAt);
    if (at.getTime() < closesAt - nudgeLeadMs(round)) continue;
    const sendAt = nextAllowedTime(at, network);
    if (sendAt.getTime() > closesAt - NUDGE_MIN_BEFORE_CLOSE_MS) continue;
    const jobKey = `nudge:${round.id}`;
    if ((await deps.store.listDeliveries(jobKey)).length > 0) continue;
    const question = await deps.store.getPulseQuestion(network.id, round.questionNumber);
    if (!question || question.audience.type !== 'members') continue;
    // Each person is nudged in their own language.
    for (const { language, recipients } of await audienceByLanguage(deps, network, question)) {
      const notice = PULSE_TEXT(language).nudge(formatDateTime(round.closesAt, network.timeZone, language));
      queued += await deps.outbox.enqueue(network.id, jobKey, recipients, { card: questionCard(network, question, round, null, notice, '', language) }, sendAt);
    }
  }
  return queued;
}
