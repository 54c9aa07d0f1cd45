import type { Action, ActionTheme, ActionUpdate, Plan, RagStatus } from '../model';
import { ACTION_THEMES } from '../model';
import type { Store } from '../store';
import { compareActionNumbers } from '../format';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language';
import { formatNumber } from '../i18n/text';
import { themeName } from '../i18n/words';
import { PLAN_IMPORT_ACTOR } from '../model';
import { parseDue } from './due-dates';
import { columnLetter, headersIn, mapColumns, type PlanField } from './plan-columns';
import { readPlanFile, type SheetRow } from './plan-file';
import { currentPlanOrNew } from './plans';
import { importText } from './text';

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
  ['gwelededd', 'Visibility'],
  ['cydnabyddiaeth', 'Recognition'],
  ['datblygu gyrfa', 'Career Development'],
  ['gyrfaoedd', 'Career Development'],
  ['cynaliadwyedd', 'Sustainability'],
  ['gwerthuso effaith', 'Evaluating Impact'],
  ['effaith', 'Evaluating Impact'],
]);
const EDI_PATTERN = /\b(equality,?\s*diversity\s*(and|&)\s*inclusion|ed\s*&\s*i|edi|cac)\b/i;

/** "Career Development; EDI" → the theme and the cross-cutting tag. */
function readTheme(text: string): { theme: ActionTheme | undefined; edi: boolean } {
  const edi = EDI_PATTERN.test(text);
  const rest = text.replace(EDI_PATTERN, ' ').replace(/[;,/+|()]|\band\b/gi, ' ');
  return { theme: THEME_BY_KEY.get(themeKey(rest)), edi };
}

const STATUS_WORDS: Record<string, RagStatus> = {};
for (const [status, words] of Object.entries({
  green: ['green', 'g', 'complete', 'completed', 'done', 'achieved', 'finished', 'met', 'closed', 'gwyrdd', 'cyflawn', 'wedi i gwblhau', 'wedi ei gwblhau'],
  amber: ['amber', 'a', 'in progress', 'progressing', 'on track', 'started', 'underway', 'under way', 'partially complete', 'partly done', 'ongoing', 'yellow', 'ambr', 'ar y gweill', 'melyn'],
  red: ['red', 'r', 'not started', 'not yet started', 'delayed', 'behind', 'at risk', 'overdue', 'not done', 'to do', 'coch', 'heb ddechrau', 'heb ei wneud', 'hwyr'],
}) as [RagStatus, string[]][]) {
  for (const word of words) STATUS_WORDS[word] = status;
}
const statusKey = (text: string): string => text.toLowerCase().replace(/[^a-z]+/g, ' ').trim();

const YES = new Set(['yes', 'y', 'true', '1', 'x', '✓', '✔', 'edi', 'ie', 'cac']);
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
export async function readPlanActions(input: string | Uint8Array, language: Language = DEFAULT_LANGUAGE): Promise<PlanFileResult> {
  const t = importText(language);
  const sheet = await readPlanFile(input, language);
  if (!sheet.ok) return { ok: false, errors: [{ row: 0, message: t.fileProblem(sheet.problem) }] };
  const rows = sheet.rows.filter((r) => r.cells.some((c) => c.trim()));
  const [headerRow, ...dataRows] = rows;
  if (!headerRow) return { ok: false, errors: [{ row: 0, message: t.empty }] };
  const columns = mapColumns(headerRow.cells);
  const errors: PlanRowError[] = [];
  const h = headerRow.excelRow;
  const headers = headersIn(language);
  for (const d of columns.duplicates) {
    errors.push({ row: h, message: t.duplicateColumns(h, d.columns.join(` ${t.and} `), headers[d.field]) });
  }
  const missing = (['number', 'text', 'theme', 'owner', 'due'] as const).filter((f) => columns.index[f] === undefined);
  if (missing.length) {
    errors.push({ row: h, message: t.missingColumns(h, missing.map((f) => headers[f]).join(', '), Object.values(headers).join(', ')) });
  }
  if (errors.length) return { ok: false, errors };
  if (dataRows.length === 0) return { ok: false, errors: [{ row: h + 1, message: t.noActions }] };

  const actions: ImportedAction[] = [];
  const needExplanation: string[] = [];
  const seen = new Map<string, number>();
  for (const row of dataRows) {
    const action = readRow(row, columns, errors, seen, language);
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

function readRow(row: SheetRow, columns: ReturnType<typeof mapColumns>, errors: PlanRowError[], seen: Map<string, number>, language: Language): ImportedAction | null {
  const t = importText(language);
  const count = (n: number) => formatNumber(n, language);
  const themes = ACTION_THEMES.map((theme) => themeName(theme, language)).join(', ');
  const cell = (field: PlanField): string => {
    const i = columns.index[field];
    return i === undefined ? '' : clean(row.cells[i] ?? '');
  };
  const rawNumber = cell('number').replace(/^action\s*/i, '');
  const at = t.at(row.excelRow, /^\d+(\.\d+)*$/.test(rawNumber) ? rawNumber : null);
  const before = errors.length;
  const problem = (field: PlanField, message: string) => {
    const i = columns.index[field] as number;
    errors.push({ row: row.excelRow, message: t.cell(at, columnLetter(i), columns.header[field] ?? '', message) });
  };

  if (!/^\d+(\.\d+)*$/.test(rawNumber)) {
    problem('number', rawNumber ? t.notANumber(quote(rawNumber)) : t.numberEmpty);
  } else if (seen.has(rawNumber)) {
    problem('number', t.numberTwice(rawNumber, seen.get(rawNumber) as number));
  } else {
    seen.set(rawNumber, row.excelRow);
  }

  const text = cell('text');
  if (!text) problem('text', t.textEmpty);
  else if (text.length > MAX_ACTION_TEXT) problem('text', t.textTooLong(count(text.length), count(MAX_ACTION_TEXT)));
  const shortTitle = cell('shortTitle').replace(/\s+/g, ' ');
  if (shortTitle.length > MAX_SHORT_TITLE) problem('shortTitle', t.shortTitleTooLong(count(shortTitle.length), count(MAX_SHORT_TITLE)));

  const themeText = cell('theme');
  const { theme, edi: ediInTheme } = readTheme(themeText);
  if (!theme) {
    problem('theme', themeText ? t.notATheme(quote(themeText), themes, ediInTheme) : t.themeEmpty(themes));
  }
  const ediText = cell('edi').toLowerCase();
  const edi = ediInTheme || YES.has(ediText) || EDI_PATTERN.test(ediText);

  const ownerText = cell('owner').replace(/\s+/g, ' ');
  const { owner, email: emailInOwner } = readOwner(ownerText);
  const emailText = cell('ownerEmail');
  const ownerEmail = emailText ? (EMAIL.exec(emailText)?.[0].toLowerCase() ?? null) : emailInOwner;
  if (!ownerText) problem('owner', t.ownerEmpty);
  if (emailText && !EMAIL.test(emailText)) problem('ownerEmail', t.notAnEmail(quote(emailText)));

  const dueText = cell('due').replace(/\s+/g, ' ');
  const due = parseDue(dueText);
  if (!dueText) problem('due', t.dueEmpty(t.dueForms));
  else if (!due.ok) problem('due', t.notADate(quote(dueText), t.dueForms));

  const statusText = cell('status');
  const status: RagStatus | undefined = statusText ? STATUS_WORDS[statusKey(statusText)] : 'red';
  if (!status) problem('status', t.notAStatus(quote(statusText)));

  const note = cell('note');
  const successMeasure = cell('successMeasure');
  const evidence = cell('evidence');
  for (const [field, value] of [['note', note], ['successMeasure', successMeasure], ['evidence', evidence]] as const) {
    if (value.length > MAX_NOTE) problem(field, t.fieldTooLong(field, count(value.length), count(MAX_NOTE)));
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
  /** The importer's language: problems are reported in it. */
  language?: Language;
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
  const language = options.language ?? DEFAULT_LANGUAGE;
  const t = importText(language);
  const file = await readPlanActions(input, language);
  if (!file.ok) return file;
  const mode = options.mode ?? 'merge';
  const dryRun = options.dryRun ?? false;
  let plan: Plan | null;
  if (options.planId) plan = await store.getPlan(networkId, options.planId);
  else plan = dryRun ? await store.getCurrentPlan(networkId) : await currentPlanOrNew(store, networkId, at, language);
  if (options.planId && !plan) return { ok: false, errors: [{ row: 0, message: t.noSuchPlan(options.planId) }] };
  if (plan?.state === 'closed') return { ok: false, errors: [{ row: 0, message: t.planClosed(plan.name) }] };

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
      updates.push({ networkId, planId, actionNumber: kept.number, at, by: PLAN_IMPORT_ACTOR, byName: 'Plan import', status: kept.status, note: kept.note, evidence: kept.evidence });
    }
  }
  counts.notInFile = [...existing.keys()].filter((n) => !inFile.has(n)).sort(compareActionNumbers);
  if (!dryRun && plan) {
    if (writes.length) await store.importActions(networkId, writes, updates);
    if (mode === 'replace' && counts.notInFile.length) await store.removeActions(networkId, plan.id, counts.notInFile);
  }
  const shownPlan: Plan = plan ?? { networkId, id: '', name: t.newPlan, stage: 'stage-one', start: at.slice(0, 10), end: at.slice(0, 10), state: 'current', createdAt: at, closedAt: null, ragAtClose: null };
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

/** What an import did (or would do), in the words a chat or the CLI shows. */
export function describeImport(result: Extract<ImportResult, { ok: true }>, language: Language = DEFAULT_LANGUAGE): string[] {
  const t = importText(language);
  const listed = (numbers: string[]): string => t.listed(numbers.slice(0, 12).join(', '), Math.max(0, numbers.length - 12));
  const lines = [t.summary(result.dryRun, result.format, result.plan.name, result.added.length, result.changed.length, result.unchanged.length)];
  if (result.notInFile.length) lines.push(t.notInFile(result.notInFile.length, result.mode, result.dryRun, listed(result.notInFile)));
  for (const column of result.unknownColumns) lines.push(t.unknownColumn(column));
  if (result.needExplanation.length) lines.push(t.needExplanation(listed(result.needExplanation)));
  return lines;
}
