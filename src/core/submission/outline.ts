import type { NarrativeSectionKey, Stage } from './model';
import { PLAN_MONTHS, sectionInfo, STAGE_TITLES } from './sections';

export type OutlineItem =
  | { kind: 'narrative'; key: NarrativeSectionKey; heading: string; question: string }
  | { kind: 'rag' | 'web' | 'sign-off'; heading: string; question: string };

export interface SubmissionOutline {
  title: string;
  items: OutlineItem[];
}

const WEB_QUESTION = 'Confirmation that the Technician Commitment status and action plan are published on the organisation’s website, and where.';

/** The sections of a submission, in the order the guidance of its stage asks for them. */
export function submissionOutline(stage: Stage): SubmissionOutline {
  const months = PLAN_MONTHS[stage];
  const n = (key: NarrativeSectionKey, heading: string): OutlineItem => ({ kind: 'narrative', key, heading, question: sectionInfo(stage, key).question });
  const tail: OutlineItem[] = [
    { kind: 'web', heading: 'Where the status and plan are published', question: WEB_QUESTION },
    { kind: 'sign-off', heading: 'Sign-off', question: '' },
  ];
  if (stage === 'one') {
    return {
      title: 'Stage One self-assessment and action plan',
      items: [
        n('context', 'Organisation profile and technical community'),
        n('approach', 'Approach since becoming a signatory'),
        n('progress', 'Initiatives since becoming a signatory'),
        n('initiatives', 'Other initiatives for the technical community'),
        n('new-plan', `The ${months}-month action plan`),
        n('impact', 'How impact will be evidenced'),
        n('voice', 'How the technician voice shaped the plan'),
        ...tail,
      ],
    };
  }
  return {
    title: `${STAGE_TITLES[stage]} self-assessment and action plan`,
    items: [
      n('context', 'Background: the technical workforce'),
      n('approach', 'Approach since becoming a signatory'),
      n('progress', 'Progress on each theme'),
      { kind: 'rag', heading: 'RAG analysis of the previous action plan', question: 'A RAG analysis of the previous action plan: completed (green), in progress (amber) and still to be carried out (red), with an explanation for every red item.' },
      n('impact', 'Evidence of impact'),
      n('initiatives', 'Additional initiatives'),
      n('new-plan', `The new ${months}-month action plan`),
      n('voice', 'How the technician voice shaped the new plan'),
      ...tail,
    ],
  };
}
