import { compareActionNumbers } from '../format';
import type { Action, RagStatus } from '../model';
import { PLAN_FIELDS, PLAN_HEADERS, type PlanField } from '../actions/plan-columns';

/** A spreadsheet must not run what people typed: cells that look like formulas get a leading quote. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const CSV_STATUS: Record<RagStatus, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** An action's cells under the import's own headers, so the file imports back as the same actions. */
function planCsvRow(action: Action): Record<PlanField, string> {
  return {
    number: action.number,
    shortTitle: action.shortTitle,
    text: action.title,
    theme: action.theme,
    edi: action.edi ? 'Yes' : '',
    owner: action.owner,
    ownerEmail: action.ownerEmail ?? '',
    due: action.dueAsWritten,
    status: CSV_STATUS[action.status],
    note: action.note,
    successMeasure: action.successMeasure,
    evidence: action.evidence,
  };
}

/**
 * The plan as CSV: UTF-8 with a BOM (so Excel shows ’ – • as written) and exactly the
 * columns import reads, in plan order.
 */
export function toCsv(actions: Action[]): string {
  const rows = [PLAN_FIELDS.map((f) => PLAN_HEADERS[f])];
  for (const action of [...actions].sort((a, b) => compareActionNumbers(a.number, b.number))) {
    const cells = planCsvRow(action);
    rows.push(PLAN_FIELDS.map((f) => cells[f]));
  }
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
