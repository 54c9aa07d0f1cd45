import { z } from 'zod';
import { base, LIMITS, INCOMPLETE, id, positiveNumber, version } from '../card-input';
import type { Language } from '../i18n/language';
import { RAG_STATUSES } from '../model';
import { actionsText } from './text';

/** What an action.update problem is called: a key of the actions catalogue, said in the person's language by `inputProblem`. */
type InputProblem = 'statusMissing' | 'noteTooLong' | 'evidenceTooLong';
const INPUT_PROBLEMS: readonly string[] = ['statusMissing', 'noteTooLong', 'evidenceTooLong'] satisfies InputProblem[];

/** A problem the inputs below found, in the person's language; others (a damaged card) as they are. */
export function inputProblem(message: string, language: Language): string {
  return INPUT_PROBLEMS.includes(message) ? actionsText(language)[message as InputProblem] : message;
}

const optionalText = (max: number, problem: InputProblem) =>
  z
    .string()
    .trim()
    .max(max, problem)
    .optional()
    .transform((v) => v ?? '');

/** What the action.edit button sends. */
export const actionEditInput = z.object({ ...base, number: id });
export type ActionEditInput = z.output<typeof actionEditInput>;

/** What the actions.page button sends. */
export const actionsPageInput = z.object({
    ...base,
    filter: z.string().max(LIMITS.id, INCOMPLETE).optional().transform((v) => v ?? ''),
    page: positiveNumber.max(100_000, INCOMPLETE),
  });
export type ActionsPageInput = z.output<typeof actionsPageInput>;

/** What the action.update button sends. */
export const actionUpdateInput = z.object({
    ...base,
    number: id,
    version: version,
    status: z.enum(RAG_STATUSES, { error: 'statusMissing' satisfies InputProblem }),
    note: optionalText(LIMITS.actionNote, 'noteTooLong'),
    evidence: optionalText(LIMITS.actionEvidence, 'evidenceTooLong'),
  });
export type ActionUpdateInput = z.output<typeof actionUpdateInput>;

/** What the reminder.done button sends. */
export const reminderDoneInput = z.object({
    ...base,
    number: id,
    version: version,
  });
export type ReminderDoneInput = z.output<typeof reminderDoneInput>;

/** What the reminder.snooze button sends. */
export const reminderSnoozeInput = z.object({ ...base, number: id });
export type ReminderSnoozeInput = z.output<typeof reminderSnoozeInput>;
