import { z } from 'zod';
import { base, LIMITS, INCOMPLETE, id, optionalText, positiveNumber, version } from '../card-input';
import { RAG_STATUSES } from '../model';

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
    status: z.enum(RAG_STATUSES, { error: 'Choose a RAG status.' }),
    note: optionalText(LIMITS.actionNote, 'The note'),
    evidence: optionalText(LIMITS.actionEvidence, 'The evidence'),
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
