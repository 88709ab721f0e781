// A sheet's values as a table: columns found by header text (never by position),
// data rows with their row number within the range (header = row 1), blank rows skipped.
import { isBlank, memoize, normalizeText } from "./text";

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/** A cell a computation cannot read: which row (within the range, header = 1), under which header, holding what. */
export class CellError extends InputError {
  constructor(message: string, readonly sheet: string, readonly row: number, readonly header: string, readonly value: string) {
    super(message);
  }
}

export interface TableRow {
  /** Row number within the range read, header row = 1. */
  rowNumber: number;
  cells: readonly unknown[];
}

export interface SheetTable {
  name: string;
  /** Column index (0-based) by normalized header text. */
  columns: ReadonlyMap<string, number>;
  rows: TableRow[];
}

/** Accepts what a custom function receives: a 2-D array, or one cell's value. */
export function toGrid(values: unknown): readonly (readonly unknown[])[] {
  if (!Array.isArray(values)) return [[values]];
  // A range is rows already: read in place (whole-column arguments have a thousand rows).
  if (values.every(Array.isArray)) return values as unknown[][];
  return values.map((row) => (Array.isArray(row) ? row : [row]));
}

export function readTable<Row extends TableRow = TableRow>(
  values: unknown,
  name: string,
  requiredHeaders: readonly string[],
  makeRow: (rowNumber: number, cells: readonly unknown[], columns: ReadonlyMap<string, number>) => Row = (rowNumber, cells) => ({ rowNumber, cells }) as Row,
): SheetTable & { rows: Row[] } {
  const grid = toGrid(values);
  const header = grid[0] ?? [];
  const columns = new Map<string, number>();
  header.forEach((cell, index) => {
    const text = normalizeText(cell);
    if (text !== "" && !columns.has(text)) columns.set(text, index);
  });
  const missing = requiredHeaders.filter((h) => !columns.has(h));
  if (missing.length > 0) {
    const list = missing.map((h) => `「${h}」`).join("");
    throw new InputError(
      `${name}: 見出し${list}が見つかりません。範囲の1行目に見出し行を含めて指定してください（見つかった見出し: ${[...columns.keys()].join("、") || "なし"}）。`,
    );
  }
  const rows: Row[] = [];
  for (let i = 1; i < grid.length; i++) {
    const cells = grid[i];
    if (cells.every(isBlank)) continue;
    rows.push(makeRow(i + 1, cells, columns));
  }
  return { name, columns, rows };
}

/**
 * Reads one column of every row through a parser that runs once per distinct
 * value. A value the parser cannot read (undefined) throws an error naming the
 * row, the column and the value; a blank (null) is returned as null.
 */
export function column<T>(
  table: SheetTable,
  header: string,
  parse: (value: unknown) => T | null | undefined,
  expected: string,
): (row: TableRow) => T | null {
  const index = table.columns.get(header);
  if (index === undefined) throw new InputError(`${table.name}: 見出し「${header}」が見つかりません。`);
  const read = memoize(parse);
  return (row) => {
    const raw = row.cells[index];
    const parsed = read(raw);
    if (parsed === undefined) {
      const text = normalizeText(raw);
      throw new CellError(`${table.name} ${row.rowNumber}行目: ${header}「${text}」を解釈できません。${expected}`, table.name, row.rowNumber, header, text);
    }
    return parsed;
  };
}

/** Like column(), for values a computation cannot do without: a blank cell throws too. */
export function requiredColumn<T>(
  table: SheetTable,
  header: string,
  parse: (value: unknown) => T | null | undefined,
  expected: string,
): (row: TableRow) => T {
  const read = column(table, header, parse, expected);
  return (row) => {
    const value = read(row);
    if (value === null) throw new CellError(`${table.name} ${row.rowNumber}行目: ${header}が空です。${expected}`, table.name, row.rowNumber, header, "");
    return value;
  };
}
