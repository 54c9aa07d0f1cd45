import { randomUUID } from 'node:crypto';

/** A small seeded PRNG (mulberry32): the same seed throws the same payloads. */
export class Random {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  id(): string {
    return `${this.int(1e9).toString(36)}${this.int(1e9).toString(36)}`;
  }
}

const UNICODE = ['é', 'ß', '漢字', '🙂', '👩🏽‍🔬', '\u202e', '\u0000', '\ud800', '\uffff', 'Ω', '\n', '\t', '"', '\\', '<at>x</at>', '${x}', '{{x}}', '<script>', "'; DROP TABLE feedback;--"];

/** Junk of every JSON kind, nested up to `depth`. */
export function junk(r: Random, depth = 2): unknown {
  switch (r.int(depth > 0 ? 10 : 8)) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, -1, 1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31]);
    case 3:
      return r.pick(['', ' ', 'true', 'false', '1', 'null', 'undefined', 'NaN', '[]', '{}']);
    case 4:
      return text(r);
    case 5:
      return 'x'.repeat(r.pick([2_001, 10_000, 100_000]));
    case 6:
      return Array.from({ length: r.int(4) }, () => r.pick(UNICODE)).join('');
    case 7:
      return r.id();
    case 8:
      return Array.from({ length: r.int(5) }, () => junk(r, depth - 1));
    default:
      return Object.fromEntries(Array.from({ length: r.int(5) }, () => [r.pick(['__proto__', 'constructor', 'prototype', 'verb', 'cv', 'id', r.id()]), junk(r, depth - 1)]));
  }
}

export function text(r: Random): string {
  return Array.from({ length: 1 + r.int(6) }, () => r.pick([...UNICODE, 'help', 'feedback', 'pulse', 'actions', 'hello', r.id()])).join(r.pick([' ', '', '\n']));
}

/**
 * Mutates one path of a JSON value: removes it, gives it a wrong type, junk, or a huge string.
 * Paths under `protect` are left alone; with `within`, only paths under those roots change.
 */
export function mutate(r: Random, value: Record<string, unknown>, protect: readonly string[] = [], within: readonly string[] | null = null): void {
  const paths: string[][] = [];
  const under = (path: string, root: string) => path === root || path.startsWith(`${root}.`);
  const allowed = (path: string) => !protect.some((p) => under(path, p)) && (!within || within.some((root) => under(path, root)));
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== 'object' || path.length > 4) return;
    for (const key of Object.keys(node)) {
      const next = [...path, key];
      if (allowed(next.join('.'))) paths.push(next);
      walk((node as Record<string, unknown>)[key], next);
    }
  };
  walk(value, []);
  if (paths.length === 0) return;
  const path = r.pick(paths);
  let parent = value as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path[path.length - 1];
  if (r.chance(0.25)) delete parent[last];
  else parent[last] = junk(r);
}

/** Values of `cv` that are not the current card version: the card is stale or damaged. */
const STALE_CV = [undefined, 0, -1, 2, 99, 'x', '', null, {}, [], '0'];

/**
 * Card data for `verb` that must change nothing: always broken in at least one way that the
 * core must refuse (stale or missing card version, an unknown verb, or a field that cannot
 * be valid), then mutated further at random.
 */
export function brokenCardData(r: Random, verb: string, valid: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = { ...valid, verb, cv: 1 };
  const breakers: (() => void)[] = [
    () => {
      const cv = r.pick(STALE_CV);
      if (cv === undefined) delete data.cv;
      else data.cv = cv;
    },
    () => {
      data.verb = r.chance(0.5) ? `${verb}.${r.id()}` : junk(r);
      if (data.verb === verb) data.verb = 'no.such.verb';
    },
  ];
  if (verb === 'feedback.submit') {
    breakers.push(
      () => (data.theme = r.pick(['Parking', '', 1, null, text(r)])),
      () => (data.text = r.pick(['x'.repeat(2_001), '   ', '', 42, null, { text: 'nested' }, ['a']])),
      () => delete data.formId,
      () => (data.formId = r.pick(['', 'x'.repeat(201), 7, null, {}])),
    );
  }
  r.pick(breakers)();
  for (let i = r.int(3); i > 0; i--) mutate(r, data, ['verb', 'cv', 'theme', 'text', 'formId']);
  return data;
}

export const VALID_FEEDBACK = () => ({ formId: randomUUID(), theme: 'Recognition', text: 'Fuzzed feedback', anonymous: 'true' });
