import { randomBytes, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { card, CARD_VERSION, inLanguage, NO_NOTICE, type Card, type Choice, type PulseListCard } from '../cards';
import type { CoreDeps } from '../deps';
import { addDays, now, nowIso, toTheHour } from '../clock';
import { UserError } from '../errors';
import { themeChoices } from '../feedback/feedback';
import { bar, formatDateTime } from '../format';
import { forumLanguages, type Language } from '../i18n/language';
import { themeName } from '../i18n/words';
import { personKey, respondentKey } from '../identity';
import type { Member, Network, PulseAnswer, PulseKind, PulseQuestion, PulseRound } from '../model';
import { THEMES } from '../model';
import { isPublishable, readerRule, tallyRounds, type DisclosureRule } from '../summary/summary-anonymity';
import type { Recipient } from '../outbox/outbox';
import { isChair, languageOf, type Session } from '../session';
import type { PulseAnswerInput, PulseCreateInput } from './inputs';
import { createRecurringPulse, scheduleFormChoices, scheduleFormValues, type ScheduleFormField } from './recurring-pulses';
import { plain } from '../markdown';
import { RoundClosedError } from '../store';
import { MEMBERS_AUDIENCE, pulseReference, resolveAudience, roundIdFor, storePulseQuestion } from './questions';
import { PULSE_TEXT } from './text';

/** The answer types a chair can choose, in a language. */
export function kindLabels(language: Language): Record<PulseKind, string> {
  const t = PULSE_TEXT(language);
  return { likert: t.kindLikert, yesno: t.kindYesNo, choice: t.kindChoice, nps: t.kindNps, text: t.kindText };
}

export const KIND_LABELS: Record<PulseKind, string> = kindLabels('en');

/** The answers a question accepts, in display order. Empty for free text. */
export function answerChoices(question: Pick<PulseQuestion, 'kind' | 'choices'>, language: Language = 'en'): Choice[] {
  const t = PULSE_TEXT(language);
  switch (question.kind) {
    case 'likert':
      return [t.stronglyDisagree, t.disagree, t.neither, t.agree, t.stronglyAgree].map((title, i) => ({ title: `${i + 1} · ${title}`, value: String(i + 1) }));
    case 'yesno':
      return [
        { title: t.yes, value: 'yes' },
        { title: t.no, value: 'no' },
      ];
    case 'nps':
      return Array.from({ length: 11 }, (_, i) => ({ title: String(i), value: String(i) }));
    case 'choice':
      return question.choices.map((c) => ({ title: c, value: c }));
    case 'text':
      return [];
  }
}

const forumAudience = (forumId: string): string => `forum:${forumId}`;

export function isRoundOpen(round: PulseRound, at: Date = now()): boolean {
  return at.getTime() >= Date.parse(round.opensAt) && at.getTime() < Date.parse(round.closesAt);
}

export async function pulseCreateForm(deps: CoreDeps, session: Session, values: Partial<PulseCreateValues> = {}, error = ''): Promise<Card> {
  const forums = await deps.store.listForums(session.network.id);
  const here = forums.find(
    (f) => f.platform === session.inbound.requester.platform && f.channelId === session.inbound.conversation.id,
  );
  const closes = DateTime.fromJSDate(addDays(now(), 7)).setZone(session.network.timeZone);
  const { language } = session;
  const t = PULSE_TEXT(language);
  return card('pulse-create', {
    ...NO_NOTICE,
    error,
    cv: CARD_VERSION,
    formId: randomUUID(),
    themes: themeChoices(THEMES, language),
    kinds: Object.entries(kindLabels(language)).map(([value, title]) => ({ title, value })),
    audiences: [
      ...forums.map((f) => ({ title: t.forumAudience(f.name), value: forumAudience(f.id) })),
      { title: t.membersAudience, value: MEMBERS_AUDIENCE },
    ],
    ...scheduleFormChoices(language),
    values: {
      text: values.text ?? '',
      kind: values.kind ?? 'likert',
      choices: values.choices ?? '',
      theme: values.theme ?? '',
      audience: values.audience ?? (here ? forumAudience(here.id) : MEMBERS_AUDIENCE),
      closesDate: values.closesDate ?? closes.toISODate() ?? '',
      closesTime: values.closesTime ?? '17:00',
      ...scheduleFormValues(values),
      anonymous: values.anonymous ?? 'true',
    },
  });
}

type PulseCreateValues = Record<'text' | 'kind' | 'choices' | 'theme' | 'audience' | 'closesDate' | 'closesTime' | 'anonymous' | ScheduleFormField, string>;

/** Creates a question and sends its first round to the chosen audience. */
export async function createPulse(deps: CoreDeps, session: Session, input: PulseCreateInput): Promise<Card> {
  const { network, language } = session;
  const t = PULSE_TEXT(language);
  const retry = (message: string) =>
    pulseCreateForm(deps, session, { ...input, anonymous: String(input.anonymous), ...scheduleFormValues(input) }, message);
  const choices = input.kind === 'choice' ? splitChoices(input.choices) : [];
  if (input.kind === 'choice' && (choices.length < 2 || choices.length > 10)) return retry(t.choicesCount);
  if (input.repeat !== 'once') return createRecurringPulse(deps, session, input, choices, retry);
  const closesAt = DateTime.fromISO(`${input.closesDate}T${input.closesTime.slice(0, 5)}`, { zone: network.timeZone });
  if (!closesAt.isValid) return retry(t.notARealTime);
  if (closesAt.toMillis() <= now().getTime() + 5 * 60_000) return retry(t.closesTooSoon);
  if (closesAt.toMillis() > addDays(now(), 92).getTime()) return retry(t.openTooLong);
  const audience = await resolveAudience(deps, network, input.audience, language);
  if (!audience) return retry(t.forumGone);

  const { value: question, created } = await storePulseQuestion(deps, session, input, {
    choices,
    audience: audience.audience,
    schedule: null,
    windowHours: Math.ceil((closesAt.toMillis() - now().getTime()) / 3_600_000),
  });
  const round = await openRound(deps, network, question, 'first', now(), closesAt.toJSDate());
  const reference = pulseReference(question.number);
  const text = t.sent(reference, created, plain(audience.label), formatDateTime(round.closesAt, network.timeZone, language));
  return card('message', { title: t.sentTitle, text, style: 'good' });
}

/** Opens a round of a question (idempotent per occurrence) and queues it to its audience. */
export async function openRound(
  deps: CoreDeps,
  network: Network,
  question: PulseQuestion,
  occurrence: string,
  opensAt: Date,
  closesAt: Date,
): Promise<PulseRound> {
  const id = roundIdFor(network.id, question.number, occurrence);
  const existing = await deps.store.getRound(id);
  if (existing) return existing;
  const audience = await audienceByLanguage(deps, network, question);
  const recipients = audience.flatMap((group) => group.recipients);
  const round: PulseRound = {
    id,
    networkId: network.id,
    questionNumber: question.number,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    askedCount: question.audience.type === 'members' ? recipients.length : await countPeople(deps, network.id),
    answerSalt: randomBytes(18).toString('base64url'),
    createdAt: nowIso(),
  };
  await deps.store.createRound(round);
  for (const { language, recipients: inLanguage } of audience) {
    await deps.outbox.enqueue(network.id, `round:${round.id}`, inLanguage, { card: questionCard(network, question, round, null, '', '', language) });
  }
  deps.outbox.kick();
  return round;
}

/** One address per person: someone on both Teams and Slack is asked once. */
export function distinctPeople(members: Member[]): Member[] {
  const seen = new Set<string>();
  return members.filter((m) => {
    const key = personKey(m);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function countPeople(deps: CoreDeps, networkId: string): Promise<number> {
  return distinctPeople(await deps.store.listMembers(networkId)).length;
}

/** Who a question's rounds go to, by the language each reads them in (a forum in both gets Welsh first). */
export async function audienceByLanguage(deps: CoreDeps, network: Network, question: PulseQuestion): Promise<{ language: Language; recipients: Recipient[] }[]> {
  if (question.audience.type === 'forum') {
    const forum = await deps.store.getForum(network.id, question.audience.forumId);
    if (!forum) return [];
    // The first post keeps the forum's own key, as before a forum could post in two languages.
    return forumLanguages(forum, network).map((language, i) => ({
      language,
      recipients: [{ key: i === 0 ? forum.id : `${forum.id}:${language}`, platform: forum.platform, address: forum.address }],
    }));
  }
  const members = distinctPeople((await deps.store.listMembers(network.id)).filter((m) => m.directAddress && !m.unreachable));
  const groups = new Map<Language, Recipient[]>();
  for (const m of members) {
    const language = languageOf(m, network);
    groups.set(language, [...(groups.get(language) ?? []), { key: m.id, platform: m.platform, address: m.directAddress as string }]);
  }
  return [...groups].map(([language, recipients]) => ({ language, recipients }));
}

function splitChoices(raw: string): string[] {
  return [...new Set(raw.split(',').map((c) => c.trim()).filter(Boolean))].map((c) => c.slice(0, 80));
}

export function questionCard(
  network: Network,
  question: PulseQuestion,
  round: PulseRound,
  answer: string | null,
  notice = '',
  error = '',
  language: Language = 'en',
): Card {
  const open = isRoundOpen(round);
  const t = PULSE_TEXT(language);
  const closes = formatDateTime(round.closesAt, network.timeZone, language);
  const drawn = card('pulse-question', {
    notice,
    error,
    cv: CARD_VERSION,
    roundId: round.id,
    reference: pulseReference(question.number),
    question: plain(question.text),
    theme: themeName(question.theme, language),
    closes: open ? t.closes(closes) : t.closed(closes),
    anonymity: question.anonymous ? t.anonymous : t.named,
    isOpen: open,
    isText: question.kind === 'text',
    choices: answerChoices(question, language),
    values: { answer: answer ?? '' },
  });
  // Rounds and nudges go to people through the outbox: each card is drawn in its reader's language.
  return inLanguage(drawn, language);
}

async function loadRound(deps: CoreDeps, session: Session, roundId: string): Promise<{ round: PulseRound; question: PulseQuestion }> {
  const round = await deps.store.getRound(roundId);
  if (!round || round.networkId !== session.network.id) throw new UserError((language) => PULSE_TEXT(language).notThisNetwork);
  const question = await deps.store.getPulseQuestion(round.networkId, round.questionNumber);
  if (!question) throw new UserError((language) => PULSE_TEXT(language).questionGone);
  return { round, question };
}

/**
 * This person's answer to a round: null when they have given none, 'unknown' once the round
 * is sealed (nobody can tell any more which answer was whose).
 */
async function myAnswer(deps: CoreDeps, session: Session, round: PulseRound): Promise<PulseAnswer | null | 'unknown'> {
  const key = respondentKey(deps.secret, round, session.member);
  return key === null ? 'unknown' : deps.store.getAnswer(round.id, key);
}

export async function showQuestion(deps: CoreDeps, session: Session, roundId: string, error = '', typed: string | null = null): Promise<Card> {
  const { round, question } = await loadRound(deps, session, roundId);
  const mine = await myAnswer(deps, session, round);
  const given = mine === 'unknown' ? null : mine;
  const notice = given && !error ? PULSE_TEXT(session.language).answeredAlready : '';
  return questionCard(session.network, question, round, typed ?? given?.value ?? null, notice, error, session.language);
}

/** One answer per person per round, changeable until the round closes. */
export async function answerPulse(deps: CoreDeps, session: Session, input: PulseAnswerInput): Promise<Card> {
  const { network, language } = session;
  const t = PULSE_TEXT(language);
  const { round, question } = await loadRound(deps, session, input.roundId);
  const at = now();
  const key = respondentKey(deps.secret, round, session.member);
  const problem = (error: string) => questionCard(network, question, round, null, '', error, language);
  const closed = () => t.closedNotRecorded(formatDateTime(round.closesAt, network.timeZone, language));
  if (at.getTime() >= Date.parse(round.closesAt) || key === null) {
    return problem(closed());
  }
  if (at.getTime() < Date.parse(round.opensAt)) return problem(t.notOpenYet);
  const choices = answerChoices(question, language);
  const choice = choices.find((c) => c.value === input.answer);
  if (question.kind !== 'text' && !choice) return problem(t.notAnOption);
  const answer: PulseAnswer = {
    roundId: round.id,
    respondentKey: key,
    memberId: question.anonymous ? null : session.member.id,
    value: input.answer,
    platform: session.inbound.requester.platform,
    answeredAt: question.anonymous ? toTheHour(at) : at.toISOString(),
  };
  let outcome: 'created' | 'updated';
  try {
    outcome = await deps.store.saveAnswer(answer);
  } catch (error) {
    // The round was sealed while this answer was on its way: the store refuses it then.
    if (error instanceof RoundClosedError) return problem(closed());
    throw error;
  }
  const shown = choice?.title ?? null;
  const notice = outcome === 'created' ? t.thanks(shown) : t.changed(shown);
  return questionCard(network, question, round, input.answer, notice, '', language);
}

function withheldText(round: PulseRound, rule: DisclosureRule, answered: number, readerAnswered: boolean, language: Language): string {
  const t = PULSE_TEXT(language);
  if (!rule.liveResults && isRoundOpen(round, rule.at)) return t.resultsWhenClosed(t.answerCount(answered));
  return t.resultsAtThreshold(readerAnswered ? rule.needed - 1 : rule.needed, readerAnswered, t.answerCount(answered));
}

/** A pulse in a list: its buttons name it, and the person sees whether they have answered. */
export async function pulseListItem(deps: CoreDeps, session: Session, round: PulseRound, question: PulseQuestion, at: Date): Promise<PulseListCard['rounds'][number]> {
  const open = isRoundOpen(round, at);
  const reference = pulseReference(question.number);
  const mine = await myAnswer(deps, session, round);
  const answered = mine !== null && mine !== 'unknown';
  const t = PULSE_TEXT(session.language);
  return {
    roundId: round.id,
    reference,
    question: plain(question.text),
    status: `${roundStatus(round, session.network, session.language, at)}${answered ? t.youHaveAnswered : ''}`,
    canAnswer: open,
    answerTitle: answered ? t.changeAnswerButton(reference) : t.answerButton(reference),
    resultsTitle: t.resultsButton(reference),
    canSeeResults: isChair(session.member),
  };
}

/** "Open, closes Fri 4 Dec 2026, 17:00" or "Closed …". */
function roundStatus(round: PulseRound, network: Network, language: Language, at: Date = now()): string {
  const t = PULSE_TEXT(language);
  const closes = formatDateTime(round.closesAt, network.timeZone, language);
  return isRoundOpen(round, at) ? t.openCloses(closes) : t.closed(closes);
}

export async function listPulses(deps: CoreDeps, session: Session, notice = ''): Promise<Card> {
  const chair = isChair(session.member);
  const at = now();
  const rounds = (await deps.store.listRounds(session.network.id, addDays(at, -120).toISOString(), addDays(at, 1).toISOString()))
    .filter((r) => chair || isRoundOpen(r, at))
    .reverse()
    .slice(0, 10);
  const questions = new Map((await deps.store.listPulseQuestions(session.network.id)).map((q) => [q.number, q]));
  const items = [];
  for (const round of rounds) {
    const question = questions.get(round.questionNumber);
    if (!question) continue;
    items.push(await pulseListItem(deps, session, round, question, at));
  }
  const t = PULSE_TEXT(session.language);
  const intro = items.length ? (chair ? t.chairIntro : t.memberIntro) : chair ? t.chairEmpty : t.memberEmpty;
  return card('pulse-list', { ...NO_NOTICE, notice, cv: CARD_VERSION, canCreate: chair, intro, rounds: items });
}

/**
 * Counts per option, once the round has closed and has the network's threshold of answers
 * besides the reader's own; while it is open, only how many have answered.
 */
export async function pulseResults(deps: CoreDeps, session: Session, roundId: string): Promise<Card> {
  const { network, language } = session;
  const t = PULSE_TEXT(language);
  const { round, question } = await loadRound(deps, session, roundId);
  const answers = await deps.store.listAnswers(round.id);
  // Once sealed, nobody knows whether the reader answered: the rule assumes they did.
  const readerAnswered = (await myAnswer(deps, session, round)) !== null;
  const rule = readerRule(network, readerAnswered, now());
  const tally = tallyRounds([round.id], answers.map((a) => ({ roundId: round.id, value: a.value, platform: a.platform, count: 1 }))).get(round.id)!;
  const withheld = !isPublishable(tally, round, rule);
  const choices = answerChoices(question, language);
  const rows = choices.map((c) => {
    const count = answers.filter((a) => a.value === c.value).length;
    return { label: plain(c.title), count: String(count), bar: bar(answers.length ? count / answers.length : 0) };
  });
  // Free text in an order that says nothing about who answered when.
  const texts = answers.map((a) => a.value).sort((a, b) => a.localeCompare(b, 'en-GB'));
  return card('pulse-results', {
    reference: pulseReference(question.number),
    question: plain(question.text),
    theme: themeName(question.theme, language),
    status: roundStatus(round, network, language),
    responses: t.responses(t.answerCount(answers.length), t.peopleCount(round.askedCount)),
    withheld,
    withheldReason: withheld ? withheldText(round, rule, answers.length, readerAnswered, language) : '',
    rows: withheld ? [] : rows,
    texts: withheld || question.kind !== 'text' ? [] : texts.map((text) => ({ text: plain(text) })),
  });
}
