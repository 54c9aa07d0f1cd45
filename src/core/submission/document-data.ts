import type { Store } from '../store';
import { feedbackReference } from '../feedback/feedback';
import { counted } from '../i18n/text';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language';
import { themeName } from '../i18n/words';
import { COUNTED_ACTIONS, COUNTED_ITEMS, DOCUMENT_TEXT } from './document-text';
import type { FeedbackStatus, FeedbackTheme, Network, RagStatus, Theme } from '../model';
import { FEEDBACK_STATUSES, FEEDBACK_THEMES, THEMES } from '../model';
import { answeredCount, answerValues, isPublishable, sharedViewRule, tallyRounds } from '../summary/summary-anonymity';
import type { Consultation, InstitutionProfile, NarrativeSectionKey, Stage } from './model';
import { NARRATIVE_SECTIONS } from './model';
import type { PlanAction, PlanSource, PlanView } from './plans';
import { quotesFor, type Quote } from './quotes';
import type { RagByTheme } from '../charts/spec';

/** The actions of one theme by RAG status. */
export type ThemeRag = RagByTheme;

export interface ThemePulse {
  theme: Theme;
  rounds: number;
  answered: number;
  asked: number;
  /** Average of the 1–5 scale answers in rounds with enough answers to show, or null. */
  average: number | null;
  /** Quarter ("2024 Q3") → average of 1–5 answers in that quarter's publishable rounds. */
  trend: { quarter: string; average: number }[];
}

export interface ThemeFeedback {
  theme: FeedbackTheme;
  items: number;
  byStatus: Record<FeedbackStatus, number>;
}

/** "You said, we did" without the verbatim feedback: what it was about and what was done. */
export interface FeedbackOutcome {
  reference: string;
  theme: FeedbackTheme;
  action: string;
  actionTitle: string;
  did: string;
}

/** One theme's actions in words, e.g. "Visibility: 6 actions – 4 completed, 1 in progress, 1 not yet done." */
export function themeProgress(row: ThemeRag, language: Language = DEFAULT_LANGUAGE): string {
  return DOCUMENT_TEXT(language).themeProgress(themeName(row.theme, language), counted(language, row.total, COUNTED_ACTIONS[language]), row.green, row.amber, row.red);
}

/** "You said, we did" per action: which feedback led to it and what was done, for a table that stays short. */
export function outcomesByAction(outcomes: readonly FeedbackOutcome[], language: Language = DEFAULT_LANGUAGE, listed = 6): { action: string; feedback: string; did: string }[] {
  const t = DOCUMENT_TEXT(language);
  const groups = new Map<string, FeedbackOutcome[]>();
  for (const o of outcomes) groups.set(o.action, [...(groups.get(o.action) ?? []), o]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([action, items]) => {
      const references = items.map((o) => o.reference);
      const shown = references.length > listed ? t.andMore(references.slice(0, listed).join(', '), references.length - listed) : references.join(', ');
      const replies = [...new Set(items.map((o) => o.did.trim()).filter(Boolean))];
      const did = replies.length === 0 ? t.replyToCome : replies.length <= 2 ? replies.join('\n') : `${replies.slice(-2).join('\n')}\n${t.earlierReplies(replies.length - 2)}`;
      return { action: `${action} ${items[0].actionTitle}`.trim(), feedback: `${counted(language, items.length, COUNTED_ITEMS[language])}: ${shown}`, did };
    });
}

/** Everything the submission document shows, gathered once; each format only lays it out. */
export interface SubmissionData {
  network: Network;
  /** The language the document is written in; what people wrote stays as written. */
  language: Language;
  profile: InstitutionProfile;
  stage: Stage;
  /** Day the document was made, "YYYY-MM-DD". */
  today: string;
  narrative: Record<NarrativeSectionKey, string>;
  previous: PlanView | null;
  next: PlanView | null;
  /** RAG by theme of the previous plan (Stage Two and Three) or the new plan (Stage One). */
  rag: ThemeRag[];
  redItems: { action: PlanAction; explanation: string }[];
  pulses: ThemePulse[];
  feedback: ThemeFeedback[];
  outcomes: FeedbackOutcome[];
  consultations: Consultation[];
  quotes: Quote[];
  anonymityThreshold: number;
}

const EPOCH = '1970-01-01T00:00:00.000Z';
const FAR_FUTURE = '9999-12-31T00:00:00.000Z';

export function emptyProfile(networkId: string): InstitutionProfile {
  return { networkId, leadName: '', leadEmail: '', leadPhone: '', headName: '', signatoryDate: '', webPage: '', governance: '', stage: 'two', planPeriod: '', updatedAt: '' };
}

export function ragByTheme(actions: readonly PlanAction[]): ThemeRag[] {
  return THEMES.map((theme) => {
    const mine = actions.filter((a) => a.theme === theme);
    const count = (status: RagStatus) => mine.filter((a) => a.status === status).length;
    return { theme, red: count('red'), amber: count('amber'), green: count('green'), total: mine.length };
  }).filter((row) => row.total > 0);
}

const quarterOf = (iso: string): string => `${iso.slice(0, 4)} Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;

/** Pulse rounds, answers and the average score per theme since `since` (all history unless given), as the submission shows them. */
export async function pulseFigures(store: Store, network: Network, since: string = EPOCH): Promise<ThemePulse[]> {
  const [questions, rounds] = await Promise.all([store.listPulseQuestions(network.id), store.listRounds(network.id, since, FAR_FUTURE)]);
  const questionByNumber = new Map(questions.map((q) => [q.number, q]));
  const tallies = tallyRounds(
    rounds.map((r) => r.id),
    await store.countAnswers(rounds),
  );
  // A submission is read by many: the shared-view rule, as for a summary in a forum.
  const rule = sharedViewRule(network, new Date());
  return THEMES.map((theme): ThemePulse => {
    const mine = rounds.filter((r) => questionByNumber.get(r.questionNumber)?.theme === theme);
    let scaleTotal = 0;
    let scaleCount = 0;
    const quarters = new Map<string, { total: number; count: number }>();
    for (const round of mine) {
      const tally = tallies.get(round.id)!;
      // Only rounds that reach the threshold count towards an average, as in every summary.
      if (questionByNumber.get(round.questionNumber)!.kind !== 'likert' || !isPublishable(tally, round, rule)) continue;
      const quarter = quarters.get(quarterOf(round.opensAt)) ?? { total: 0, count: 0 };
      for (const [value, count] of answerValues(tally)) {
        const score = Number(value);
        if (!Number.isFinite(score)) continue;
        scaleTotal += score * count;
        scaleCount += count;
        quarter.total += score * count;
        quarter.count += count;
      }
      quarters.set(quarterOf(round.opensAt), quarter);
    }
    return {
      theme,
      rounds: mine.length,
      answered: mine.reduce((n, r) => n + answeredCount(tallies.get(r.id)!), 0),
      asked: mine.reduce((n, r) => n + r.askedCount, 0),
      average: scaleCount ? scaleTotal / scaleCount : null,
      trend: [...quarters]
        .filter(([, q]) => q.count > 0)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([quarter, q]) => ({ quarter, average: q.total / q.count })),
    };
  }).filter((p) => p.rounds > 0);
}

/** Reads what the submission of a network shows: profile, narrative, plans and the technician voice. */
export async function submissionData(store: Store, plans: PlanSource, network: Network, today: string, language: Language = DEFAULT_LANGUAGE): Promise<SubmissionData> {
  const profile = (await store.getInstitutionProfile(network.id)) ?? emptyProfile(network.id);
  const { narrativePlanId, previous, next } = await plans.plansFor(network, profile.stage, profile.planPeriod, today);
  const [sections, feedback, consultations, quotable, pulses] = await Promise.all([
    store.listNarrativeSections(network.id, narrativePlanId),
    store.listFeedback(network.id, EPOCH, FAR_FUTURE),
    store.listConsultations(network.id),
    store.listQuotable(network.id),
    pulseFigures(store, network),
  ]);
  const narrative = Object.fromEntries(NARRATIVE_SECTIONS.map((key) => [key, sections.find((s) => s.section === key)?.text ?? ''])) as Record<NarrativeSectionKey, string>;
  const reviewed = previous ?? next;
  const actions = reviewed?.actions ?? [];
  const allActions = [...(previous?.actions ?? []), ...(next?.actions ?? [])];
  const titleOf = (number: string) => allActions.find((a) => a.number === number)?.title ?? '';
  const ledToAction = (f: (typeof feedback)[number]) => f.linkedAction !== null && (f.status === 'linked' || f.status === 'closed');
  return {
    network,
    language,
    profile,
    stage: profile.stage,
    today,
    narrative,
    previous,
    next,
    rag: ragByTheme(actions),
    // At Stage One nothing is reviewed yet, so there are no red items to explain.
    redItems: previous ? previous.actions.filter((a) => a.status === 'red').map((action) => ({ action, explanation: action.note.trim() || DOCUMENT_TEXT(language).noExplanation })) : [],
    pulses,
    feedback: FEEDBACK_THEMES.map((theme) => {
      const mine = feedback.filter((f) => f.theme === theme);
      const byStatus = Object.fromEntries(FEEDBACK_STATUSES.map((s) => [s, mine.filter((f) => f.status === s).length])) as Record<FeedbackStatus, number>;
      return { theme, items: mine.length, byStatus };
    }).filter((t) => t.items > 0),
    outcomes: feedback.filter(ledToAction).map((f) => ({ reference: feedbackReference(f.number), theme: f.theme, action: f.linkedAction!, actionTitle: titleOf(f.linkedAction!), did: f.reply ?? '' })),
    consultations,
    quotes: quotesFor(feedback, new Set(quotable), network.anonymityThreshold),
    anonymityThreshold: network.anonymityThreshold,
  };
}
