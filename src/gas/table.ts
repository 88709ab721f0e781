// Sheets as contract records, in batches: one getValues per sheet read, one
// setValues per run of adjacent cells written, one setValues per append —
// whatever the number of rows. Every value goes through the text-safe store rule.
import { ContractError, type HeaderProblem, type RecordOf, type RecordRow, type RecordTable, type SheetContract, type Specs } from "../core/contracts/contract";
import { asStoredText, normalizeText } from "../core/base/text";
import { ensureColumnWidths, styleHeader } from "./sheet-format";
import { ensureSheetNamed, requireSheetNamed, sheetNamed } from "./spreadsheet";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SheetRecords<F extends string, R> extends RecordTable<F, R> {
  sheet: Sheet;
  /** The data range's values, header row first. */
  values: unknown[][];
  recordOf(cells: readonly unknown[]): R;
}

/** What a write stores: user text always as text, never as a formula. */
export function storedValue(value: unknown): unknown {
  return typeof value === "string" ? asStoredText(value) : value;
}

/** The sheet's records in one read, or null when there is no such sheet. */
export function readRecords<S extends Specs>(
  contract: SheetContract<S>,
  required?: readonly (keyof S & string)[],
): SheetRecords<keyof S & string, RecordOf<S>> | null {
  const sheet = sheetNamed(contract.name);
  return sheet ? recordsOf(contract, sheet, required) : null;
}

/** Like readRecords, for sheets 初期設定 creates: a missing sheet says what to do. */
export function requireRecords<S extends Specs>(
  contract: SheetContract<S>,
  required?: readonly (keyof S & string)[],
): SheetRecords<keyof S & string, RecordOf<S>> {
  return recordsOf(contract, requireSheetNamed(contract.name), required);
}

/**
 * For the sheets the add-on keeps for itself (送信記録, 回答記録): the records, the
 * sheet being created on first use as 初期設定 makes a sheet — its header row styled
 * and frozen, its columns given the contract's widths — and an older one given the
 * headers added since, at its right end.
 */
export function ensureRecords<S extends Specs>(contract: SheetContract<S>): SheetRecords<keyof S & string, RecordOf<S>> {
  const { sheet } = ensureSheetNamed(contract.name);
  const values = sheet.getDataRange().getValues();
  if (values.length > 0 && values[0].some((cell) => normalizeText(cell) !== "")) {
    // A log of an older release lacks the headers added since: add them at the right end, so no field is dropped.
    const present = new Set(values[0].map(normalizeText));
    const missing = contract.headers.filter((h) => !present.has(normalizeText(h)));
    if (missing.length === 0) return recordsOf(contract, sheet, undefined, values);
    let at = values[0].length;
    while (at > 0 && normalizeText(values[0][at - 1]) === "") at--;
    sheet.getRange(1, at + 1, 1, missing.length).setValues([missing]);
    const width = at + missing.length;
    const grown = values.map((row, i) => (i === 0 ? [...row.slice(0, at), ...missing] : [...row, ...Array(Math.max(0, width - row.length)).fill("")]));
    return recordsOf(contract, sheet, undefined, grown);
  }
  const header = [...contract.headers];
  sheet.getRange(1, 1, 1, header.length).setValues([header]);
  styleHeader(sheet, header.length);
  ensureColumnWidths(sheet, contract.columnWidths);
  return recordsOf(contract, sheet, undefined, [header]);
}

function recordsOf<S extends Specs>(contract: SheetContract<S>, sheet: Sheet, required?: readonly (keyof S & string)[], values = sheet.getDataRange().getValues()) {
  const problems = contract.check(values[0] ?? [], required ?? contract.required);
  if (problems.length > 0) throw new ContractError(problems);
  const table = contract.fromRows(values, required);
  return { ...table, sheet, values, recordOf: (cells: readonly unknown[]) => contract.recordOf(table, cells) };
}

/**
 * Checks the header row of a sheet 初期設定 creates before anything is written to it
 * (one read of row 1): a missing, duplicated or renamed `needed` header throws a ContractError.
 */
export function requireHeaders<S extends Specs>(contract: SheetContract<S>, needed: readonly (keyof S & string)[] = contract.headers): void {
  const problems = headerProblemsOf(requireSheetNamed(contract.name), contract, needed);
  if (problems.length > 0) throw new ContractError(problems);
}

/**
 * For a sheet the add-on appends to (履歴): checks the `needed` headers as requireHeaders
 * does, then adds the contract's other headers the sheet lacks at its right end (one
 * write, only when some are missing). Returns the header row as it now stands.
 */
export function completeHeaders<S extends Specs>(contract: SheetContract<S>, needed: readonly (keyof S & string)[]): unknown[] {
  const sheet = requireSheetNamed(contract.name);
  const lastColumn = Math.max(sheet.getLastColumn(), 1);
  const header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0];
  const problems = contract.check(header, needed);
  if (problems.length > 0) throw new ContractError(problems);
  const present = new Set(header.map(normalizeText));
  const missing = contract.headers.filter((h) => !present.has(normalizeText(h)));
  if (missing.length === 0) return header;
  let at = header.length;
  while (at > 0 && normalizeText(header[at - 1]) === "") at--;
  sheet.getRange(1, at + 1, 1, missing.length).setValues([missing]);
  return [...header.slice(0, at), ...missing];
}

/** Like requireHeaders, as a list; a sheet not created yet has none (its readers say what to do). */
export function checkHeaders<S extends Specs>(contract: SheetContract<S>, needed: readonly (keyof S & string)[] = contract.headers): HeaderProblem[] {
  const sheet = sheetNamed(contract.name);
  return sheet ? headerProblemsOf(sheet, contract, needed) : [];
}

function headerProblemsOf<S extends Specs>(sheet: Sheet, contract: SheetContract<S>, needed: readonly (keyof S & string)[]): HeaderProblem[] {
  return contract.check(sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).getValues()[0], needed);
}

/** The row whose ID is `id` (compared as staff see it); undefined when absent. */
export function findById<R extends { ID: string }>(table: SheetRecords<string, R>, id: string): RecordRow<R> | undefined {
  const wanted = normalizeText(id);
  return table.rows.find((row) => normalizeText(row.record.ID) === wanted);
}

/**
 * Writes fields of one row: one setValues per run of adjacent columns, so the
 * usual layout costs one call. Fields the sheet lacks are skipped. Returns the
 * row as it now stands; later look-ups in `table` see it too.
 */
export function writeRecordFields<F extends string, R>(
  table: SheetRecords<F, R>,
  row: RecordRow<R>,
  fields: Partial<Record<F, unknown>>,
): RecordRow<R> {
  const cells = new Map<number, unknown>();
  const next = [...row.cells];
  for (const [field, value] of Object.entries(fields) as [F, unknown][]) {
    const index = table.indexOf(field);
    if (index === undefined) continue;
    cells.set(index, value);
    next[index] = value;
  }
  writeRuns(cells, (column, run) => table.sheet.getRange(row.rowNumber, column + 1, 1, run.length).setValues([run.map(storedValue)]));
  const updated = { rowNumber: row.rowNumber, cells: next, record: table.recordOf(next) };
  table.values[row.rowNumber - 1] = next;
  const at = table.rows.indexOf(row);
  if (at >= 0) table.rows[at] = updated;
  return updated;
}

/**
 * Writes whole columns of a block of rows (1-based `firstRow`), given by field
 * as values top to bottom: one setValues per run of adjacent columns.
 */
export function writeFieldColumns<F extends string>(
  sheet: Sheet,
  header: { indexOf(field: F): number | undefined },
  firstRow: number,
  columns: Partial<Record<F, unknown[]>>,
): void {
  const byIndex = new Map<number, unknown[]>();
  for (const [field, values] of Object.entries(columns) as [F, unknown[]][]) {
    const index = header.indexOf(field);
    if (index !== undefined) byIndex.set(index, values);
  }
  writeRuns(byIndex, (column, run) => {
    const block = (run[0] as unknown[]).map((_, r) => run.map((values) => storedValue((values as unknown[])[r])));
    sheet.getRange(firstRow, column + 1, block.length, run.length).setValues(block);
  });
}

/**
 * Appends records after the last row with content in one write, growing the
 * sheet when it is full. Columns follow `headerRow` when the caller has read it,
 * else the contract's order (the add-on's own sheets, such as 履歴).
 */
export function appendRecords<S extends Specs>(
  contract: SheetContract<S>,
  records: Partial<Record<keyof S & string, unknown>>[],
  headerRow?: readonly unknown[],
): void {
  if (records.length === 0) return;
  appendRows(requireSheetNamed(contract.name), records.map((r) => contract.toRow(r, headerRow)));
}

/** Rows after the last row with content, in one write (values through the store rule). */
export function appendRows(sheet: Sheet, rows: unknown[][]): void {
  if (rows.length === 0) return;
  const last = sheet.getLastRow();
  makeRoom(sheet, last + rows.length);
  sheet.getRange(last + 1, 1, rows.length, rows[0].length).setValues(rows.map((r) => r.map(storedValue)));
}

/** Unlike appendRow, getRange past the sheet's last row fails (a new sheet has 1,000): add rows first. */
function makeRoom(sheet: Sheet, rowsNeeded: number): void {
  const max = sheet.getMaxRows();
  if (rowsNeeded > max) sheet.insertRowsAfter(max, rowsNeeded - max);
}

/**
 * Makes the sheet hold exactly the contract's header row and `records` (the add-on's
 * own sheets): one setValues, plus one clear when the list got shorter.
 */
export function replaceRecords<S extends Specs>(sheet: Sheet, contract: SheetContract<S>, records: Partial<Record<keyof S & string, unknown>>[]): void {
  const rows = [[...contract.headers], ...records.map((r) => contract.toRow(r).map(storedValue))];
  const before = sheet.getLastRow();
  makeRoom(sheet, rows.length);
  sheet.getRange(1, 1, rows.length, contract.headers.length).setValues(rows);
  if (before > rows.length) sheet.getRange(rows.length + 1, 1, before - rows.length, contract.headers.length).clearContent();
}

/** Calls `write(firstColumn, values)` once per run of adjacent 0-based columns. */
function writeRuns<V>(cells: Map<number, V>, write: (column: number, run: V[]) => void): void {
  const columns = [...cells.keys()].sort((a, b) => a - b);
  let start = 0;
  while (start < columns.length) {
    let end = start;
    while (end + 1 < columns.length && columns[end + 1] === columns[end] + 1) end++;
    write(columns[start], columns.slice(start, end + 1).map((c) => cells.get(c) as V));
    start = end + 1;
  }
}
