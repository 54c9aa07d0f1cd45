import type { CommandDefinition } from '../interactions';

export interface ParsedCommand {
  /** The recognised command, or null when the word is not one. */
  command: CommandDefinition | null;
  word: string;
  args: string;
}

/** Finds commands by what people type: their names and aliases, one word or two. */
export class CommandBook {
  private readonly byWord = new Map<string, CommandDefinition>();

  constructor(readonly commands: readonly CommandDefinition[]) {
    for (const command of commands) {
      for (const words of [command, command.cy]) for (const word of [words.name, ...(words.aliases ?? [])]) this.byWord.set(word, command);
    }
  }

  /** Reads a command from what someone typed: case-insensitive, mentions already removed. */
  parse(text: string): ParsedCommand {
    // A typed "@Techvoice" (no mention entity, so the platform left it in) counts as the bot's name.
    const cleaned = text.replace(/\s+/g, ' ').trim().replace(/^(?:<at>[^<]*<\/at>|[@/]?techvoice\b)\s*/i, '');
    const [first = '', ...rest] = cleaned.split(' ');
    const word = first.toLowerCase().replace(/^\//, '');
    if (word === '') return { command: this.byWord.get('help') ?? null, word, args: '' };
    const twoWords = this.byWord.get(`${word} ${(rest[0] ?? '').toLowerCase()}`);
    if (twoWords) return { command: twoWords, word: `${word} ${rest[0]!.toLowerCase()}`, args: rest.slice(1).join(' ') };
    return { command: this.byWord.get(word) ?? null, word: first, args: rest.join(' ') };
  }

  /** The command someone most likely meant by an unknown word, if one is close enough. */
  closest(word: string): string | null {
    const typed = word.toLowerCase();
    if (typed.length < 3) return null;
    let best: { name: string; distance: number } | null = null;
    for (const name of this.commands.flatMap((command) => [command.name, command.cy.name])) {
      const distance = editDistance(typed, name);
      if (distance <= (name.length > 5 ? 2 : 1) && (!best || distance < best.distance)) best = { name, distance };
    }
    return best?.name ?? null;
  }
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
