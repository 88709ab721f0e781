// One sheet of the offline workbook: cells live in the formula engine (through
// the workbook); formats, styles, validation, conditional rules, layout and the
// file's cached results live in SparseGrids that shift with the engine on
// row/column inserts and deletes.

import { DetailedCellError, ErrorType, type ExportedChange, type HyperFormula, type RawCellContent, type SimpleCellAddress } from "hyperformula";
import { cellA1, fromEngineFormula, toEngineFormula } from "./a1";
import { borderChanges, withSide } from "./borders";
import { dateToSerial, hasTimePart, isDate, serialToDate } from "./dates";
import type { CachedCell, LoadedSheet, RawValue, StoredCell } from "./file-cells";
import { engineValueToArgument, errorDisplay, impliedDateFormat, isSpillError } from "./formula-engine";
import type { BorderUpdate, CellError, CellInput, CellStyle, CellValue, ConditionalRule, GridRange, SheetModel, ValidationRule } from "./model";
import { DEFAULT_DATE_FORMAT, DEFAULT_DATE_TIME_FORMAT, GENERAL, formatValue, isDateFormat, isGeneral } from "./number-format";
import { SparseGrid } from "./sparse-grid";
import { shiftConditionalRules, shiftKeys } from "./structure-shift";

const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;

interface SpillShape {
  rows: number;
  columns: number;
}

/** What a sheet needs of its workbook (HfWorkbook's "used by HfSheet" part): the shared engine and change tracking. */
export interface SheetWorkbook {
  readonly hf: HyperFormula;
  getTimeZone(): string;
  mutate<T>(touched: string[], fn: () => T): T;
  apply(operation: () => ExportedChange[]): void;
  ready(): void;
  assertNameFree(name: string, except?: HfSheet): void;
}

export class HfSheet implements SheetModel {
  private maxRows = DEFAULT_ROWS;
  private maxColumns = DEFAULT_COLUMNS;
  private frozenRows = 0;
  private frozenColumns = 0;
  private hidden = false;
  private tabColor: string | null = null;
  private columnWidths = new Map<number, number>();
  private conditionalRules: ConditionalRule[] = [];
  private readonly formats = new SparseGrid<string>();
  private readonly styles = new SparseGrid<CellStyle>();
  private readonly validations = new SparseGrid<ValidationRule>();
  private readonly cached = new SparseGrid<CachedCell>();
  private readonly spills = new SparseGrid<SpillShape>();
  private extent: { lastRow: number; lastColumn: number } | null = null;

  constructor(
    private readonly workbook: SheetWorkbook,
    readonly sheetId: number,
    private name: string,
  ) {}

  get engineId(): number {
    return this.workbook.hf.getSheetId(this.name) as number;
  }

  private get hf(): HyperFormula {
    return this.workbook.hf;
  }

  getName(): string {
    return this.name;
  }

  setName(name: string): void {
    if (name === this.name) return;
    this.workbook.assertNameFree(name, this);
    const old = this.name;
    this.workbook.mutate([old, name], () => {
      this.hf.renameSheet(this.engineId, name);
      this.name = name;
    });
  }

  getMaxRows(): number {
    return this.maxRows;
  }

  getMaxColumns(): number {
    return this.maxColumns;
  }

  getLastRow(): number {
    return this.contentExtent().lastRow + 1;
  }

  getLastColumn(): number {
    return this.contentExtent().lastColumn + 1;
  }

  getValues(range: GridRange): CellValue[][] {
    const timeZone = this.workbook.getTimeZone();
    return this.readRange(range).map((row) =>
      row.map(({ value, format }) => {
        if (value === null) return "";
        if (typeof value === "object") return value.error;
        return typeof value === "number" && isDateFormat(format) ? serialToDate(value, timeZone) : value;
      }),
    );
  }

  getDisplayValues(range: GridRange): string[][] {
    return this.readRange(range).map((row) =>
      row.map(({ value, format }) => (value !== null && typeof value === "object" ? value.error : formatValue(value, format))),
    );
  }

  getFormulas(range: GridRange): string[][] {
    this.workbook.ready();
    const sheet = this.engineId;
    return this.mapRange(range, (row, col) => {
      const formula = this.hf.getCellFormula({ sheet, row, col });
      return formula === undefined ? "" : fromEngineFormula(formula);
    });
  }

  getCellError(row: number, column: number): CellError | null {
    const cached = this.cached.get(row, column)?.value;
    if (cached !== undefined) return cached !== null && typeof cached === "object" ? { display: cached.error, message: cached.error } : null;
    this.workbook.ready();
    const value = this.hf.getCellValue({ sheet: this.engineId, row, col: column });
    if (!(value instanceof DetailedCellError)) return null;
    const display = errorDisplay(value);
    if (value.type === ErrorType.SPILL) return { display, message: this.spillMessage(row, column) };
    if (value.type === ErrorType.CYCLE) return { display, message: "循環参照が検出されました。" };
    if (value.type === ErrorType.ERROR && value.message.startsWith("Parsing error")) {
      return { display, message: "数式を解析できませんでした。" };
    }
    return { display, message: value.message || display };
  }

  setCells(row: number, column: number, inputs: CellInput[][]): void {
    if (inputs.length === 0) return;
    this.workbook.mutate([this.name], () => {
      const width = inputs.reduce((w, r) => Math.max(w, r.length), 0);
      this.maxRows = Math.max(this.maxRows, row + inputs.length);
      this.maxColumns = Math.max(this.maxColumns, column + width);
      const contents = inputs.map((cells, i) => cells.map((input, j) => this.toEngineContent(input, row + i, column + j)));
      const sheet = this.engineId;
      if (contents.every((r) => r.length === width)) {
        this.workbook.apply(() => this.hf.setCellContents({ sheet, row, col: column }, contents));
      } else {
        contents.forEach((r, i) => {
          if (r.length) this.workbook.apply(() => this.hf.setCellContents({ sheet, row: row + i, col: column }, [r]));
        });
      }
    });
  }

  getNumberFormats(range: GridRange): string[][] {
    this.workbook.ready();
    const sheet = this.engineId;
    return this.mapRange(range, (row, col) => this.formats.get(row, col) ?? this.impliedFormat({ sheet, row, col }) ?? GENERAL);
  }

  setNumberFormat(range: GridRange, format: string): void {
    this.touchLayout(() =>
      this.forEachCell(range, (row, column) => {
        if (isGeneral(format)) this.formats.delete(row, column);
        else this.formats.set(row, column, format);
      }),
    );
  }

  getStyle(row: number, column: number): CellStyle {
    const style = this.styles.get(row, column);
    return style?.borders ? { ...style, borders: { ...style.borders } } : { ...style };
  }

  /** Keys present in `style` are set; a key given as undefined is reset. */
  setStyle(range: GridRange, style: CellStyle): void {
    this.touchLayout(() =>
      this.forEachCell(range, (row, column) => {
        const next: Record<string, unknown> = { ...this.styles.get(row, column) };
        for (const [key, value] of Object.entries(style)) {
          if (value === undefined || value === null) delete next[key];
          else next[key] = value;
        }
        if (Object.keys(next).length) this.styles.set(row, column, next as CellStyle);
        else this.styles.delete(row, column);
      }),
    );
  }

  setBorders(range: GridRange, update: BorderUpdate): void {
    this.touchLayout(() => {
      for (const change of borderChanges(range, update, this.maxRows, this.maxColumns)) {
        const style: CellStyle = { ...this.styles.get(change.row, change.column) };
        const borders = withSide(style.borders, change.side, change.line);
        if (borders) style.borders = borders;
        else delete style.borders;
        if (Object.keys(style).length) this.styles.set(change.row, change.column, style);
        else this.styles.delete(change.row, change.column);
      }
    });
  }

  insertRowsAfter(afterRow: number, howMany: number): void {
    const at = afterRow + 1;
    this.workbook.mutate([this.name], () => {
      this.workbook.apply(() => this.hf.addRows(this.engineId, [at, howMany]));
      for (const grid of this.grids()) grid.insertRows(at, howMany);
      this.copyFormatting("row", afterRow, howMany);
      this.conditionalRules = shiftConditionalRules(this.conditionalRules, "row", at, howMany);
      if (at < this.frozenRows) this.frozenRows += howMany;
      this.maxRows += howMany;
    });
  }

  deleteRows(row: number, howMany: number): void {
    this.workbook.mutate([this.name], () => {
      this.workbook.apply(() => this.hf.removeRows(this.engineId, [row, howMany]));
      for (const grid of this.grids()) grid.deleteRows(row, howMany);
      this.conditionalRules = shiftConditionalRules(this.conditionalRules, "row", row, -howMany);
      this.frozenRows -= Math.max(0, Math.min(this.frozenRows, row + howMany) - row);
      this.maxRows = Math.max(1, this.maxRows - howMany);
    });
  }

  insertColumnsAfter(afterColumn: number, howMany: number): void {
    const at = afterColumn + 1;
    this.workbook.mutate([this.name], () => {
      this.workbook.apply(() => this.hf.addColumns(this.engineId, [at, howMany]));
      for (const grid of this.grids()) grid.insertColumns(at, howMany);
      this.copyFormatting("column", afterColumn, howMany);
      this.columnWidths = shiftKeys(this.columnWidths, at, howMany);
      this.conditionalRules = shiftConditionalRules(this.conditionalRules, "column", at, howMany);
      if (at < this.frozenColumns) this.frozenColumns += howMany;
      this.maxColumns += howMany;
    });
  }

  deleteColumns(column: number, howMany: number): void {
    this.workbook.mutate([this.name], () => {
      this.workbook.apply(() => this.hf.removeColumns(this.engineId, [column, howMany]));
      for (const grid of this.grids()) grid.deleteColumns(column, howMany);
      this.columnWidths = shiftKeys(this.columnWidths, column, -howMany);
      this.conditionalRules = shiftConditionalRules(this.conditionalRules, "column", column, -howMany);
      this.frozenColumns -= Math.max(0, Math.min(this.frozenColumns, column + howMany) - column);
      this.maxColumns = Math.max(1, this.maxColumns - howMany);
    });
  }

  getFrozenRows(): number {
    return this.frozenRows;
  }

  setFrozenRows(n: number): void {
    this.touchLayout(() => (this.frozenRows = n));
  }

  getFrozenColumns(): number {
    return this.frozenColumns;
  }

  setFrozenColumns(n: number): void {
    this.touchLayout(() => (this.frozenColumns = n));
  }

  getValidation(row: number, column: number): ValidationRule | null {
    return this.validations.get(row, column) ?? null;
  }

  setValidation(range: GridRange, rule: ValidationRule | null): void {
    const stored = rule && { ...rule, args: [...rule.args] };
    this.touchLayout(() =>
      this.forEachCell(range, (row, column) => {
        if (stored) this.validations.set(row, column, stored);
        else this.validations.delete(row, column);
      }),
    );
  }

  getConditionalRules(): ConditionalRule[] {
    return this.conditionalRules.map(copyRule);
  }

  setConditionalRules(rules: ConditionalRule[]): void {
    this.touchLayout(() => (this.conditionalRules = rules.map(copyRule)));
  }

  getColumnWidth(column: number): number | null {
    return this.columnWidths.get(column) ?? null;
  }

  setColumnWidth(column: number, px: number): void {
    this.touchLayout(() => this.columnWidths.set(column, px));
  }

  isHidden(): boolean {
    return this.hidden;
  }

  setHidden(hidden: boolean): void {
    this.touchLayout(() => (this.hidden = hidden));
  }

  getTabColor(): string | null {
    return this.tabColor;
  }

  setTabColor(color: string | null): void {
    this.touchLayout(() => (this.tabColor = color));
  }

  // ---- for HfWorkbook.copy ----

  /** Cells and layout into `target`, the same sheet of a new copy of the workbook. */
  copyInto(target: HfSheet): void {
    const sheet = this.engineId;
    // Cells a spill fills are the formula's, not content: the copy's formula spills again.
    const spilled = (row: number, col: number) =>
      this.hf.getCellFormula({ sheet, row, col }) === undefined && this.hf.isCellPartOfArray({ sheet, row, col });
    const content = this.hf.getSheetSerialized(sheet).map((cells, row) => cells.map((cell, col) => (cell !== null && spilled(row, col) ? null : cell)));
    target.workbook.apply(() => target.hf.setSheetContent(target.engineId, content));
    target.maxRows = this.maxRows;
    target.maxColumns = this.maxColumns;
    target.frozenRows = this.frozenRows;
    target.frozenColumns = this.frozenColumns;
    target.hidden = this.hidden;
    target.tabColor = this.tabColor;
    target.columnWidths = new Map(this.columnWidths);
    target.conditionalRules = this.conditionalRules.map(copyRule);
    // Stored values are never changed in place (setters store new objects), so they are shared.
    const grids: [SparseGrid<unknown>, SparseGrid<unknown>][] = [
      [this.formats, target.formats],
      [this.styles, target.styles],
      [this.validations, target.validations],
      [this.cached, target.cached],
      [this.spills, target.spills],
    ];
    for (const [from, to] of grids) for (const [row, column, value] of from.entries()) to.set(row, column, value);
  }

  // ---- for xlsx-store ----

  /** The cell as saved: formula text, raw value (cached file result if not yet recalculated). */
  exportCell(row: number, column: number): StoredCell {
    const range = { row, column, numRows: 1, numColumns: 1 };
    const [[{ value, format }]] = this.readRange(range);
    const address = { sheet: this.engineId, row, col: column };
    const formula = this.hf.getCellFormula(address);
    const spilled = this.cached.get(row, column)?.spilled ?? (formula === undefined && this.hf.isCellPartOfArray(address));
    return { formula: formula === undefined ? null : fromEngineFormula(formula), value, spilled, format };
  }

  formatEntries(): IterableIterator<[number, number, string]> {
    return this.formats.entries();
  }

  styleEntries(): IterableIterator<[number, number, CellStyle]> {
    return this.styles.entries();
  }

  validationEntries(): IterableIterator<[number, number, ValidationRule]> {
    return this.validations.entries();
  }

  load(data: LoadedSheet): void {
    let rows = 0;
    let columns = 0;
    for (const cell of data.cells) {
      rows = Math.max(rows, cell.row + 1);
      columns = Math.max(columns, cell.column + 1);
    }
    this.maxRows = Math.max(DEFAULT_ROWS, rows);
    this.maxColumns = Math.max(DEFAULT_COLUMNS, columns);
    const content: RawCellContent[][] = Array.from({ length: rows }, () => new Array<RawCellContent>(columns).fill(null));
    for (const cell of data.cells) {
      if (!cell.spilled) content[cell.row][cell.column] = this.toEngineContent(cell.input, cell.row, cell.column);
    }
    this.workbook.apply(() => this.hf.setSheetContent(this.engineId, content));
  }

  loadCached(data: LoadedSheet): void {
    for (const cell of data.cells) {
      if (cell.cached !== undefined) {
        this.cached.set(cell.row, cell.column, { value: cell.cached, spilled: !!cell.spilled, format: cell.format ?? null });
      }
    }
    this.extent = null;
  }

  // ---- for HfWorkbook and the custom-function plugin ----

  forgetCached(row: number, column: number): void {
    this.cached.delete(row, column);
  }

  forgetAllCached(): void {
    this.cached.clear();
    this.extent = null;
  }

  invalidateExtent(): void {
    this.extent = null;
  }

  recordSpill(row: number, column: number, rows: number, columns: number): void {
    if (rows === 1 && columns === 1) this.spills.delete(row, column);
    else this.spills.set(row, column, { rows, columns });
  }

  /** Origins of blocked custom-function spills whose target cells are now all empty. */
  *unblockedSpills(): IterableIterator<SimpleCellAddress> {
    for (const [row, col, shape] of [...this.spills.entries()]) {
      const address = { sheet: this.engineId, row, col };
      if (!this.hf.doesCellHaveFormula(address)) {
        this.spills.delete(row, col);
      } else if (isSpillError(this.hf.getCellValue(address)) && this.firstBlocker(row, col, shape) === null) {
        yield address;
      }
    }
  }

  argumentValue(value: unknown, row: number, column: number): unknown {
    const raw = engineValueToArgument(value, this.workbook.getTimeZone());
    if (typeof raw === "number" && isDateFormat(this.formats.get(row, column))) return serialToDate(raw, this.workbook.getTimeZone());
    return raw;
  }

  // ---- internals ----

  private grids(): SparseGrid<unknown>[] {
    return [this.formats, this.styles, this.validations, this.cached, this.spills];
  }

  /** New rows or columns take the formatting of the one they follow, as in Sheets (none before the first). */
  private copyFormatting(axis: "row" | "column", after: number, howMany: number): void {
    if (after < 0) return;
    for (const grid of [this.formats, this.styles, this.validations] as SparseGrid<unknown>[]) {
      for (const [r, c, value] of [...grid.entries()]) {
        if ((axis === "row" ? r : c) !== after) continue;
        for (let k = 1; k <= howMany; k++) {
          if (axis === "row") grid.set(after + k, c, value);
          else grid.set(r, after + k, value);
        }
      }
    }
  }

  private touchLayout(change: () => void): void {
    this.workbook.mutate([this.name], change);
  }

  private toEngineContent(input: CellInput, row: number, column: number): RawCellContent {
    this.cached.delete(row, column);
    this.spills.delete(row, column);
    if (input.kind === "empty") return null;
    if (input.kind === "formula") return toEngineFormula(input.formula.startsWith("=") ? input.formula : `=${input.formula}`);
    const value = input.value;
    if (typeof value === "string") return value === "" ? null : `'${value}`; // the apostrophe keeps text as text
    if (typeof value === "number") return Number.isFinite(value) ? value : `'${value}`;
    if (typeof value === "boolean") return value;
    if (!isDate(value) || Number.isNaN(value.getTime())) return `'${String(value)}`;
    const serial = dateToSerial(value, this.workbook.getTimeZone());
    if (!isDateFormat(this.formats.get(row, column))) {
      this.formats.set(row, column, hasTimePart(serial) ? DEFAULT_DATE_TIME_FORMAT : DEFAULT_DATE_FORMAT);
    }
    return serial;
  }

  /** Raw values with the format that applies (explicit, or implied by a date-typed result). */
  private readRange(range: GridRange): { value: RawValue; format: string | null }[][] {
    this.workbook.ready();
    const sheet = this.engineId;
    return this.mapRange(range, (row, col) => {
      const explicit = this.formats.get(row, col) ?? null;
      const cached = this.cached.get(row, col);
      if (cached) return { value: cached.value, format: explicit ?? cached.format };
      const value = this.engineRaw({ sheet, row, col });
      return { value, format: explicit ?? (typeof value === "number" ? this.impliedFormat({ sheet, row, col }) : null) };
    });
  }

  private engineRaw(address: SimpleCellAddress): RawValue {
    const value = this.hf.getCellValue(address);
    if (value instanceof DetailedCellError) return { error: errorDisplay(value) };
    return value;
  }

  private impliedFormat(address: SimpleCellAddress): string | null {
    return impliedDateFormat(this.hf.getCellValueDetailedType(address));
  }

  private spillMessage(row: number, column: number): string {
    const shape = this.spills.get(row, column);
    const blocker = shape && this.firstBlocker(row, column, shape);
    return blocker
      ? `配列結果を展開できません。セル ${blocker} のデータが上書きされるためです。`
      : "配列結果を展開できません。既存のデータが上書きされるためです。";
  }

  /** A1 of the first non-empty cell in a spill's target area (besides its origin), or null. */
  private firstBlocker(row: number, column: number, shape: SpillShape): string | null {
    const sheet = this.engineId;
    for (let r = row; r < row + shape.rows; r++) {
      for (let c = column; c < column + shape.columns; c++) {
        if (r === row && c === column) continue;
        if (!this.hf.isCellEmpty({ sheet, row: r, col: c }) || this.cached.get(r, c)) return cellA1(r, c);
      }
    }
    return null;
  }

  private contentExtent(): { lastRow: number; lastColumn: number } {
    if (this.extent) return this.extent;
    this.workbook.ready();
    const sheet = this.engineId;
    const { width, height } = this.hf.getSheetDimensions(sheet);
    const filled = (row: number, col: number) => !this.hf.isCellEmpty({ sheet, row, col });
    let lastRow = height - 1;
    while (lastRow >= 0 && !rowHas(width, (col) => filled(lastRow, col))) lastRow--;
    let lastColumn = width - 1;
    while (lastColumn >= 0 && !rowHas(lastRow + 1, (row) => filled(row, lastColumn))) lastColumn--;
    const cachedExtent = this.cached.extent();
    this.extent = { lastRow: Math.max(lastRow, cachedExtent.lastRow), lastColumn: Math.max(lastColumn, cachedExtent.lastColumn) };
    return this.extent;
  }

  private mapRange<T>(range: GridRange, cell: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < range.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < range.numColumns; c++) row.push(cell(range.row + r, range.column + c));
      out.push(row);
    }
    return out;
  }

  private forEachCell(range: GridRange, fn: (row: number, column: number) => void): void {
    for (let r = range.row; r < range.row + range.numRows; r++) {
      for (let c = range.column; c < range.column + range.numColumns; c++) fn(r, c);
    }
  }

}

function rowHas(count: number, test: (i: number) => boolean): boolean {
  for (let i = 0; i < count; i++) if (test(i)) return true;
  return false;
}

function copyRule(rule: ConditionalRule): ConditionalRule {
  return { ...rule, ranges: rule.ranges.map((r) => ({ ...r })) };
}
