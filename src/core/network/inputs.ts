import { z } from 'zod';
import { base, LIMITS, id } from '../card-input';
import type { Language } from '../i18n/language';
import { networkText } from './text';

const say = networkText('en');

/** What the roles.set button sends. */
export const rolesSetInput = z.object({
    ...base,
    member: id,
    roles: z.string().max(100).optional().transform((v) => (v ?? '').split(',').map((r) => r.trim()).filter(Boolean)),
    change: z.enum(['add', 'remove'], { error: say.chooseChange }).optional().transform((v) => v ?? 'add'),
    email: z
      .union([z.literal(''), z.email(say.badEmail).max(LIMITS.email)])
      .optional()
      .transform((v) => (v ? v.toLowerCase() : '')),
  });
export type RolesSetInput = z.output<typeof rolesSetInput>;

/** What the roles card's inputs said was wrong (in English, as zod has it), in the person's language. */
export function rolesInputProblem(message: string, language: Language): string {
  const key = (['chooseChange', 'badEmail'] as const).find((k) => say[k] === message);
  return key ? networkText(language)[key] : message;
}
