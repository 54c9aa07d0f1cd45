import { actionPlanActions, actionPlanCommands } from './actions/interactions';
import { CommandBook } from './chat/commands';
import { z } from 'zod';
import { base } from './card-input';
import { helpCard } from './chat/help';
import { choosePersonalLanguage } from './language/choose';
import { languageCommands } from './language/interactions';
import { chatText } from './chat/text';
import { exportCommands } from './export/interactions';
import { feedbackActions, feedbackCommands } from './feedback/interactions';
import { defineAction, defineCommand, type ActionDefinition, type CommandDefinition } from './interactions';
import { inLanguage } from './cards';
import { networkActions, networkCommands } from './network/interactions';
import { privacyActions, privacyCommands } from './privacy/interactions';
import { pulseActions, pulseCommands } from './pulses/interactions';
import { submissionActions, submissionCommands } from './submission/interactions';
import { summaryActions, summaryCommands } from './summary/interactions';

/** The help card's language buttons: the person's own choice, answered with help in that language. */
const chooseLanguage = defineAction({
  verb: 'language.set',
  input: z.object({ ...base, language: z.enum(['en', 'cy']) }),
  who: 'everyone',
  run: async (deps, session, input) => {
    const language = await choosePersonalLanguage(deps, session, input.language);
    return inLanguage(helpCard({ ...session, language }, COMMANDS, chatText(language).helpIntro), language);
  },
});

/** Every card button and form, from each feature's own definitions. */
export const CARD_ACTIONS = [...feedbackActions, ...pulseActions, ...actionPlanActions, ...networkActions, ...privacyActions, ...submissionActions, ...summaryActions, chooseLanguage];

const help: CommandDefinition = defineCommand({
  name: 'help',
  cy: { name: 'cymorth', aliases: ['helo', 'shwmae', 'dechrau'], help: 'Dangos y rhestr hon' },
  aliases: ['hi', 'hello', 'start', '?'],
  help: 'Show this list',
  who: 'everyone',
  run: async (_deps, session) => ({ card: helpCard(session, COMMANDS, chatText(session.language).helpIntro) }),
});

/** Every typed command, feature by feature, as help lists them (each person sees what their roles allow). */
export const COMMANDS: readonly CommandDefinition[] = [
  ...feedbackCommands,
  ...pulseCommands,
  ...actionPlanCommands,
  ...summaryCommands,
  ...exportCommands,
  ...submissionCommands,
  ...networkCommands,
  ...privacyCommands,
  ...languageCommands,
  help,
];

export const COMMAND_BOOK = new CommandBook(COMMANDS);

// Each definition's handler takes its own input type; looked up by verb, input and handler are used as a pair.
const BY_VERB: ReadonlyMap<string, ActionDefinition> = new Map(CARD_ACTIONS.map((action) => [action.verb, action as unknown as ActionDefinition]));

export function actionFor(verb: unknown): ActionDefinition | undefined {
  return typeof verb === 'string' ? BY_VERB.get(verb) : undefined;
}
