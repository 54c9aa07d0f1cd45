import { defineText } from '../i18n/text';

/** The words drawn on a chart and said in its place by a screen reader. */
export const chartText = defineText(
  'charts',
  {
    ragTitle: 'RAG status by theme',
    ragTitleAsAt: (date: string) => `RAG status by theme, as at ${date}`,
    ragRow: (theme: string, green: number, amber: number, red: number, total: number) => `${theme}: ${green} green, ${amber} amber, ${red} red of ${total}`,
    ragAlt: (date: string, rows: string) => `Bar chart of the action plan's RAG status by theme, as at ${date}. ${rows}.`,
    trendTitle: 'Pulse score by theme',
    trendTitleLong: 'Pulse score by theme (average of 1–5 answers per quarter)',
    trendAlt: (rows: string) => `Line chart of the average pulse score out of 5 per quarter and theme, from rounds with enough answers to show. ${rows}.`,
    barsAlt: (title: string, bars: string) => `Bar chart of ${title}. ${bars}.`,
    ragFile: 'rag-by-theme',
    trendFile: 'pulse-trend',
    barsFile: 'answers',
  },
  {
    ragTitle: 'Statws RAG fesul thema',
    ragTitleAsAt: (date: string) => `Statws RAG fesul thema, ar ${date}`,
    ragRow: (theme: string, green: number, amber: number, red: number, total: number) => `${theme}: ${green} gwyrdd, ${amber} ambr, ${red} coch o ${total}`,
    ragAlt: (date: string, rows: string) => `Siart bar o statws RAG y cynllun gweithredu fesul thema, ar ${date}. ${rows}.`,
    trendTitle: 'Sgôr pwls fesul thema',
    trendTitleLong: 'Sgôr pwls fesul thema (cyfartaledd atebion 1–5 fesul chwarter)',
    trendAlt: (rows: string) => `Siart llinell o’r sgôr pwls cyfartalog allan o 5 fesul chwarter a thema, o rowndiau â digon o atebion i’w dangos. ${rows}.`,
    barsAlt: (title: string, bars: string) => `Siart bar o ${title}. ${bars}.`,
    ragFile: 'rag-fesul-thema',
    trendFile: 'tueddiad-pwls',
    barsFile: 'atebion',
  },
);
