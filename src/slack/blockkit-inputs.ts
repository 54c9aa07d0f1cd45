/**
 * How card inputs travel through Slack. Each input becomes an input block whose action id
 * says how to read it back (`in|kind|id[|value when off]`), so a submission can be turned
 * into the same `{ id: value }` data an Adaptive Card submits.
 */

export type InputKind = 'text' | 'one' | 'multi' | 'toggle' | 'date' | 'time' | 'number';

const PREFIX = 'in';

export function inputActionId(kind: InputKind, id: string, valueOff = ''): string {
  return kind === 'toggle' ? `${PREFIX}|${kind}|${id}|${valueOff}` : `${PREFIX}|${kind}|${id}`;
}

export function inputBlockId(id: string, occurrence: number): string {
  return occurrence === 0 ? `${PREFIX}|${id}` : `${PREFIX}|${id}|${occurrence}`;
}

/** The id of the card input behind an action id, or null when it is not an input. */
export function inputIdOf(actionId: string): string | null {
  const [prefix, , id] = actionId.split('|');
  return prefix === PREFIX && id ? id : null;
}

/** What Slack reports for one element in `state.values`. */
export interface SlackElementState {
  type?: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_date?: string | null;
  selected_time?: string | null;
}

export type SlackStateValues = Record<string, Record<string, SlackElementState>>;

/** Reads a form's inputs from Slack's `state.values`, as `{ inputId: value }` strings. */
export function readInputValues(state: SlackStateValues | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const block of Object.values(state ?? {})) {
    for (const [actionId, element] of Object.entries(block)) {
      const [prefix, kind, id, valueOff = ''] = actionId.split('|');
      if (prefix !== PREFIX || !id) continue;
      values[id] = readOne(kind as InputKind, element, valueOff);
    }
  }
  return values;
}

function readOne(kind: InputKind, element: SlackElementState, valueOff: string): string {
  switch (kind) {
    case 'one':
      return element.selected_option?.value ?? '';
    case 'multi':
      return (element.selected_options ?? []).map((o) => o.value).join(',');
    case 'toggle':
      return element.selected_options?.[0]?.value ?? valueOff;
    case 'date':
      return element.selected_date ?? '';
    case 'time':
      return element.selected_time ?? '';
    default:
      return element.value ?? '';
  }
}
