import { z } from 'zod';
import type { Store } from '../store';
import type { Network } from '../model';
import type { Consultation, InstitutionProfile, NarrativeSectionKey } from './model';
import { CONSULTATION_KINDS, NARRATIVE_SECTIONS, STAGES } from './model';
import { emptyProfile } from './document-data';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language';
import { formatNumber } from '../i18n/text';
import { CONSULTATION_KIND_NAMES } from './document-text';
import { SUBMISSION_PROBLEMS } from './text';

/**
 * Chat cards hold up to 3,000 characters a field (Slack's limit for a text input); the CLI
 * takes longer texts from a file.
 */
export const SUBMISSION_LIMITS = { chatText: 3000, fileText: 20_000, name: 200, line: 300, participants: 100_000 } as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
type Problems = ReturnType<typeof SUBMISSION_PROBLEMS>;
const line = (say: Problems, language: Language, what: string, max: number = SUBMISSION_LIMITS.line) => z.string().trim().max(max, say.tooLong(what, formatNumber(max, language)));
const isRealDate = (value: string) => DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export const longText = (what: string, max: number, language: Language = DEFAULT_LANGUAGE) =>
  z
    .string()
    .max(max * 2)
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .refine((v) => v.length <= max, { message: SUBMISSION_PROBLEMS(language).tooLong(what, formatNumber(max, language)) });

export function profileSchema(textMax: number, language: Language = DEFAULT_LANGUAGE) {
  const say = SUBMISSION_PROBLEMS(language);
  return z.object({
    name: line(say, language, say.institutionName, SUBMISSION_LIMITS.name).min(2, say.giveName),
    leadName: line(say, language, say.leadName),
    leadEmail: z.union([z.literal(''), z.email(say.badEmail).max(254)]),
    leadPhone: line(say, language, say.contactNumber, 40).regex(/^[0-9+() \-]*$/, say.badPhone),
    headName: line(say, language, say.headName),
    signatoryDate: z.string().trim().refine((v) => v === '' || isRealDate(v), say.badSignatoryDate),
    webPage: z
      .string()
      .trim()
      .max(500, say.webTooLong)
      .refine((v) => v === '' || /^https?:\/\/[^\s<>"]+\.[^\s<>"]+$/i.test(v), say.badWebPage),
    stage: z.enum(STAGES, { error: say.chooseStage }),
    planPeriod: line(say, language, say.planPeriod, 100),
    governance: longText(say.governance, textMax, language),
  });
}
export type ProfileInput = z.infer<ReturnType<typeof profileSchema>>;

/** The profile as the form shows it, with the network's name. */
export async function currentProfile(store: Store, network: Network): Promise<ProfileInput> {
  const profile = (await store.getInstitutionProfile(network.id)) ?? emptyProfile(network.id);
  const { networkId: _networkId, updatedAt: _updatedAt, ...fields } = profile;
  return { name: network.name, ...fields };
}

/** Saves the profile; its name renames the network, so cards and exports use it too. */
export async function saveProfile(store: Store, network: Network, input: ProfileInput, at: string): Promise<{ network: Network; profile: InstitutionProfile }> {
  const { name, ...fields } = input;
  const profile: InstitutionProfile = { networkId: network.id, ...fields, updatedAt: at };
  const renamed = name === network.name ? network : { ...network, name };
  if (renamed !== network) await store.updateNetwork(renamed);
  await store.saveInstitutionProfile(profile);
  return { network: renamed, profile };
}

export function narrativeSchema(textMax: number, language: Language = DEFAULT_LANGUAGE) {
  const say = SUBMISSION_PROBLEMS(language);
  return z.object({
    section: z.enum(NARRATIVE_SECTIONS, { error: say.chooseSection(NARRATIVE_SECTIONS.join(', ')) }),
    text: longText(say.section, textMax, language),
  });
}

export async function saveNarrative(store: Store, network: Network, planId: string, section: NarrativeSectionKey, text: string, at: string): Promise<void> {
  await store.saveNarrativeSection({ networkId: network.id, planId, section, text, updatedAt: at });
}

export function consultationSchema(textMax: number, language: Language = DEFAULT_LANGUAGE) {
  const say = SUBMISSION_PROBLEMS(language);
  return z.object({
    heldOn: z.string().trim().refine(isRealDate, say.badHeldOn),
    kind: z.enum(CONSULTATION_KINDS, { error: say.chooseKind(CONSULTATION_KINDS.map((k) => CONSULTATION_KIND_NAMES(language)[k]).join(', ')) }),
    participants: z.coerce
      .number({ error: say.wholeParticipants })
      .int(say.wholeParticipants)
      .min(1, say.noParticipants)
      .max(SUBMISSION_LIMITS.participants, say.tooManyParticipants),
    summary: longText(say.summary, textMax, language).refine((v) => v.length > 0, say.writeSummary),
    actionsShaped: z
      .string()
      .max(500, say.tooManyActions)
      .optional()
      .transform((v) => [...new Set((v ?? '').split(/[\s,;]+/).map((n) => n.trim()).filter(Boolean))]),
  });
}
export type ConsultationInput = z.infer<ReturnType<typeof consultationSchema>>;

/**
 * Records a consultation once per id. Action numbers must be in the plan, so the log never
 * claims to have shaped an action that does not exist.
 */
export async function recordConsultation(store: Store, network: Network, id: string, input: ConsultationInput, at: string): Promise<{ consultation: Consultation; created: boolean } | { unknownActions: string[] }> {
  if (input.actionsShaped.length) {
    const known = new Set((await store.listActions(network.id)).map((a) => a.number));
    const unknown = input.actionsShaped.filter((n) => !known.has(n));
    if (unknown.length) return { unknownActions: unknown };
  }
  const { value, created } = await store.addConsultation({ networkId: network.id, id, ...input, createdAt: at });
  return { consultation: value, created };
}

/** The first problem zod found, as the sentence a person reads. */
export const firstProblem = (error: z.ZodError, language: Language = DEFAULT_LANGUAGE): string => error.issues[0]?.message ?? SUBMISSION_PROBLEMS(language).somethingWrong;
