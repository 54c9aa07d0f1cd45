import { card, CARD_VERSION, NO_NOTICE, NO_PAGING, type Card } from '../cards';
import type { CoreDeps } from '../deps';
import { addDays, now } from '../clock';
import { canUpdateAction, isOverdue, ownsAction } from '../actions/actions';
import { actionLabel, compareActionNumbers, formatDate, formatDue, RAG_COLOURS } from '../format';
import { ragLabel, themeName } from '../i18n/words';
import { homeText } from './home-text';
import { isRoundOpen, pulseListItem } from '../pulses/pulses';
import { buildSummary } from '../summary/summary';
import { isChair, type Session } from '../session';
import { plain } from '../markdown';

/** How far back the home page looks for rounds that are still open. */
const OPEN_ROUNDS_LOOKBACK_DAYS = 92;
const HOME_SUMMARY_DAYS = 30;
const MAX_ROUNDS = 10;

/**
 * A person's home page (Slack's App Home tab): the pulses open now with their answer buttons,
 * the actions they own with their RAG status, and, for chairs, the last 30 days' summary.
 */
export async function homeCards(deps: CoreDeps, session: Session): Promise<Card[]> {
  const cards = [await openPulses(deps, session), await ownActions(deps, session)];
  if (isChair(session.member)) {
    cards.push(await buildSummary(deps, { network: session.network, audienceName: session.network.name, days: HOME_SUMMARY_DAYS, language: session.language }));
  }
  return cards;
}

async function openPulses(deps: CoreDeps, session: Session): Promise<Card> {
  const at = now();
  const chair = isChair(session.member);
  const rounds = (await deps.store.listRounds(session.network.id, addDays(at, -OPEN_ROUNDS_LOOKBACK_DAYS).toISOString(), addDays(at, 1).toISOString()))
    .filter((round) => isRoundOpen(round, at))
    .reverse()
    .slice(0, MAX_ROUNDS);
  const questions = new Map((await deps.store.listPulseQuestions(session.network.id)).map((q) => [q.number, q]));
  const items = [];
  for (const round of rounds) {
    const question = questions.get(round.questionNumber);
    if (question) items.push(await pulseListItem(deps, session, round, question, at));
  }
  const say = homeText(session.language);
  const built = card('pulse-list', {
    ...NO_NOTICE,
    cv: CARD_VERSION,
    canCreate: chair,
    intro: items.length ? say.openPulses : say.noOpenPulses,
    rounds: items,
  });
  return { ...built, language: session.language };
}

const HOME_ACTIONS = 10;

async function ownActions(deps: CoreDeps, session: Session): Promise<Card> {
  const { member } = session;
  const mine = (await deps.store.listActions(session.network.id))
    .filter((action) => ownsAction(member, action))
    .sort((a, b) => compareActionNumbers(a.number, b.number));
  const { language } = session;
  const say = homeText(language);
  const built = card('actions-list', {
    ...NO_NOTICE,
    ...NO_PAGING,
    cv: CARD_VERSION,
    title: say.yourActions,
    empty: mine.length ? '' : say.noActions,
    // A Home tab holds 100 blocks: the first actions, then the paged list for the rest.
    more: mine.length > HOME_ACTIONS ? say.moreActions(mine.length - HOME_ACTIONS) : '',
    actions: mine.slice(0, HOME_ACTIONS).map((action) => ({
      number: action.number,
      title: plain(actionLabel(action, 200)),
      details: `${plain(themeName(action.theme, language))} · ${action.due === null ? formatDue(null, language) : say.due(formatDate(action.due, language))}${isOverdue(action) ? ` · **${say.overdue}**` : ''}`,
      status: ragLabel(action.status, language),
      colour: RAG_COLOURS[action.status],
      note: plain(actionLabel({ title: action.note, shortTitle: '' }, 300)),
      canUpdate: canUpdateAction(member, action),
    })),
  });
  return { ...built, language };
}
