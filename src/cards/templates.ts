import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CardName } from '../core/cards';

export type JsonObject = { [key: string]: unknown };

/** A JSON object (not an array, not null), as parsed from a request body. */
export const isJsonObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The repository's `cards/` folder: the nearest one above this file (src/, dist/src/ or another build folder). */
function cardsDirectory(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const cards = join(dir, 'cards');
    if (existsSync(join(cards, 'help.json'))) return cards;
  }
  throw new Error(`cards/ folder not found above ${__dirname}`);
}

const cache = new Map<CardName, JsonObject>();

/** The Adaptive Card template for a card, as JSON (parsed once). */
export function loadTemplate(name: CardName): JsonObject {
  let template = cache.get(name);
  if (!template) {
    template = JSON.parse(readFileSync(join(cardsDirectory(), `${name}.json`), 'utf8')) as JsonObject;
    cache.set(name, template);
  }
  return template;
}
