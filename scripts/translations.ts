/**
 * Writes the list of everything Techvoice says, in English and Welsh, for an institution's
 * translation unit to review: docs/translation/cy-review.csv (opens in Excel). Each row names
 * the area and key of a phrase in its `text.ts`, so a corrected Welsh phrase sent back is
 * changed there. Phrases built from what they are about show their parts as {1}, {2}.
 *
 * Usage: `npm run translations` (a test fails when the committed list is out of date).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { COMMANDS } from '../src/core/registry';
import type { CommandWords } from '../src/core/interactions';
// The whole app, so every catalogue is declared (the adapters' and the scheduler's too).
import '../src/app';
import { catalogues } from '../src/core/i18n/text';

export const REVIEW_LIST = join('docs', 'translation', 'cy-review.csv');

/** A phrase as a translator reads it: fixed text, or a built one with its parts numbered. */
function shown(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  if (typeof entry !== 'function') return String(entry);
  const parts = Array.from({ length: entry.length }, (_, i) => `{${i + 1}}`);
  try {
    return String((entry as (...args: string[]) => unknown)(...parts));
  } catch {
    return `(built in code: ${entry.toString().slice(0, 200)})`;
  }
}

/** A command's name, usage and help (kept beside its definition, in its feature's interactions.ts). */
function commandRows(english: CommandWords, welsh: CommandWords): string[][] {
  const help = (words: CommandWords, who: 'member' | 'chair') => (typeof words.help === 'string' ? words.help : words.help[who]);
  const rows = [
    ['name', english.name, welsh.name],
    ['aliases', (english.aliases ?? []).join(', '), (welsh.aliases ?? []).join(', ')],
    ['usage', english.usage ?? '', welsh.usage ?? ''],
    ['help', help(english, 'member'), help(welsh, 'member')],
  ];
  if (typeof english.help !== 'string') rows.push(['help (chairs)', help(english, 'chair'), help(welsh, 'chair')]);
  return rows.filter(([, en]) => en !== '').map(([key, en, cy]) => [`command:${english.name}`, key!, en!, cy!]);
}

export function reviewList(): string {
  const rows: string[][] = [];
  for (const [area, languages] of [...catalogues()].sort(([a], [b]) => a.localeCompare(b))) {
    for (const key of Object.keys(languages.en)) rows.push([area, key, shown(languages.en[key]), shown(languages.cy[key])]);
  }
  for (const command of COMMANDS) rows.push(...commandRows(command, command.cy));
  return stringify(rows, { header: true, columns: ['area', 'key', 'English', 'Cymraeg'], bom: true });
}

if (require.main === module) {
  writeFileSync(REVIEW_LIST, reviewList());
  console.log(`Wrote ${REVIEW_LIST}`);
}
