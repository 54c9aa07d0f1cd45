/** A problem the person can fix; its message is shown to them in chat as it is. */
import type { Language } from './i18n/language';

/** What a person is told: the same words in every language, or words chosen by language. */
export type Said = string | ((language: Language) => string);

export class UserError extends Error {
  constructor(private readonly said: Said) {
    super(typeof said === 'string' ? said : said('en'));
    this.name = 'UserError';
  }

  /** The message in the person's language. */
  in(language: Language): string {
    return typeof this.said === 'string' ? this.said : this.said(language);
  }
}
