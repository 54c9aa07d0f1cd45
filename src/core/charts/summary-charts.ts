import type { OutgoingImage } from '../messages';
import type { Network } from '../model';
import type { Store } from '../../store/store';
import { formatDate } from '../format';
import { pulseFigures } from '../submission/document-data';
import type { SummaryFigures } from '../summary-figures';
import { drawChart } from './draw';
import type { ChartSpec } from './spec';

/** The summary's two overview charts: the plan's RAG position by theme, and the pulse score per quarter and theme. */
export async function overviewCharts(store: Store, network: Network, figures: SummaryFigures): Promise<{ rag: Extract<ChartSpec, { kind: 'rag' }>; trend: Extract<ChartSpec, { kind: 'trend' }> }> {
  const theme = figures.filters.theme;
  const pulses = (await pulseFigures(store, network)).filter((p) => !theme || p.theme === theme);
  return {
    rag: { kind: 'rag', asAt: formatDate(figures.until.slice(0, 10)), rows: figures.rag },
    trend: { kind: 'trend', pulses: pulses.map((p) => ({ theme: p.theme, trend: p.trend })) },
  };
}

/** Charts as pictures to send after a card (Block Kit has no charts). */
export function chartPictures(specs: readonly ChartSpec[], today: string): OutgoingImage[] {
  return specs.flatMap((spec) => {
    const chart = drawChart(spec);
    if (!chart) return [];
    const name = `${spec.kind === 'rag' ? 'rag-by-theme' : spec.kind === 'trend' ? 'pulse-trend' : 'answers'}-${today}.png`;
    return [{ name, title: chart.title, base64: chart.png.toString('base64'), altText: chart.altText }];
  });
}
