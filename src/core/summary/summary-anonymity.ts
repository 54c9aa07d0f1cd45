import { platformName } from '../platforms';
import type { Language } from '../i18n/language';
import { summaryText } from './text';
import type { Network, Platform, PulseRound } from '../model';
import type { AnswerCount } from '../store';

/** A round's answers as counted: value → count, per platform. Never who answered. */
export interface RoundTally {
  roundId: string;
  byPlatform: Map<Platform, Map<string, number>>;
}

export function tallyRounds(roundIds: string[], counts: AnswerCount[]): Map<string, RoundTally> {
  const tallies = new Map(roundIds.map((id) => [id, { roundId: id, byPlatform: new Map() } as RoundTally]));
  for (const c of counts) {
    const tally = tallies.get(c.roundId);
    if (!tally) continue;
    const values = tally.byPlatform.get(c.platform) ?? new Map<string, number>();
    values.set(c.value, (values.get(c.value) ?? 0) + c.count);
    tally.byPlatform.set(c.platform, values);
  }
  return tallies;
}

const sum = (values: Iterable<number>): number => [...values].reduce((a, b) => a + b, 0);

/** How many answered the round, on one platform or on all. */
export function answeredCount(tally: RoundTally, platform: Platform | null = null): number {
  if (platform) return sum(tally.byPlatform.get(platform)?.values() ?? []);
  return sum([...tally.byPlatform.values()].map((values) => sum(values.values())));
}

/** The answer values of a round (value → count), on one platform or on all. */
export function answerValues(tally: RoundTally, platform: Platform | null = null): Map<string, number> {
  const merged = new Map<string, number>();
  for (const [p, values] of tally.byPlatform) {
    if (platform && p !== platform) continue;
    for (const [value, count] of values) merged.set(value, (merged.get(value) ?? 0) + count);
  }
  return merged;
}

/** What readers may be shown of a round's answers: docs/anonymity.md. */
export interface DisclosureRule {
  /** Answers a round needs besides any one reader's own (the network's threshold k). */
  needed: number;
  /** Distributions of a round still open are shown only when the network opted in. */
  liveResults: boolean;
  at: Date;
}

/**
 * The rule for a view many may read (a summary in a forum channel, an export): any reader may
 * have answered and knows their own answer, so a round needs k answers besides one of them.
 */
export function sharedViewRule(network: Pick<Network, 'anonymityThreshold' | 'liveResults'>, at: Date): DisclosureRule {
  return { needed: network.anonymityThreshold + 1, liveResults: network.liveResults, at };
}

/** The rule for one reader, who needs k answers besides their own when they answered. */
export function readerRule(network: Pick<Network, 'anonymityThreshold' | 'liveResults'>, readerAnswered: boolean, at: Date): DisclosureRule {
  return { needed: network.anonymityThreshold + (readerAnswered ? 1 : 0), liveResults: network.liveResults, at };
}

const isOpenAt = (round: Pick<PulseRound, 'closesAt'>, at: Date): boolean => at.getTime() < Date.parse(round.closesAt);

/**
 * The one anonymity rule every summary, chart and export follows.
 *
 * A round is the smallest group whose answers are ever shown, and only once it has closed
 * (unless the network opted into live results): while it is open, each new answer would move
 * the distribution and tell a watcher what that person chose. Theme, period and forum
 * filters pick whole rounds, so they can only add or remove whole groups. The platform
 * filter is the one that splits a round; a split is shown only when *every* platform part
 * that has answers reaches the threshold (complementary suppression), because the whole
 * round minus the shown part would otherwise reveal the rest.
 *
 * A round that fails the rule is left out of every average, chart and count of answer
 * values — not only its own line — so no two views differ by a group under the threshold.
 * How many people answered is not protected (it says nothing about what they said).
 */
export function isPublishable(tally: RoundTally, round: Pick<PulseRound, 'closesAt'>, rule: DisclosureRule, platform: Platform | null = null): boolean {
  if (!rule.liveResults && isOpenAt(round, rule.at)) return false;
  return reachesThreshold(tally, rule.needed, platform);
}

function reachesThreshold(tally: RoundTally, needed: number, platform: Platform | null): boolean {
  if (answeredCount(tally) < needed) return false;
  if (!platform) return true;
  const parts = [...tally.byPlatform.keys()].map((p) => answeredCount(tally, p)).filter((n) => n > 0);
  return answeredCount(tally, platform) > 0 && parts.every((n) => n >= needed);
}

/** Why a round's answers are not shown, in words for the card. */
export function withheldReason(tally: RoundTally, round: Pick<PulseRound, 'closesAt'>, rule: DisclosureRule, platform: Platform | null, language: Language = 'en'): string {
  const say = summaryText(language);
  if (!rule.liveResults && isOpenAt(round, rule.at)) return say.whenCloses;
  if (answeredCount(tally) < rule.needed) return say.belowThreshold(rule.needed);
  if (platform && answeredCount(tally, platform) === 0) return say.noAnswersOn(platformName(platform));
  return say.splitWithheld(rule.needed);
}

/**
 * Feedback counts split by platform follow the rounds' rule: shown only when every
 * platform's part is empty or reaches the threshold, or the whole minus the part would tell
 * where a small group's feedback came from.
 */
export function isFeedbackSplitPublishable(countsByPlatform: Map<Platform, number>, threshold: number): boolean {
  return [...countsByPlatform.values()].every((n) => n === 0 || n >= threshold);
}

