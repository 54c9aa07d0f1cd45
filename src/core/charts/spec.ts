import type { Theme } from '../model';

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
  | { kind: 'rag'; asAt: string; rows: RagByTheme[] }
  | { kind: 'trend'; pulses: ThemeTrend[] }
  | { kind: 'bars'; title: string; bars: { x: string; y: number }[] };

/** A chart's title, and the words a screen reader says instead of the picture. */
export function describeChart(spec: ChartSpec): { title: string; altText: string } {
  switch (spec.kind) {
    case 'rag': {
      const words = spec.rows.map((r) => `${r.theme}: ${r.green} green, ${r.amber} amber, ${r.red} red of ${r.total}`).join('; ');
      return { title: 'RAG status by theme', altText: `Bar chart of the action plan's RAG status by theme, as at ${spec.asAt}. ${words}.` };
    }
    case 'trend': {
      const words = spec.pulses
        .filter((p) => p.trend.length > 0)
        .map((p) => `${p.theme}: ${p.trend.map((t) => `${t.quarter} ${t.average.toFixed(1)}`).join(', ')}`)
        .join('; ');
      return { title: 'Pulse score by theme', altText: `Line chart of the average pulse score out of 5 per quarter and theme, from rounds with enough answers to show. ${words}.` };
    }
    case 'bars':
      return { title: spec.title, altText: `Bar chart of ${spec.title}. ${spec.bars.map((b) => `${b.x}: ${b.y}`).join(', ')}.` };
  }
}
