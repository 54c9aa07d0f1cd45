import type { Language } from '../i18n/language';
import { themeName } from '../i18n/words';
import type { Theme } from '../model';
import { chartText } from './text';

/** The actions of one theme by RAG status. */
export interface RagByTheme {
  theme: Theme;
  red: number;
  amber: number;
  green: number;
  total: number;
}

/** A theme's average pulse score per quarter ("2026 Q3"). */
export interface ThemeTrend {
  theme: Theme;
  trend: { quarter: string; average: number }[];
}

/**
 * What a chart shows, small enough to travel inside its own link: the RAG position by theme,
 * the pulse score per quarter and theme, or the answers per point of one scale.
 */
export type ChartSpec =
  | { kind: 'rag'; asAt: string; rows: RagByTheme[]; language?: Language }
  | { kind: 'trend'; pulses: ThemeTrend[]; language?: Language }
  | { kind: 'bars'; title: string; bars: { x: string; y: number }[]; language?: Language };

/** The language a chart is drawn in: the link carries it with the figures. */
export const chartLanguage = (spec: ChartSpec): Language => spec.language ?? 'en';

/** A chart's title, and the words a screen reader says instead of the picture. */
export function describeChart(spec: ChartSpec): { title: string; altText: string } {
  const language = chartLanguage(spec);
  const say = chartText(language);
  switch (spec.kind) {
    case 'rag': {
      const words = spec.rows.map((r) => say.ragRow(themeName(r.theme, language), r.green, r.amber, r.red, r.total)).join('; ');
      return { title: say.ragTitle, altText: say.ragAlt(spec.asAt, words) };
    }
    case 'trend': {
      const words = spec.pulses
        .filter((p) => p.trend.length > 0)
        .map((p) => `${themeName(p.theme, language)}: ${p.trend.map((t) => `${t.quarter} ${t.average.toFixed(1)}`).join(', ')}`)
        .join('; ');
      return { title: say.trendTitle, altText: say.trendAlt(words) };
    }
    case 'bars':
      return { title: spec.title, altText: say.barsAlt(spec.title, spec.bars.map((b) => `${b.x}: ${b.y}`).join(', ')) };
  }
}
