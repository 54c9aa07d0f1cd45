import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CardName } from '../core/cards';

export type JsonObject = { [key: string]: unknown };

/** The repository's `cards/` folder, from src/ (tsx) or dist/src/ (built). */
function cardsDirectory(): string {
  for (const up of ['../..', '../../..']) {
    const dir = resolve(__dirname, up, 'cards');
    if (existsSync(join(dir, 'help.json'))) return dir;
  }
  throw new Error(`cards/ folder not found from ${__dirname}`);
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
