export const COMMANDS = ['help', 'feedback', 'pulse', 'actions', 'summary', 'roles', 'forum', 'export', 'plan', 'audit', 'my data', 'forget me', 'link', 'profile', 'narrative', 'consultation', 'quote'] as const;
export type Command = (typeof COMMANDS)[number];

export interface ParsedCommand {
  /** The recognised command, or null when the word is not one. */
  command: Command | null;
  word: string;
  args: string;
}

const ALIASES: Record<string, Command> = { hi: 'help', hello: 'help', start: 'help', '?': 'help', action: 'actions', pulses: 'pulse', plans: 'plan', submission: 'narrative', consultations: 'consultation' };

/** Reads a command from what someone typed: case-insensitive, mentions already removed. */
export function parseCommand(text: string): ParsedCommand {
  // A typed "@Techvoice" (no mention entity, so the platform left it in) counts as the bot's name.
  const cleaned = text.replace(/\s+/g, ' ').trim().replace(/^(?:<at>[^<]*<\/at>|[@/]?techvoice\b)\s*/i, '');
  const [first = '', ...rest] = cleaned.split(' ');
  const word = first.toLowerCase().replace(/^\//, '');
  if (word === '') return { command: 'help', word, args: '' };
  const twoWords = `${word} ${(rest[0] ?? '').toLowerCase()}`;
  if ((COMMANDS as readonly string[]).includes(twoWords)) return { command: twoWords as Command, word: twoWords, args: rest.slice(1).join(' ') };
  const command = (COMMANDS as readonly string[]).includes(word) ? (word as Command) : (ALIASES[word] ?? null);
  return { command, word: first, args: rest.join(' ') };
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** The command someone most likely meant by an unknown word, if one is close enough. */
export function closestCommand(word: string): Command | null {
  const typed = word.toLowerCase();
  if (typed.length < 3) return null;
  let best: { command: Command; distance: number } | null = null;
  for (const command of COMMANDS) {
    const distance = editDistance(typed, command);
    if (distance <= (command.length > 5 ? 2 : 1) && (!best || distance < best.distance)) best = { command, distance };
  }
  return best?.command ?? null;
}
