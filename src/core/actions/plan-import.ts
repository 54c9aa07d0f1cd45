import type { Action, ActionTheme, ActionUpdate, Plan, RagStatus } from '../model';
import { ACTION_THEMES } from '../model';
import type { Store } from '../store';
import { compareActionNumbers } from '../format';
import { DUE_FORMS, parseDue } from './due-dates';
import { columnLetter, mapColumns, PLAN_HEADERS, type PlanField } from './plan-columns';
import { readPlanFile, type SheetRow } from './plan-file';
import { currentPlanOrNew } from './plans';

export const MAX_ACTION_TEXT = 2000;
export const MAX_SHORT_TITLE = 100;
export const MAX_NOTE = 2000;

export interface PlanRowError {
  /** The row as Excel numbers it (1 is the header); 0 for the file as a whole. */
  row: number;
  message: string;
}

/** An action as a file gives it, before it meets the plan. */
type ImportedAction = Omit<Action, 'networkId' | 'planId' | 'carriedFrom' | 'updatedAt' | 'version'>;

export type PlanFileResult =
  | { ok: true; actions: ImportedAction[]; fields: PlanField[]; unknownColumns: string[]; format: string; needExplanation: string[] }
  | { ok: false; errors: PlanRowError[] };

const quote = (value: string): string => `“${value.length > 60 ? `${value.slice(0, 57)}…` : value}”`;

const themeKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/^\s*(theme\s*)?\d+[.:)]?\s*/, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();
const THEME_BY_KEY = new Map<string, ActionTheme>([
  ...ACTION_THEMES.map((t) => [themeKey(t), t] as const),
  ['careers', 'Career Development'],
  ['career development and progression', 'Career Development'],
  ['impact', 'Evaluating Impact'],
  ['evaluation', 'Evaluating Impact'],
  ['evaluating the impact', 'Evaluating Impact'],
]);
const EDI_PATTERN = /\b(equality,?\s*diversity\s*(and|&)\s*inclusion|ed\s*&\s*i|edi)\b/i;

/** "Career Development; EDI" → the theme and the cross-cutting tag. */
function readTheme(text: string): { theme: ActionTheme | undefined; edi: boolean } {
  const edi = EDI_PATTERN.test(text);
  const rest = text.replace(EDI_PATTERN, ' ').replace(/[;,/+|()]|\band\b/gi, ' ');
  return { theme: THEME_BY_KEY.get(themeKey(rest)), edi };
}

const STATUS_WORDS: Record<string, RagStatus> = {};
for (const [status, words] of Object.entries({
  green: ['green', 'g', 'complete', 'completed', 'done', 'achieved', 'finished', 'met', 'closed'],
  amber: ['amber', 'a', 'in progress', 'progressing', 'on track', 'started', 'underway', 'under way', 'partially complete', 'partly done', 'ongoing', 'yellow'],
  red: ['red', 'r', 'not started', 'not yet started', 'delayed', 'behind', 'at risk', 'overdue', 'not done', 'to do'],
}) as [RagStatus, string[]][]) {
  for (const word of words) STATUS_WORDS[word] = status;
}
const statusKey = (text: string): string => text.toLowerCase().replace(/[^a-z]+/g, ' ').trim();

const YES = new Set(['yes', 'y', 'true', '1', 'x', '✓', '✔', 'edi']);
const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** "Steering Group (tc@liv.ac.uk)" → the role as written and its e-mail. */
function readOwner(text: string): { owner: string; email: string | null } {
  const email = EMAIL.exec(text)?.[0] ?? null;
  if (!email) return { owner: text, email: null };
  const owner = text
    .replace(email, '')
    .replace(/[<>()[\]]/g, ' ')
    .replace(/\s*[,;:–-]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { owner: owner || email.toLowerCase(), email: email.toLowerCase() };
}

/**
 * Line breaks as Windows writes them become plain ones; spaces at the ends go; the quote the
 * CSV export puts before a cell that starts like a formula comes off again.
 */
const clean = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .trim()
    .replace(/^'(?=[=+\-@])/, '');

/**
 * Reads the actions of a plan file. Every error names the row as Excel numbers it, the
 * action, the column and the value; any error means the caller imports nothing.
 */
export async function readPlanActions(input: string | Uint8Array): Promise<PlanFileResult> {
  const sheet = await readPlanFile(input);
  if (!sheet.ok) return { ok: false, errors: [{ row: 0, message: `The file cannot be read: ${sheet.reason}` }] };
  const rows = sheet.rows.filter((r) => r.cells.some((c) => c.trim()));
  const [headerRow, ...dataRows] = rows;
  if (!headerRow) return { ok: false, errors: [{ row: 0, message: 'The file is empty.' }] };
  const columns = mapColumns(headerRow.cells);
  const errors: PlanRowError[] = [];
  const h = headerRow.excelRow;
  for (const d of columns.duplicates) {
    errors.push({ row: h, message: `Row ${h}: columns ${d.columns.join(' and ')} both hold ${PLAN_HEADERS[d.field]}; keep one.` });
  }
  const missing = (['number', 'text', 'theme', 'owner', 'due'] as const).filter((f) => columns.index[f] === undefined);
  if (missing.length) {
    const names = missing.map((f) => PLAN_HEADERS[f]).join(', ');
    errors.push({
      row: h,
      message: `Row ${h} (the header) has no column for ${names}. Name the columns e.g. ${Object.values(PLAN_HEADERS).join(', ')}.`,
    });
  }
  if (errors.length) return { ok: false, errors };
  if (dataRows.length === 0) return { ok: false, errors: [{ row: h + 1, message: 'The file has a header but no actions.' }] };

  const actions: ImportedAction[] = [];
  const needExplanation: string[] = [];
  const seen = new Map<string, number>();
  for (const row of dataRows) {
    const action = readRow(row, columns, errors, seen);
    if (action) {
      actions.push(action);
      if (action.status === 'red' && !action.note && columns.index.status !== undefined) needExplanation.push(action.number);
    }
  }
  if (errors.length) return { ok: false, errors };
  const fields = Object.keys(columns.index) as PlanField[];
  const unknownColumns = columns.unknown.map((u) => `${u.column} ${quote(u.header)}`);
  return { ok: true, actions, fields, unknownColumns, format: sheet.format, needExplanation };
}

function readRow(row: SheetRow, columns: ReturnType<typeof mapColumns>, errors: PlanRowError[], seen: Map<string, number>): ImportedAction | null {
  const cell = (field: PlanField): string => {
    const i = columns.index[field];
    return i === undefined ? '' : clean(row.cells[i] ?? '');
  };
  const rawNumber = cell('number').replace(/^action\s*/i, '');
  const at = `Row ${row.excelRow}${/^\d+(\.\d+)*$/.test(rawNumber) ? ` (action ${rawNumber})` : ''}`;
  const before = errors.length;
  const problem = (field: PlanField, message: string) => {
    const i = columns.index[field] as number;
    errors.push({ row: row.excelRow, message: `${at}, column ${columnLetter(i)} “${columns.header[field]}”: ${message}` });
  };

  if (!/^\d+(\.\d+)*$/.test(rawNumber)) {
    problem('number', rawNumber ? `${quote(rawNumber)} is not an action number like 1.6.` : 'the action number is empty.');
  } else if (seen.has(rawNumber)) {
    problem('number', `action ${rawNumber} is already on row ${seen.get(rawNumber)}.`);
  } else {
    seen.set(rawNumber, row.excelRow);
  }

  const text = cell('text');
  if (!text) problem('text', 'the action is empty.');
  else if (text.length > MAX_ACTION_TEXT) problem('text', `the action is ${text.length.toLocaleString('en-GB')} characters; the most is ${MAX_ACTION_TEXT.toLocaleString('en-GB')}.`);
  const shortTitle = cell('shortTitle').replace(/\s+/g, ' ');
  if (shortTitle.length > MAX_SHORT_TITLE) problem('shortTitle', `the short title is ${shortTitle.length} characters; the most is ${MAX_SHORT_TITLE}.`);

  const themeText = cell('theme');
  const { theme, edi: ediInTheme } = readTheme(themeText);
  if (!theme) {
    problem(
      'theme',
      themeText
        ? `${quote(themeText)} is not a theme. Use ${ACTION_THEMES.join(', ')}${ediInTheme ? ' (EDI is a cross-cutting tag: add it beside a theme)' : ''}.`
        : `the theme is empty. Use ${ACTION_THEMES.join(', ')}.`,
    );
  }
  const ediText = cell('edi').toLowerCase();
  const edi = ediInTheme || YES.has(ediText) || EDI_PATTERN.test(ediText);

  const ownerText = cell('owner').replace(/\s+/g, ' ');
  const { owner, email: emailInOwner } = readOwner(ownerText);
  const emailText = cell('ownerEmail');
  const ownerEmail = emailText ? (EMAIL.exec(emailText)?.[0].toLowerCase() ?? null) : emailInOwner;
  if (!ownerText) problem('owner', 'the owner is empty. Give an e-mail address, or a role or group.');
  if (emailText && !EMAIL.test(emailText)) problem('ownerEmail', `${quote(emailText)} is not an e-mail address.`);

  const dueText = cell('due').replace(/\s+/g, ' ');
  const due = parseDue(dueText);
  if (!dueText) problem('due', `the due date is empty. Write it like ${DUE_FORMS}.`);
  else if (!due.ok) problem('due', `${quote(dueText)} is not a date Techvoice can read. Write it like ${DUE_FORMS} (day before month).`);

  const statusText = cell('status');
  const status: RagStatus | undefined = statusText ? STATUS_WORDS[statusKey(statusText)] : 'red';
  if (!status) problem('status', `${quote(statusText)} is not a status. Use Green (complete, done), Amber (in progress) or Red (not started, delayed).`);

  const note = cell('note');
  const successMeasure = cell('successMeasure');
  const evidence = cell('evidence');
  for (const [field, value, name] of [['note', note, 'note'], ['successMeasure', successMeasure, 'success measure'], ['evidence', evidence, 'evidence']] as const) {
    if (value.length > MAX_NOTE) problem(field, `the ${name} is ${value.length.toLocaleString('en-GB')} characters; the most is ${MAX_NOTE.toLocaleString('en-GB')}.`);
  }
  if (errors.length > before || !theme || !status || !due.ok) return null;
  return {
    number: rawNumber,
    title: text,
    shortTitle,
    theme,
    edi,
    owner,
    ownerEmail,
    due: due.due,
    dueAsWritten: dueText,
    status,
    note,
    successMeasure,
    evidence,
  };
}

export type ImportMode = 'merge' | 'replace';

export interface ImportOptions {
  /** Plan to import into; the current plan (made if there is none) when not given. */
  planId?: string;
  mode?: ImportMode;
  dryRun?: boolean;
}

export interface ImportCounts {
  added: string[];
  changed: string[];
  unchanged: string[];
  /** The plan's actions the file no longer has: kept on merge, removed on replace. */
  notInFile: string[];
}

export type ImportResult =
  | ({ ok: true; imported: number; plan: Plan; dryRun: boolean; mode: ImportMode; unknownColumns: string[]; needExplanation: string[]; format: string } & ImportCounts)
  | { ok: false; errors: PlanRowError[] };

/** Fields a file may leave out; an action keeps what it had for a column the file lacks. */
const OPTIONAL_FIELDS: Partial<Record<PlanField, (keyof ImportedAction)[]>> = {
  shortTitle: ['shortTitle'],
  edi: [],
  ownerEmail: [],
  status: ['status'],
  note: ['note'],
  successMeasure: ['successMeasure'],
  evidence: ['evidence'],
};

const COMPARED: (keyof ImportedAction)[] = ['title', 'shortTitle', 'theme', 'edi', 'owner', 'ownerEmail', 'due', 'dueAsWritten', 'status', 'note', 'successMeasure', 'evidence'];

/**
 * Imports a plan file into a plan after validating all of it: nothing is written unless
 * every row is good, and nothing at all on a dry run.
 */
export async function importActionPlan(
  store: Store,
  networkId: string,
  input: string | Uint8Array,
  at: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const file = await readPlanActions(input);
  if (!file.ok) return file;
  const mode = options.mode ?? 'merge';
  const dryRun = options.dryRun ?? false;
  let plan: Plan | null;
  if (options.planId) plan = await store.getPlan(networkId, options.planId);
  else plan = dryRun ? await store.getCurrentPlan(networkId) : await currentPlanOrNew(store, networkId, at);
  if (options.planId && !plan) return { ok: false, errors: [{ row: 0, message: `There is no plan ${options.planId}.` }] };
  if (plan?.state === 'closed') return { ok: false, errors: [{ row: 0, message: `${plan.name} is closed; its actions are kept as they were. Import into a current or draft plan.` }] };

  const existing = new Map((plan ? await store.listActions(networkId, plan.id) : []).map((a) => [a.number, a]));
  const inFile = new Set(file.actions.map((a) => a.number));
  const counts: ImportCounts = { added: [], changed: [], unchanged: [], notInFile: [] };
  const writes: Action[] = [];
  const updates: ActionUpdate[] = [];
  const planId = plan?.id ?? '';
  for (const imported of file.actions) {
    const before = existing.get(imported.number);
    const kept = { ...imported };
    if (before) {
      for (const [field, keys] of Object.entries(OPTIONAL_FIELDS) as [PlanField, (keyof ImportedAction)[]][]) {
        if (!file.fields.includes(field)) for (const key of keys) Object.assign(kept, { [key]: before[key] });
      }
      if (!file.fields.includes('ownerEmail') && !EMAIL.test(imported.owner) && kept.ownerEmail === null) kept.ownerEmail = before.ownerEmail;
      if (COMPARED.every((key) => kept[key] === before[key])) {
        counts.unchanged.push(imported.number);
        continue;
      }
      counts.changed.push(imported.number);
    } else {
      counts.added.push(imported.number);
    }
    // Versions keep rising so a card drawn before the import cannot overwrite it.
    writes.push({ ...kept, networkId, planId, carriedFrom: before?.carriedFrom ?? null, updatedAt: at, version: before ? before.version + 1 : 1 });
    if (!before || before.status !== kept.status || before.note !== kept.note || before.evidence !== kept.evidence) {
      updates.push({ networkId, planId, actionNumber: kept.number, at, by: 'import', byName: 'Plan import', status: kept.status, note: kept.note, evidence: kept.evidence });
    }
  }
  counts.notInFile = [...existing.keys()].filter((n) => !inFile.has(n)).sort(compareActionNumbers);
  if (!dryRun && plan) {
    if (writes.length) await store.importActions(networkId, writes, updates);
    if (mode === 'replace' && counts.notInFile.length) await store.removeActions(networkId, plan.id, counts.notInFile);
  }
  const shownPlan: Plan = plan ?? { networkId, id: '', name: 'a new plan', stage: 'stage-one', start: at.slice(0, 10), end: at.slice(0, 10), state: 'current', createdAt: at, closedAt: null, ragAtClose: null };
  return {
    ok: true,
    imported: writes.length,
    plan: shownPlan,
    dryRun,
    mode,
    unknownColumns: file.unknownColumns,
    needExplanation: file.needExplanation,
    format: file.format,
    ...counts,
  };
}

const listed = (numbers: string[]): string => (numbers.length > 12 ? `${numbers.slice(0, 12).join(', ')} and ${numbers.length - 12} more` : numbers.join(', '));

/** What an import did (or would do), in the words a chat or the CLI shows. */
export function describeImport(result: Extract<ImportResult, { ok: true }>): string[] {
  const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
  const lines: string[] = [];
  const verb = result.dryRun ? 'Dry run, nothing changed. The import would bring' : 'Imported';
  lines.push(
    `${verb} ${result.format} into ${result.plan.name}: ${result.added.length} new, ${result.changed.length} changed, ${result.unchanged.length} unchanged.`,
  );
  if (result.notInFile.length) {
    const gone = result.mode === 'replace' ? (result.dryRun ? 'would be removed' : 'were removed') : `${result.dryRun ? 'would be' : 'were'} kept (use --replace to remove them)`;
    lines.push(`${n(result.notInFile.length, 'action')} of the plan ${result.notInFile.length === 1 ? 'is' : 'are'} not in the file and ${gone}: ${listed(result.notInFile)}.`);
  }
  for (const column of result.unknownColumns) lines.push(`Column ${column} is not one Techvoice knows, so it was not imported.`);
  if (result.needExplanation.length) {
    lines.push(`Red without an explanation: ${listed(result.needExplanation)}. Ask their owners to explain them (they can with **actions**).`);
  }
  return lines;
}
