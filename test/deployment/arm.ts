/** Small helpers to read an ARM template in tests (no Azure tooling needed). */

export interface ArmParameter {
  type: string;
  defaultValue?: unknown;
  allowedValues?: unknown[];
}

export interface ArmResource {
  type: string;
  apiVersion: string;
  name: string;
  [key: string]: unknown;
}

export interface ArmTemplate {
  $schema: string;
  contentVersion: string;
  parameters: Record<string, ArmParameter>;
  variables: Record<string, unknown>;
  resources: ArmResource[];
  outputs?: Record<string, unknown>;
}

/** Every string in a JSON value, with the path where it was found. */
export function strings(value: unknown, path = '$'): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  }
  return [];
}

/** ARM evaluates a string as an expression when it starts with "[" (but not "[[") and ends with "]". */
export function isExpression(text: string): boolean {
  return text.startsWith('[') && !text.startsWith('[[') && text.endsWith(']');
}

/** Names passed to `fn('name')` in the template's expressions, e.g. fn = 'parameters'. */
export function references(template: unknown, fn: 'parameters' | 'variables'): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const pattern = new RegExp(`\\b${fn}\\(\\s*'([^']+)'\\s*\\)`, 'g');
  for (const { path, text } of strings(template)) {
    if (!isExpression(text)) continue;
    for (const match of text.matchAll(pattern)) {
      found.set(match[1], [...(found.get(match[1]) ?? []), path]);
    }
  }
  return found;
}

export function resourcesOfType(template: ArmTemplate, type: string): ArmResource[] {
  return template.resources.filter((r) => r.type.toLowerCase() === type.toLowerCase());
}

export function single(template: ArmTemplate, type: string): ArmResource {
  const found = resourcesOfType(template, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
}

/** Reads `obj.a.b.c` for a dotted path, or undefined. */
export function at(obj: unknown, path: string): unknown {
  let current: unknown = obj;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
