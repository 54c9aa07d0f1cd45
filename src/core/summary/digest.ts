import { platformName } from '../platforms';
import { card, type Card, type DigestCard } from '../cards';
import type { CoreDeps } from '../deps';
import { addDays } from '../clock';
import { isOverdue } from '../actions/actions';
import { actionLabel, firstLines, formatDateTime, formatDue, plural } from '../format';
import type { Network } from '../model';
import { pulseReference } from '../pulses/questions';
import { localDate } from '../actions/reminders';
import { plain } from '../markdown';

const DIGEST_DAYS = 7;
const clip = (text: string, max = 100): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The weekly digest for chairs: feedback that came in, rounds about to close, actions that
 * are overdue or red, and people the bot could not reach.
 */
export async function buildDigest(deps: CoreDeps, network: Network, at: Date): Promise<Card> {
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
  const closingLines = [];
  for (const round of closing) {
    const answers = (await deps.store.listAnswers(round.id)).length;
    closingLines.push({
      line: `**${pulseReference(round.questionNumber)}** ${plain(clip(questionText.get(round.questionNumber) ?? ''))} · closes ${formatDateTime(round.closesAt, network.timeZone)} · ${answers} of ${round.askedCount} answered`,
    });
  }
  const today = localDate(at, network.timeZone);
  const attention = actions.filter((a) => a.status === 'red' || isOverdue(a, today));
  const unreachable = members.filter((m) => m.unreachable);
  const sections: DigestCard['sections'] = [
    {
      heading: `New feedback (${feedback.length})`,
      empty: feedback.length ? '' : 'No feedback this week.',
      lines: feedback.map((f) => ({ line: `**FB-${f.number}** ${plain(f.theme)} · ${f.status} · ${plain(clip(f.text))}` })),
    },
    {
      heading: `Pulse rounds closing in the next ${DIGEST_DAYS} days (${closing.length})`,
      empty: closing.length ? '' : 'None.',
      lines: closingLines,
    },
    {
      heading: `Overdue and red actions (${attention.length})`,
      empty: attention.length ? '' : 'Nothing overdue or red.',
      lines: firstLines(
        attention,
        (a) => `**${plain(a.number)}** ${plain(actionLabel(a))} · ${[a.status === 'red' ? '🔴 red' : '', isOverdue(a, today) ? `overdue since ${formatDue(a.due)}` : ''].filter(Boolean).join(', ')} · ${plain(a.owner)}`,
        (more) => `…and ${more} more. Type **actions red** or **actions overdue** to see them all.`,
      ),
    },
    {
      heading: `People I could not reach (${unreachable.length})`,
      empty: unreachable.length ? '' : 'Everyone could be reached.',
      lines: unreachable.map((m) => ({
        line: `${plain(m.name)} (${platformName(m.platform)}${m.email ? `, ${plain(m.email)}` : ''}): they may have removed the bot or left. Messages resume when they next talk to Techvoice.`,
      })),
    },
  ];
  return card('digest', {
    title: `Weekly digest for ${plain(network.name)}`,
    period: `${plural(DIGEST_DAYS, 'day')} to ${formatDateTime(at.toISOString(), network.timeZone)}`,
    sections,
  });
}
