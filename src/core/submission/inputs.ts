import { z } from 'zod';
import { base, id, optionalText } from '../card-input';

/** What the profile.save button sends. */
export const profileSaveInput = z.object({
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
  });
export type ProfileSaveInput = z.output<typeof profileSaveInput>;

/** What the narrative.list button sends. */
export const narrativeListInput = z.object({ ...base });
export type NarrativeListInput = z.output<typeof narrativeListInput>;

/** What the narrative.edit button sends. */
export const narrativeEditInput = z.object({ ...base, section: id });
export type NarrativeEditInput = z.output<typeof narrativeEditInput>;

/** What the narrative.save button sends. */
export const narrativeSaveInput = z.object({ ...base, section: id, text: z.string().max(10_000).optional().default('') });
export type NarrativeSaveInput = z.output<typeof narrativeSaveInput>;

/** What the consultation.add button sends. */
export const consultationAddInput = z.object({
    ...base,
    formId: id,
    heldOn: optionalText(100, 'The date'),
    kind: optionalText(100, 'The kind'),
    participants: optionalText(100, 'The number of participants'),
    summary: z.string().max(10_000).optional().default(''),
    actionsShaped: optionalText(1000, 'The action numbers'),
  });
export type ConsultationAddInput = z.output<typeof consultationAddInput>;
