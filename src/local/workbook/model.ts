// The offline workbook: cells (values and formulas, evaluated by the formula
// engine) plus what Sheets keeps beside cells (formats, validation, frozen rows,
// conditional colours). SpreadsheetApp's fakes read and write only through this.
// Rows and columns are 0-based here; SpreadsheetApp's 1-based API converts.

/** A computed cell value as getValues() returns it: "" for an empty cell, Date for date-formatted numbers. */
export type CellValue = string | number | boolean | Date;

/**
 * What a write stores in one cell. Strings are stored as text as given (the
 * "user entered" parsing of "=…", "'…", "1,000" happens in SpreadsheetApp, not here).
 */
export type CellInput =
  | { kind: "empty" }
  | { kind: "value"; value: string | number | boolean | Date }
  | { kind: "formula"; formula: string };

export interface GridRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ValidationRule {
  /** A GoogleAppsScript.Spreadsheet.DataValidationCriteria name, e.g. "VALUE_IN_LIST", "VALUE_IN_RANGE", "CHECKBOX". */
  criteria: string;
  /** Criteria arguments as Apps Script reports them: [values[], showDropdown] for lists; [a1Range, showDropdown] for ranges. */
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface ConditionalRule {
  ranges: GridRange[];
  /** "TEXT_EQ" compares the cell's text; "CUSTOM_FORMULA" evaluates `value` as a formula relative to the range's top-left. */
  condition: "TEXT_EQ" | "TEXT_CONTAINS" | "CUSTOM_FORMULA" | "CELL_EMPTY" | "CELL_NOT_EMPTY";
  value: string;
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

export interface CellStyle {
  background?: string;
  fontColor?: string;
  bold?: boolean;
  horizontalAlignment?: "left" | "center" | "right";
  wrap?: boolean;
  borders?: CellBorders;
}

/** SpreadsheetApp.BorderStyle names. */
export type BorderStyleName = "DOTTED" | "DASHED" | "SOLID" | "SOLID_MEDIUM" | "SOLID_THICK" | "DOUBLE";

export interface BorderLine {
  /** Lower-case #rrggbb. */
  color: string;
  style: BorderStyleName;
}

/** The lines on a cell's own sides (an edge shared with a neighbour is kept on one side only). */
export interface CellBorders {
  top?: BorderLine;
  left?: BorderLine;
  bottom?: BorderLine;
  right?: BorderLine;
}

/** Range.setBorder's arguments: true draws `line`, false removes, null leaves that edge as it is. */
export interface BorderUpdate {
  top: boolean | null;
  left: boolean | null;
  bottom: boolean | null;
  right: boolean | null;
  vertical: boolean | null;
  horizontal: boolean | null;
  line: BorderLine;
}

/** Why a formula cell shows an error, for the hover note (#ERROR! carries the thrown message). */
export interface CellError {
  display: string; // "#ERROR!", "#REF!", "#N/A", …
  message: string;
}

export interface SheetModel {
  readonly sheetId: number;
  getName(): string;
  setName(name: string): void;
  getMaxRows(): number;
  getMaxColumns(): number;
  /** 1-based position of the last row/column with content (0 when empty), as Sheets reports. */
  getLastRow(): number;
  getLastColumn(): number;
  getValues(range: GridRange): CellValue[][];
  getDisplayValues(range: GridRange): string[][];
  /** "=…" text for formula cells, "" elsewhere. */
  getFormulas(range: GridRange): string[][];
  getCellError(row: number, column: number): CellError | null;
  /** Writes a block; grows the grid when needed. Formulas re-evaluate. */
  setCells(row: number, column: number, inputs: CellInput[][]): void;
  getNumberFormats(range: GridRange): string[][];
  setNumberFormat(range: GridRange, format: string): void;
  getStyle(row: number, column: number): CellStyle;
  setStyle(range: GridRange, style: CellStyle): void;
  /** Outer edges and inner lines of the range; the neighbour's side of a changed outer edge is cleared. */
  setBorders(range: GridRange, update: BorderUpdate): void;
  insertRowsAfter(afterRow: number, howMany: number): void; // afterRow is 0-based index of the row to insert after; -1 inserts at the top
  deleteRows(row: number, howMany: number): void;
  insertColumnsAfter(afterColumn: number, howMany: number): void;
  deleteColumns(column: number, howMany: number): void;
  getFrozenRows(): number;
  setFrozenRows(n: number): void;
  getFrozenColumns(): number;
  setFrozenColumns(n: number): void;
  /** Rule of one cell, or null. */
  getValidation(row: number, column: number): ValidationRule | null;
  /** null clears. */
  setValidation(range: GridRange, rule: ValidationRule | null): void;
  getConditionalRules(): ConditionalRule[];
  setConditionalRules(rules: ConditionalRule[]): void;
  getColumnWidth(column: number): number | null;
  setColumnWidth(column: number, px: number): void;
  isHidden(): boolean;
  setHidden(hidden: boolean): void;
  getTabColor(): string | null;
  setTabColor(color: string | null): void;
}

/**
 * Calls the add-on's custom function NAME with Sheets-style arguments (a cell's
 * value, or a 2-D array for a range). Returns its value or 2-D array; throws its error.
 */
export type CustomFunctionInvoker = (name: string, args: unknown[]) => unknown;

export interface WorkbookModel {
  getName(): string;
  /** Spreadsheet time zone (Asia/Tokyo): dates convert to and from serial numbers in it. */
  getTimeZone(): string;
  getSheets(): SheetModel[];
  getSheetByName(name: string): SheetModel | null;
  getSheetById(sheetId: number): SheetModel | null;
  /** Index 0 = first tab; appended when omitted. Throws Apps Script's message on a duplicate name. */
  insertSheet(name: string, index?: number): SheetModel;
  deleteSheet(sheet: SheetModel): void;
  moveSheet(sheet: SheetModel, index: number): void;
  /** Registers the add-on's custom functions (names as declared, case-insensitive in formulas). */
  setCustomFunctions(names: string[], invoke: CustomFunctionInvoker): void;
  /** Re-evaluates every formula (e.g. after the bundle was reloaded). */
  recalculate(): void;
  /** Groups many writes into one recalculation. */
  batch<T>(fn: () => T): T;
  /**
   * A copy that waits for its bundle, as a workbook just opened does; its formulas show this
   * workbook's custom-function results until their arguments change (HfWorkbook.copy).
   */
  copy(): WorkbookModel;
  /** Observers are told which sheets changed (values or layout) after each write or recalculation. */
  onChange(listener: (sheetNames: string[]) => void): () => void;
}
