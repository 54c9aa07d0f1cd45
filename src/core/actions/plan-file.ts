import chardet from 'chardet';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language';
import { importText, type PlanFileProblem } from './text';

/** One spreadsheet row as Excel numbers it (the header is row 1 of a CSV file). */
export interface SheetRow {
  excelRow: number;
  cells: string[];
}

export type SheetReadResult =
  | { ok: true; rows: SheetRow[]; format: string }
  | { ok: false; problem: PlanFileProblem };

const startsWith = (bytes: Uint8Array, prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b);

/**
 * Decodes a CSV file's bytes: UTF-8 (with or without BOM), UTF-16 (LE or BE) and
 * Windows-1252. A file that is none of these is refused rather than guessed, so ’ – • never
 * turn into replacement characters.
 */
export function decodeText(bytes: Uint8Array, language: Language = DEFAULT_LANGUAGE): { ok: true; text: string; encoding: string } | { ok: false; problem: PlanFileProblem } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { ok: true, text: buffer.subarray(3).toString('utf8'), encoding: importText(language).utf8WithBom };
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: iconv.decode(buffer.subarray(2), 'utf16le'), encoding: 'UTF-16' };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, text: iconv.decode(buffer.subarray(2), 'utf16be'), encoding: 'UTF-16' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: see what else it is.
  }
  // chardet reads every byte it is given; the start of a plan shows its encoding as well.
  const guess = chardet.detect(buffer.subarray(0, 64 * 1024));
  if (guess === 'UTF-16LE' || guess === 'UTF-16BE') {
    return { ok: true, text: iconv.decode(buffer, guess === 'UTF-16LE' ? 'utf16le' : 'utf16be'), encoding: 'UTF-16' };
  }
  // Excel on Windows saves "CSV (Comma delimited)" in Windows-1252; chardet often names its
  // subset ISO-8859-1. Bytes 0x80–0x9F (’ – • …) only mean something in Windows-1252.
  if (guess === 'windows-1252' || guess === 'ISO-8859-1' || guess === 'ISO-8859-15') {
    return { ok: true, text: iconv.decode(buffer, 'win1252'), encoding: 'Windows-1252' };
  }
  return { ok: false, problem: { kind: 'encoding', looksLike: guess } };
}

/** The separator a header line uses: comma, semicolon (European Excel) or tab. */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, outsideQuotes.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

export function readCsv(text: string): SheetReadResult {
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    return { ok: false, problem: { kind: 'csv', detail: (error as Error).message } };
  }
  // csv-parse counts records, Excel counts rows: a blank line is still a row in Excel.
  return { ok: true, format: 'CSV', rows: records.map((cells, i) => ({ excelRow: i + 1, cells })) };
}

const isZip = (bytes: Uint8Array): boolean => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

/** Reads the first worksheet that has anything on it. */
export async function readXlsx(bytes: Uint8Array, language: Language = DEFAULT_LANGUAGE): Promise<SheetReadResult> {
  // Loaded when a workbook is read, not at start: exceljs is large and most servers never read one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, problem: { kind: 'workbook' } };
  }
  const sheet = workbook.worksheets.find((w) => w.actualRowCount > 0);
  if (!sheet) return { ok: false, problem: { kind: 'noRows' } };
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, excelRow) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows.push({ excelRow, cells: Array.from(cells, (c) => c ?? '') });
  });
  return { ok: true, format: importText(language).workbook, rows };
}

/** Reads a plan file: an .xlsx workbook, or CSV text in any of the encodings above. */
export async function readPlanFile(input: string | Uint8Array, language: Language = DEFAULT_LANGUAGE): Promise<SheetReadResult> {
  if (typeof input === 'string') return readCsv(input);
  if (isZip(input)) return readXlsx(input, language);
  const decoded = decodeText(input, language);
  if (!decoded.ok) return decoded;
  const table = readCsv(decoded.text);
  return table.ok ? { ...table, format: `CSV (${decoded.encoding})` } : table;
}
