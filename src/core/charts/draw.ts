import { existsSync } from 'node:fs';
import type * as Echarts from 'echarts';
import { ragLegend, themeName } from '../i18n/words';
import { chartLanguage, describeChart, type ChartSpec } from './spec';
import { chartText } from './text';

/** A chart as a picture, with the words a screen reader says instead. */
export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
  altText: string;
  title: string;
}

const WIDTH = 960;
const HEIGHT = 480;
const FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';
/** Colour-blind-safe enough and matched by words in the legend and the bars' labels. */
const RAG_COLOURS = { green: '#2E7D32', amber: '#E69F00', red: '#C62828' } as const;
const LINE_COLOURS = ['#1F4E79', '#E69F00', '#2E7D32', '#8E44AD'];

/** The fonts the charts are drawn with; reading every system font costs memory and time on each render. */
const CHART_FONTS = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'].filter((file) => existsSync(file));

/**
 * echarts and resvg are loaded on the first chart, not at start: together they hold tens of
 * megabytes that a server which never draws a chart should not carry.
 */
function chartLibraries(): { echarts: typeof Echarts; Resvg: typeof import('@resvg/resvg-js').Resvg } {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return { echarts: require('echarts') as typeof Echarts, Resvg: (require('@resvg/resvg-js') as typeof import('@resvg/resvg-js')).Resvg };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

function renderPng(option: Echarts.EChartsOption): Buffer {
  const { echarts, Resvg } = chartLibraries();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    const svg = chart.renderToSVGString();
    const font = CHART_FONTS.length ? { fontFiles: CHART_FONTS, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' };
    return new Resvg(svg, { fitTo: { mode: 'width', value: WIDTH * 2 }, font, background: '#ffffff' }).render().asPng();
  } finally {
    chart.dispose();
  }
}

type Spec<K extends ChartSpec['kind']> = Extract<ChartSpec, { kind: K }>;

/** Stacked bars of green, amber and red actions per theme, each segment labelled with its count. */
function ragByTheme(spec: Spec<'rag'>): Echarts.EChartsOption {
  const { rows, asAt } = spec;
  const language = chartLanguage(spec);
  const series = (['green', 'amber', 'red'] as const).map((status) => ({
    name: ragLegend(status, language),
    type: 'bar' as const,
    stack: 'rag',
    itemStyle: { color: RAG_COLOURS[status], decal: undefined },
    label: { show: true, color: '#ffffff', fontSize: 16, formatter: (p: { value: unknown }) => (Number(p.value) ? String(p.value) : '') },
    data: rows.map((r) => r[status]),
  }));
  return {
    title: { text: chartText(language).ragTitleAsAt(asAt), left: 'center', textStyle: { fontSize: 20 } },
    legend: { bottom: 0, itemGap: 32, textStyle: { fontSize: 15 } },
    grid: { left: 200, right: 40, top: 60, bottom: 60 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 14 } },
    yAxis: { type: 'category', data: rows.map((r) => themeName(r.theme, language)), inverse: true, axisLabel: { fontSize: 15 } },
    series,
  };
}

/** Average pulse score (1–5) per quarter, one line per theme. */
function pulseTrend(spec: Spec<'trend'>): Echarts.EChartsOption {
  const { pulses } = spec;
  const language = chartLanguage(spec);
  const withTrend = pulses.filter((p) => p.trend.length > 0);
  const quarters = [...new Set(withTrend.flatMap((p) => p.trend.map((t) => t.quarter)))].sort();
  return {
    title: { text: chartText(language).trendTitleLong, left: 'center', textStyle: { fontSize: 18 } },
    legend: { bottom: 0, itemGap: 32, textStyle: { fontSize: 15 } },
    grid: { left: 60, right: 40, top: 60, bottom: 70 },
    xAxis: { type: 'category', data: quarters, axisLabel: { fontSize: 13 } },
    yAxis: { type: 'value', min: 1, max: 5, interval: 1, axisLabel: { fontSize: 14 } },
    series: withTrend.map((p, i) => ({
      name: themeName(p.theme, language),
      type: 'line' as const,
      symbol: ['circle', 'rect', 'triangle', 'diamond'][i % 4],
      symbolSize: 10,
      lineStyle: { width: 3, type: (['solid', 'dashed', 'dotted', 'solid'] as const)[i % 4] },
      itemStyle: { color: LINE_COLOURS[i % LINE_COLOURS.length] },
      connectNulls: true,
      data: quarters.map((q) => {
        const point = p.trend.find((t) => t.quarter === q);
        return point ? Number(point.average.toFixed(2)) : null;
      }),
    })),
  };
}

/** Answers per point of one scale (how many chose 1, 2, … 5), as bars labelled with their counts. */
function distribution({ title, bars }: Spec<'bars'>): Echarts.EChartsOption {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 18 } },
    grid: { left: 60, right: 40, top: 60, bottom: 50 },
    xAxis: { type: 'category', data: bars.map((b) => b.x), axisLabel: { fontSize: 15 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 14 } },
    series: [{ type: 'bar', itemStyle: { color: LINE_COLOURS[0] }, label: { show: true, position: 'top', fontSize: 15 }, data: bars.map((b) => b.y) }],
  };
}

/** Whether a chart has anything to draw. */
export function hasData(spec: ChartSpec): boolean {
  switch (spec.kind) {
    case 'rag':
      return spec.rows.length > 0;
    case 'trend':
      return spec.pulses.some((p) => p.trend.length > 0);
    case 'bars':
      return spec.bars.length > 0;
  }
}

function option(spec: ChartSpec): Echarts.EChartsOption {
  switch (spec.kind) {
    case 'rag':
      return ragByTheme(spec);
    case 'trend':
      return pulseTrend(spec);
    case 'bars':
      return distribution(spec);
  }
}

/** The picture of a chart, with its title and alt text, or null when it has nothing to draw. */
export function drawChart(spec: ChartSpec): ChartImage | null {
  if (!hasData(spec)) return null;
  return { png: renderPng(option(spec)), width: WIDTH, height: HEIGHT, ...describeChart(spec) };
}
