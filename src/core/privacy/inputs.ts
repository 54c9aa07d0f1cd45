import { z } from 'zod';
import { base } from '../card-input';

/** What the privacy.forget button sends. */
export const privacyForgetInput = z.object({ ...base });
export type PrivacyForgetInput = z.output<typeof privacyForgetInput>;
