import { card, type Card, type ChartPicture, type OverviewChart, type SummaryCard } from '../cards';
import type { ChartLinks } from '../charts/links';
import { chartLanguage, describeChart, type ChartSpec } from '../charts/spec';
import { chartPictures, overviewCharts } from '../charts/summary-charts';
import type { OutgoingMessage } from '../messages';
import type { Platform } from '../model';
import type { CoreDeps } from '../deps';
import { actionLabel, actorShown, bar, firstLines, formatDate, formatDue, formatDateTime } from '../format';
import type { Language } from '../i18n/language';
import { ragLabel, ragLegend, ragName, themeName } from '../i18n/words';
import { feedbackStatusName } from '../feedback/text';
import { pulseReference } from '../pulses/questions';
import { PLATFORMS, platformName } from '../platforms';
import { SCALE_MAX, summaryFigures, type RoundFigures, type Scale, type ScaleFigures, type SummaryFigures, type SummaryRequest } from './summary-figures';
import { plain } from '../markdown';
import { summaryText } from './text';

export type { SummaryFilters, SummaryRequest } from './summary-figures';

const scaleName = (scale: Scale, language: Language): string => summaryText(language)[scale === 'likert' ? 'likertScale' : 'npsScale'];

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** "3.8 ↑ (was 3.2) · 18 answers", or why there is no average. */
export function describeScale(figures: ScaleFigures, threshold: number, language: Language = 'en'): string {
  const say = summaryText(language);
  if (figures.mean === null) return say.scaleWithheld(threshold);
  const was = figures.previousMean === null ? say.noEarlierFigures : say.was(figures.previousMean.toFixed(1));
  const mean = [figures.mean.toFixed(1), say.outOf, String(SCALE_MAX[figures.scale]), figures.trend].filter(Boolean).join(' ');
  return `${mean} (${was}) · ${say.answers(figures.answers)}`;
}

function describeRound(r: RoundFigures, language: Language): string {
  const say = summaryText(language);
  const counted = say.answersOfAsked(r.answered, r.round.askedCount);
  if (!r.shown) return `${counted} · ${r.withheldReason}`;
  if (r.question.kind === 'text') return `${counted} · ${say.freeText}`;
  if (r.question.kind === 'likert' || r.question.kind === 'nps') {
    const total = r.counts.reduce((n, c) => n + c.count, 0);
    const mean = r.counts.reduce((n, c) => n + Number(c.value) * c.count, 0) / Math.max(total, 1);
    return `${counted} · ${say.averageOf(mean.toFixed(1), r.question.kind === 'likert' ? 5 : 10)}`;
  }
  return `${counted} · ${r.counts.map((c) => `${c.label} ${c.count}`).join(' · ')}`;
}

function filtersLine(figures: SummaryFigures, forumName: string | null, language: Language): string {
  const say = summaryText(language);
  const { theme, platform } = figures.filters;
  return [theme ? say.filterTheme(themeName(theme, language)) : '', forumName ? say.filterForum(forumName) : '', platform ? say.filterPlatform(platformName(platform)) : '']
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
export function distributionChart(theme: string, scale: Scale, bars: { x: string; y: number }[], links: ChartLinks | undefined, language: Language = 'en'): SummaryCard['charts'][number] {
  const scaleWords = scaleName(scale, language);
  const title = summaryText(language).distributionTitle(theme, scaleWords);
  const spec: ChartSpec = { kind: 'bars', title, bars, ...(language === 'en' ? {} : { language }) };
  return { title, bars, ...picture(spec, links, chartFallback(`${plain(theme)} (${scaleWords.toLowerCase()})`, bars)) };
}

function charts(figures: SummaryFigures, links: ChartLinks | undefined, language: Language): SummaryCard['charts'] {
  return figures.themes.flatMap((theme) =>
    theme.scales
      .filter((s) => s.mean !== null)
      .map((s) => distributionChart(themeName(theme.theme, language), s.scale, s.distribution.map((d) => ({ x: d.label, y: d.count })), links, language)),
  );
}

const RAG_CHART_COLOURS = { green: 'good', amber: 'warning', red: 'attention' } as const;

export function planChart(spec: Extract<ChartSpec, { kind: 'rag' }>, links: ChartLinks | undefined): OverviewChart[] {
  if (spec.rows.length === 0) return [];
  const language = chartLanguage(spec);
  const series = (['green', 'amber', 'red'] as const).map((status) => ({
    legend: ragLegend(status, language),
    color: RAG_CHART_COLOURS[status],
    values: spec.rows.map((r) => ({ x: plain(themeName(r.theme, language)), y: r[status] })),
  }));
  // Without a picture the RAG table beside it says the same in words.
  return [{ title: summaryText(language).asAt(describeChart(spec).title, spec.asAt), series, ...picture(spec, links, '') }];
}

export function trendChart(spec: Extract<ChartSpec, { kind: 'trend' }>, links: ChartLinks | undefined): OverviewChart[] {
  const pulses = spec.pulses.filter((p) => p.trend.length > 0);
  if (pulses.length === 0) return [];
  const language = chartLanguage(spec);
  const note = summaryText(language).trendNote;
  const series = pulses.map((p) => ({ legend: themeName(p.theme, language), values: p.trend.map((t) => ({ x: t.quarter, y: Number(t.average.toFixed(2)) })) }));
  const lines = pulses.map((p) => `${themeName(p.theme, language)}: ${p.trend.map((t) => `${t.quarter} ${t.average.toFixed(1)}`).join(' · ')}`);
  const text = [`**${describeChart(spec).title}** (${note})`, ...lines].join('  \n');
  return [{ title: `${describeChart(spec).title} (${note})`, series, ...picture(spec, links, text) }];
}

/** The overview charts a card draws itself (Teams); Slack gets them as pictures after the card instead. */
interface CardCharts {
  overview: { rag: Extract<ChartSpec, { kind: 'rag' }>; trend: Extract<ChartSpec, { kind: 'trend' }> } | null;
  links?: ChartLinks;
}

/** The summary card, from figures already computed (the scheduler may reuse them). */
export function summaryCard(figures: SummaryFigures, request: SummaryRequest, forumName: string | null = null, drawn: CardCharts = { overview: null }): Card {
  const { network, days } = request;
  const language = request.language ?? 'en';
  const say = summaryText(language);
  const zone = network.timeZone;
  const threshold = figures.threshold;
  const when = (iso: string) => formatDateTime(iso, zone, language);
  const built = card('summary', {
    title: say.title(plain(request.audienceName)),
    period: say.period(days, when(figures.since), when(figures.until)),
    filters: filtersLine(figures, forumName, language),
    themes: figures.themes.map((t) => ({
      heading: `${say.themeHeading(plain(themeName(t.theme, language)), t.rounds, t.answered)}${t.responseRate === null ? '' : say.responseRate(t.asked, percent(t.responseRate))}`,
      scales: t.scales.map((s) => ({ title: scaleName(s.scale, language), value: describeScale(s, threshold, language) })),
    })),
    noThemes: figures.themes.length ? '' : say.noPulses,
    charts: charts(figures, drawn.links, language),
    trendChart: drawn.overview ? trendChart(drawn.overview.trend, drawn.links) : [],
    planChart: drawn.overview ? planChart(drawn.overview.rag, drawn.links) : [],
    rounds: figures.rounds.map((r) => ({
      line: `**${pulseReference(r.question.number)}** ${plain(r.question.text)} (${plain(themeName(r.question.theme, language))})`,
      detail: describeRound(r, language),
    })),
    noRounds: figures.rounds.length ? '' : say.noPulses,
    feedbackTotal: figures.feedback.withheld ? say.feedbackWithheld(network.anonymityThreshold) : say.items(figures.feedback.total),
    feedback: figures.feedback.byTheme.map((f) => ({
      title: plain(themeName(f.theme, language)),
      value: `${f.count}${f.ledToAction ? say.ledToActionCount(f.ledToAction) : ''}`,
    })),
    feedbackStatus: figures.feedback.byStatus.map((s) => ({ title: feedbackStatusName(s.status, language), value: String(s.count) })),
    ledToAction: say.youSaidWeDid(figures.feedback.ledToAction),
    rag: figures.rag.map((r) => ({ theme: plain(themeName(r.theme, language)), red: String(r.red), amber: String(r.amber), green: String(r.green), total: say.actions(r.total) })),
    noRag: figures.rag.length ? '' : say.noPlan,
    changes: firstLines(
      figures.changes,
      (c) =>
        `**${plain(c.action.number)}** ${plain(actionLabel(c.action))}: ${c.from ? ragLabel(c.from, language) : say.newAction} → ${ragLabel(c.to, language)} (${plain(actorShown(c.last.by, c.last.byName, language))}, ${formatDate(c.last.at.slice(0, 10), language)})`,
      (more) => say.moreChanges(more),
    ),
    noChanges: figures.changes.length ? '' : say.noChanges,
    attention: firstLines(
      figures.attention,
      ({ action, red, overdue }) => {
        const why = [red ? `🔴 ${ragName('red', language).toLowerCase()}` : '', overdue ? say.overdueSince(formatDue(action.due, language)) : ''].filter(Boolean).join(', ');
        return `**${plain(action.number)}** ${plain(actionLabel(action))} · ${why} · ${plain(action.owner)}`;
      },
      (more) => say.moreAttention(more),
    ),
    noAttention: figures.attention.length ? '' : say.noAttention,
    footnote: say.footnote(threshold, network.anonymityThreshold),
  });
  return { ...built, language };
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
  const overview = await overviewCharts(deps.store, request.network, figures, request.language ?? 'en');
  if (!PLATFORMS[platform].drawsCharts) {
    const images = chartPictures([overview.rag, overview.trend], figures.until.slice(0, 10));
    return { card: summaryCard(figures, request, forumName), ...(images.length ? { images } : {}) };
  }
  return { card: summaryCard(figures, request, forumName, { overview, links: deps.charts }) };
}
