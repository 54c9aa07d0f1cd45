import { Template } from 'adaptivecards-templating';
import type { Card, CardName } from '../core/cards';
import { loadTemplate, type JsonObject } from './templates';
import { Lru } from '../core/memo';

const templates = new Map<CardName, Template>();
// Expanding a template evaluates every binding; the same card data recurs a lot (the
// confirmation after a pulse answer), so rendered cards are kept for a while.
const rendered = new Lru<string, string>(1000);

/** Renders a card model as an Adaptive Card (schema 1.5) from its template in `cards/`. */
export function renderAdaptiveCard(card: Card): JsonObject {
  const json = rendered.getOrCompute(`${card.name} ${JSON.stringify(card.data)}`, () => {
    let template = templates.get(card.name);
    if (!template) {
      template = new Template(loadTemplate(card.name));
      templates.set(card.name, template);
    }
    return JSON.stringify(template.expand({ $root: card.data }));
  });
  // A fresh copy each time: callers may change what they get.
  return JSON.parse(json) as JsonObject;
}
