import { createHash, randomUUID } from 'node:crypto';
import { card, CARD_VERSION, NO_NOTICE, type Card } from '../cards';
import type { CoreDeps } from '../deps';
import { nowIso } from '../clock';
import { UserError } from '../errors';
import { formatDate } from '../format';
import type { Session } from '../session';
import type { ConsultationAddInput, NarrativeSaveInput, ProfileSaveInput } from './inputs';
import { allFeedback } from '../feedback/feedback-triage';
import { CONSULTATION_KINDS, NARRATIVE_SECTIONS, STAGES, type NarrativeSectionKey } from './model';
import { consultationSchema, currentProfile, firstProblem, narrativeSchema, profileSchema, recordConsultation, saveNarrative, saveProfile, SUBMISSION_LIMITS, type ProfileInput } from './editing';
import { sectionInfo, sectionNamed, stageTitle } from './sections';
import type { Language } from '../i18n/language';
import { counted, formatNumber } from '../i18n/text';
import { themeName } from '../i18n/words';
import { CONSULTATION_KIND_NAMES } from './document-text';
import { COUNTED_PEOPLE, SUBMISSION_TEXT } from './text';
import { SINGLE_PLAN_ID } from './plans';
import type { Store } from '../store';

/**
 * The plan whose narrative chat edits. While a network holds one action list it is that list;
 * with several plans it becomes the current plan's id.
 */
/** Narrative sections belong to the network's current plan (or, before it has one, to none in particular). */
export const narrativePlanId = async (store: Pick<Store, 'getCurrentPlan'>, networkId: string): Promise<string> =>
  (await store.getCurrentPlan(networkId))?.id ?? SINGLE_PLAN_ID;

const stageChoices = (language: Language) => STAGES.map((s) => ({ title: stageTitle(s, language), value: s }));

export function profileCard(language: Language, values: ProfileInput, notice = '', error = ''): Card {
  return card('profile', { ...NO_NOTICE, notice, error, cv: CARD_VERSION, stages: stageChoices(language), values: { ...values } });
}

export async function showProfile(deps: CoreDeps, session: Session): Promise<Card> {
  return profileCard(session.language, await currentProfile(deps.store, session.network));
}

export async function submitProfile(deps: CoreDeps, session: Session, input: ProfileSaveInput): Promise<Card> {
  const { cv: _cv, ...typed } = input;
  const { language } = session;
  const say = SUBMISSION_TEXT(language);
  const parsed = profileSchema(SUBMISSION_LIMITS.chatText, language).safeParse(typed);
  if (!parsed.success) return profileCard(language, { ...typed, stage: typed.stage as ProfileInput['stage'] }, '', firstProblem(parsed.error, language));
  const { network } = await saveProfile(deps.store, session.network, parsed.data, nowIso());
  const renamed = network.name !== session.network.name ? say.networkRenamed(network.name) : '';
  return profileCard(language, parsed.data, `${say.profileSaved}${renamed}`);
}

export async function narrativeList(deps: CoreDeps, session: Session, notice = ''): Promise<Card> {
  const { language } = session;
  const say = SUBMISSION_TEXT(language);
  const profile = await deps.store.getInstitutionProfile(session.network.id);
  const stage = profile?.stage ?? 'two';
  const written = new Map((await deps.store.listNarrativeSections(session.network.id, await narrativePlanId(deps.store, session.network.id))).map((s) => [s.section, s]));
  return card('narrative-list', {
    ...NO_NOTICE,
    notice,
    cv: CARD_VERSION,
    intro: say.narrativeIntro(stageTitle(stage, language)),
    sections: NARRATIVE_SECTIONS.map((key) => {
      const info = sectionInfo(stage, key, language);
      const section = written.get(key);
      return { key, name: info.name, question: info.question, status: section?.text ? say.written(formatNumber(section.text.length, language), formatDate(section.updatedAt.slice(0, 10), language)) : say.notWrittenYet };
    }),
  });
}

function sectionKey(value: string): NarrativeSectionKey {
  const key = sectionNamed(value);
  if (!key) throw new UserError((language) => SUBMISSION_TEXT(language).noSuchSection(value.slice(0, 40)));
  return key;
}

export async function narrativeEdit(deps: CoreDeps, session: Session, section: string, text?: string, error = ''): Promise<Card> {
  const key = sectionKey(section);
  const stage = (await deps.store.getInstitutionProfile(session.network.id))?.stage ?? 'two';
  const info = sectionInfo(stage, key, session.language);
  const saved = (await deps.store.listNarrativeSections(session.network.id, await narrativePlanId(deps.store, session.network.id))).find((s) => s.section === key)?.text ?? '';
  return card('narrative-edit', { ...NO_NOTICE, error, cv: CARD_VERSION, section: key, name: info.name, question: info.question, values: { text: text ?? saved } });
}

export async function narrativeSave(deps: CoreDeps, session: Session, input: NarrativeSaveInput): Promise<Card> {
  const { language } = session;
  const parsed = narrativeSchema(SUBMISSION_LIMITS.chatText, language).safeParse({ section: input.section, text: input.text });
  if (!parsed.success) return narrativeEdit(deps, session, input.section, input.text, firstProblem(parsed.error, language));
  await saveNarrative(deps.store, session.network, await narrativePlanId(deps.store, session.network.id), parsed.data.section, parsed.data.text, nowIso());
  return narrativeList(deps, session, SUBMISSION_TEXT(language).sectionSaved(sectionInfo('two', parsed.data.section, language).name));
}

type ConsultationValues = { heldOn: string; kind: string; participants: string; summary: string; actionsShaped: string };
const NO_VALUES: ConsultationValues = { heldOn: '', kind: '', participants: '', summary: '', actionsShaped: '' };

export async function consultationForm(deps: CoreDeps, session: Session, values: ConsultationValues = NO_VALUES, notice = '', error = '', formId: string = randomUUID()): Promise<Card> {
  const { language } = session;
  const say = SUBMISSION_TEXT(language);
  const kindName = CONSULTATION_KIND_NAMES(language);
  const recorded = (await deps.store.listConsultations(session.network.id)).slice(-8).reverse();
  return card('consultation', {
    ...NO_NOTICE,
    notice,
    error,
    cv: CARD_VERSION,
    formId,
    kinds: CONSULTATION_KINDS.map((k) => ({ title: kindName[k][0].toUpperCase() + kindName[k].slice(1), value: k })),
    values,
    recorded: recorded.map((c) => ({ title: `${formatDate(c.heldOn, language)} · ${kindName[c.kind]}`, value: say.consultationPeople(counted(language, c.participants, COUNTED_PEOPLE[language]), c.actionsShaped.join(', ')) })),
  });
}

export async function addConsultation(deps: CoreDeps, session: Session, input: ConsultationAddInput): Promise<Card> {
  const typed: ConsultationValues = { heldOn: input.heldOn, kind: input.kind, participants: input.participants, summary: input.summary, actionsShaped: input.actionsShaped };
  const { language } = session;
  const say = SUBMISSION_TEXT(language);
  const parsed = consultationSchema(SUBMISSION_LIMITS.chatText, language).safeParse(typed);
  if (!parsed.success) return consultationForm(deps, session, typed, '', firstProblem(parsed.error, language), input.formId);
  // The form's id makes a retried or double-clicked submit record one consultation.
  const id = createHash('sha256').update(`${session.network.id}|${input.formId}`).digest('hex').slice(0, 32);
  const result = await recordConsultation(deps.store, session.network, id, parsed.data, nowIso());
  if ('unknownActions' in result) {
    return consultationForm(deps, session, typed, '', say.unknownActions(result.unknownActions.join(', ')), input.formId);
  }
  const { consultation } = result;
  return consultationForm(deps, session, NO_VALUES, say.consultationRecorded(CONSULTATION_KIND_NAMES(language)[consultation.kind], formatDate(consultation.heldOn, language), consultation.participants));
}

/** `quote FB-12` clears feedback for quoting in the submission (without its author); `quote FB-12 off` withdraws it. */
export async function quoteCommand(deps: CoreDeps, session: Session, args: string): Promise<string> {
  const match = /^\s*(?:FB-?)?(\d{1,9})\s*(on|off|ymlaen|i ffwrdd|ffwrdd)?\s*$/i.exec(args);
  if (!match) throw new UserError((language) => SUBMISSION_TEXT(language).quoteUsage);
  const say = SUBMISSION_TEXT(session.language);
  const number = Number(match[1]);
  const reference = `FB-${number}`;
  const on = !/^(off|i ffwrdd|ffwrdd)$/i.test(match[2] ?? 'on');
  const feedback = await deps.store.getFeedback(session.network.id, number);
  if (!feedback) throw new UserError((language) => SUBMISSION_TEXT(language).noSuchFeedback(reference));
  await deps.store.setQuotable(session.network.id, number, on);
  if (!on) return say.quoteWithdrawn(reference);
  const inTheme = (await allFeedback(deps, session.network.id)).filter((f) => f.theme === feedback.theme).length;
  const threshold = session.network.anonymityThreshold;
  const when = inTheme >= threshold ? say.quoteNextExport : say.quoteWaits(themeName(feedback.theme, session.language), threshold, inTheme);
  return say.quoteAllowed(reference, when);
}
