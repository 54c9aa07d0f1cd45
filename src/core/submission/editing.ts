import { z } from 'zod';
import type { Store } from '../store';
import type { Network } from '../model';
import type { Consultation, InstitutionProfile, NarrativeSectionKey } from './model';
import { CONSULTATION_KINDS, NARRATIVE_SECTIONS, STAGES } from './model';
import { emptyProfile } from './document-data';

/**
 * Chat cards hold up to 3,000 characters a field (Slack's limit for a text input); the CLI
 * takes longer texts from a file.
 */
export const SUBMISSION_LIMITS = { chatText: 3000, fileText: 20_000, name: 200, line: 300, participants: 100_000 } as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const line = (what: string, max: number = SUBMISSION_LIMITS.line) => z.string().trim().max(max, `${what} can be up to ${max} characters. Please shorten it.`);
const isRealDate = (value: string) => DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export const longText = (what: string, max: number) =>
  z
    .string()
    .max(max * 2)
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .refine((v) => v.length <= max, { message: `${what} can be up to ${max.toLocaleString('en-GB')} characters. Please shorten it.` });

export function profileSchema(textMax: number) {
  return z.object({
    name: line('The institution’s name', SUBMISSION_LIMITS.name).min(2, 'Give the institution’s name, e.g. University of Liverpool.'),
    leadName: line('The institutional lead’s name'),
    leadEmail: z.union([z.literal(''), z.email('The institutional lead’s e-mail address does not look right.').max(254)]),
    leadPhone: line('The contact number', 40).regex(/^[0-9+() \-]*$/, 'The contact number can hold digits, spaces, + ( ) and - only.'),
    headName: line('The head of institution’s name'),
    signatoryDate: z.string().trim().refine((v) => v === '' || isRealDate(v), 'Give the signatory date as a date, e.g. 2017-09-28.'),
    webPage: z
      .string()
      .trim()
      .max(500, 'The web address can be up to 500 characters.')
      .refine((v) => v === '' || /^https?:\/\/[^\s<>"]+\.[^\s<>"]+$/i.test(v), 'The web page must be a web address starting with https://'),
    stage: z.enum(STAGES, { error: 'Choose the stage: one, two or three.' }),
    planPeriod: line('The plan period', 100),
    governance: longText('The governance text', textMax),
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

export function narrativeSchema(textMax: number) {
  return z.object({
    section: z.enum(NARRATIVE_SECTIONS, { error: `Choose a section: ${NARRATIVE_SECTIONS.join(', ')}.` }),
    text: longText('The section', textMax),
  });
}

export async function saveNarrative(store: Store, network: Network, planId: string, section: NarrativeSectionKey, text: string, at: string): Promise<void> {
  await store.saveNarrativeSection({ networkId: network.id, planId, section, text, updatedAt: at });
}

export function consultationSchema(textMax: number) {
  return z.object({
    heldOn: z.string().trim().refine(isRealDate, 'Give the date the consultation was held, e.g. 2024-05-14.'),
    kind: z.enum(CONSULTATION_KINDS, { error: `Choose the kind: ${CONSULTATION_KINDS.join(', ')}.` }),
    participants: z.coerce
      .number({ error: 'Give the number of participants as a whole number.' })
      .int('Give the number of participants as a whole number.')
      .min(1, 'A consultation has at least one participant.')
      .max(SUBMISSION_LIMITS.participants, 'That is more participants than a network has.'),
    summary: longText('The summary', textMax).refine((v) => v.length > 0, 'Write a short summary of what was heard.'),
    actionsShaped: z
      .string()
      .max(500, 'List at most a few dozen action numbers.')
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
export const firstProblem = (error: z.ZodError): string => error.issues[0]?.message ?? 'Something is not right.';
