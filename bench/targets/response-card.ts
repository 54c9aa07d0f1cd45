import { renderAdaptiveCard } from '../../src/cards/adaptive';
import { card, CARD_VERSION } from '../../src/core/cards';

/**
 * The card Techvoice answers a pulse answer with, so that the baselines send a response of
 * the same size as the bot under test.
 */
export const RESPONSE_CARD = renderAdaptiveCard(
  card('pulse-question', {
    notice: 'Thanks: your answer (4 · Agree) is in. You can change it until the pulse closes.',
    error: '',
    cv: CARD_VERSION,
    roundId: 'bench-round',
    reference: 'P-1',
    question: 'Bench question',
    theme: 'Visibility',
    closes: 'Closes Thu 26 Nov 2026, 03:00',
    anonymity: 'Anonymous',
    isOpen: true,
    isText: false,
    choices: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'].map((title, i) => ({ title: `${i + 1} · ${title}`, value: String(i + 1) })),
    values: { answer: '4' },
  }),
);
