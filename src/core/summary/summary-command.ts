import { isPlatform } from '../platforms';
import { UserError } from '../errors';
import type { Forum, Theme } from '../model';
import { THEMES } from '../model';
import type { SummaryFilters } from './summary-figures';

export const SUMMARY_USAGE =
  'Give the number of days as a whole number from 1 to 365, e.g. **summary 7**. You can add a theme (e.g. **summary 30 recognition**), **teams** or **slack**, and **here** for this forum’s pulses only.';

/**
 * Reads `summary [days] [theme] [teams|slack] [here]` in any order. `here` needs the
 * forum the command was typed in.
 */
export function parseSummaryArgs(args: string, forumHere: Forum | null): { days: number; filters: SummaryFilters } {
  let rest = ` ${args.toLowerCase().replace(/\s+/g, ' ').trim()} `;
  const filters: SummaryFilters = { theme: null, forumId: null, platform: null };
  const theme = THEMES.find((t) => rest.includes(` ${t.toLowerCase()} `));
  if (theme) {
    filters.theme = theme as Theme;
    rest = rest.replace(` ${theme.toLowerCase()} `, ' ');
  }
  let days = 30;
  let sawDays = false;
  for (const word of rest.trim().split(' ').filter(Boolean)) {
    if (/^\d+$/.test(word) && !sawDays) {
      days = Number(word);
      sawDays = true;
    } else if (isPlatform(word) && !filters.platform) {
      filters.platform = word;
    } else if (word === 'here') {
      if (!forumHere) throw new UserError('**here** works in a registered forum channel. An admin can register one with **forum**.');
      filters.forumId = forumHere.id;
    } else {
      throw new UserError(SUMMARY_USAGE);
    }
  }
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new UserError(SUMMARY_USAGE);
  return { days, filters };
}
