import { z } from 'zod';
import { CARD_VERSION } from './cards';
import { FEEDBACK_THEMES, PULSE_KINDS, RAG_STATUSES, THEMES } from './model';

export const LIMITS = {
  feedbackText: 2000,
  feedbackReply: 1000,
  pulseQuestion: 300,
  pulseChoices: 500,
  pulseTextAnswer: 1000,
  actionNote: 2000,
  actionEvidence: 1000,
  email: 254,
  id: 200,
} as const;

const INCOMPLETE = 'This card is incomplete or damaged. Type **help** and start again.';
const id = z.string({ error: INCOMPLETE }).trim().min(1, INCOMPLETE).max(LIMITS.id, INCOMPLETE);
const flag = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .optional()
  .transform((v) => v === true || v === 'true');
const text = (max: number, what: string) =>
  z
    .string({ error: `${what} is missing.` })
    .trim()
    .min(1, `${what} is empty.`)
    .max(max, { error: (issue) => `${what} can be up to ${max.toLocaleString('en-GB')} characters: yours has ${String(issue.input).trim().length.toLocaleString('en-GB')}. Please shorten it.` });
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} can be up to ${max.toLocaleString('en-GB')} characters. Please shorten it.`)
    .optional()
    .transform((v) => v ?? '');

/** The fields every card action carries. */
const base = { cv: z.coerce.number({ error: INCOMPLETE }).int(INCOMPLETE) };

export const submissionSchemas = {
  'feedback.submit': z.object({
    ...base,
    formId: id,
    theme: z.enum(FEEDBACK_THEMES, { error: 'Choose a theme.' }),
    text: text(LIMITS.feedbackText, 'Your feedback'),
    anonymous: flag,
  }),
  'pulse.new': z.object({ ...base }),
  'privacy.forget': z.object({ ...base }),
  'pulse.create': z.object({
    ...base,
    formId: id,
    text: text(LIMITS.pulseQuestion, 'The question'),
    kind: z.enum(PULSE_KINDS, { error: 'Choose an answer type.' }),
    choices: optionalText(LIMITS.pulseChoices, 'The options'),
    theme: z.enum(THEMES, { error: 'Choose a theme.' }),
    audience: id,
    closesDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose the date the pulse closes.'),
    closesTime: z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/, 'Choose the time the pulse closes.'),
    anonymous: flag,
    repeat: z.enum(['once', 'weekly', 'fortnightly', 'monthly'], { error: 'Choose how often the pulse repeats.' }).optional().default('once'),
    weekday: z.coerce.number({ error: 'Choose the day the pulse goes out.' }).int().min(1, 'Choose a weekday from Monday to Friday.').max(5, 'Choose a weekday from Monday to Friday.').optional().default(1),
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d(:\d{2})?$/, 'Choose the time the pulse goes out, e.g. 10:00.')
      .optional()
      .default('10:00')
      .transform((v) => v.slice(0, 5)),
    windowHours: z.coerce.number({ error: 'Choose how long each round stays open.' }).int().min(1, 'Each round stays open for at least an hour.').max(672, 'Each round can stay open for four weeks at the most.').optional().default(48),
  }),
  'pulse.answer': z.object({ ...base, roundId: id, answer: text(LIMITS.pulseTextAnswer, 'Your answer') }),
  'pulse.open': z.object({ ...base, roundId: id }),
  'pulse.results': z.object({ ...base, roundId: id }),
  'action.edit': z.object({ ...base, number: id }),
  'actions.page': z.object({
    ...base,
    filter: z.string().max(LIMITS.id, INCOMPLETE).optional().transform((v) => v ?? ''),
    page: z.coerce.number({ error: INCOMPLETE }).int(INCOMPLETE).min(1, INCOMPLETE).max(100_000, INCOMPLETE),
  }),
  'action.update': z.object({
    ...base,
    number: id,
    version: z.coerce.number({ error: INCOMPLETE }).int(INCOMPLETE).min(0, INCOMPLETE),
    status: z.enum(RAG_STATUSES, { error: 'Choose a RAG status.' }),
    note: optionalText(LIMITS.actionNote, 'The note'),
    evidence: optionalText(LIMITS.actionEvidence, 'The evidence'),
  }),
  'reminder.done': z.object({
    ...base,
    number: id,
    version: z.coerce.number({ error: INCOMPLETE }).int(INCOMPLETE).min(0, INCOMPLETE),
  }),
  'reminder.snooze': z.object({ ...base, number: id }),
  'feedback.list': z.object({ ...base }),
  'feedback.open': z.object({ ...base, number: z.coerce.number({ error: INCOMPLETE }).int(INCOMPLETE).min(1, INCOMPLETE) }),
  'feedback.acknowledge': z.object({ ...base, number: z.coerce.number({ error: INCOMPLETE }).int(INCOMPLETE).min(1, INCOMPLETE) }),
  'feedback.link': z.object({
    ...base,
    number: z.coerce.number({ error: INCOMPLETE }).int(INCOMPLETE).min(1, INCOMPLETE),
    action: z.string({ error: 'Choose the action this feedback led to.' }).trim().min(1, 'Choose the action this feedback led to.').max(LIMITS.id),
  }),
  'feedback.reply': z.object({
    ...base,
    number: z.coerce.number({ error: INCOMPLETE }).int(INCOMPLETE).min(1, INCOMPLETE),
    reply: text(LIMITS.feedbackReply, 'The reply'),
  }),
  'roles.set': z.object({
    ...base,
    member: id,
    roles: z.string().max(100).optional().transform((v) => (v ?? '').split(',').map((r) => r.trim()).filter(Boolean)),
    change: z.enum(['add', 'remove'], { error: 'Choose whether to give or take away the roles.' }).optional().transform((v) => v ?? 'add'),
    email: z
      .union([z.literal(''), z.email('That e-mail address does not look right.').max(LIMITS.email)])
      .optional()
      .transform((v) => (v ? v.toLowerCase() : '')),
  }),
  'profile.save': z.object({
    ...base,
    name: z.string({ error: 'Give the institution’s name.' }),
    leadName: optionalText(1000, 'The lead’s name'),
    leadEmail: optionalText(1000, 'The e-mail'),
    leadPhone: optionalText(1000, 'The contact number'),
    headName: optionalText(1000, 'The head’s name'),
    signatoryDate: optionalText(100, 'The date'),
    webPage: optionalText(1000, 'The web page'),
    stage: z.string({ error: 'Choose the stage.' }),
    planPeriod: optionalText(1000, 'The plan period'),
    governance: z.string().max(10_000).optional().default(''),
  }),
  'narrative.list': z.object({ ...base }),
  'narrative.edit': z.object({ ...base, section: id }),
  'narrative.save': z.object({ ...base, section: id, text: z.string().max(10_000).optional().default('') }),
  'consultation.add': z.object({
    ...base,
    formId: id,
    heldOn: optionalText(100, 'The date'),
    kind: optionalText(100, 'The kind'),
    participants: optionalText(100, 'The number of participants'),
    summary: z.string().max(10_000).optional().default(''),
    actionsShaped: optionalText(1000, 'The action numbers'),
  }),
} as const;

export type Verb = keyof typeof submissionSchemas;
export type Submission<V extends Verb> = z.infer<(typeof submissionSchemas)[V]>;

export function isVerb(value: unknown): value is Verb {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(submissionSchemas, value);
}

export type Parsed<V extends Verb> = { ok: true; value: Submission<V> } | { ok: false; error: string };

/** Validates a card submission before the core sees it. */
export function parseSubmission<V extends Verb>(verb: V, data: Record<string, unknown>): Parsed<V> {
  const result = submissionSchemas[verb].safeParse(data);
  if (!result.success) return { ok: false, error: result.error.issues[0]?.message ?? 'Something on the card is not right.' };
  return { ok: true, value: result.data as Submission<V> };
}

export function isCurrentCard(data: Record<string, unknown>): boolean {
  return Number(data.cv) === CARD_VERSION;
}
