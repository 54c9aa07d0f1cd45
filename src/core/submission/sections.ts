import type { NarrativeSectionKey, Stage } from './model';

export interface NarrativeSectionInfo {
  key: NarrativeSectionKey;
  /** Short name for cards and the CLI. */
  name: string;
  /** What the guidance asks, in its words (shown to whoever drafts the section). */
  question: string;
}

const QUESTIONS: Record<'one' | 'two' | 'later', Record<NarrativeSectionKey, string>> = {
  one: {
    context: 'A brief profile of the organisation (up to 250 words), how it defines its technicians, how many there are and how they are structured, and what was in place for them before signing.',
    approach: 'How the organisation has approached the Commitment since signing: governance and reporting lines, resources and community engagement.',
    progress: 'Initiatives put in place since signing to address Visibility, Recognition, Career Development and Sustainability.',
    impact: 'How the impact of the action plan will be evidenced.',
    initiatives: 'Any other initiatives, programmes or activities for the technical community.',
    'new-plan': 'The 24-month action plan: future plans to address the themes of the Technician Commitment.',
    voice: 'How the technician voice was present in the development and formation of the action plan.',
  },
  two: {
    context: 'Background: the technical workforce the self-assessment is interpreted against (numbers, where they work, demographics).',
    approach: 'The institution’s approach to the Technician Commitment since becoming a signatory: governance and reporting lines, resources and wider community engagement.',
    progress: 'Progress to date under each theme: Visibility, Recognition, Career Development and Sustainability.',
    impact: 'How the institution evidences that its action plan has had, or is having, impact.',
    initiatives: 'Additional initiatives, programmes or activities aligned to the Technician Commitment that were not in the original action plan.',
    'new-plan': 'The 36-month action plan: how the institution will continue to address the themes, and how impact will be evidenced.',
    voice: 'How the technician voice was present in the development and formation of the 36-month action plan.',
  },
  later: {
    context: 'Background: the technical workforce the self-assessment is interpreted against (numbers, where they work, demographics).',
    approach: 'Reflection on the approach since the last self-assessment: governance and reporting lines, resources and engagement.',
    progress: 'Progress since the last self-assessment under each theme: Visibility, Recognition, Career Development and Sustainability.',
    impact: 'Evidence of progress and of engagement: how the institution knows its plans have had impact.',
    initiatives: 'Initiatives beyond the previous action plan.',
    'new-plan': 'The further 36-month action plan, with how impact will be evidenced.',
    voice: 'How the technician voice was present in the development and formation of the further 36-month action plan.',
  },
};

const NAMES: Record<NarrativeSectionKey, string> = {
  context: 'Background and context',
  approach: 'Approach since signing',
  progress: 'Progress on each theme',
  impact: 'How impact is evidenced',
  initiatives: 'Additional initiatives',
  'new-plan': 'The new action plan',
  voice: 'How the technician voice shaped the plan',
};

export function sectionInfo(stage: Stage, key: NarrativeSectionKey): NarrativeSectionInfo {
  return { key, name: NAMES[key], question: QUESTIONS[stage === 'three' ? 'later' : stage][key] };
}

export const STAGE_TITLES: Record<Stage, string> = { one: 'Stage One', two: 'Stage Two', three: 'Stage Three' };
export const PLAN_MONTHS: Record<Stage, number> = { one: 24, two: 36, three: 36 };
