import { isPlatform } from '../platforms';
import { UserError } from '../errors';
import type { Forum, Theme } from '../model';
import { THEMES } from '../model';
import type { SummaryFilters } from './summary-figures';
import { LANGUAGES } from '../i18n/language';
import { themeName } from '../i18n/words';
import { summaryText } from './text';

const usageError = () => new UserError((language) => summaryText(language).usage);

/** Words for "here", in every language. */
const HERE = new Set(['here', 'yma']);

/**
 * Reads `summary [days] [theme] [teams|slack] [here]` in any order. `here` needs the
 * forum the command was typed in.
 */
export function parseSummaryArgs(args: string, forumHere: Forum | null): { days: number; filters: SummaryFilters } {
  let rest = ` ${args.toLowerCase().replace(/\s+/g, ' ').trim()} `;
  const filters: SummaryFilters = { theme: null, forumId: null, platform: null };
  // A theme is named in English or Welsh: "recognition", "cydnabyddiaeth".
  const named = THEMES.flatMap((t) => LANGUAGES.map((language) => ({ theme: t, word: themeName(t, language).toLowerCase() }))).find(({ word }) => rest.includes(` ${word} `));
  if (named) {
    filters.theme = named.theme as Theme;
    rest = rest.replace(` ${named.word} `, ' ');
  }
  let days = 30;
  let sawDays = false;
  for (const word of rest.trim().split(' ').filter(Boolean)) {
    if (/^\d+$/.test(word) && !sawDays) {
      days = Number(word);
      sawDays = true;
    } else if (isPlatform(word) && !filters.platform) {
      filters.platform = word;
    } else if (HERE.has(word)) {
      if (!forumHere) throw new UserError((language) => summaryText(language).hereNeedsForum);
      filters.forumId = forumHere.id;
    } else {
      throw usageError();
    }
  }
  if (!Number.isInteger(days) || days < 1 || days > 365) throw usageError();
  return { days, filters };
}
