import type { CardJson } from './cards';

const SHOWN = ['text', 'title', 'label', 'errorMessage', 'placeholder', 'altText'] as const;

/**
 * Everything a person reads on an Adaptive Card: its text, titles, labels, error messages,
 * placeholders and alt texts, facts' values and what a text box holds. Choice values and
 * button data are left out: they are identifiers nobody sees.
 */
export function seenOnCard(card: CardJson): string {
  const seen: string[] = [];
  const walk = (node: unknown, parentKey: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, parentKey));
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    for (const key of SHOWN) if (typeof obj[key] === 'string') seen.push(obj[key] as string);
    if (typeof obj.value === 'string' && (parentKey === 'facts' || obj.type === 'Input.Text')) seen.push(obj.value);
    for (const [key, value] of Object.entries(obj)) if (key !== 'data') walk(value, key);
  };
  walk(card, '');
  return seen.join('\n');
}
