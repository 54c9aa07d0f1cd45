/** Helpers to read what a person would see on an Adaptive Card. */
export type CardJson = Record<string, unknown>;

function walk(node: unknown, visit: (obj: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

/** All text on the card (text blocks, facts, choices, button titles), joined by new lines. */
export function cardText(card: CardJson): string {
  const texts: string[] = [];
  walk(card, (obj) => {
    for (const key of ['text', 'title', 'value']) if (typeof obj[key] === 'string') texts.push(obj[key] as string);
  });
  return texts.join('\n');
}

export interface CardAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

export function cardActions(card: CardJson): CardAction[] {
  const actions: CardAction[] = [];
  walk(card, (obj) => {
    if (obj.type === 'Action.Execute') actions.push({ title: obj.title as string, verb: obj.verb as string, data: obj.data as Record<string, unknown> });
  });
  return actions;
}

export function actionFor(card: CardJson, verb: string, titleIncludes = ''): CardAction {
  const found = cardActions(card).find((a) => a.verb === verb && a.title.includes(titleIncludes));
  if (!found) throw new Error(`no ${verb} action on card: ${cardText(card)}`);
  return found;
}

export function cardInputs(card: CardJson): Record<string, unknown>[] {
  const inputs: Record<string, unknown>[] = [];
  walk(card, (obj) => {
    if (typeof obj.type === 'string' && obj.type.startsWith('Input.')) inputs.push(obj);
  });
  return inputs;
}

export function inputChoices(card: CardJson, id: string): string[] {
  const input = cardInputs(card).find((i) => i.id === id);
  return ((input?.choices as { value: string }[] | undefined) ?? []).map((c) => c.value);
}

/** The titles a person sees in a choice input. */
export function inputChoiceTitles(card: CardJson, id: string): string[] {
  const input = cardInputs(card).find((i) => i.id === id);
  return ((input?.choices as { title: string }[] | undefined) ?? []).map((c) => c.title);
}
