import { compareActionNumbers } from '../format';
import type { Action } from '../model';
import { headersIn, PLAN_FIELDS, type PlanField } from '../actions/plan-columns';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language';
import { ragName, themeName } from '../i18n/words';
import { EXPORT_TEXT } from './text';

/** A spreadsheet must not run what people typed: cells that look like formulas get a leading quote. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** An action's cells under the import's own headers, so the file imports back as the same actions. */
function planCsvRow(action: Action, language: Language): Record<PlanField, string> {
  return {
    number: action.number,
    shortTitle: action.shortTitle,
    text: action.title,
    theme: themeName(action.theme, language),
    edi: action.edi ? EXPORT_TEXT(language).yes : '',
    owner: action.owner,
    ownerEmail: action.ownerEmail ?? '',
    due: action.dueAsWritten,
    status: ragName(action.status, language),
    note: action.note,
    successMeasure: action.successMeasure,
    evidence: action.evidence,
  };
}

/**
 * The plan as CSV: UTF-8 with a BOM (so Excel shows ’ – • as written) and exactly the
 * columns import reads, in plan order. In Welsh the headers, themes and RAG words are Welsh;
 * what people wrote (titles, notes, owners) is as written.
 */
export function toCsv(actions: Action[], language: Language = DEFAULT_LANGUAGE): string {
  const headers = headersIn(language);
  const rows = [PLAN_FIELDS.map((f) => headers[f])];
  for (const action of [...actions].sort((a, b) => compareActionNumbers(a.number, b.number))) {
    const cells = planCsvRow(action, language);
    rows.push(PLAN_FIELDS.map((f) => cells[f]));
  }
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
