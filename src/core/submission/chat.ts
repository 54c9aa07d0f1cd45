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
import { sectionInfo, STAGE_TITLES } from './sections';
import { SINGLE_PLAN_ID } from './plans';
import type { Store } from '../store';

/**
 * The plan whose narrative chat edits. While a network holds one action list it is that list;
 * with several plans it becomes the current plan's id.
 */
/** Narrative sections belong to the network's current plan (or, before it has one, to none in particular). */
export const narrativePlanId = async (store: Pick<Store, 'getCurrentPlan'>, networkId: string): Promise<string> =>
  (await store.getCurrentPlan(networkId))?.id ?? SINGLE_PLAN_ID;

const stageChoices = STAGES.map((s) => ({ title: STAGE_TITLES[s], value: s }));

export function profileCard(values: ProfileInput, notice = '', error = ''): Card {
  return card('profile', { ...NO_NOTICE, notice, error, cv: CARD_VERSION, stages: stageChoices, values: { ...values } });
}

export async function showProfile(deps: CoreDeps, session: Session): Promise<Card> {
  return profileCard(await currentProfile(deps.store, session.network));
}

export async function submitProfile(deps: CoreDeps, session: Session, input: ProfileSaveInput): Promise<Card> {
  const { cv: _cv, ...typed } = input;
  const parsed = profileSchema(SUBMISSION_LIMITS.chatText).safeParse(typed);
  if (!parsed.success) return profileCard({ ...typed, stage: typed.stage as ProfileInput['stage'] }, '', firstProblem(parsed.error));
  const { network } = await saveProfile(deps.store, session.network, parsed.data, nowIso());
  const renamed = network.name !== session.network.name ? ` The network is now called ${network.name}.` : '';
  return profileCard(parsed.data, `Saved the institution profile.${renamed}`);
}

export async function narrativeList(deps: CoreDeps, session: Session, notice = ''): Promise<Card> {
  const profile = await deps.store.getInstitutionProfile(session.network.id);
  const stage = profile?.stage ?? 'two';
  const written = new Map((await deps.store.listNarrativeSections(session.network.id, await narrativePlanId(deps.store, session.network.id))).map((s) => [s.section, s]));
  return card('narrative-list', {
    ...NO_NOTICE,
    notice,
    cv: CARD_VERSION,
    intro: `The sections of the ${STAGE_TITLES[stage]} submission. Techvoice adds the facts it holds (pulses, feedback, consultations, the RAG analysis) by itself; type **export** for the document.`,
    sections: NARRATIVE_SECTIONS.map((key) => {
      const info = sectionInfo(stage, key);
      const section = written.get(key);
      return { key, name: info.name, question: info.question, status: section?.text ? `written, ${section.text.length.toLocaleString('en-GB')} characters, ${formatDate(section.updatedAt.slice(0, 10))}` : 'not written yet' };
    }),
  });
}

function sectionKey(value: string): NarrativeSectionKey {
  if (!(NARRATIVE_SECTIONS as readonly string[]).includes(value)) throw new UserError(`There is no section “${value.slice(0, 40)}”. Type **narrative** to see the sections.`);
  return value as NarrativeSectionKey;
}

export async function narrativeEdit(deps: CoreDeps, session: Session, section: string, text?: string, error = ''): Promise<Card> {
  const key = sectionKey(section);
  const stage = (await deps.store.getInstitutionProfile(session.network.id))?.stage ?? 'two';
  const info = sectionInfo(stage, key);
  const saved = (await deps.store.listNarrativeSections(session.network.id, await narrativePlanId(deps.store, session.network.id))).find((s) => s.section === key)?.text ?? '';
  return card('narrative-edit', { ...NO_NOTICE, error, cv: CARD_VERSION, section: key, name: info.name, question: info.question, values: { text: text ?? saved } });
}

export async function narrativeSave(deps: CoreDeps, session: Session, input: NarrativeSaveInput): Promise<Card> {
  const parsed = narrativeSchema(SUBMISSION_LIMITS.chatText).safeParse({ section: input.section, text: input.text });
  if (!parsed.success) return narrativeEdit(deps, session, input.section, input.text, firstProblem(parsed.error));
  await saveNarrative(deps.store, session.network, await narrativePlanId(deps.store, session.network.id), parsed.data.section, parsed.data.text, nowIso());
  return narrativeList(deps, session, `Saved “${sectionInfo('two', parsed.data.section).name}”.`);
}

type ConsultationValues = { heldOn: string; kind: string; participants: string; summary: string; actionsShaped: string };
const NO_VALUES: ConsultationValues = { heldOn: '', kind: '', participants: '', summary: '', actionsShaped: '' };

export async function consultationForm(deps: CoreDeps, session: Session, values: ConsultationValues = NO_VALUES, notice = '', error = '', formId: string = randomUUID()): Promise<Card> {
  const recorded = (await deps.store.listConsultations(session.network.id)).slice(-8).reverse();
  return card('consultation', {
    ...NO_NOTICE,
    notice,
    error,
    cv: CARD_VERSION,
    formId,
    kinds: CONSULTATION_KINDS.map((k) => ({ title: k[0].toUpperCase() + k.slice(1), value: k })),
    values,
    recorded: recorded.map((c) => ({ title: `${formatDate(c.heldOn)} · ${c.kind}`, value: `${c.participants} people${c.actionsShaped.length ? ` · shaped ${c.actionsShaped.join(', ')}` : ''}` })),
  });
}

export async function addConsultation(deps: CoreDeps, session: Session, input: ConsultationAddInput): Promise<Card> {
  const typed: ConsultationValues = { heldOn: input.heldOn, kind: input.kind, participants: input.participants, summary: input.summary, actionsShaped: input.actionsShaped };
  const parsed = consultationSchema(SUBMISSION_LIMITS.chatText).safeParse(typed);
  if (!parsed.success) return consultationForm(deps, session, typed, '', firstProblem(parsed.error), input.formId);
  // The form's id makes a retried or double-clicked submit record one consultation.
  const id = createHash('sha256').update(`${session.network.id}|${input.formId}`).digest('hex').slice(0, 32);
  const result = await recordConsultation(deps.store, session.network, id, parsed.data, nowIso());
  if ('unknownActions' in result) {
    return consultationForm(deps, session, typed, '', `There is no action ${result.unknownActions.join(', ')} in the plan. Type **actions** to see the numbers.`, input.formId);
  }
  const { consultation } = result;
  return consultationForm(deps, session, NO_VALUES, `Recorded: ${consultation.kind} on ${formatDate(consultation.heldOn)} with ${consultation.participants} people.`);
}

/** `quote FB-12` clears feedback for quoting in the submission (without its author); `quote FB-12 off` withdraws it. */
export async function quoteCommand(deps: CoreDeps, session: Session, args: string): Promise<string> {
  const match = /^\s*(?:FB-?)?(\d{1,9})\s*(on|off)?\s*$/i.exec(args);
  if (!match) throw new UserError('Say which feedback, e.g. **quote FB-12** to allow quoting it, or **quote FB-12 off** to withdraw that.');
  const number = Number(match[1]);
  const on = (match[2] ?? 'on').toLowerCase() === 'on';
  const feedback = await deps.store.getFeedback(session.network.id, number);
  if (!feedback) throw new UserError(`There is no feedback FB-${number}. Type **feedback list** to see it.`);
  await deps.store.setQuotable(session.network.id, number, on);
  if (!on) return `FB-${number} will no longer be quoted in exports.`;
  const inTheme = (await allFeedback(deps, session.network.id)).filter((f) => f.theme === feedback.theme).length;
  const threshold = session.network.anonymityThreshold;
  const when = inTheme >= threshold ? 'It appears in the next export' : `It appears once ${feedback.theme} has at least ${threshold} feedback items (it has ${inTheme}), so that it cannot point to one person`;
  return `FB-${number} may now be quoted word for word in the self-assessment, never with its author. ${when}.`;
}
