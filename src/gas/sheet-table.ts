// Reading and writing sheets in batches: one getValues per sheet read, one
// setValues per contiguous run of cells written, whatever the number of rows.
import { asStoredText } from "../core/plain-text";
import { normalizeText } from "../core/text";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SheetData {
  sheet: Sheet;
  /** The data range's values, header row first ([] for an empty sheet). */
  values: unknown[][];
  /** Column index (0-based) by normalized header. */
  columns: Map<string, number>;
}

export function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The whole sheet in one read, or null when there is no such sheet. */
export function readSheet(name: string): SheetData | null {
  const sheet = spreadsheet().getSheetByName(name);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  const columns = new Map<string, number>();
  (values[0] ?? []).forEach((h, i) => {
    const text = normalizeText(h);
    if (text && !columns.has(text)) columns.set(text, i);
  });
  return { sheet, values, columns };
}

export function requireSheet(name: string): SheetData {
  const data = readSheet(name);
  if (!data) throw new Error(`シート「${name}」がありません。メニューの「プラチナ → 初期設定」を実行してください。`);
  return data;
}

/** Index (0-based, into values) of the row whose ID column holds `id`; -1 when absent. */
export function findRowById(data: SheetData, id: string): number {
  const col = data.columns.get("ID");
  if (col === undefined) throw new Error(`シート「${data.sheet.getName()}」に見出し「ID」がありません。`);
  const wanted = normalizeText(id);
  for (let i = 1; i < data.values.length; i++) if (normalizeText(data.values[i][col]) === wanted) return i;
  return -1;
}

/** What a write stores: user text always as text, never as a formula. */
export function storedValue(value: unknown): unknown {
  return typeof value === "string" ? asStoredText(value) : value;
}

/**
 * Writes cells of one sheet row (1-based `row`), given by 0-based column: one
 * setValues per run of adjacent columns, so the usual layout costs one call.
 */
export function writeRowCells(sheet: Sheet, row: number, cells: Map<number, unknown>): void {
  const columns = [...cells.keys()].sort((a, b) => a - b);
  let start = 0;
  while (start < columns.length) {
    let end = start;
    while (end + 1 < columns.length && columns[end + 1] === columns[end] + 1) end++;
    const run = columns.slice(start, end + 1).map((c) => storedValue(cells.get(c)));
    sheet.getRange(row, columns[start] + 1, 1, run.length).setValues([run]);
    start = end + 1;
  }
}

/**
 * Writes whole columns of a block of rows (1-based `firstRow`), given as 0-based
 * column → values top to bottom: one setValues per run of adjacent columns.
 */
export function writeColumns(sheet: Sheet, firstRow: number, columns: Map<number, unknown[]>): void {
  const keys = [...columns.keys()].sort((a, b) => a - b);
  let start = 0;
  while (start < keys.length) {
    let end = start;
    while (end + 1 < keys.length && keys[end + 1] === keys[end] + 1) end++;
    const run = keys.slice(start, end + 1).map((c) => columns.get(c) as unknown[]);
    const block = run[0].map((_, r) => run.map((values) => storedValue(values[r])));
    sheet.getRange(firstRow, keys[start] + 1, block.length, run.length).setValues(block);
    start = end + 1;
  }
}

/** Appends rows after the last row with content, in one write, growing the sheet when it is full. */
export function appendRows(sheet: Sheet, rows: unknown[][]): void {
  if (rows.length === 0) return;
  const last = sheet.getLastRow();
  // Unlike appendRow, getRange past the sheet's last row fails: make room first.
  const missing = last + rows.length - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  sheet.getRange(last + 1, 1, rows.length, rows[0].length).setValues(rows.map((r) => r.map(storedValue)));
}
