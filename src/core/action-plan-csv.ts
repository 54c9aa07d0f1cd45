import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Action, ActionUpdate, Theme } from './model';
import type { Store } from '../store/store';
import { RAG_STATUSES, THEMES } from './model';

export const PLAN_COLUMNS = ['number', 'title', 'theme', 'owner', 'due', 'status', 'note'] as const;

export interface PlanRowError {
  line: number;
  reason: string;
}

export type PlanParseResult = { ok: true; actions: Action[]; updates: ActionUpdate[] } | { ok: false; errors: PlanRowError[] };

const themeByLowerCase = new Map(THEMES.map((t) => [t.toLowerCase(), t] as const));

const rowSchema = z.object({
  number: z.string().trim().regex(/^\d+(\.\d+)*$/, 'number must look like 1.6'),
  title: z.string().trim().min(1, 'title is empty').max(300, 'title is longer than 300 characters'),
  theme: z
    .string()
    .trim()
    .transform((t) => themeByLowerCase.get(t.toLowerCase()))
    .refine((t): t is Theme => t !== undefined, `theme must be one of ${THEMES.join(', ')}`),
  owner: z.string().trim().toLowerCase().pipe(z.email('owner must be an e-mail address')),
  due: z
    .string()
    .trim()
    .refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && DateTime.fromISO(d).isValid, 'due must be a date like 2026-03-31'),
  status: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(RAG_STATUSES, { error: 'status must be red, amber or green' })),
  note: z.string().trim().max(2000, 'note is longer than 2,000 characters').default(''),
});

/**
 * Parses an action plan CSV (header: number,title,theme,owner,due,status,note). Every bad row
 * is reported with its line number; any error means nothing is imported.
 */
export function parseActionPlan(csv: string, networkId: string, at: string): PlanParseResult {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    return { ok: false, errors: [{ line: 0, reason: `not a readable CSV file (${(error as Error).message})` }] };
  }
  const [header, ...rows] = records;
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const missing = PLAN_COLUMNS.filter((c) => c !== 'note' && !columns.includes(c));
  if (missing.length) {
    return { ok: false, errors: [{ line: 1, reason: `the header must name the columns ${PLAN_COLUMNS.join(', ')} (missing: ${missing.join(', ')})` }] };
  }
  if (rows.length === 0) return { ok: false, errors: [{ line: 2, reason: 'the plan has no actions' }] };

  const errors: PlanRowError[] = [];
  const actions: Action[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, index) => {
    const line = index + 2;
    const row = Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
    const parsed = rowSchema.safeParse(row);
    if (!parsed.success) {
      errors.push({ line, reason: parsed.error.issues.map((i) => i.message).join('; ') });
      return;
    }
    const r = parsed.data;
    const earlier = seen.get(r.number);
    if (earlier) {
      errors.push({ line, reason: `action ${r.number} already appears on line ${earlier}` });
      return;
    }
    seen.set(r.number, line);
    actions.push({
      networkId,
      number: r.number,
      title: r.title,
      theme: r.theme,
      owner: r.owner,
      due: r.due,
      status: r.status,
      note: r.note,
      evidence: '',
      updatedAt: at,
      version: 1,
    });
  });
  if (errors.length) return { ok: false, errors };
  const updates: ActionUpdate[] = actions.map((a) => ({
    networkId,
    actionNumber: a.number,
    at,
    by: 'import',
    byName: 'Plan import',
    status: a.status,
    note: a.note,
    evidence: '',
  }));
  return { ok: true, actions, updates };
}

export type ImportResult = { ok: true; imported: number } | { ok: false; errors: PlanRowError[] };

/** Validates the whole plan first; imports nothing unless every row is good. */
export async function importActionPlan(
  store: Store,
  networkId: string,
  csv: string,
  at: string,
): Promise<ImportResult> {
  const parsed = parseActionPlan(csv, networkId, at);
  if (!parsed.ok) return parsed;
  const existing = new Map((await store.listActions(networkId)).map((a) => [a.number, a]));
  // Keep versions rising so a card drawn before the import cannot overwrite it.
  const actions = parsed.actions.map((a) => {
    const before = existing.get(a.number);
    return before ? { ...a, evidence: before.evidence, version: before.version + 1 } : a;
  });
  await store.importActions(networkId, actions, parsed.updates);
  return { ok: true, imported: actions.length };
}
