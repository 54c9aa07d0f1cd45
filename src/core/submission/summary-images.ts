import type { Store } from '../../store/store';
import { formatDate } from '../format';
import type { OutgoingImage } from '../messages';
import type { Network } from '../model';
import { pulseTrendChart, ragByThemeChart, type ChartImage } from './charts';
import { pulseFigures, ragByTheme } from './document-data';
import { storedPlans } from './plans';

const asImage = (chart: ChartImage, name: string): OutgoingImage => ({ name, title: chart.title, base64: chart.png.toString('base64'), altText: chart.altText });

/** The submission's two charts (RAG by theme, pulse score per quarter and theme) for a summary message. */
export async function summaryImages(store: Store, network: Network, today: string): Promise<OutgoingImage[]> {
  const { previous, next } = await storedPlans(store).plansFor(network, 'two', '', today);
  const rag = ragByTheme((previous ?? next)?.actions ?? []);
  const images: OutgoingImage[] = [];
  if (rag.length) images.push(asImage(ragByThemeChart(rag, formatDate(today)), `rag-by-theme-${today}.png`));
  const trend = pulseTrendChart(await pulseFigures(store, network));
  if (trend) images.push(asImage(trend, `pulse-trend-${today}.png`));
  return images;
}
