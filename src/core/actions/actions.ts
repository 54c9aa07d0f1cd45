import { card, CARD_VERSION, NO_NOTICE, type Card } from '../cards';
import type { CoreDeps } from '../deps';
import { now, nowIso } from '../clock';
import { UserError } from '../errors';
import { actorShown, formatDate, formatDateTime, RAG_COLOURS } from '../format';
import type { Language } from '../i18n/language';
import { ragLabel, ragName, themeName } from '../i18n/words';
import type { Action, ActionTheme, ActionUpdate, Member, RagStatus } from '../model';
import { RAG_STATUSES } from '../model';
import { isAdmin, isChair, type Session } from '../session';
import type { ActionUpdateInput } from './inputs';
import { plain } from '../markdown';
import { actionsText, FILTER_WORDS } from './text';

export function ownsAction(member: Member, action: Action): boolean {
  return member.email !== null && action.ownerEmail !== null && member.email.toLowerCase() === action.ownerEmail.toLowerCase();
}

export const canUpdateAction = (member: Member, action: Action): boolean => ownsAction(member, action) || isAdmin(member);

export function isOverdue(action: Action, today: string = now().toISOString().slice(0, 10)): boolean {
  return action.status !== 'green' && action.due !== null && action.due < today;
}

function details(action: Action, language: Language): string {
  const t = actionsText(language);
  const overdue = isOverdue(action) ? ` · ${t.overdue}` : '';
  const due = t.due(action.due === null ? null : formatDate(action.due, language));
  return `${plain(themeName(action.theme, language))}${action.edi ? ` · ${t.edi}` : ''} · ${due}${overdue} · ${plain(action.owner)}`;
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

/** Theme words the filter reads, in English and Welsh. */
const FILTER_THEMES: Record<string, ActionTheme> = {
  gwelededd: 'Visibility',
  cydnabyddiaeth: 'Recognition',
  gyrfa: 'Career Development',
  'datblygu gyrfa': 'Career Development',
  cynaliadwyedd: 'Sustainability',
  effaith: 'Evaluating Impact',
  'gwerthuso effaith': 'Evaluating Impact',
  visibility: 'Visibility',
  recognition: 'Recognition',
  career: 'Career Development',
  careers: 'Career Development',
  'career development': 'Career Development',
  sustainability: 'Sustainability',
  impact: 'Evaluating Impact',
  'evaluating impact': 'Evaluating Impact',
};

const filterTheme = (words: string): ActionTheme | null => (Object.hasOwn(FILTER_THEMES, words) ? FILTER_THEMES[words] : null);

/** Each filter word in English and Welsh: whichever language someone types, the filter is the same. */
const STATUS_WORDS: Record<string, RagStatus> = { red: 'red', amber: 'amber', green: 'green', coch: 'red', ambr: 'amber', gwyrdd: 'green' };
const OVERDUE_WORDS = new Set(['overdue', 'hwyr']);
const MINE_WORDS = new Set(['mine', 'my', 'fi', 'fy']);
const PAGE_WORDS = new Set(['page', 'tudalen']);
const PLAN_WORDS = new Set(['plan', 'cynllun']);
const OWNER_WORDS = new Set(['owner', 'perchennog']);
const THEME_WORDS = new Set(['theme', 'thema']);

/** "red overdue theme career development page 2" (or "coch hwyr thema datblygu gyrfa tudalen 2") → a filter; an unknown word is a UserError. */
export function parseActionFilter(args: string): ActionFilter {
  const filter: ActionFilter = { theme: null, status: null, overdue: false, mine: false, owner: null, plan: null, page: 1 };
  const words = args.trim().toLowerCase().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const next = words[i + 1];
    if (Object.hasOwn(STATUS_WORDS, word)) filter.status = STATUS_WORDS[word];
    else if (OVERDUE_WORDS.has(word)) filter.overdue = true;
    else if (MINE_WORDS.has(word)) {
      filter.mine = true;
      // "fy rhai": "my ones".
      if (word === 'fy' && next === 'rhai') i++;
    } else if (PAGE_WORDS.has(word) && next && /^\d{1,5}$/.test(next)) filter.page = Math.max(1, Number(words[++i]));
    else if (PLAN_WORDS.has(word) && next && /^\d{1,3}$/.test(next)) filter.plan = Number(words[++i]);
    else if (OWNER_WORDS.has(word) && next) filter.owner = words[++i];
    else if (THEME_WORDS.has(word) && next) {
      const two = filterTheme(`${next} ${words[i + 2] ?? ''}`);
      const theme = two ?? filterTheme(next);
      if (!theme) throw new UserError((language) => actionsText(language).notATheme(next.slice(0, 30)));
      i += two ? 2 : 1;
      filter.theme = theme;
    } else if (filterTheme(word)) {
      const two = filterTheme(`${word} ${next ?? ''}`);
      filter.theme = two ?? filterTheme(word);
      if (two) i++;
    } else throw new UserError((language) => actionsText(language).unknownFilter(word.slice(0, 30)));
  }
  return filter;
}

/** The filter as typed words again (what the Next and Previous buttons carry), without the page. */
function filterWords(filter: ActionFilter, language: Language): string {
  const t = FILTER_WORDS[language];
  return [
    filter.status ? ragName(filter.status, language).toLowerCase() : null,
    filter.overdue ? t.overdue : null,
    filter.mine ? t.mine : null,
    filter.theme ? `${t.theme} ${themeName(filter.theme, language).toLowerCase()}` : null,
    filter.owner ? `${t.owner} ${filter.owner}` : null,
    filter.plan ? `${t.plan} ${filter.plan}` : null,
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * `actions [filters] [page N]`: owners see their own actions; chairs and admins the whole
 * plan. Sorted by number, ten to a page with Previous and Next.
 */
export async function listActions(deps: CoreDeps, session: Session, notice = '', args = ''): Promise<Card> {
  const { member, language } = session;
  const t = actionsText(language);
  const filter = parseActionFilter(args);
  const seeAll = isChair(member);
  let planId: string | undefined;
  let planName = '';
  if (filter.plan !== null) {
    const plan = (await deps.store.listPlans(session.network.id))[filter.plan - 1];
    if (!plan) throw new UserError((lang) => actionsText(lang).noSuchPlan(filter.plan as number));
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
  const words = filterWords(filter, language);
  const empty = shown.length
    ? ''
    : everything.length && (words || !seeAll)
      ? seeAll || everything.some((a) => ownsAction(member, a))
        ? t.noMatch
        : t.ownNone
      : seeAll
        ? t.noPlanYet
        : t.ownNone;
  const heading = planName || (seeAll ? t.headingAll : t.headingMine);
  const range = matches.length > ACTIONS_PAGE_SIZE ? t.range((page - 1) * ACTIONS_PAGE_SIZE + 1, (page - 1) * ACTIONS_PAGE_SIZE + shown.length, matches.length) : '';
  return card('actions-list', {
    ...NO_NOTICE,
    notice,
    cv: CARD_VERSION,
    title: `${heading}${words ? ` (${words})` : ''}${range}`,
    empty,
    actions: shown.map((a) => ({
      number: a.number,
      title: plain(a.shortTitle || clip(a.title.replace(/\s*\n\s*/g, ' '), CARD_TITLE_CHARS)),
      details: details(a, language),
      status: ragLabel(a.status, language),
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
    pageLabel: t.pageLabel(page, pages),
  });
}

async function loadOwnAction(deps: CoreDeps, session: Session, number: string): Promise<Action> {
  const action = await deps.store.getAction(session.network.id, number);
  if (!action) throw new UserError((language) => actionsText(language).noSuchAction(number));
  if (!canUpdateAction(session.member, action)) {
    throw new UserError((language) => actionsText(language).onlyOwnerUpdates(number, action.owner));
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
  const { language } = session;
  const t = actionsText(language);
  const action = await loadOwnAction(deps, session, number);
  const history = (await deps.store.listActionUpdates(session.network.id, number)).slice(-5).reverse();
  return card('action-update', {
    ...NO_NOTICE,
    notice,
    error,
    cv: CARD_VERSION,
    number: action.number,
    title: plain(action.title),
    details: `${details(action, language)} · ${t.now(ragLabel(action.status, language))}`,
    version: action.version,
    statuses: RAG_STATUSES.map((s) => ({ title: ragLabel(s, language), value: s })),
    values: values ?? { status: action.status, note: action.note, evidence: action.evidence },
    history: history.map((h) => ({
      line: `${formatDateTime(h.at, session.network.timeZone, language)} · ${plain(actorShown(h.by, h.byName, language))} · ${ragLabel(h.status, language)}${h.note ? ` · ${plain(h.note)}` : ''}`,
    })),
  });
}


/** Saves an owner's update if nobody else saved one since their card was drawn. */
export async function updateAction(deps: CoreDeps, session: Session, input: ActionUpdateInput): Promise<Card> {
  const language = session.language;
  const t = actionsText(language);
  const action = await loadOwnAction(deps, session, input.number);
  const typed = { status: input.status, note: input.note, evidence: input.evidence };
  // The self-assessment asks for an explanation of every red item.
  if (typed.status === 'red' && typed.note.trim() === '') {
    return actionUpdateForm(deps, session, input.number, typed, '', t.explainRed(action.number));
  }
  if (action.version !== input.version) {
    return actionUpdateForm(deps, session, input.number, typed, '', t.editedMeanwhile(action.number));
  }
  if (typed.status === action.status && typed.note.trim() === action.note.trim() && typed.evidence.trim() === action.evidence.trim()) {
    return actionUpdateForm(deps, session, input.number, undefined, t.nothingChanged(action.number, ragLabel(action.status, language)));
  }
  const next = await recordActionUpdate(deps, session, action, typed);
  if (!next) {
    return actionUpdateForm(deps, session, input.number, typed, '', t.updatedJustNow(action.number));
  }
  return actionUpdateForm(deps, session, input.number, undefined, t.saved(action.number, ragLabel(next.status, language)));
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
