import { UserError } from '../errors';
import { defineAction, defineCommand } from '../interactions';
import { pulseAnswerInput, pulseCreateInput, pulseNewInput, pulseOpenInput, pulseResultsInput } from './inputs';
import { answerPulse, createPulse, listPulses, pulseCreateForm, pulseResults, showQuestion } from './pulses';

export const pulseActions = [
  defineAction({ verb: 'pulse.new', input: pulseNewInput, who: 'chairs', run: (deps, session) => pulseCreateForm(deps, session) }),
  defineAction({
    verb: 'pulse.create',
    input: pulseCreateInput,
    who: 'chairs',
    audit: ['audience', 'kind', 'theme'],
    run: createPulse,
    redraw: (deps, session, typed, error) => pulseCreateForm(deps, session, typed, error),
  }),
  defineAction({
    verb: 'pulse.answer',
    input: pulseAnswerInput,
    who: 'everyone',
    run: answerPulse,
    // The question again with the problem, when the card still says which round it is.
    redraw: async (deps, session, typed, error) => {
      if (!typed.roundId) throw new UserError(error);
      return showQuestion(deps, session, typed.roundId, error, typed.answer ?? null);
    },
  }),
  defineAction({ verb: 'pulse.open', input: pulseOpenInput, who: 'everyone', run: (deps, session, input) => showQuestion(deps, session, input.roundId) }),
  defineAction({ verb: 'pulse.results', input: pulseResultsInput, who: 'chairs', audit: ['roundId'], run: (deps, session, input) => pulseResults(deps, session, input.roundId) }),
];

export const pulseCommands = [
  defineCommand({
    name: 'pulse',
    cy: { name: 'pwls', aliases: ['arolwg pwls'], help: { member: 'Ateb cwestiynau pwls agored', chair: 'Creu cwestiynau pwls a gweld y canlyniadau' } },
    aliases: ['pulses'],
    help: { member: 'Answer open pulse questions', chair: 'Create pulse questions and see results' },
    who: 'everyone',
    run: async (deps, session) => ({ card: await listPulses(deps, session) }),
  }),
  defineCommand({ name: 'pulse new', cy: { name: 'pwls newydd', help: 'Gofyn cwestiwn pwls newydd i’r rhwydwaith' }, help: 'Ask the network a new pulse question', who: 'chairs', hidden: true, run: async (deps, session) => ({ card: await pulseCreateForm(deps, session) }) }),
];
