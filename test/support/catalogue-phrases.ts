import { COMMANDS } from '../../src/core/registry';
import { commandWords, type CommandWords } from '../../src/core/interactions';
// The whole app, so every catalogue is declared (the adapters' and the scheduler's too).
import '../../src/app';
import { catalogues } from '../../src/core/i18n/text';
import type { Language } from '../../src/core/i18n/language';

/** Names of languages and brands that are written the same in every language, or in their own. */
const SAME_IN_EVERY_LANGUAGE = new Set(['Techvoice', 'Teams', 'Slack', 'Word', 'Markdown', 'CSV', 'English', 'Cymraeg', 'RAG']);

/**
 * The fixed phrases of one language that the other says differently: what must not appear in
 * a session in the other language. Single words are left out: they also occur in what people
 * wrote (an English plan's "Agree", a note's "green"), which stays as written in either language.
 */
export function phrasesOnlyIn(language: Language): string[] {
  const other: Language = language === 'en' ? 'cy' : 'en';
  const phrases = new Set<string>();
  for (const [, byLanguage] of catalogues()) {
    for (const [key, value] of Object.entries(byLanguage[language])) {
      const translated = byLanguage[other][key];
      if (typeof value !== 'string' || value === translated || SAME_IN_EVERY_LANGUAGE.has(value)) continue;
      if (!value.trim().includes(' ')) continue;
      phrases.add(value);
    }
  }
  // What help says of each command (its name and usage are words people may type in either language).
  const helpOf = (words: CommandWords) => (typeof words.help === 'string' ? [words.help] : [words.help.member, words.help.chair]);
  for (const command of COMMANDS) for (const help of helpOf(commandWords(command, language))) phrases.add(help);
  return [...phrases];
}

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The phrases of `language` found, as whole words, in what someone saw (cards and messages as text). */
export function phrasesOfLanguageIn(seen: string, language: Language): string[] {
  return phrasesOnlyIn(language).filter((phrase) => new RegExp(`(?<![\\p{L}])${escaped(phrase)}(?![\\p{L}])`, 'u').test(seen));
}
