import { platformName } from '../platforms';
import { card, type Card, type DigestCard } from '../cards';
import type { CoreDeps } from '../deps';
import { addDays } from '../clock';
import { isOverdue } from '../actions/actions';
import { actionLabel, firstLines, formatDateTime, formatDue } from '../format';
import type { Language } from '../i18n/language';
import { ragName, themeName } from '../i18n/words';
import type { Network } from '../model';
import { pulseReference } from '../pulses/questions';
import { localDate } from '../actions/reminders';
import { plain } from '../markdown';
import { feedbackStatusName } from '../feedback/text';
import { feedbackReference } from '../feedback/feedback';
import { digestText, summaryText } from './text';

const DIGEST_DAYS = 7;
const clip = (text: string, max = 100): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The weekly digest for chairs: feedback that came in, rounds about to close, actions that
 * are overdue or red, and people the bot could not reach.
 */
export async function buildDigest(deps: CoreDeps, network: Network, at: Date, language: Language = 'en'): Promise<Card> {
  const say = digestText(language);
  const when = (iso: string) => formatDateTime(iso, network.timeZone, language);
  const since = addDays(at, -DIGEST_DAYS);
  const soon = addDays(at, DIGEST_DAYS);
  const [feedback, rounds, questions, actions, members] = await Promise.all([
    deps.store.listFeedback(network.id, since.toISOString(), at.toISOString()),
    deps.store.listRounds(network.id, addDays(at, -120).toISOString(), at.toISOString()),
    deps.store.listPulseQuestions(network.id),
    deps.store.listActions(network.id),
    deps.store.listMembers(network.id),
  ]);
  const questionText = new Map(questions.map((q) => [q.number, q.text]));
  const closing = rounds.filter((r) => r.closesAt > at.toISOString() && r.closesAt <= soon.toISOString());
  // Counted, not listed: a round a whole network answers can hold thousands of answers.
  const counts = await deps.store.countAnswers(closing);
  const answered = (roundId: string) => counts.filter((c) => c.roundId === roundId).reduce((sum, c) => sum + c.count, 0);
  const closingLines = closing.map((round) => ({
    line: `**${pulseReference(round.questionNumber)}** ${plain(clip(questionText.get(round.questionNumber) ?? ''))} · ${say.closingLine(when(round.closesAt), answered(round.id), round.askedCount)}`,
  }));
  const today = localDate(at, network.timeZone);
  const attention = actions.filter((a) => a.status === 'red' || isOverdue(a, today));
  const unreachable = members.filter((m) => m.unreachable);
  const sections: DigestCard['sections'] = [
    {
      heading: say.newFeedback(feedback.length),
      empty: feedback.length ? '' : say.noFeedback,
      lines: feedback.map((f) => ({ line: `**${feedbackReference(f.number)}** ${plain(themeName(f.theme, language))} · ${feedbackStatusName(f.status, language)} · ${plain(clip(f.text))}` })),
    },
    {
      heading: say.closingRounds(DIGEST_DAYS, closing.length),
      empty: closing.length ? '' : say.none,
      lines: closingLines,
    },
    {
      heading: say.attention(attention.length),
      empty: attention.length ? '' : say.noAttention,
      lines: firstLines(
        attention,
        (a) => {
          const why = [a.status === 'red' ? `🔴 ${ragName('red', language).toLowerCase()}` : '', isOverdue(a, today) ? summaryText(language).overdueSince(formatDue(a.due, language)) : ''];
          return `**${plain(a.number)}** ${plain(actionLabel(a))} · ${why.filter(Boolean).join(', ')} · ${plain(a.owner)}`;
        },
        (more) => summaryText(language).moreAttention(more),
      ),
    },
    {
      heading: say.unreachable(unreachable.length),
      empty: unreachable.length ? '' : say.everyoneReached,
      lines: unreachable.map((m) => ({
        line: `${plain(m.name)} (${platformName(m.platform)}${m.email ? `, ${plain(m.email)}` : ''}): ${say.unreachableWhy}`,
      })),
    },
  ];
  return {
    ...card('digest', { title: say.title(plain(network.name)), period: say.period(DIGEST_DAYS, when(at.toISOString())), sections }),
    language,
  };
}
