import { z } from 'zod';
import { base, id, INCOMPLETE } from '../card-input';

/**
 * A field as the card sends it. The card's own limits are far smaller, so only a damaged card
 * exceeds these; what a person typed is checked, in their language, by the schemas in editing.ts.
 */
const cardField = (max: number) =>
  z
    .string({ error: INCOMPLETE })
    .trim()
    .max(max, INCOMPLETE)
    .optional()
    .transform((v) => v ?? '');

/** What the profile.save button sends. */
export const profileSaveInput = z.object({
    ...base,
    // Kept as typed, so a name of only spaces comes back on the card with what to fix.
    name: z.string({ error: INCOMPLETE }).max(1000, INCOMPLETE).optional().default(''),
    leadName: cardField(1000),
    leadEmail: cardField(1000),
    leadPhone: cardField(1000),
    headName: cardField(1000),
    signatoryDate: cardField(100),
    webPage: cardField(1000),
    stage: z.string({ error: INCOMPLETE }).max(100, INCOMPLETE).optional().default(''),
    planPeriod: cardField(1000),
    governance: z.string({ error: INCOMPLETE }).max(10_000, INCOMPLETE).optional().default(''),
  });
export type ProfileSaveInput = z.output<typeof profileSaveInput>;

/** What the narrative.list button sends. */
export const narrativeListInput = z.object({ ...base });
export type NarrativeListInput = z.output<typeof narrativeListInput>;

/** What the narrative.edit button sends. */
export const narrativeEditInput = z.object({ ...base, section: id });
export type NarrativeEditInput = z.output<typeof narrativeEditInput>;

/** What the narrative.save button sends. */
export const narrativeSaveInput = z.object({ ...base, section: id, text: z.string({ error: INCOMPLETE }).max(10_000, INCOMPLETE).optional().default('') });
export type NarrativeSaveInput = z.output<typeof narrativeSaveInput>;

/** What the consultation.add button sends. */
export const consultationAddInput = z.object({
    ...base,
    formId: id,
    heldOn: cardField(100),
    kind: cardField(100),
    participants: cardField(100),
    summary: z.string({ error: INCOMPLETE }).max(10_000, INCOMPLETE).optional().default(''),
    actionsShaped: cardField(1000),
  });
export type ConsultationAddInput = z.output<typeof consultationAddInput>;
