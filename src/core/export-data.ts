import type { CoreDeps } from './deps';
import { now } from './clock';
import { feedbackReference } from './feedback';
import { allFeedback } from './feedback-triage';
import { compareActionNumbers } from './format';
import type { Action, FeedbackTheme, Network, RagStatus, Theme } from './model';
import { FEEDBACK_THEMES, THEMES } from './model';
import { answerChoices, pulseReference } from './pulses';
import { answeredCount, answerValues, isPublishable, sharedViewRule, tallyRounds, withheldReason } from './summary-anonymity';
import { ragTable } from './summary-figures';

export const RAG_WORDS: Record<RagStatus, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** The Stage Two self-assessment's RAG analysis and technician-voice appendix, as data. */
export interface RagAnalysis {
  network: Network;
  generatedAt: string;
  byTheme: { theme: Theme; actions: Action[] }[];
  ragTable: { theme: Theme; red: number; amber: number; green: number; total: number }[];
  /** Every red item with its explanation (the action's note). */
  redItems: { action: Action; explanation: string }[];
  /** Actions with recorded evidence of impact. */
  impact: Action[];
  pulses: { date: string; reference: string; question: string; theme: Theme; answered: number; asked: number; result: string }[];
  feedbackByTheme: { theme: FeedbackTheme; items: number; ledToAction: number; first: string; last: string }[];
  feedbackToAction: { reference: string; date: string; theme: FeedbackTheme; action: string; actionTitle: string; said: string; did: string }[];
}

const EPOCH = '1970-01-01T00:00:00.000Z';
const FAR_FUTURE = '9999-12-31T00:00:00.000Z';
export const NO_EXPLANATION = 'No explanation recorded yet: the owner can add one with the action’s update card.';

const day = (iso: string): string => iso.slice(0, 10);

/** Reads the plan, pulses and feedback of a network into the self-assessment's shape. */
export async function ragAnalysis(deps: Pick<CoreDeps, 'store'>, network: Network): Promise<RagAnalysis> {
  const [actions, questions, rounds, feedback] = await Promise.all([
    deps.store.listActions(network.id),
    deps.store.listPulseQuestions(network.id),
    deps.store.listRounds(network.id, EPOCH, FAR_FUTURE),
    allFeedback(deps, network.id),
  ]);
  const plan = [...actions].sort((a, b) => compareActionNumbers(a.number, b.number));
  const questionByNumber = new Map(questions.map((q) => [q.number, q]));
  const tallies = tallyRounds(
    rounds.map((r) => r.id),
    await deps.store.countAnswers(rounds.map((r) => r.id)),
  );
  const rule = sharedViewRule(network, now());

  const pulses: RagAnalysis['pulses'] = [];
  for (const round of rounds) {
    const question = questionByNumber.get(round.questionNumber);
    if (!question) continue;
    const tally = tallies.get(round.id)!;
    const answered = answeredCount(tally);
    let result: string;
    if (!isPublishable(tally, round, rule)) result = `Withheld: ${withheldReason(tally, round, rule, null).replace(/^results withheld /, '')}`;
    else if (question.kind === 'text') result = 'Free-text answers (read them in the pulse results)';
    else {
      const values = answerValues(tally);
      if (question.kind === 'likert' || question.kind === 'nps') {
        const total = [...values].reduce((n, [v, c]) => n + Number(v) * c, 0);
        result = `Average ${(total / answered).toFixed(1)} of ${question.kind === 'likert' ? 5 : 10}`;
      } else {
        result = answerChoices(question).map((c) => `${c.title} ${values.get(c.value) ?? 0}`).join('; ');
      }
    }
    pulses.push({ date: day(round.opensAt), reference: pulseReference(question.number), question: question.text, theme: question.theme, answered, asked: round.askedCount, result });
  }

  const actionByNumber = new Map(plan.map((a) => [a.number, a]));
  const ledToAction = (f: (typeof feedback)[number]) => f.linkedAction !== null && (f.status === 'linked' || f.status === 'closed');
  return {
    network,
    generatedAt: now().toISOString(),
    byTheme: THEMES.map((theme) => ({ theme, actions: plan.filter((a) => a.theme === theme) })).filter((t) => t.actions.length > 0),
    ragTable: ragTable(plan),
    redItems: plan.filter((a) => a.status === 'red').map((action) => ({ action, explanation: action.note.trim() || NO_EXPLANATION })),
    impact: plan.filter((a) => a.evidence.trim() !== ''),
    pulses,
    feedbackByTheme: FEEDBACK_THEMES.map((theme) => {
      const mine = feedback.filter((f) => f.theme === theme);
      return {
        theme,
        items: mine.length,
        ledToAction: mine.filter(ledToAction).length,
        first: mine.length ? day(mine[0].createdAt) : '',
        last: mine.length ? day(mine[mine.length - 1].createdAt) : '',
      };
    }).filter((t) => t.items > 0),
    feedbackToAction: feedback.filter(ledToAction).map((f) => ({
      reference: feedbackReference(f.number),
      date: day(f.createdAt),
      theme: f.theme,
      action: f.linkedAction!,
      actionTitle: actionByNumber.get(f.linkedAction!)?.title ?? '',
      said: f.text,
      did: f.reply ?? '',
    })),
  };
}
