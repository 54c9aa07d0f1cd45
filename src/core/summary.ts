import { card, type Card } from './cards';
import type { CoreDeps } from './deps';
import { addDays, now } from './clock';
import { formatDate, formatDateTime, plural } from './format';
import { isOverdue } from './actions';
import type { Action, Feedback, Network, PulseAnswer, PulseQuestion, PulseRound } from './model';
import { FEEDBACK_THEMES, THEMES } from './model';
import { answerChoices, pulseReference } from './pulses';

export interface SummaryRequest {
  network: Network;
  /** Shown in the title: the forum's name, or the network's. */
  audienceName: string;
  days: number;
}

/** One line about a round's answers, or why its results are withheld. */
export function describeAnswers(question: PulseQuestion, round: PulseRound, answers: PulseAnswer[], threshold: number): string {
  const counted = `${plural(answers.length, 'answer')} of ${round.askedCount} asked`;
  if (answers.length < threshold) return `${counted} · results withheld below ${threshold} answers`;
  if (question.kind === 'likert' || question.kind === 'nps') {
    const mean = answers.reduce((sum, a) => sum + Number(a.value), 0) / answers.length;
    return `${counted} · average ${mean.toFixed(1)} of ${question.kind === 'likert' ? 5 : 10}`;
  }
  if (question.kind === 'text') return `${counted} · free-text answers: ask for the results card to read them`;
  const counts = answerChoices(question).map((c) => `${c.title} ${answers.filter((a) => a.value === c.value).length}`);
  return `${counted} · ${counts.join(' · ')}`;
}

/** The forum summary: pulses, feedback and the action plan's RAG position for a period. */
export async function buildSummary(deps: CoreDeps, request: SummaryRequest): Promise<Card> {
  const { network, days } = request;
  const until = now();
  const since = addDays(until, -days);
  const threshold = network.anonymityThreshold;
  const [rounds, feedback, actions, questions] = await Promise.all([
    deps.store.listRounds(network.id, since.toISOString(), until.toISOString()),
    deps.store.listFeedback(network.id, since.toISOString(), until.toISOString()),
    deps.store.listActions(network.id),
    deps.store.listPulseQuestions(network.id),
  ]);
  const questionByNumber = new Map(questions.map((q) => [q.number, q]));
  const roundLines = [];
  for (const round of rounds) {
    const question = questionByNumber.get(round.questionNumber);
    if (!question) continue;
    const answers = await deps.store.listAnswers(round.id);
    roundLines.push({
      line: `**${pulseReference(question.number)}** ${question.text} (${question.theme})`,
      detail: describeAnswers(question, round, answers, threshold),
    });
  }
  return card('summary', {
    title: `Summary for ${request.audienceName}`,
    period: `Last ${plural(days, 'day')}: ${formatDateTime(since.toISOString(), network.timeZone)} to ${formatDateTime(until.toISOString(), network.timeZone)}`,
    rounds: roundLines,
    noRounds: roundLines.length ? '' : 'No pulse questions in this period.',
    feedbackTotal: plural(feedback.length, 'item'),
    feedback: feedbackByTheme(feedback),
    rag: ragByTheme(actions),
    attention: attentionItems(actions),
    noAttention: actions.some((a) => a.status === 'red' || isOverdue(a)) ? '' : 'Nothing overdue or red. 🎉',
    footnote: `Breakdowns with fewer than ${threshold} answers are withheld to protect anonymity.`,
  });
}

function feedbackByTheme(feedback: Feedback[]): { title: string; value: string }[] {
  return FEEDBACK_THEMES.map((theme) => {
    const items = feedback.filter((f) => f.theme === theme);
    const acted = items.filter((f) => f.status === 'linked' || f.status === 'closed').length;
    return { title: theme, value: `${items.length}${acted ? ` (${acted} led to action)` : ''}` };
  });
}

function ragByTheme(actions: Action[]): { theme: string; red: string; amber: string; green: string }[] {
  return THEMES.map((theme) => {
    const mine = actions.filter((a) => a.theme === theme);
    const count = (status: Action['status']) => String(mine.filter((a) => a.status === status).length);
    return { theme, red: count('red'), amber: count('amber'), green: count('green') };
  });
}

function attentionItems(actions: Action[]): { line: string }[] {
  return actions
    .filter((a) => a.status === 'red' || isOverdue(a))
    .map((a) => {
      const why = [a.status === 'red' ? '🔴 red' : '', isOverdue(a) ? `overdue since ${formatDate(a.due)}` : ''].filter(Boolean).join(', ');
      return { line: `**${a.number}** ${a.title} · ${why} · ${a.owner}` };
    });
}
