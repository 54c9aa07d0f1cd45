import type { OutgoingImage } from '../messages';
import type { Language } from '../i18n/language';
import type { Network } from '../model';
import type { Store } from '../store';
import { formatDate } from '../format';
import { pulseFigures } from '../submission/document-data';
import type { SummaryFigures } from '../summary/summary-figures';
import { drawChart } from './draw';
import { chartLanguage, type ChartSpec } from './spec';
import { chartText } from './text';

/** A summary's pulse trend covers this quarter and the three before it; the submission has the whole history. */
const TREND_QUARTERS = 4;

/** The first day of the quarter `TREND_QUARTERS - 1` quarters before the one `iso` falls in. */
function trendStart(iso: string): string {
  const quarter = Number(iso.slice(0, 4)) * 4 + Math.floor((Number(iso.slice(5, 7)) - 1) / 3) - (TREND_QUARTERS - 1);
  return `${Math.floor(quarter / 4)}-${String((quarter % 4) * 3 + 1).padStart(2, '0')}-01T00:00:00.000Z`;
}

/** The summary's two overview charts: the plan's RAG position by theme, and the pulse score per quarter and theme. */
export async function overviewCharts(
  store: Store,
  network: Network,
  figures: SummaryFigures,
  language: Language = 'en',
): Promise<{ rag: Extract<ChartSpec, { kind: 'rag' }>; trend: Extract<ChartSpec, { kind: 'trend' }> }> {
  const theme = figures.filters.theme;
  const pulses = (await pulseFigures(store, network, trendStart(figures.until))).filter((p) => !theme || p.theme === theme);
  // English links stay as they were before charts had a language.
  const inLanguage = language === 'en' ? {} : { language };
  return {
    rag: { kind: 'rag', asAt: formatDate(figures.until.slice(0, 10), language), rows: figures.rag, ...inLanguage },
    trend: { kind: 'trend', pulses: pulses.map((p) => ({ theme: p.theme, trend: p.trend })), ...inLanguage },
  };
}

/** Charts as pictures to send after a card (Block Kit has no charts). */
export function chartPictures(specs: readonly ChartSpec[], today: string): OutgoingImage[] {
  return specs.flatMap((spec) => {
    const chart = drawChart(spec);
    if (!chart) return [];
    const say = chartText(chartLanguage(spec));
    const name = `${spec.kind === 'rag' ? say.ragFile : spec.kind === 'trend' ? say.trendFile : say.barsFile}-${today}.png`;
    return [{ name, title: chart.title, base64: chart.png.toString('base64'), altText: chart.altText }];
  });
}
