import { z } from 'zod';
import { base, LIMITS, INCOMPLETE, id, positiveNumber, version } from '../card-input';
import { said } from '../i18n/text';
import { RAG_STATUSES } from '../model';
import { actionsText } from './text';

/** Text a person may leave empty, with the actions catalogue's problem when it is too long. */
const optionalText = (max: number, problem: 'noteTooLong' | 'evidenceTooLong') =>
  z
    .string()
    .trim()
    .max(max, said(actionsText, problem))
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
    status: z.enum(RAG_STATUSES, { error: said(actionsText, 'statusMissing') }),
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
