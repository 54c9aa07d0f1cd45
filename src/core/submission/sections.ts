import { DEFAULT_LANGUAGE, type Language } from '../i18n/language';
import { NARRATIVE_SECTIONS, type NarrativeSectionKey, type Stage } from './model';
import { SECTION_NAMES, SECTION_QUESTIONS } from './document-text';

export interface NarrativeSectionInfo {
  key: NarrativeSectionKey;
  /** Short name for cards and the CLI. */
  name: string;
  /** What the guidance asks, in its words (shown to whoever drafts the section). */
  question: string;
}

export function sectionInfo(stage: Stage, key: NarrativeSectionKey, language: Language = DEFAULT_LANGUAGE): NarrativeSectionInfo {
  return { key, name: SECTION_NAMES(language)[key], question: SECTION_QUESTIONS(language)[`${stage === 'three' ? 'later' : stage}:${key}`] };
}

/** "Stage Two" ("Cam Dau"). */
export const stageTitle = (stage: Stage, language: Language = DEFAULT_LANGUAGE): string => SECTION_NAMES(language)[stage];

export const PLAN_MONTHS: Record<Stage, number> = { one: 24, two: 36, three: 36 };

/** What `narrative <section>` accepts in Welsh, beside the section's own key. */
const WELSH_SECTION_WORDS: Record<string, NarrativeSectionKey> = {
  'cyd-destun': 'context',
  cefndir: 'context',
  dull: 'approach',
  cynnydd: 'progress',
  effaith: 'impact',
  mentrau: 'initiatives',
  'cynllun-newydd': 'new-plan',
  llais: 'voice',
};

/** The section a typed word names ("impact", "effaith"), or null. */
export function sectionNamed(word: string): NarrativeSectionKey | null {
  const typed = word.trim().toLowerCase();
  if ((NARRATIVE_SECTIONS as readonly string[]).includes(typed)) return typed as NarrativeSectionKey;
  return WELSH_SECTION_WORDS[typed] ?? null;
}

/** The words a person types for each section, in their language: "context" or "cyd-destun". */
export function sectionWords(language: Language): string[] {
  if (language === 'en') return [...NARRATIVE_SECTIONS];
  return NARRATIVE_SECTIONS.map((key) => Object.entries(WELSH_SECTION_WORDS).find(([, k]) => k === key)![0]);
}
