import type { ActionTheme, FeedbackTheme, RagStatus } from '../model';
import { defineText } from './text';
import type { Language } from './language';

/**
 * The words for what is stored as an identifier: themes (the Technician Commitment's pillars)
 * and RAG statuses. Stores keep the identifier ("Recognition", "amber"); people read these.
 */
const THEME_NAMES = defineText(
  'themes',
  { Visibility: 'Visibility', Recognition: 'Recognition', 'Career Development': 'Career Development', Sustainability: 'Sustainability', 'Evaluating Impact': 'Evaluating Impact', Other: 'Other' },
  { Visibility: 'Gwelededd', Recognition: 'Cydnabyddiaeth', 'Career Development': 'Datblygu Gyrfa', Sustainability: 'Cynaliadwyedd', 'Evaluating Impact': 'Gwerthuso Effaith', Other: 'Arall' },
);

export function themeName(theme: ActionTheme | FeedbackTheme, language: Language): string {
  return THEME_NAMES(language)[theme];
}

const RAG = defineText(
  'rag',
  {
    red: 'Red',
    amber: 'Amber',
    green: 'Green',
    redLegend: 'Red – not yet done',
    amberLegend: 'Amber – in progress',
    greenLegend: 'Green – completed',
  },
  {
    red: 'Coch',
    amber: 'Ambr',
    green: 'Gwyrdd',
    redLegend: 'Coch – heb ei wneud eto',
    amberLegend: 'Ambr – ar y gweill',
    greenLegend: 'Gwyrdd – wedi’i gwblhau',
  },
);

const RAG_EMOJI: Record<RagStatus, string> = { red: '🔴', amber: '🟠', green: '🟢' };

/** "Amber": the status as a word. */
export const ragName = (status: RagStatus, language: Language): string => RAG(language)[status];
/** "Amber – in progress": colour is never the only carrier of meaning. */
export const ragLegend = (status: RagStatus, language: Language): string => RAG(language)[`${status}Legend`];
/** "🟠 Amber": the emoji with its word. */
export const ragLabel = (status: RagStatus, language: Language): string => `${RAG_EMOJI[status]} ${ragName(status, language)}`;
