import { z } from 'zod';
import { base, LIMITS, id } from '../card-input';

/** What the roles.set button sends. */
export const rolesSetInput = z.object({
    ...base,
    member: id,
    roles: z.string().max(100).optional().transform((v) => (v ?? '').split(',').map((r) => r.trim()).filter(Boolean)),
    change: z.enum(['add', 'remove'], { error: 'Choose whether to give or take away the roles.' }).optional().transform((v) => v ?? 'add'),
    email: z
      .union([z.literal(''), z.email('That e-mail address does not look right.').max(LIMITS.email)])
      .optional()
      .transform((v) => (v ? v.toLowerCase() : '')),
  });
export type RolesSetInput = z.output<typeof rolesSetInput>;
