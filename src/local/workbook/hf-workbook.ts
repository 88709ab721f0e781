// WorkbookModel over HyperFormula: the engine stores cells and evaluates
// formulas; everything Sheets keeps beside cells (formats, styles, validation,
// conditional rules, layout) lives in SparseGrids that shift with the engine
// on row/column inserts and deletes.

import {
  CellError as EngineCellError,
  CellValueDetailedType,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  ExportedCellChange,
  HyperFormula,
  type ConfigParams,
  type ExportedChange,
  type RawCellContent,
  type SimpleCellAddress,
} from "hyperformula";
import { cellA1, fromEngineFormula, toEngineFormula } from "./a1";
import {
  createCustomFunctionPlugin,
  normalizeResult,
  type CallOutcome,
  type CellRef,
  type CustomFunctionHost,
} from "./custom-functions";
import { dateToSerial, hasTimePart, isDate, serialToDate } from "./dates";
import type {
  CellError,
  CellInput,
  CellStyle,
  CellValue,
  ConditionalRule,
  CustomFunctionInvoker,
  GridRange,
  SheetModel,
  ValidationRule,
  WorkbookModel,
} from "./model";
import {
  DEFAULT_DATE_FORMAT,
  DEFAULT_DATE_TIME_FORMAT,
  DEFAULT_TIME_FORMAT,
  GENERAL,
  formatValue,
  isDateFormat,
  isGeneral,
} from "./number-format";
import { SparseGrid } from "./sparse-grid";

/** A cell's stored value without formatting: numbers stay serials, errors are their display text. */
export type RawValue = number | string | boolean | null | { error: string };

/** A formula result read from a file, shown until the engine recalculates the cell. */
interface CachedCell {
  value: RawValue;
  /** A neighbour a custom function spilled into: shown, but not content that blocks the next spill. */
  spilled: boolean;
  /** A spilled neighbour's number format goes with its value rather than onto the cell. */
  format: string | null;
}

/** What xlsx-store saves for one cell. */
export interface StoredCell {
  /** Sheets formula text with "=", or null. */
  formula: string | null;
  value: RawValue;
  spilled: boolean;
  /** The number format shown: the cell's own, or one implied by a date-typed result. */
  format: string | null;
}

/** One sheet as xlsx-store hands it over to be loaded. */
export interface LoadedSheet {
  name: string;
  cells: { row: number; column: number; input: CellInput; cached?: RawValue; spilled?: boolean; format?: string }[];
}

const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;

const ENGINE_CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  nullDate: { year: 1899, month: 12, day: 30 },
  // Sheets spills ranges and array expressions; so does the engine with this on.
  useArrayArithmetic: true,
  // Values come back at full double precision, as Sheets' getValues() does (dates keep their seconds).
  smartRounding: false,
  dateFormats: ["YYYY/MM/DD", "YYYY-MM-DD", "MM/DD/YYYY"],
  maxRows: 1_000_000,
};

const DATE_TYPES: Record<string, string> = {
  [CellValueDetailedType.NUMBER_DATE]: DEFAULT_DATE_FORMAT,
  [CellValueDetailedType.NUMBER_DATETIME]: DEFAULT_DATE_TIME_FORMAT,
  [CellValueDetailedType.NUMBER_TIME]: DEFAULT_TIME_FORMAT,
};

function duplicateNameError(name: string): Error {
  return new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
}

/** Error texts as Sheets shows them: blocked spills and circular references are #REF!. */
const ERROR_DISPLAY: Record<string, string> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.CYCLE]: "#REF!",
  [ErrorType.REF]: "#REF!",
  [ErrorType.SPILL]: "#REF!",
  [ErrorType.ERROR]: "#ERROR!",
};

function errorDisplay(error: { type: string }): string {
  return ERROR_DISPLAY[error.type] ?? "#ERROR!";
}

function isSpillError(value: unknown): boolean {
  return value instanceof DetailedCellError && value.type === ErrorType.SPILL;
}

export function createWorkbook(options: { name: string; timeZone: string }): HfWorkbook {
  return new HfWorkbook(options.name, options.timeZone);
}

export class HfWorkbook implements WorkbookModel {
  /** @internal the engine; sheets reach it through their workbook. */
  readonly hf: HyperFormula;
  private readonly sheets: HfSheet[] = [];
  private nextSheetId = 0;
  private readonly listeners = new Set<(sheetNames: string[]) => void>();
  private readonly changed = new Set<string>();
  private depth = 0;
  private batchDepth = 0;
  private memo = new Map<string, CallOutcome>();
  private reentries: CellRef[] = [];

  constructor(
    private readonly name: string,
    private readonly timeZone: string,
  ) {
    this.hf = HyperFormula.buildEmpty(ENGINE_CONFIG);
  }

  getName(): string {
    return this.name;
  }

  getTimeZone(): string {
    return this.timeZone;
  }

  getSheets(): SheetModel[] {
    return [...this.sheets];
  }

  getSheetByName(name: string): HfSheet | null {
    return this.sheets.find((s) => s.getName() === name) ?? null;
  }

  getSheetById(sheetId: number): HfSheet | null {
    return this.sheets.find((s) => s.sheetId === sheetId) ?? null;
  }

  insertSheet(name: string, index?: number): HfSheet {
    this.assertNameFree(name);
    return this.mutate([name], () => {
      this.hf.addSheet(name);
      const sheet = new HfSheet(this, this.nextSheetId++, name);
      this.sheets.splice(index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
      return sheet;
    });
  }

  deleteSheet(sheet: SheetModel): void {
    const target = this.own(sheet);
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.mutate([target.getName()], () => {
      this.apply(() => this.hf.removeSheet(target.engineId));
      this.sheets.splice(this.sheets.indexOf(target), 1);
    });
  }

  moveSheet(sheet: SheetModel, index: number): void {
    const target = this.own(sheet);
    this.mutate([target.getName()], () => {
      this.sheets.splice(this.sheets.indexOf(target), 1);
      this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, target);
    });
  }

  setCustomFunctions(names: string[], invoke: CustomFunctionInvoker): void {
    const plugin = createCustomFunctionPlugin(names, this.customFunctionHost(invoke));
    this.recalculateWith(() => this.hf.updateConfig({ functionPlugins: [...HyperFormula.getAllFunctionPlugins(), plugin] }));
  }

  recalculate(): void {
    this.recalculateWith(() => this.hf.rebuildAndRecalculate());
  }

  /** Writes inside suspend the engine's evaluation until the next read or the end of the batch. */
  batch<T>(fn: () => T): T {
    return this.mutate([], () => {
      this.batchDepth++;
      try {
        return fn();
      } finally {
        this.batchDepth--;
        if (this.batchDepth === 0) this.ready();
      }
    });
  }

  onChange(listener: (sheetNames: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads file contents (xlsx-store): all sheets first, so cross-sheet formulas resolve. */
  loadSheets(loaded: LoadedSheet[]): HfSheet[] {
    return this.mutate(
      loaded.map((s) => s.name),
      () => {
        const sheets = loaded.map((s) => this.insertSheet(s.name));
        this.batch(() => {
          loaded.forEach((data, i) => sheets[i].load(data));
        });
        // Cached results go in after the engine's first evaluation, which would clear them.
        loaded.forEach((data, i) => sheets[i].loadCached(data));
        return sheets;
      },
    );
  }

  // ---- used by HfSheet ----

  /** Runs a change; the outermost one re-enters reshaped spills and tells listeners. */
  mutate<T>(touched: string[], fn: () => T): T {
    const outermost = this.depth === 0;
    if (outermost) this.memo.clear();
    if (this.batchDepth > 0 && !this.hf.isEvaluationSuspended()) this.hf.suspendEvaluation();
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
      for (const name of touched) this.changed.add(name);
      if (outermost) this.finish();
    }
  }

  /** Runs an engine operation and records what it changed. */
  apply(operation: () => ExportedChange[]): void {
    try {
      this.track(operation());
    } catch (error) {
      // A custom function outgrew cells the engine reserved where it could not be cut to size
      // (an array expression after a structural change): rebuilding sizes every formula again.
      if (!(error instanceof Error && error.message === "Resizing to smaller array")) throw error;
      this.recalculateWith(() => this.hf.rebuildAndRecalculate());
    }
  }

  /** Records engine changes: dirty sheets, and cached file results that are now recalculated. */
  private track(changes: ExportedChange[]): void {
    const byEngineId = new Map(this.sheets.map((s) => [s.engineId, s]));
    for (const change of changes) {
      if (!(change instanceof ExportedCellChange)) continue;
      const sheet = byEngineId.get(change.sheet);
      if (!sheet) continue;
      this.changed.add(sheet.getName());
      sheet.forgetCached(change.row, change.col);
    }
    for (const sheet of this.sheets) sheet.invalidateExtent();
  }

  /** Reads need evaluated values: inside a batch, evaluate the writes so far. */
  ready(): void {
    if (!this.hf.isEvaluationSuspended()) return;
    this.apply(() => this.hf.resumeEvaluation());
    this.settle();
  }

  assertNameFree(name: string, except?: HfSheet): void {
    const lower = name.toLowerCase();
    if (this.sheets.some((s) => s !== except && s.getName().toLowerCase() === lower)) throw duplicateNameError(name);
  }

  private own(sheet: SheetModel): HfSheet {
    const found = this.getSheetById(sheet.sheetId);
    if (!found) throw new Error("The sheet does not belong to this spreadsheet.");
    return found;
  }

  private recalculateWith(rebuild: () => void): void {
    this.mutate(
      this.sheets.map((s) => s.getName()),
      () => {
        rebuild();
        for (const sheet of this.sheets) sheet.forgetAllCached();
      },
    );
  }

  private finish(): void {
    try {
      this.settle();
    } finally {
      const names = this.sheets.map((s) => s.getName()).filter((n) => this.changed.has(n));
      this.changed.clear();
      if (names.length) for (const listener of [...this.listeners]) listener(names);
    }
  }

  /**
   * Re-enters custom-function formulas whose result changed shape, and blocked
   * spills whose cells have been cleared, so the engine sizes them again.
   */
  private settle(): void {
    if (this.hf.isEvaluationSuspended()) return;
    // A few re-entries per formula and change let chained spills settle; a result that keeps changing shape cannot loop.
    const attempts = new Map<string, number>();
    const key = (a: SimpleCellAddress) => `${a.sheet}:${a.row}:${a.col}`;
    for (;;) {
      const targets = new Map<string, SimpleCellAddress>();
      for (const { sheetName, row, col } of this.reentries) {
        const sheet = this.hf.getSheetId(sheetName);
        if (sheet !== undefined) targets.set(key({ sheet, row, col }), { sheet, row, col });
      }
      this.reentries = [];
      for (const sheet of this.sheets) {
        for (const address of sheet.unblockedSpills()) targets.set(key(address), address);
      }
      for (const k of targets.keys()) if ((attempts.get(k) ?? 0) >= 3) targets.delete(k);
      if (targets.size === 0) return;
      for (const [k, address] of targets) {
        attempts.set(k, (attempts.get(k) ?? 0) + 1);
        const formula = this.hf.getCellFormula(address);
        if (formula !== undefined) this.apply(() => this.hf.setCellContents(address, [[formula]]));
      }
    }
  }

  private customFunctionHost(invoke: CustomFunctionInvoker): CustomFunctionHost {
    return {
      call: (name, args) => {
        const key = `${name}\u0000${memoKey(args)}`;
        let outcome = this.memo.get(key);
        if (!outcome) {
          try {
            outcome = { rows: normalizeResult(invoke(name, args)) };
          } catch (error) {
            // Errors from the bundle's vm realm are not `instanceof Error`; a thrown string is its own message.
            const message = typeof error === "object" && error !== null && "message" in error ? error.message : error;
            outcome = { error: String(message) };
          }
          this.memo.set(key, outcome);
        }
        return outcome;
      },
      argumentValue: (value, cell) => {
        const sheet = cell && this.getSheetByName(cell.sheetName);
        return sheet ? sheet.argumentValue(value, cell.row, cell.col) : engineValueToArgument(value, this.timeZone);
      },
      sheetRowCount: (sheetName) => this.getSheetByName(sheetName)?.getMaxRows() ?? 0,
      dateToSerial: (date) => dateToSerial(date, this.timeZone),
      recordSpill: (origin, rows, columns) => this.getSheetByName(origin.sheetName)?.recordSpill(origin.row, origin.col, rows, columns),
      requestReentry: (origin) => this.reentries.push(origin),
    };
  }
}

/** Memo key for argument values; Dates are keyed by instant so they never equal a string. */
function memoKey(args: unknown[]): string {
  return JSON.stringify(args, function (this: Record<string, unknown>, key, value) {
    const original = this[key];
    return isDate(original) ? { $date: original.getTime() } : value;
  });
}

/** An engine value as a custom function receives it when no cell format applies. */
function engineValueToArgument(value: unknown, timeZone: string): unknown {
  if (value === EmptyValue || value === null || value === undefined) return "";
  if (value instanceof DetailedCellError || value instanceof EngineCellError) return errorDisplay(value);
  if (typeof value === "object" && "val" in value) {
    // A RichNumber: dates computed by formulas (TODAY(), DATE()) carry their type.
    const rich = value as { val: number; getDetailedType(): string };
    return rich.getDetailedType() in DATE_TYPES ? serialToDate(rich.val, timeZone) : rich.val;
  }
  return value;
}

interface SpillShape {
  rows: number;
  columns: number;
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
    private readonly workbook: HfWorkbook,
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
    return { ...this.styles.get(row, column) };
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

  insertRowsAfter(afterRow: number, howMany: number): void {
    const at = afterRow + 1;
    this.workbook.mutate([this.name], () => {
      this.workbook.apply(() => this.hf.addRows(this.engineId, [at, howMany]));
      for (const grid of this.grids()) grid.insertRows(at, howMany);
      // New rows take the formatting of the row they follow, as in Sheets.
      if (afterRow >= 0) {
        for (const grid of [this.formats, this.styles, this.validations] as SparseGrid<unknown>[]) {
          for (const [r, c, value] of [...grid.entries()]) {
            if (r !== afterRow) continue;
            for (let k = 1; k <= howMany; k++) grid.set(afterRow + k, c, value);
          }
        }
      }
      this.shiftRules("row", at, howMany);
      if (at < this.frozenRows) this.frozenRows += howMany;
      this.maxRows += howMany;
    });
  }

  deleteRows(row: number, howMany: number): void {
    this.workbook.mutate([this.name], () => {
      this.workbook.apply(() => this.hf.removeRows(this.engineId, [row, howMany]));
      for (const grid of this.grids()) grid.deleteRows(row, howMany);
      this.shiftRules("row", row, -howMany);
      this.frozenRows -= Math.max(0, Math.min(this.frozenRows, row + howMany) - row);
      this.maxRows = Math.max(1, this.maxRows - howMany);
    });
  }

  insertColumnsAfter(afterColumn: number, howMany: number): void {
    const at = afterColumn + 1;
    this.workbook.mutate([this.name], () => {
      this.workbook.apply(() => this.hf.addColumns(this.engineId, [at, howMany]));
      for (const grid of this.grids()) grid.insertColumns(at, howMany);
      if (afterColumn >= 0) {
        for (const grid of [this.formats, this.styles, this.validations] as SparseGrid<unknown>[]) {
          for (const [r, c, value] of [...grid.entries()]) {
            if (c !== afterColumn) continue;
            for (let k = 1; k <= howMany; k++) grid.set(r, afterColumn + k, value);
          }
        }
      }
      this.columnWidths = shiftKeys(this.columnWidths, at, howMany);
      this.shiftRules("column", at, howMany);
      if (at < this.frozenColumns) this.frozenColumns += howMany;
      this.maxColumns += howMany;
    });
  }

  deleteColumns(column: number, howMany: number): void {
    this.workbook.mutate([this.name], () => {
      this.workbook.apply(() => this.hf.removeColumns(this.engineId, [column, howMany]));
      for (const grid of this.grids()) grid.deleteColumns(column, howMany);
      this.columnWidths = shiftKeys(this.columnWidths, column, -howMany);
      this.shiftRules("column", column, -howMany);
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

  /** Raw value and the format that applies to it (explicit, or implied by a date-typed result). */
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
    return DATE_TYPES[this.hf.getCellValueDetailedType(address)] ?? null;
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

  /** Conditional rule ranges follow inserted/deleted rows or columns (count < 0 deletes). */
  private shiftRules(axis: "row" | "column", at: number, count: number): void {
    const startKey = axis === "row" ? "row" : "column";
    const sizeKey = axis === "row" ? "numRows" : "numColumns";
    this.conditionalRules = this.conditionalRules
      .map((rule) => ({
        ...rule,
        ranges: rule.ranges
          .map((range) => {
            const [start, size] = shiftSpan(range[startKey], range[sizeKey], at, count);
            return { ...range, [startKey]: start, [sizeKey]: size };
          })
          .filter((range) => range[sizeKey] > 0),
      }))
      .filter((rule) => rule.ranges.length > 0);
  }
}

function rowHas(count: number, test: (i: number) => boolean): boolean {
  for (let i = 0; i < count; i++) if (test(i)) return true;
  return false;
}

/** Moves a [start, start+size) span for an insert (count > 0) or delete (count < 0) at `at`. */
function shiftSpan(start: number, size: number, at: number, count: number): [number, number] {
  if (count > 0) {
    if (at <= start) return [start + count, size];
    if (at < start + size) return [start, size + count];
    return [start, size];
  }
  const removed = -count;
  const end = start + size;
  const overlap = Math.max(0, Math.min(end, at + removed) - Math.max(start, at));
  const newStart = start >= at + removed ? start - removed : Math.min(start, at);
  return [newStart, size - overlap];
}

function shiftKeys(map: Map<number, number>, at: number, count: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const [key, value] of map) {
    if (key < at) out.set(key, value);
    else if (count > 0) out.set(key + count, value);
    else if (key >= at - count) out.set(key + count, value);
  }
  return out;
}

function copyRule(rule: ConditionalRule): ConditionalRule {
  return { ...rule, ranges: rule.ranges.map((r) => ({ ...r })) };
}
