// Range offline: a fixed block of one sheet, read and written through SheetModel.
// Writes parse strings as typed input (user-entered.ts); a mismatched setValues
// writes nothing, with Apps Script's exact message.
import type { BorderStyleName, CellInput, CellStyle, GridRange, SheetModel, ValidationRule } from "../../workbook/model";
import { GENERAL } from "../../workbook/number-format";
import { markUnsupported } from "../api-surface";
import { formatA1, quoteSheetName, shiftFormula, type ResolvedRange } from "./a1";
import { normalizeColor } from "./colors";
import type { LocalRange, WorkbookContext } from "./context";
import { DataValidationBuilderImpl, fromValidationRule } from "./data-validation";
import { blocksRange, createProtection } from "./protection";
import { parseUserEntered, type UserEntry } from "./user-entered";

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type BorderStyle = GoogleAppsScript.Spreadsheet.BorderStyle;
type HorizontalAlignment = "left" | "center" | "normal" | "right" | null;
type ClearOptions = {
  commentsOnly?: boolean;
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  skipFilteredRows?: boolean;
};

const UNSUPPORTED = [
  "activateAsCurrentCell", "addDeveloperMetadata", "applyColumnBanding", "applyRowBanding", "autoFill",
  "autoFillToNeighbor", "breakApart", "check", "clearNote", "collapseGroups", "copyFormatToRange", "copyTo",
  "copyValuesToRange", "createDataSourcePivotTable", "createDataSourceTable", "createDeveloperMetadataFinder",
  "createFilter", "createPivotTable", "createTextFinder", "deleteCells", "expandGroups", "getBackgroundObject",
  "getBackgroundObjects", "getBandings", "getDataRegion", "getDataSourceFormula", "getDataSourceFormulas",
  "getDataSourcePivotTables", "getDataSourceTables", "getDataSourceUrl", "getDataTable", "getDeveloperMetadata",
  "getFilter", "getFontColorObject", "getFontColorObjects", "getFontFamilies", "getFontFamily", "getFontLine",
  "getFontLines", "getFontSize", "getFontSizes", "getFontStyle", "getFontStyles", "getFormulaR1C1",
  "getFormulasR1C1", "getHorizontalAlignment", "getHorizontalAlignments", "getMergedRanges", "getNextDataCell",
  "getNote", "getNotes", "getRichTextValue", "getRichTextValues", "getTextDirection", "getTextDirections",
  "getTextRotation", "getTextRotations", "getTextStyle", "getTextStyles", "getVerticalAlignment",
  "getVerticalAlignments", "getWrap", "getWrapStrategies", "getWrapStrategy", "getWraps", "insertCells",
  "isChecked", "isEndColumnBounded", "isEndRowBounded", "isPartOfMerge", "isStartColumnBounded",
  "isStartRowBounded", "merge", "mergeAcross", "mergeVertically", "moveTo", "randomize", "removeCheckboxes",
  "removeDuplicates", "setBackgroundObject", "setBackgroundObjects", "setBackgroundRGB",
  "setFontColorObject", "setFontColorObjects", "setFontFamilies", "setFontFamily", "setFontLine", "setFontLines",
  "setFontSize", "setFontSizes", "setFontStyle", "setFontStyles", "setFormulaR1C1", "setFormulasR1C1", "setNote",
  "setNotes", "setRichTextValue", "setRichTextValues", "setShowHyperlink", "setTextDirection",
  "setTextDirections", "setTextRotation", "setTextRotations", "setTextStyle", "setTextStyles",
  "setVerticalAlignment", "setVerticalAlignments", "setVerticalText", "setWrapStrategies", "setWrapStrategy",
  "shiftColumnGroupDepth", "shiftRowGroupDepth", "sort", "splitTextToColumns", "trimWhitespace", "uncheck",
] as const satisfies readonly (keyof GasRange)[];

export interface RangeImpl extends Pick<GasRange, (typeof UNSUPPORTED)[number]> {}

export class RangeImpl implements GasRange {
  constructor(
    readonly ctx: WorkbookContext,
    readonly sheetModel: SheetModel,
    readonly area: ResolvedRange,
  ) {}

  activate(): RangeImpl {
    this.ctx.setActiveRange(this);
    return this;
  }

  canEdit(): boolean {
    const name = this.sheetModel.getName();
    return !this.ctx.env.state.protections.some(
      (p) => p.sheet === name && blocksRange(p, this.ctx.env, this.sheetModel, this.area),
    );
  }

  getA1Notation(): string {
    return formatA1(this.area);
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.ctx.sheet(this.sheetModel);
  }

  getGridId(): number {
    return this.sheetModel.sheetId;
  }

  getRow(): number {
    return this.area.row;
  }

  getRowIndex(): number {
    return this.area.row;
  }

  getColumn(): number {
    return this.area.column;
  }

  getNumRows(): number {
    return this.area.numRows;
  }

  getNumColumns(): number {
    return this.area.numColumns;
  }

  getHeight(): number {
    return this.area.numRows;
  }

  getWidth(): number {
    return this.area.numColumns;
  }

  getLastRow(): number {
    return this.area.row + this.area.numRows - 1;
  }

  getLastColumn(): number {
    return this.area.column + this.area.numColumns - 1;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): LocalRange {
    const { row, column } = this.area;
    return this.ctx.range(
      this.sheetModel,
      row + rowOffset,
      column + columnOffset,
      numRows ?? this.area.numRows,
      numColumns ?? this.area.numColumns,
    );
  }

  getCell(row: number, column: number): LocalRange {
    if (row < 1 || column < 1 || row > this.area.numRows || column > this.area.numColumns) {
      throw new Error("Cell reference out of range");
    }
    return this.ctx.range(this.sheetModel, this.area.row + row - 1, this.area.column + column - 1, 1, 1);
  }

  getValue(): unknown {
    return this.sheetModel.getValues(topLeft(this))[0][0];
  }

  getValues(): unknown[][] {
    return this.sheetModel.getValues(grid(this));
  }

  getDisplayValue(): string {
    return this.sheetModel.getDisplayValues(topLeft(this))[0][0];
  }

  getDisplayValues(): string[][] {
    return this.sheetModel.getDisplayValues(grid(this));
  }

  getFormula(): string {
    return this.sheetModel.getFormulas(topLeft(this))[0][0];
  }

  getFormulas(): string[][] {
    return this.sheetModel.getFormulas(grid(this));
  }

  isBlank(): boolean {
    const values = this.sheetModel.getValues(grid(this));
    const formulas = this.sheetModel.getFormulas(grid(this));
    return values.every((row, r) => row.every((v, c) => v === "" && formulas[r][c] === ""));
  }

  /** Every cell gets the value (a string is read as typed input). */
  setValue(value: unknown): RangeImpl {
    this.ctx.guard("Range.setValue");
    const entry = parseUserEntered(value, this.ctx.model.getTimeZone());
    writeRange(this, fill(this, () => entry));
    return this;
  }

  setValues(values: unknown[][]): RangeImpl {
    this.ctx.guard("Range.setValues");
    checkShape(this, values, "setValues");
    const timeZone = this.ctx.model.getTimeZone();
    writeRange(this, values.map((row) => row.map((v) => parseUserEntered(v, timeZone))));
    return this;
  }

  /** One formula for the block: relative references move with each cell, as Sheets fills them. */
  setFormula(formula: string): RangeImpl {
    this.ctx.guard("Range.setFormula");
    writeRange(this, fill(this, (r, c) => formulaEntry(shiftFormula(String(formula), r, c))));
    return this;
  }

  setFormulas(formulas: string[][]): RangeImpl {
    this.ctx.guard("Range.setFormulas");
    checkShape(this, formulas, "setFormulas");
    writeRange(this, formulas.map((row) => row.map((f) => formulaEntry(String(f)))));
    return this;
  }

  clear(options?: ClearOptions): RangeImpl {
    this.ctx.guard("Range.clear");
    const only = options && (options.contentsOnly || options.formatOnly || options.validationsOnly || options.commentsOnly);
    this.ctx.model.batch(() => {
      if (!only || options.contentsOnly) clearContents(this);
      if (!only || options.formatOnly) clearFormats(this);
      if (only && options.validationsOnly) this.sheetModel.setValidation(grid(this), null);
    });
    return this;
  }

  clearContent(): RangeImpl {
    this.ctx.guard("Range.clearContent");
    clearContents(this);
    return this;
  }

  clearFormat(): RangeImpl {
    this.ctx.guard("Range.clearFormat");
    this.ctx.model.batch(() => clearFormats(this));
    return this;
  }

  clearDataValidations(): RangeImpl {
    this.ctx.guard("Range.clearDataValidations");
    this.sheetModel.setValidation(grid(this), null);
    return this;
  }

  getNumberFormat(): string {
    return this.sheetModel.getNumberFormats(topLeft(this))[0][0];
  }

  getNumberFormats(): string[][] {
    return this.sheetModel.getNumberFormats(grid(this));
  }

  setNumberFormat(numberFormat: string): RangeImpl {
    this.ctx.guard("Range.setNumberFormat");
    this.sheetModel.setNumberFormat(grid(this), String(numberFormat));
    return this;
  }

  setNumberFormats(numberFormats: string[][]): RangeImpl {
    this.ctx.guard("Range.setNumberFormats");
    checkShape(this, numberFormats, "setNumberFormats");
    eachCell(this, (cell, r, c) => this.sheetModel.setNumberFormat(cell, String(numberFormats[r][c])));
    return this;
  }

  getDataValidation(): DataValidation | null {
    const { row, column } = topLeft(this);
    const rule = this.sheetModel.getValidation(row, column);
    return rule && fromValidationRule(rule, this.ctx, this.sheetModel);
  }

  getDataValidations(): Array<Array<DataValidation | null>> {
    return cells(this, (cell) => {
      const rule = this.sheetModel.getValidation(cell.row, cell.column);
      return rule && fromValidationRule(rule, this.ctx, this.sheetModel);
    });
  }

  setDataValidation(rule: DataValidation | null): RangeImpl {
    this.ctx.guard("Range.setDataValidation");
    this.sheetModel.setValidation(grid(this), rule && toValidationRule(rule));
    return this;
  }

  setDataValidations(rules: Array<Array<DataValidation | null>>): RangeImpl {
    this.ctx.guard("Range.setDataValidations");
    checkShape(this, rules, "setDataValidations");
    eachCell(this, (cell, r, c) => this.sheetModel.setValidation(cell, rules[r][c] && toValidationRule(rules[r][c]!)));
    return this;
  }

  /** Checkbox validation on every cell, each set to the unchecked value (false unless given). */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): RangeImpl {
    this.ctx.guard("Range.insertCheckboxes");
    const builder = new DataValidationBuilderImpl();
    if (checkedValue === undefined) builder.requireCheckbox();
    else if (uncheckedValue === undefined) builder.requireCheckbox(checkedValue);
    else builder.requireCheckbox(checkedValue, uncheckedValue);
    const unchecked: CellInput = { kind: "value", value: (uncheckedValue ?? false) as string | number | boolean };
    this.ctx.model.batch(() => {
      this.sheetModel.setValidation(grid(this), toValidationRule(builder.build()));
      writeRange(this, fill(this, () => ({ input: unchecked })));
    });
    return this;
  }

  getBackground(): string {
    return background(this.sheetModel.getStyle(this.area.row - 1, this.area.column - 1));
  }

  getBackgrounds(): string[][] {
    return cells(this, (cell) => background(this.sheetModel.getStyle(cell.row, cell.column)));
  }

  /** Deprecated in Apps Script (getFontColorObject), still common in add-ons. */
  getFontColor(): string {
    return fontColor(this.sheetModel.getStyle(this.area.row - 1, this.area.column - 1));
  }

  getFontColors(): string[][] {
    return cells(this, (cell) => fontColor(this.sheetModel.getStyle(cell.row, cell.column)));
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.sheetModel.getStyle(this.area.row - 1, this.area.column - 1).bold ? "bold" : "normal";
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return cells(this, (cell) => (this.sheetModel.getStyle(cell.row, cell.column).bold ? "bold" : "normal"));
  }

  setBackground(color: string | null): RangeImpl {
    this.ctx.guard("Range.setBackground");
    this.sheetModel.setStyle(grid(this), { background: colorOrReset(color, "Range.setBackground") });
    return this;
  }

  setBackgrounds(colors: Array<Array<string | null>>): RangeImpl {
    this.ctx.guard("Range.setBackgrounds");
    styleEach(this, colors, "setBackgrounds", (color) => ({ background: colorOrReset(color, "Range.setBackgrounds") }));
    return this;
  }

  setFontColor(color: string | null): RangeImpl {
    this.ctx.guard("Range.setFontColor");
    this.sheetModel.setStyle(grid(this), { fontColor: colorOrReset(color, "Range.setFontColor") });
    return this;
  }

  setFontColors(colors: unknown[][]): RangeImpl {
    this.ctx.guard("Range.setFontColors");
    styleEach(this, colors, "setFontColors", (color) => ({ fontColor: colorOrReset(color as string | null, "Range.setFontColors") }));
    return this;
  }

  /**
   * Apps Script's two overloads: the six edges (true draws, false removes, null
   * leaves as is), then optionally colour and style (null = black, SOLID).
   */
  setBorder(
    top: boolean | null, left: boolean | null, bottom: boolean | null, right: boolean | null,
    vertical: boolean | null, horizontal: boolean | null, color?: string | null, style?: BorderStyle | null,
  ): RangeImpl {
    this.ctx.guard("Range.setBorder");
    const args = [...arguments] as unknown[];
    const edges = args.slice(0, 6);
    const colorOk = color === null || typeof color === "string";
    if ((args.length !== 6 && args.length !== 8) || edges.some((e) => e !== null && typeof e !== "boolean") || (args.length === 8 && !colorOk)) {
      throw new Error(`The parameters (${args.map(typeName).join(",")}) don't match the method signature for SpreadsheetApp.Range.setBorder.`);
    }
    const styleName = style == null ? "SOLID" : String(style);
    if (!BORDER_STYLES.includes(styleName as BorderStyleName)) {
      throw new Error(`Range.setBorder: 罫線の種類「${styleName}」はありません。SpreadsheetApp.BorderStyle の値を指定してください。`);
    }
    this.sheetModel.setBorders(grid(this), {
      top, left, bottom, right, vertical, horizontal,
      line: { color: color == null ? "#000000" : normalizeColor(color, "Range.setBorder"), style: styleName as BorderStyleName },
    });
    return this;
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): RangeImpl {
    this.ctx.guard("Range.setFontWeight");
    this.sheetModel.setStyle(grid(this), { bold: fontWeight === "bold" });
    return this;
  }

  setFontWeights(fontWeights: Array<Array<GoogleAppsScript.Spreadsheet.FontWeight | null>>): RangeImpl {
    this.ctx.guard("Range.setFontWeights");
    styleEach(this, fontWeights, "setFontWeights", (weight) => ({ bold: weight === "bold" }));
    return this;
  }

  setHorizontalAlignment(alignment: HorizontalAlignment): RangeImpl {
    this.ctx.guard("Range.setHorizontalAlignment");
    this.sheetModel.setStyle(grid(this), { horizontalAlignment: alignmentOrReset(alignment) });
    return this;
  }

  setHorizontalAlignments(alignments: HorizontalAlignment[][]): RangeImpl {
    this.ctx.guard("Range.setHorizontalAlignments");
    styleEach(this, alignments, "setHorizontalAlignments", (a) => ({ horizontalAlignment: alignmentOrReset(a) }));
    return this;
  }

  setWrap(isWrapEnabled: boolean): RangeImpl {
    this.ctx.guard("Range.setWrap");
    this.sheetModel.setStyle(grid(this), { wrap: Boolean(isWrapEnabled) });
    return this;
  }

  setWraps(isWrapEnabled: boolean[][]): RangeImpl {
    this.ctx.guard("Range.setWraps");
    styleEach(this, isWrapEnabled, "setWraps", (wrap) => ({ wrap: Boolean(wrap) }));
    return this;
  }

  /** A new range protection every call, even over an existing one (as in Sheets). */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.ctx.guard("Range.protect");
    return createProtection(this.ctx, this.sheetModel, "RANGE", formatA1(this.area));
  }
}

markUnsupported(RangeImpl, "Range", UNSUPPORTED);

/** "'課題'!A1:B2": how a range is named from another sheet (validation rules store it so). */
function qualifiedA1(range: RangeImpl): string {
  return `${quoteSheetName(range.sheetModel.getName())}!${formatA1(range.area)}`;
}

/** The model's plain form of a DataValidation: a Range argument becomes its sheet-qualified A1 text. */
function toValidationRule(validation: DataValidation): ValidationRule {
  return {
    criteria: String(validation.getCriteriaType()),
    args: validation.getCriteriaValues().map((arg) => (arg instanceof RangeImpl ? qualifiedA1(arg) : arg)),
    allowInvalid: validation.getAllowInvalid(),
    helpText: validation.getHelpText() || null,
  };
}

// 0-based grid of the whole range / its top-left cell, as SheetModel takes them.
function grid(range: RangeImpl): GridRange {
  const { row, column, numRows, numColumns } = range.area;
  return { row: row - 1, column: column - 1, numRows, numColumns };
}

function topLeft(range: RangeImpl): GridRange {
  return { row: range.area.row - 1, column: range.area.column - 1, numRows: 1, numColumns: 1 };
}

function cells<T>(range: RangeImpl, fn: (cell: GridRange, r: number, c: number) => T): T[][] {
  const { row, column, numRows, numColumns } = grid(range);
  return Array.from({ length: numRows }, (_, r) =>
    Array.from({ length: numColumns }, (_, c) => fn({ row: row + r, column: column + c, numRows: 1, numColumns: 1 }, r, c)),
  );
}

function eachCell(range: RangeImpl, fn: (cell: GridRange, r: number, c: number) => void): void {
  range.ctx.model.batch(() => cells(range, fn));
}

function fill<T>(range: RangeImpl, fn: (r: number, c: number) => T): T[][] {
  return Array.from({ length: range.area.numRows }, (_, r) => Array.from({ length: range.area.numColumns }, (_, c) => fn(r, c)));
}

/** Apps Script checks the row count first, then each row's length; nothing is written on a mismatch. */
function checkShape(range: RangeImpl, data: unknown, method: string): asserts data is unknown[][] {
  const { numRows, numColumns } = range.area;
  if (!Array.isArray(data)) {
    throw new Error(`The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
  }
  if (data.length !== numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`,
    );
  }
  for (const row of data) {
    if (!Array.isArray(row)) {
      throw new Error(`The parameters (${typeof row}[]) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    }
    if (row.length !== numColumns) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numColumns}.`,
      );
    }
  }
}

function formulaEntry(formula: string): UserEntry {
  if (formula === "") return { input: { kind: "empty" } };
  return { input: { kind: "formula", formula: formula.startsWith("=") ? formula : `=${formula}` } };
}

/** Writes a block at 0-based (row, column) in one recalculation; typed-in number formats ("10%") go cell by cell. */
export function writeEntries(ctx: WorkbookContext, sheet: SheetModel, row: number, column: number, entries: UserEntry[][]): void {
  ctx.model.batch(() => {
    sheet.setCells(row, column, entries.map((cellsOfRow) => cellsOfRow.map((e) => e.input)));
    entries.forEach((cellsOfRow, r) =>
      cellsOfRow.forEach((entry, c) => {
        if (entry.numberFormat) sheet.setNumberFormat({ row: row + r, column: column + c, numRows: 1, numColumns: 1 }, entry.numberFormat);
      }),
    );
  });
}

function writeRange(range: RangeImpl, entries: UserEntry[][]): void {
  writeEntries(range.ctx, range.sheetModel, range.area.row - 1, range.area.column - 1, entries);
}

function clearContents(range: RangeImpl): void {
  range.sheetModel.setCells(range.area.row - 1, range.area.column - 1, fill(range, (): CellInput => ({ kind: "empty" })));
}

function clearFormats(range: RangeImpl): void {
  range.sheetModel.setStyle(grid(range), RESET_STYLE);
  range.sheetModel.setNumberFormat(grid(range), GENERAL);
}

const RESET_STYLE: CellStyle = {
  background: undefined,
  fontColor: undefined,
  bold: undefined,
  horizontalAlignment: undefined,
  wrap: undefined,
  borders: undefined,
};

const BORDER_STYLES: readonly BorderStyleName[] = ["DOTTED", "DASHED", "SOLID", "SOLID_MEDIUM", "SOLID_THICK", "DOUBLE"];

/** How Apps Script names an argument's type in a signature mismatch. */
function typeName(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return "String";
  if (typeof value === "boolean") return "Boolean";
  return typeof value;
}

function styleEach<T>(range: RangeImpl, values: T[][], method: string, style: (value: T) => CellStyle): void {
  checkShape(range, values, method);
  eachCell(range, (cell, r, c) => range.sheetModel.setStyle(cell, style(values[r][c])));
}

function background(style: CellStyle): string {
  return style.background ?? "#ffffff";
}

function fontColor(style: CellStyle): string {
  return style.fontColor ?? "#000000";
}

/** Sheets reports colours as lower-case hex; null resets to the default. */
function colorOrReset(color: string | null | undefined, member: string): string | undefined {
  return color == null ? undefined : normalizeColor(color, member);
}

function alignmentOrReset(alignment: HorizontalAlignment | undefined): CellStyle["horizontalAlignment"] {
  return alignment === "left" || alignment === "center" || alignment === "right" ? alignment : undefined;
}
