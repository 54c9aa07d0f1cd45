import { card, type Card, type ChartPicture, type OverviewChart, type SummaryCard } from '../cards';
import type { ChartLinks } from '../charts/links';
import { describeChart, type ChartSpec } from '../charts/spec';
import { chartPictures, overviewCharts } from '../charts/summary-charts';
import type { OutgoingMessage } from '../messages';
import type { Platform } from '../model';
import type { CoreDeps } from '../deps';
import { actionLabel, actorShown, bar, firstLines, formatDate, formatDue, formatDateTime, plural, RAG_LABELS, RAG_LEGEND } from '../format';
import type { FeedbackStatus } from '../model';
import { pulseReference } from '../pulses/questions';
import { PLATFORMS, platformName } from '../platforms';
import { SCALE_MAX, summaryFigures, type RoundFigures, type Scale, type ScaleFigures, type SummaryFigures, type SummaryRequest } from './summary-figures';
import { plain } from '../markdown';

export type { SummaryFilters, SummaryRequest } from './summary-figures';

const SCALE_NAMES: Record<Scale, string> = { likert: 'Agree scale (1–5)', nps: 'Score (0–10)' };

export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  new: 'New',
  acknowledged: 'Acknowledged',
  linked: 'Linked to an action',
  closed: 'Closed with a reply',
};

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** "3.8 ↑ (was 3.2) · 18 answers", or why there is no average. */
export function describeScale(figures: ScaleFigures, threshold: number): string {
  if (figures.mean === null) return `withheld: no round reached ${threshold} answers`;
  const was = figures.previousMean === null ? 'no earlier figures' : `was ${figures.previousMean.toFixed(1)}`;
  const mean = [figures.mean.toFixed(1), 'of', String(SCALE_MAX[figures.scale]), figures.trend].filter(Boolean).join(' ');
  return `${mean} (${was}) · ${plural(figures.answers, 'answer')}`;
}

function describeRound(r: RoundFigures): string {
  const counted = `${plural(r.answered, 'answer')} of ${r.round.askedCount} asked`;
  if (!r.shown) return `${counted} · ${r.withheldReason}`;
  if (r.question.kind === 'text') return `${counted} · free-text answers: ask for the results card to read them`;
  if (r.question.kind === 'likert' || r.question.kind === 'nps') {
    const total = r.counts.reduce((n, c) => n + c.count, 0);
    const mean = r.counts.reduce((n, c) => n + Number(c.value) * c.count, 0) / Math.max(total, 1);
    return `${counted} · average ${mean.toFixed(1)} of ${r.question.kind === 'likert' ? 5 : 10}`;
  }
  return `${counted} · ${r.counts.map((c) => `${c.label} ${c.count}`).join(' · ')}`;
}

function filtersLine(figures: SummaryFigures, forumName: string | null): string {
  const { theme, platform } = figures.filters;
  return [theme ? `Theme: ${theme}` : '', forumName ? `Pulses sent to ${forumName} only` : '', platform ? `${platformName(platform)} answers and feedback only` : '']
    .filter(Boolean)
    .join(' · ');
}

/** What a client without chart support shows: a heading, then one text bar per line. */
export function chartFallback(heading: string, bars: { x: string; y: number }[]): string {
  const total = bars.reduce((n, b) => n + b.y, 0);
  return [`**${heading}**`, ...bars.map((b) => `${b.x.padStart(2)} ${bar(total ? b.y / total : 0)} ${b.y}`)].join('  \n');
}

/** A chart's picture where a client cannot draw it: linked when the server's address is known. */
function picture(spec: ChartSpec, links: ChartLinks | undefined, fallback: string): ChartPicture {
  return { image: links?.link(spec) ?? '', altText: describeChart(spec).altText, fallback };
}

/** One scale's answers per point (`Chart.VerticalBar`). */
export function distributionChart(theme: string, scale: Scale, bars: { x: string; y: number }[], links: ChartLinks | undefined): SummaryCard['charts'][number] {
  const title = `${theme}: ${SCALE_NAMES[scale].toLowerCase()}, answers per point`;
  return { title, bars, ...picture({ kind: 'bars', title, bars }, links, chartFallback(`${plain(theme)} (${SCALE_NAMES[scale].toLowerCase()})`, bars)) };
}

function charts(figures: SummaryFigures, links: ChartLinks | undefined): SummaryCard['charts'] {
  return figures.themes.flatMap((theme) =>
    theme.scales
      .filter((s) => s.mean !== null)
      .map((s) => distributionChart(theme.theme, s.scale, s.distribution.map((d) => ({ x: d.label, y: d.count })), links)),
  );
}

const RAG_CHART_COLOURS = { green: 'good', amber: 'warning', red: 'attention' } as const;

export function planChart(spec: Extract<ChartSpec, { kind: 'rag' }>, links: ChartLinks | undefined): OverviewChart[] {
  if (spec.rows.length === 0) return [];
  const series = (['green', 'amber', 'red'] as const).map((status) => ({
    legend: RAG_LEGEND[status],
    color: RAG_CHART_COLOURS[status],
    values: spec.rows.map((r) => ({ x: plain(r.theme), y: r[status] })),
  }));
  // Without a picture the RAG table beside it says the same in words.
  return [{ title: `${describeChart(spec).title}, as at ${spec.asAt}`, series, ...picture(spec, links, '') }];
}

export function trendChart(spec: Extract<ChartSpec, { kind: 'trend' }>, links: ChartLinks | undefined): OverviewChart[] {
  const pulses = spec.pulses.filter((p) => p.trend.length > 0);
  if (pulses.length === 0) return [];
  const series = pulses.map((p) => ({ legend: p.theme, values: p.trend.map((t) => ({ x: t.quarter, y: Number(t.average.toFixed(2)) })) }));
  const text = [`**${describeChart(spec).title}** (average of 1–5 answers per quarter)`, ...pulses.map((p) => `${p.theme}: ${p.trend.map((t) => `${t.quarter} ${t.average.toFixed(1)}`).join(' · ')}`)].join('  \n');
  return [{ title: `${describeChart(spec).title} (average of 1–5 answers per quarter)`, series, ...picture(spec, links, text) }];
}

/** The overview charts a card draws itself (Teams); Slack gets them as pictures after the card instead. */
interface CardCharts {
  overview: { rag: Extract<ChartSpec, { kind: 'rag' }>; trend: Extract<ChartSpec, { kind: 'trend' }> } | null;
  links?: ChartLinks;
}

/** The summary card, from figures already computed (the scheduler may reuse them). */
export function summaryCard(figures: SummaryFigures, request: SummaryRequest, forumName: string | null = null, drawn: CardCharts = { overview: null }): Card {
  const { network, days } = request;
  const zone = network.timeZone;
  const threshold = figures.threshold;
  return card('summary', {
    title: `Summary for ${plain(request.audienceName)}`,
    period: `Last ${plural(days, 'day')}: ${formatDateTime(figures.since, zone)} to ${formatDateTime(figures.until, zone)} · trends against the ${plural(days, 'day')} before`,
    filters: filtersLine(figures, forumName),
    themes: figures.themes.map((t) => ({
      heading: `**${plain(t.theme)}** · ${plural(t.rounds, 'round')} · ${plural(t.answered, 'answer')}${
        t.responseRate === null ? '' : ` of ${t.asked} asked (${percent(t.responseRate)} response rate)`
      }`,
      scales: t.scales.map((s) => ({ title: SCALE_NAMES[s.scale], value: describeScale(s, threshold) })),
    })),
    noThemes: figures.themes.length ? '' : 'No pulse questions in this period.',
    charts: charts(figures, drawn.links),
    trendChart: drawn.overview ? trendChart(drawn.overview.trend, drawn.links) : [],
    planChart: drawn.overview ? planChart(drawn.overview.rag, drawn.links) : [],
    rounds: figures.rounds.map((r) => ({
      line: `**${pulseReference(r.question.number)}** ${plain(r.question.text)} (${plain(r.question.theme)})`,
      detail: describeRound(r),
    })),
    noRounds: figures.rounds.length ? '' : 'No pulse questions in this period.',
    feedbackTotal: figures.feedback.withheld
      ? `withheld: a split by platform would show a group under ${network.anonymityThreshold}`
      : plural(figures.feedback.total, 'item'),
    feedback: figures.feedback.byTheme.map((f) => ({
      title: plain(f.theme),
      value: `${f.count}${f.ledToAction ? ` (${f.ledToAction} led to action)` : ''}`,
    })),
    feedbackStatus: figures.feedback.byStatus.map((s) => ({ title: FEEDBACK_STATUS_LABELS[s.status], value: String(s.count) })),
    ledToAction: `You said, we did: ${plural(figures.feedback.ledToAction, 'item')} of this period’s feedback led to an action.`,
    rag: figures.rag.map((r) => ({ theme: plain(r.theme), red: String(r.red), amber: String(r.amber), green: String(r.green), total: plural(r.total, 'action') })),
    noRag: figures.rag.length ? '' : 'No action plan yet. An admin can import one with `techvoice import-actions`.',
    changes: firstLines(
      figures.changes,
      (c) => `**${plain(c.action.number)}** ${plain(actionLabel(c.action))}: ${c.from ? RAG_LABELS[c.from] : 'new'} → ${RAG_LABELS[c.to]} (${plain(actorShown(c.last.by, c.last.byName))}, ${formatDate(c.last.at.slice(0, 10))})`,
      (more) => `…and ${more} more. Type **actions** to see the whole plan.`,
    ),
    noChanges: figures.changes.length ? '' : 'No action changed status in this period.',
    attention: firstLines(
      figures.attention,
      ({ action, red, overdue }) => {
        const why = [red ? '🔴 red' : '', overdue ? `overdue since ${formatDue(action.due)}` : ''].filter(Boolean).join(', ');
        return `**${plain(action.number)}** ${plain(actionLabel(action))} · ${why} · ${plain(action.owner)}`;
      },
      (more) => `…and ${more} more. Type **actions red** or **actions overdue** to see them all.`,
    ),
    noAttention: figures.attention.length ? '' : 'Nothing overdue or red. 🎉',
    footnote: `Anonymity: results appear once a pulse has closed, and only with ${threshold} answers or more (the threshold of ${network.anonymityThreshold} besides any reader’s own); withheld rounds are left out of every average and chart; a platform split is shown only when each platform has enough.`,
  });
}

/**
 * The forum summary: pulses by theme with trends and charts, feedback and what it led to,
 * and the action plan's RAG position and changes, for the last `days` days.
 */
export async function buildSummary(deps: CoreDeps, request: SummaryRequest): Promise<Card> {
  const figures = await summaryFigures(deps, request);
  return summaryCard(figures, request, await forumNameOf(deps, request, figures));
}

async function forumNameOf(deps: CoreDeps, request: SummaryRequest, figures: SummaryFigures): Promise<string | null> {
  const forumId = figures.filters.forumId;
  return forumId ? ((await deps.store.getForum(request.network.id, forumId))?.name ?? null) : null;
}

/**
 * The summary as a message for one platform, with its RAG-by-theme and pulse-trend charts:
 * Teams draws them in the card (their pictures where it cannot); Block Kit has no charts,
 * so on Slack they follow the card as pictures.
 */
export async function summaryMessage(deps: CoreDeps, request: SummaryRequest, platform: Platform): Promise<OutgoingMessage> {
  const figures = await summaryFigures(deps, request);
  const forumName = await forumNameOf(deps, request, figures);
  const overview = await overviewCharts(deps.store, request.network, figures);
  if (!PLATFORMS[platform].drawsCharts) {
    const images = chartPictures([overview.rag, overview.trend], figures.until.slice(0, 10));
    return { card: summaryCard(figures, request, forumName), ...(images.length ? { images } : {}) };
  }
  return { card: summaryCard(figures, request, forumName, { overview, links: deps.charts }) };
}
