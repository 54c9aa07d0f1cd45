import { Template } from 'adaptivecards-templating';
import type { Card, CardName } from '../core/cards';
import { loadTemplate, type JsonObject } from './templates';
import { Lru } from '../core/memo';
import { cardLabels } from '../core/i18n/card-labels';
import { DEFAULT_LANGUAGE } from '../core/i18n/language';

const templates = new Map<CardName, Template>();
// Expanding a template evaluates every binding; the same card data recurs a lot (the
// confirmation after a pulse answer), so rendered cards are kept for a while.
const rendered = new Lru<string, string>(1000);

/** Identifies a card model by what it shows: equal keys render equal cards. */
export const cardKey = (card: Card): string => `${card.name} ${card.language ?? DEFAULT_LANGUAGE} ${JSON.stringify(card.data)}`;

/** The Adaptive Card (schema 1.5) for a card model, as JSON text, from its template in `cards/`. */
export function renderAdaptiveCardJson(card: Card): string {
  return rendered.getOrCompute(cardKey(card), () => {
    let template = templates.get(card.name);
    if (!template) {
      template = new Template(loadTemplate(card.name));
      templates.set(card.name, template);
    }
    return JSON.stringify(template.expand({ $root: { ...card.data, t: cardLabels(card.name, card.language ?? DEFAULT_LANGUAGE) } }));
  });
}

/** The Adaptive Card for a card model, as a fresh object (callers may change it). */
export function renderAdaptiveCard(card: Card): JsonObject {
  return JSON.parse(renderAdaptiveCardJson(card)) as JsonObject;
}
