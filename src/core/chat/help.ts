import { CARD_VERSION, card, type Card } from '../cards';
import { commandWords, mayUse, type CommandDefinition } from '../interactions';
import { isChair, type Session } from '../session';

/** The commands a person can use, with what each does, in their language. */
export function helpCard(session: Session, commands: readonly CommandDefinition[], intro: string): Card {
  const chair = isChair(session.member);
  const listed = commands
    .filter((c) => !c.hidden && mayUse(session, c.who))
    .map((c) => commandWords(c, session.language))
    .map((w) => ({ command: w.usage ?? w.name, description: typeof w.help === 'string' ? w.help : chair ? w.help.chair : w.help.member }));
  return card('help', { cv: CARD_VERSION, intro, commands: listed, otherLanguage: session.language === 'cy' ? 'en' : 'cy' });
}
