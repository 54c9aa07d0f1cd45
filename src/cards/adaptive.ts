import { Template } from 'adaptivecards-templating';
import type { Card, CardName } from '../core/cards';
import { loadTemplate, type JsonObject } from './templates';

const templates = new Map<CardName, Template>();

/** Renders a card model as an Adaptive Card (schema 1.5) from its template in `cards/`. */
export function renderAdaptiveCard(card: Card): JsonObject {
  let template = templates.get(card.name);
  if (!template) {
    template = new Template(loadTemplate(card.name));
    templates.set(card.name, template);
  }
  return template.expand({ $root: card.data }) as JsonObject;
}
