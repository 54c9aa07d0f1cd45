import type { Store } from '../store';
import type { Network } from '../model';
import { drawChart } from '../charts/draw';
import { submissionData, type SubmissionData } from './document-data';
import { submissionDocx, type SubmissionCharts } from './docx';
import { formatDate } from '../format';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language';
import { submissionMarkdown } from './markdown';
import { storedPlans, type PlanSource } from './plans';

/** The charts of a submission, drawn from its data. */
export function submissionCharts(data: SubmissionData): SubmissionCharts {
  const asAt = data.previous?.ragAsAt ?? data.next?.ragAsAt ?? data.today;
  return {
    ragByTheme: drawChart({ kind: 'rag', rows: data.rag, asAt: formatDate(asAt, data.language), language: data.language }),
    pulseTrend: drawChart({ kind: 'trend', pulses: data.pulses, language: data.language }),
  };
}

/** The self-assessment submission of a network as a Word document or Markdown, in the language asked for. */
export async function submissionFile(store: Store, network: Network, format: 'docx' | 'md', today: string, plans: PlanSource = storedPlans(store), language: Language = DEFAULT_LANGUAGE): Promise<Buffer> {
  const data = await submissionData(store, plans, network, today, language);
  if (format === 'md') return Buffer.from(submissionMarkdown(data), 'utf8');
  return submissionDocx(data, submissionCharts(data));
}
