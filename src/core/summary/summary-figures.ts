import type { CoreDeps } from '../deps';
import { addDays, now } from '../clock';
import { isOverdue } from '../actions/actions';
import type { Action, ActionUpdate, FeedbackStatus, FeedbackTheme, Network, Platform, PulseQuestion, PulseRound, RagStatus, Theme } from '../model';
import { FEEDBACK_STATUSES, FEEDBACK_THEMES, THEMES } from '../model';
import type { Language } from '../i18n/language';
import { answerChoices } from '../pulses/pulses';
import { answeredCount, answerValues, isFeedbackSplitPublishable, isPublishable, sharedViewRule, tallyRounds, withheldReason, type DisclosureRule, type RoundTally } from './summary-anonymity';

/** Narrow a summary down. Theme, forum and period pick whole rounds; platform splits them. */
export interface SummaryFilters {
  theme: Theme | null;
  /** Only pulses sent to this forum (feedback and actions have no forum). */
  forumId: string | null;
  platform: Platform | null;
}

export interface SummaryRequest {
  network: Network;
  /** Shown in the title: the forum's name, or the network's. */
  audienceName: string;
  days: number;
  filters?: Partial<SummaryFilters>;
  /** The language the summary is written in; English when not given. */
  language?: Language;
}

export type Trend = '↑' | '↓' | '→' | '';
export type Scale = 'likert' | 'nps';

export const SCALE_MAX: Record<Scale, number> = { likert: 5, nps: 10 };

/** Averages of one theme's scale questions (agree 1–5, or 0–10) in the period, with the trend. */
export interface ScaleFigures {
  theme: Theme;
  scale: Scale;
  /** Answers behind the average (publishable rounds only). */
  answers: number;
  mean: number | null;
  previousMean: number | null;
  trend: Trend;
  distribution: { label: string; count: number }[];
}

export interface ThemePulseFigures {
  theme: Theme;
  rounds: number;
  asked: number;
  answered: number;
  /** answered ÷ asked, or null when a platform filter makes "asked" unknown. */
  responseRate: number | null;
  scales: ScaleFigures[];
}

export interface RoundFigures {
  question: PulseQuestion;
  round: PulseRound;
  answered: number;
  shown: boolean;
  withheldReason: string;
  /** Counts per answer option, in display order; empty when withheld or free text. */
  counts: { label: string; value: string; count: number }[];
}

export interface FeedbackFigures {
  /** True when a platform split would show a group under the threshold: no counts are given. */
  withheld: boolean;
  total: number;
  byTheme: { theme: FeedbackTheme; count: number; ledToAction: number }[];
  byStatus: { status: FeedbackStatus; count: number }[];
  ledToAction: number;
}

export interface ActionChange {
  action: Action;
  from: RagStatus | null;
  to: RagStatus;
  last: ActionUpdate;
}

export interface SummaryFigures {
  since: string;
  until: string;
  previousSince: string;
  filters: SummaryFilters;
  threshold: number;
  rounds: RoundFigures[];
  themes: ThemePulseFigures[];
  feedback: FeedbackFigures;
  rag: { theme: Theme; red: number; amber: number; green: number; total: number }[];
  changes: ActionChange[];
  attention: { action: Action; red: boolean; overdue: boolean }[];
}

const TREND_STEP = 0.1;

export function trendOf(mean: number | null, previous: number | null): Trend {
  if (mean === null || previous === null) return '';
  if (mean - previous >= TREND_STEP) return '↑';
  if (previous - mean >= TREND_STEP) return '↓';
  return '→';
}

const noFilters = (filters: Partial<SummaryFilters> = {}): SummaryFilters => ({
  theme: filters.theme ?? null,
  forumId: filters.forumId ?? null,
  platform: filters.platform ?? null,
});

/**
 * Everything a summary shows, as numbers, with the anonymity rule applied. Reads only the
 * period's rounds (and the previous period's, for trends): its cost follows the period's data.
 */
export async function summaryFigures(deps: CoreDeps, request: SummaryRequest): Promise<SummaryFigures> {
  const { network, days } = request;
  const filters = noFilters(request.filters);
  const until = now();
  const rule = sharedViewRule(network, until);
  const since = addDays(until, -days);
  const previousSince = addDays(since, -days);
  const iso = { until: until.toISOString(), since: since.toISOString(), previousSince: previousSince.toISOString() };

  const [questions, allRounds, feedbackCounts, actions, updates] = await Promise.all([
    deps.store.listPulseQuestions(network.id),
    deps.store.listRounds(network.id, iso.previousSince, iso.until),
    deps.store.countFeedback(network.id, iso.since, iso.until),
    deps.store.listActions(network.id),
    deps.store.listActionUpdatesInPeriod(network.id, iso.since, iso.until),
  ]);
  const questionByNumber = new Map(questions.map((q) => [q.number, q]));
  const selected = allRounds
    .map((round) => ({ round, question: questionByNumber.get(round.questionNumber) }))
    .filter((r): r is { round: PulseRound; question: PulseQuestion } => r.question !== undefined)
    .filter(({ question }) => !filters.theme || question.theme === filters.theme)
    .filter(({ question }) => !filters.forumId || (question.audience.type === 'forum' && question.audience.forumId === filters.forumId));
  const tallies = tallyRounds(
    selected.map((r) => r.round.id),
    await deps.store.countAnswers(selected.map((r) => r.round)),
  );
  const current = selected.filter(({ round }) => round.opensAt >= iso.since);
  const previous = selected.filter(({ round }) => round.opensAt < iso.since);

  const rounds = current.map(({ round, question }) => roundFigures(round, question, tallies.get(round.id)!, rule, filters.platform, request.language ?? 'en'));
  const themes = THEMES.filter((t) => !filters.theme || t === filters.theme)
    .map((theme) => themeFigures(theme, current, previous, tallies, rule, filters.platform))
    .filter((t) => t.rounds > 0);

  const plan = actions.filter((a) => !filters.theme || a.theme === filters.theme);
  return {
    ...iso,
    filters,
    threshold: rule.needed,
    rounds,
    themes,
    feedback: feedbackFigures(feedbackCounts, filters, network.anonymityThreshold),
    rag: ragTable(plan),
    changes: await actionChanges(deps, network.id, plan, updates),
    attention: plan
      .filter((a) => a.status === 'red' || isOverdue(a))
      .map((action) => ({ action, red: action.status === 'red', overdue: isOverdue(action) })),
  };
}

function roundFigures(round: PulseRound, question: PulseQuestion, tally: RoundTally, rule: DisclosureRule, platform: Platform | null, language: Language): RoundFigures {
  const shown = isPublishable(tally, round, rule, platform);
  const values = answerValues(tally, platform);
  return {
    question,
    round,
    answered: answeredCount(tally, platform),
    shown,
    withheldReason: shown ? '' : withheldReason(tally, round, rule, platform, language),
    counts: shown ? answerChoices(question).map((c) => ({ label: c.title, value: c.value, count: values.get(c.value) ?? 0 })) : [],
  };
}

type Selected = { round: PulseRound; question: PulseQuestion }[];

function themeFigures(
  theme: Theme,
  current: Selected,
  previous: Selected,
  tallies: Map<string, RoundTally>,
  rule: DisclosureRule,
  platform: Platform | null,
): ThemePulseFigures {
  const mine = current.filter((r) => r.question.theme === theme);
  const before = previous.filter((r) => r.question.theme === theme);
  const answered = mine.reduce((n, r) => n + answeredCount(tallies.get(r.round.id)!, platform), 0);
  const asked = mine.reduce((n, r) => n + r.round.askedCount, 0);
  const scales = (['likert', 'nps'] as const)
    .filter((scale) => mine.some((r) => r.question.kind === scale))
    .map((scale) => {
      const now = scaleValues(mine, scale, tallies, rule, platform);
      const then = scaleValues(before, scale, tallies, rule, platform);
      const mean = meanOf(now);
      const previousMean = meanOf(then);
      const labels = answerChoices({ kind: scale, choices: [] });
      return {
        theme,
        scale,
        answers: [...now.values()].reduce((a, b) => a + b, 0),
        mean,
        previousMean,
        trend: trendOf(mean, previousMean),
        distribution: labels.map((c) => ({ label: c.value, count: now.get(c.value) ?? 0 })),
      };
    });
  return {
    theme,
    rounds: mine.length,
    asked,
    answered,
    responseRate: platform || asked === 0 ? null : answered / asked,
    scales,
  };
}

/** Value → count over the publishable rounds of one scale. */
function scaleValues(rounds: Selected, scale: Scale, tallies: Map<string, RoundTally>, rule: DisclosureRule, platform: Platform | null): Map<string, number> {
  const merged = new Map<string, number>();
  for (const { round, question } of rounds) {
    if (question.kind !== scale) continue;
    const tally = tallies.get(round.id)!;
    if (!isPublishable(tally, round, rule, platform)) continue;
    for (const [value, count] of answerValues(tally, platform)) merged.set(value, (merged.get(value) ?? 0) + count);
  }
  return merged;
}

function meanOf(values: Map<string, number>): number | null {
  let total = 0;
  let count = 0;
  for (const [value, n] of values) {
    total += Number(value) * n;
    count += n;
  }
  return count ? total / count : null;
}

function feedbackFigures(counts: Awaited<ReturnType<CoreDeps['store']['countFeedback']>>, filters: SummaryFilters, threshold: number): FeedbackFigures {
  const ofTheme = counts.filter((c) => !filters.theme || c.theme === filters.theme);
  const byPlatform = new Map<Platform, number>();
  for (const c of ofTheme) byPlatform.set(c.platform, (byPlatform.get(c.platform) ?? 0) + c.count);
  const withheld = filters.platform !== null && !isFeedbackSplitPublishable(byPlatform, threshold);
  const mine = withheld ? [] : ofTheme.filter((c) => !filters.platform || c.platform === filters.platform);
  const led = (c: (typeof mine)[number]) => c.linkedAction !== null && (c.status === 'linked' || c.status === 'closed');
  const total = mine.reduce((n, c) => n + c.count, 0);
  return {
    withheld,
    total,
    byTheme: FEEDBACK_THEMES.filter((t) => !filters.theme || t === filters.theme).map((theme) => {
      const ofTheme = mine.filter((c) => c.theme === theme);
      return { theme, count: ofTheme.reduce((n, c) => n + c.count, 0), ledToAction: ofTheme.filter(led).reduce((n, c) => n + c.count, 0) };
    }),
    byStatus: FEEDBACK_STATUSES.map((status) => ({ status, count: mine.filter((c) => c.status === status).reduce((n, c) => n + c.count, 0) })),
    ledToAction: mine.filter(led).reduce((n, c) => n + c.count, 0),
  };
}

export function ragTable(actions: Action[]): SummaryFigures['rag'] {
  return THEMES.map((theme) => {
    const mine = actions.filter((a) => a.theme === theme);
    const count = (status: RagStatus) => mine.filter((a) => a.status === status).length;
    return { theme, red: count('red'), amber: count('amber'), green: count('green'), total: mine.length };
  }).filter((row) => row.total > 0);
}

/** Status changes in the period: from the status before it to the latest in it. */
async function actionChanges(deps: CoreDeps, networkId: string, plan: Action[], updates: ActionUpdate[]): Promise<ActionChange[]> {
  const inPlan = new Map(plan.map((a) => [a.number, a]));
  const numbers = [...new Set(updates.map((u) => u.actionNumber))].filter((n) => inPlan.has(n));
  const changes: ActionChange[] = [];
  for (const number of numbers) {
    const mine = updates.filter((u) => u.actionNumber === number);
    const first = mine[0];
    const last = mine[mine.length - 1];
    const history = await deps.store.listActionUpdates(networkId, number);
    const before = history.filter((u) => u.at < first.at).pop();
    const from = before?.status ?? null;
    if (from === last.status) continue;
    changes.push({ action: inPlan.get(number)!, from, to: last.status, last });
  }
  return changes;
}
