/**
 * Button presses (block_actions) as the Slack endpoint takes them past Bolt: recognised in
 * the raw body of a signed request, their payload read and checked before the bot sees it.
 */
import type { BlockAction } from '@slack/bolt';
import { isJsonObject } from '../cards/templates';

const hasStringId = (value: unknown): boolean => isJsonObject(value) && typeof value.id === 'string' && value.id !== '';

/** What the bot reads from a block_actions payload, checked by hand as the Teams endpoint does its activities: this runs on every click. */
function blockActionsProblem(payload: Record<string, unknown>): string | null {
  if (!hasStringId(payload.user)) return 'no user';
  if (typeof payload.trigger_id !== 'string') return 'no trigger_id';
  if (!isJsonObject(payload.container)) return 'no container';
  if (payload.team != null && !hasStringId(payload.team)) return 'a team without an id';
  if (payload.channel !== undefined && !hasStringId(payload.channel)) return 'a channel without an id';
  if (payload.view !== undefined && !(hasStringId(payload.view) && typeof (payload.view as { type?: unknown }).type === 'string')) return 'a view without an id';
  if (payload.response_url !== undefined && typeof payload.response_url !== 'string') return 'a response_url that is not text';
  const actions = payload.actions;
  if (!Array.isArray(actions) || actions.length === 0) return 'no actions';
  const wellFormed = (action: unknown) =>
    isJsonObject(action) && typeof action.type === 'string' && typeof action.action_id === 'string' && typeof action.action_ts === 'string' && (action.value === undefined || typeof action.value === 'string');
  return actions.every(wellFormed) ? null : 'an action without its type, id or time';
}

/**
 * The payload of a block_actions request (or what is wrong with it), from its content type
 * and raw body; null for anything else, which Bolt then answers.
 */
export function blockActionsIn(contentType: unknown, body: string): { payload: BlockAction } | { problem: string } | null {
  if (contentType !== 'application/x-www-form-urlencoded') return null;
  if (!body.startsWith('payload=') || !body.includes('block_actions')) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(formField(body, 'payload'));
  } catch {
    return null;
  }
  if (!isJsonObject(payload) || payload.type !== 'block_actions') return null;
  const problem = blockActionsProblem(payload);
  return problem ? { problem } : { payload: payload as unknown as BlockAction };
}

/** A field of a form-encoded body. Slack's interactions carry the one field, decoded here without a general parser. */
function formField(body: string, name: string): string {
  if (body.startsWith(`${name}=`) && !body.includes('&')) return decodeURIComponent(body.slice(name.length + 1).replace(/\+/g, ' '));
  return new URLSearchParams(body).get(name) ?? '';
}
