import type { z } from 'zod';
import type { Card } from './cards';
import type { CoreDeps } from './deps';
import { UserError } from './errors';
import type { OutgoingMessage } from './messages';
import type { LimitKind } from './rate-limits';
import { isAdmin, isChair, type Session } from './session';
import type { Language } from './i18n/language';
import { defineText } from './i18n/text';

/** Who may use a command or press a button. Finer rules (the owner of an action) are the handler's. */
export type Who = 'everyone' | 'chairs' | 'admins';

const REFUSALS = defineText(
  'roles',
  {
    chairs: 'Only forum chairs and admins can do that. Ask an admin if you need the chair role.',
    admins: 'Only admins can do that. Admins are set by your Techvoice administrator.',
  },
  {
    chairs: 'Dim ond cadeiryddion fforwm a gweinyddwyr sy’n gallu gwneud hynny. Gofynnwch i weinyddwr os oes angen rôl cadeirydd arnoch.',
    admins: 'Dim ond gweinyddwyr sy’n gallu gwneud hynny. Eich gweinyddwr Techvoice sy’n dewis y gweinyddwyr.',
  },
);

/** A command's words in a language. */
export function commandWords(command: CommandDefinition, language: Language): CommandWords {
  return language === 'cy' ? command.cy : command;
}

export function mayUse(session: Session, who: Who): boolean {
  if (who === 'chairs') return isChair(session.member);
  if (who === 'admins') return isAdmin(session.member);
  return true;
}

/** Refuses, in words the person can act on, what their roles do not allow. */
export function requireRole(session: Session, who: Who): void {
  if (who !== 'everyone' && !mayUse(session, who)) throw new UserError(REFUSALS(session.language)[who]);
}

/** What a card sent, as text, for redrawing a form with what the person typed. */
export type Typed = Readonly<Partial<Record<string, string>>>;

export function typedFrom(data: Record<string, unknown>): Typed {
  const typed: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) if (typeof value === 'string' || typeof value === 'number') typed[key] = String(value);
  return typed;
}

/** A form drawn again with what was typed and what to fix. */
export type Redraw = (deps: CoreDeps, session: Session, typed: Typed, error: string) => Promise<Card>;

/**
 * A card button or form: everything Techvoice needs to know about it, in one place. The
 * dispatcher checks `who`, validates `input`, runs the handler and audits the press.
 */
export interface ActionDefinition<S extends z.ZodType = z.ZodType> {
  /** What the card's button sends as `verb`. */
  verb: string;
  /** What the card sends, checked before anything runs (unknown fields are dropped). */
  input: S;
  who: Who;
  /** Kept in the audit log when a chair or admin does it, with these fields of the input: identifiers only, never what someone typed. */
  audit?: readonly string[];
  /**
   * Which rate limit a press counts against (buttons by default), what a retry of the same
   * press is known by, and the card shown when it is over the limit (in the client's language:
   * it is refused before the person is looked up).
   */
  limit?: { kind: LimitKind; fingerprint(data: Record<string, unknown>): string; refused(data: Record<string, unknown>, retryIn: string, language: Language): Card };
  run(deps: CoreDeps, session: Session, input: z.output<S>): Promise<Card>;
  /** The form again with what was typed and what to fix; without it the problem is said in a message card. */
  redraw?: Redraw;
}

/** Types the handler's input by the action's schema. */
export function defineAction<S extends z.ZodType>(definition: ActionDefinition<S>): ActionDefinition<S> {
  return definition;
}

/**
 * What a command said (and any messages after it: a bilingual forum's summary in its second
 * language), and what the audit log keeps of it when it is audited.
 */
export type CommandOutcome = OutgoingMessage & { followedBy?: readonly OutgoingMessage[]; auditDetail?: string };

/** What a command is called and how help describes it, in one language. */
export interface CommandWords {
  /** What people type: one word, or two ("feedback list"). */
  name: string;
  /** Other words for it ("hello" for help). */
  aliases?: readonly string[];
  /** How help shows it, e.g. "summary [days]"; the name when not given. */
  usage?: string;
  /** What help says it does; a chair may read something else than a member. */
  help: string | { member: string; chair: string };
}

/** A typed command: its English words, and its Welsh ones (`cy`). Both always work. */
export interface CommandDefinition extends CommandWords {
  cy: CommandWords;
  who: Who;
  /** Left out of help: a step reached from another command or card. */
  hidden?: boolean;
  /** Kept in the audit log: the outcome's `auditDetail`, else the first 40 characters typed after it. */
  audited?: boolean;
  run(deps: CoreDeps, session: Session, args: string): Promise<CommandOutcome>;
}

export function defineCommand(definition: CommandDefinition): CommandDefinition {
  return definition;
}
