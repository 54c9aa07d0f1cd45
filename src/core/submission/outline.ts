import { DEFAULT_LANGUAGE, type Language } from '../i18n/language';
import type { NarrativeSectionKey, Stage } from './model';
import { PLAN_MONTHS, sectionInfo, stageTitle } from './sections';
import { DOCUMENT_TEXT } from './document-text';

export type OutlineItem =
  | { kind: 'narrative'; key: NarrativeSectionKey; heading: string; question: string }
  | { kind: 'rag' | 'web' | 'sign-off'; heading: string; question: string };

export interface SubmissionOutline {
  title: string;
  items: OutlineItem[];
}

/** The sections of a submission, in the order the guidance of its stage asks for them. */
export function submissionOutline(stage: Stage, language: Language = DEFAULT_LANGUAGE): SubmissionOutline {
  const t = DOCUMENT_TEXT(language);
  const months = PLAN_MONTHS[stage];
  const n = (key: NarrativeSectionKey, heading: string): OutlineItem => ({ kind: 'narrative', key, heading, question: sectionInfo(stage, key, language).question });
  const tail: OutlineItem[] = [
    { kind: 'web', heading: t.webHeading, question: t.webQuestion },
    { kind: 'sign-off', heading: t.signOffHeading, question: '' },
  ];
  const title = t.outlineTitle(stageTitle(stage, language));
  if (stage === 'one') {
    return {
      title,
      items: [
        n('context', t.oneContext),
        n('approach', t.approachSinceSigning),
        n('progress', t.oneProgress),
        n('initiatives', t.oneInitiatives),
        n('new-plan', t.onePlan(months)),
        n('impact', t.oneImpact),
        n('voice', t.oneVoice),
        ...tail,
      ],
    };
  }
  return {
    title,
    items: [
      n('context', t.twoContext),
      n('approach', t.approachSinceSigning),
      n('progress', t.twoProgress),
      { kind: 'rag', heading: t.ragHeading, question: t.ragQuestion },
      n('impact', t.twoImpact),
      n('initiatives', t.twoInitiatives),
      n('new-plan', t.twoPlan(months)),
      n('voice', t.twoVoice),
      ...tail,
    ],
  };
}
