/** A problem the person can fix; its message is shown to them in chat as it is. */
import type { Language } from './i18n/language';
import { spoken } from './i18n/text';

/** What a person is told: the same words in every language, or words chosen by language. */
export type Said = string | ((language: Language) => string);

export class UserError extends Error {
  constructor(private readonly said: Said) {
    super(spoken(typeof said === 'string' ? said : said('en'), 'en'));
    this.name = 'UserError';
  }

  /** The message in the person's language. */
  in(language: Language): string {
    return spoken(typeof this.said === 'string' ? this.said : this.said(language), language);
  }
}
