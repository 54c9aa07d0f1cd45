import { card, CARD_VERSION, NO_NOTICE, type Card } from '../cards';
import type { CoreDeps } from '../deps';
import { now, nowIso } from '../clock';
import { UserError } from '../errors';
import { actorShown, formatDate, formatDateTime, RAG_COLOURS, RAG_LABELS } from '../format';
import type { Action, ActionTheme, ActionUpdate, Member, RagStatus } from '../model';
import { RAG_STATUSES } from '../model';
import { isAdmin, isChair, type Session } from '../session';
import type { ActionUpdateInput } from './inputs';
import { plain } from '../markdown';

export function ownsAction(member: Member, action: Action): boolean {
  return member.email !== null && action.ownerEmail !== null && member.email.toLowerCase() === action.ownerEmail.toLowerCase();
}

export const canUpdateAction = (member: Member, action: Action): boolean => ownsAction(member, action) || isAdmin(member);

export function isOverdue(action: Action, today: string = now().toISOString().slice(0, 10)): boolean {
  return action.status !== 'green' && action.due !== null && action.due < today;
}

function details(action: Action): string {
  const overdue = isOverdue(action) ? ' · **overdue**' : '';
  const due = action.due === null ? 'ongoing' : `due ${formatDate(action.due)}`;
  return `${plain(action.theme)}${action.edi ? ' · EDI' : ''} · ${due}${overdue} · ${plain(action.owner)}`;
}

/** Actions a page shows: small enough for Teams (40 KB) and Slack (50 blocks, 13,000 characters). */
export const ACTIONS_PAGE_SIZE = 10;
const CARD_TITLE_CHARS = 200;
const CARD_NOTE_CHARS = 300;

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

export interface ActionFilter {
  theme: ActionTheme | null;
  status: RagStatus | null;
  overdue: boolean;
  mine: boolean;
  owner: string | null;
  /** 1-based place of the plan in the network's plans; null for the current plan. */
  plan: number | null;
  page: number;
}

const FILTER_THEMES: Record<string, ActionTheme> = {
  visibility: 'Visibility',
  recognition: 'Recognition',
  career: 'Career Development',
  careers: 'Career Development',
  'career development': 'Career Development',
  sustainability: 'Sustainability',
  impact: 'Evaluating Impact',
  'evaluating impact': 'Evaluating Impact',
};

const FILTER_HELP = 'Try **actions red**, **actions overdue**, **actions mine**, **actions theme recognition**, **actions owner jane@uni.ac.uk**, **actions plan 1** or **actions page 2**.';

/** "red overdue theme career development page 2" → a filter; an unknown word is a UserError. */
export function parseActionFilter(args: string): ActionFilter {
  const filter: ActionFilter = { theme: null, status: null, overdue: false, mine: false, owner: null, plan: null, page: 1 };
  const words = args.trim().toLowerCase().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const next = words[i + 1];
    if ((RAG_STATUSES as readonly string[]).includes(word)) filter.status = word as RagStatus;
    else if (word === 'overdue') filter.overdue = true;
    else if (word === 'mine' || word === 'my') filter.mine = true;
    else if (word === 'page' && next && /^\d{1,5}$/.test(next)) filter.page = Math.max(1, Number(words[++i]));
    else if (word === 'plan' && next && /^\d{1,3}$/.test(next)) filter.plan = Number(words[++i]);
    else if (word === 'owner' && next) filter.owner = words[++i];
    else if (word === 'theme' && next) {
      const two = `${next} ${words[i + 2] ?? ''}`;
      const theme = FILTER_THEMES[two] ?? FILTER_THEMES[next];
      if (!theme) throw new UserError(`“${next.slice(0, 30)}” is not a theme: use visibility, recognition, career development, sustainability or impact.`);
      i += FILTER_THEMES[two] ? 2 : 1;
      filter.theme = theme;
    } else if (FILTER_THEMES[word]) {
      filter.theme = FILTER_THEMES[`${word} ${next ?? ''}`] ?? FILTER_THEMES[word];
      if (FILTER_THEMES[`${word} ${next ?? ''}`]) i++;
    } else throw new UserError(`I don’t know the filter “${word.slice(0, 30)}”. ${FILTER_HELP}`);
  }
  return filter;
}

/** The filter as typed words again (what the Next and Previous buttons carry), without the page. */
function filterWords(filter: ActionFilter): string {
  return [
    filter.status,
    filter.overdue ? 'overdue' : null,
    filter.mine ? 'mine' : null,
    filter.theme ? `theme ${filter.theme.toLowerCase()}` : null,
    filter.owner ? `owner ${filter.owner}` : null,
    filter.plan ? `plan ${filter.plan}` : null,
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * `actions [filters] [page N]`: owners see their own actions; chairs and admins the whole
 * plan. Sorted by number, ten to a page with Previous and Next.
 */
export async function listActions(deps: CoreDeps, session: Session, notice = '', args = ''): Promise<Card> {
  const { member } = session;
  const filter = parseActionFilter(args);
  const seeAll = isChair(member);
  let planId: string | undefined;
  let planName = '';
  if (filter.plan !== null) {
    const plan = (await deps.store.listPlans(session.network.id))[filter.plan - 1];
    if (!plan) throw new UserError(`There is no plan ${filter.plan}. An admin can see the plans with **plan list**.`);
    planId = plan.id;
    planName = plan.name;
  }
  // The store lists actions in plan order already.
  const everything = await deps.store.listActions(session.network.id, planId);
  const today = now().toISOString().slice(0, 10);
  const matches = everything.filter(
    (a) =>
      (seeAll || ownsAction(member, a)) &&
      (!filter.mine || ownsAction(member, a)) &&
      (!filter.status || a.status === filter.status) &&
      (!filter.overdue || isOverdue(a, today)) &&
      (!filter.theme || a.theme === filter.theme) &&
      (!filter.owner || `${a.owner} ${a.ownerEmail ?? ''}`.toLowerCase().includes(filter.owner)),
  );
  const pages = Math.max(1, Math.ceil(matches.length / ACTIONS_PAGE_SIZE));
  const page = Math.min(filter.page, pages);
  const shown = matches.slice((page - 1) * ACTIONS_PAGE_SIZE, page * ACTIONS_PAGE_SIZE);
  const words = filterWords(filter);
  const empty = shown.length
    ? ''
    : everything.length && (words || !seeAll)
      ? seeAll || everything.some((a) => ownsAction(member, a))
        ? 'No actions match that filter.'
        : 'You do not own any actions. If you should, ask an admin to add your e-mail address with **roles**.'
      : seeAll
        ? 'No action plan yet. An admin can import one with `techvoice import-actions`.'
        : 'You do not own any actions. If you should, ask an admin to add your e-mail address with **roles**.';
  const heading = planName || (seeAll ? 'Action plan' : 'Your actions');
  const range = matches.length > ACTIONS_PAGE_SIZE ? ` · ${(page - 1) * ACTIONS_PAGE_SIZE + 1}–${(page - 1) * ACTIONS_PAGE_SIZE + shown.length} of ${matches.length}` : '';
  return card('actions-list', {
    ...NO_NOTICE,
    notice,
    cv: CARD_VERSION,
    title: `${heading}${words ? ` (${words})` : ''}${range}`,
    empty,
    actions: shown.map((a) => ({
      number: a.number,
      title: plain(a.shortTitle || clip(a.title.replace(/\s*\n\s*/g, ' '), CARD_TITLE_CHARS)),
      details: details(a),
      status: RAG_LABELS[a.status],
      colour: RAG_COLOURS[a.status],
      note: plain(clip(a.note, CARD_NOTE_CHARS)),
      canUpdate: canUpdateAction(member, a) && a.planId === (planId ?? a.planId) && filter.plan === null,
    })),
    more: '',
    paging: pages > 1,
    hasPrevious: page > 1,
    hasNext: page < pages,
    filter: words,
    previousPage: page - 1,
    nextPage: page + 1,
    pageLabel: `Page ${page} of ${pages}`,
  });
}

async function loadOwnAction(deps: CoreDeps, session: Session, number: string): Promise<Action> {
  const action = await deps.store.getAction(session.network.id, number);
  if (!action) throw new UserError(`There is no action ${number} in your plan. Type **actions** to see the plan.`);
  if (!canUpdateAction(session.member, action)) {
    throw new UserError(`Only the owner of ${number} (${action.owner}) or an admin can update it.`);
  }
  return action;
}

export async function actionUpdateForm(
  deps: CoreDeps,
  session: Session,
  number: string,
  values?: { status: string; note: string; evidence: string },
  notice = '',
  error = '',
): Promise<Card> {
  const action = await loadOwnAction(deps, session, number);
  const history = (await deps.store.listActionUpdates(session.network.id, number)).slice(-5).reverse();
  return card('action-update', {
    ...NO_NOTICE,
    notice,
    error,
    cv: CARD_VERSION,
    number: action.number,
    title: plain(action.title),
    details: `${details(action)} · now ${RAG_LABELS[action.status]}`,
    version: action.version,
    statuses: RAG_STATUSES.map((s) => ({ title: RAG_LABELS[s], value: s })),
    values: values ?? { status: action.status, note: action.note, evidence: action.evidence },
    history: history.map((h) => ({
      line: `${formatDateTime(h.at, session.network.timeZone)} · ${plain(actorShown(h.by, h.byName))} · ${RAG_LABELS[h.status]}${h.note ? ` · ${plain(h.note)}` : ''}`,
    })),
  });
}

/** Saves an owner's update if nobody else saved one since their card was drawn. */
export async function updateAction(deps: CoreDeps, session: Session, input: ActionUpdateInput): Promise<Card> {
  const action = await loadOwnAction(deps, session, input.number);
  const typed = { status: input.status, note: input.note, evidence: input.evidence };
  // The self-assessment asks for an explanation of every red item.
  if (typed.status === 'red' && typed.note.trim() === '') {
    return actionUpdateForm(deps, session, input.number, typed, '', `Please say why ${action.number} is red: what is stopping it, or what help it needs.`);
  }
  if (action.version !== input.version) {
    return actionUpdateForm(deps, session, input.number, typed, '', `Someone else updated ${action.number} while you were editing. Here is the latest: check it and save again.`);
  }
  if (typed.status === action.status && typed.note.trim() === action.note.trim() && typed.evidence.trim() === action.evidence.trim()) {
    return actionUpdateForm(deps, session, input.number, undefined, `Nothing changed: ${action.number} is still ${RAG_LABELS[action.status]}.`);
  }
  const next = await recordActionUpdate(deps, session, action, typed);
  if (!next) {
    return actionUpdateForm(deps, session, input.number, typed, '', `Someone else updated ${action.number} just now. Check the latest and save again.`);
  }
  return actionUpdateForm(deps, session, input.number, undefined, `Saved: ${action.number} is now ${RAG_LABELS[next.status]}.`);
}

/**
 * Saves a change to an action and its history entry, by the session's member, if nobody else
 * saved one since `action` was read. Returns the saved action, or null on such a conflict.
 */
export async function recordActionUpdate(
  deps: CoreDeps,
  session: Session,
  action: Action,
  change: Pick<Action, 'status' | 'note' | 'evidence'>,
): Promise<Action | null> {
  const at = nowIso();
  const next: Action = { ...action, ...change, updatedAt: at, version: action.version + 1 };
  const update: ActionUpdate = {
    networkId: action.networkId,
    planId: action.planId,
    actionNumber: action.number,
    at,
    by: session.member.id,
    byName: session.member.name,
    ...change,
  };
  return (await deps.store.updateAction(next, action.version, update)) ? next : null;
}
