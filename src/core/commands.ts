export const COMMANDS = ['help', 'feedback', 'pulse', 'actions', 'summary', 'roles', 'forum', 'export', 'audit', 'my data', 'forget me', 'profile', 'narrative', 'consultation', 'quote'] as const;
export type Command = (typeof COMMANDS)[number];

export interface ParsedCommand {
  /** The recognised command, or null when the word is not one. */
  command: Command | null;
  word: string;
  args: string;
}

const ALIASES: Record<string, Command> = { hi: 'help', hello: 'help', start: 'help', '?': 'help', action: 'actions', pulses: 'pulse', submission: 'narrative', consultations: 'consultation' };

/** Reads a command from what someone typed: case-insensitive, mentions already removed. */
export function parseCommand(text: string): ParsedCommand {
  const cleaned = text.replace(/\s+/g, ' ').trim().replace(/^\/?techvoice\b\s*/i, '');
  const [first = '', ...rest] = cleaned.split(' ');
  const word = first.toLowerCase().replace(/^\//, '');
  if (word === '') return { command: 'help', word, args: '' };
  const twoWords = `${word} ${(rest[0] ?? '').toLowerCase()}`;
  if ((COMMANDS as readonly string[]).includes(twoWords)) return { command: twoWords as Command, word: twoWords, args: rest.slice(1).join(' ') };
  const command = (COMMANDS as readonly string[]).includes(word) ? (word as Command) : (ALIASES[word] ?? null);
  return { command, word: first, args: rest.join(' ') };
}
