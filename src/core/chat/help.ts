import { card, type Card } from '../cards';
import { mayUse, type CommandDefinition } from '../interactions';
import { isChair, type Session } from '../session';

/** The commands a person can use, with what each does. */
export function helpCard(session: Session, commands: readonly CommandDefinition[], intro = 'Hello! I help your technician network hear from everyone. Type one of these:'): Card {
  const chair = isChair(session.member);
  const listed = commands
    .filter((c) => !c.hidden && mayUse(session, c.who))
    .map((c) => ({ command: c.usage ?? c.name, description: typeof c.help === 'string' ? c.help : chair ? c.help.chair : c.help.member }));
  return card('help', { intro, commands: listed });
}
