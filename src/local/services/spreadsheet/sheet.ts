// Sheet offline: one tab of the workbook model. Row/column moves also move the
// protections kept in the runtime state; the model moves formulas and validation.
import type { CellInput, SheetModel } from "../../workbook/model";
import { enumValue, markUnsupported } from "../api-surface";
import type { LocalRange, WorkbookContext } from "./context";
import { fromConditionalRules, toConditionalRules } from "./conditional-format";
import { ProtectionImpl, createProtection, renameProtections, shiftProtections, type GridShift } from "./protection";
import { writeEntries } from "./range";
import { parseUserEntered } from "./user-entered";

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** Sheets' width of a column nobody resized. */
const DEFAULT_COLUMN_WIDTH = 100;

const UNSUPPORTED = [
  "addDeveloperMetadata", "asDataSourceSheet", "autoResizeRows", "clearNotes", "collapseAllColumnGroups",
  "collapseAllRowGroups", "copyTo", "createDeveloperMetadataFinder", "createTextFinder", "expandAllColumnGroups",
  "expandAllRowGroups", "expandColumnGroupsUpToDepth", "expandRowGroupsUpToDepth", "getActiveRangeList", "getBandings",
  "getCharts", "getColumnGroup", "getColumnGroupControlPosition", "getColumnGroupDepth", "getDataSourceTables",
  "getDeveloperMetadata", "getDrawings", "getFilter", "getFormUrl", "getImages", "getPivotTables", "getRangeList",
  "getRowGroup", "getRowGroupControlPosition", "getRowGroupDepth", "getRowHeight", "getSelection", "getSheetProtection",
  "getSlicers", "hasHiddenGridlines", "hideColumn", "hideColumns", "hideRow", "hideRows", "insertChart", "insertImage",
  "insertSlicer", "isColumnHiddenByUser", "isRightToLeft", "isRowHiddenByFilter", "isRowHiddenByUser", "moveColumns",
  "moveRows", "newChart", "removeChart", "setActiveRangeList", "setColumnGroupControlPosition", "setCurrentCell",
  "setHiddenGridlines", "setRightToLeft", "setRowGroupControlPosition", "setRowHeight", "setRowHeights",
  "setRowHeightsForced", "setSheetProtection", "showColumns", "showRows", "sort", "unhideColumn", "unhideRow",
  "updateChart",
] as const satisfies readonly (keyof GasSheet)[];

export interface SheetImpl extends Pick<GasSheet, (typeof UNSUPPORTED)[number]> {}

export class SheetImpl implements GasSheet {
  constructor(
    readonly ctx: WorkbookContext,
    readonly model: SheetModel,
  ) {}

  activate(): SheetImpl {
    this.ctx.setActiveSheet(this.model);
    return this;
  }

  getName(): string {
    return this.model.getName();
  }

  getSheetName(): string {
    return this.model.getName();
  }

  setName(name: string): SheetImpl {
    this.ctx.guard("Sheet.setName");
    const before = this.model.getName();
    this.model.setName(String(name));
    renameProtections(this.ctx.env.state, before, this.model.getName());
    return this;
  }

  getSheetId(): number {
    return this.model.sheetId;
  }

  /** 1-based tab position. */
  getIndex(): number {
    return this.ctx.model.getSheets().indexOf(this.model) + 1;
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.ctx.spreadsheet;
  }

  getType(): GoogleAppsScript.Spreadsheet.SheetType {
    return enumValue<GoogleAppsScript.Spreadsheet.SheetType>("GRID");
  }

  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): LocalRange {
    if (typeof rowOrA1 === "string") return this.ctx.rangeFromA1(rowOrA1, this.model);
    if (column === undefined) {
      throw new Error(`The parameters (${typeof rowOrA1}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`);
    }
    return this.ctx.range(this.model, rowOrA1, column, numRows ?? 1, numColumns ?? 1);
  }

  /** A1 to the last cell with content; just A1 on an empty sheet. */
  getDataRange(): LocalRange {
    return this.ctx.range(this.model, 1, 1, Math.max(1, this.model.getLastRow()), Math.max(1, this.model.getLastColumn()));
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    return this.getRange(startRow, startColumn, numRows, numColumns).getValues();
  }

  getLastRow(): number {
    return this.model.getLastRow();
  }

  getLastColumn(): number {
    return this.model.getLastColumn();
  }

  getMaxRows(): number {
    return this.model.getMaxRows();
  }

  getMaxColumns(): number {
    return this.model.getMaxColumns();
  }

  getActiveRange(): LocalRange | null {
    return this.ctx.activeSheet() === this.model ? this.ctx.activeRange() : null;
  }

  getActiveCell(): LocalRange {
    return this.ctx.activeSheet() === this.model ? this.ctx.currentCell() : this.ctx.range(this.model, 1, 1, 1, 1);
  }

  getCurrentCell(): LocalRange | null {
    return this.ctx.activeSheet() === this.model ? this.ctx.currentCell() : null;
  }

  setActiveRange(range: GasRange): GasRange {
    this.ctx.setActiveRange(range as LocalRange);
    return range;
  }

  setActiveSelection(range: GasRange | string): GasRange {
    const target = typeof range === "string" ? this.ctx.rangeFromA1(range, this.model) : (range as LocalRange);
    this.ctx.setActiveRange(target);
    return target;
  }

  /** Writes after the last row with content, reading strings as typed input. */
  appendRow(rowContents: unknown[]): SheetImpl {
    this.ctx.guard("Sheet.appendRow");
    const timeZone = this.ctx.model.getTimeZone();
    const entries = [rowContents.map((value) => parseUserEntered(value, timeZone))];
    // The model grows the grid when the sheet is full, as appendRow does in Sheets.
    if (rowContents.length > 0) writeEntries(this.ctx, this.model, this.model.getLastRow(), 0, entries);
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): SheetImpl {
    this.ctx.guard("Sheet.insertRowsAfter");
    insertRows(this, afterPosition, howMany);
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): SheetImpl {
    this.ctx.guard("Sheet.insertRowsBefore");
    insertRows(this, beforePosition - 1, howMany);
    return this;
  }

  insertRowAfter(afterPosition: number): SheetImpl {
    this.ctx.guard("Sheet.insertRowAfter");
    insertRows(this, afterPosition, 1);
    return this;
  }

  insertRowBefore(beforePosition: number): SheetImpl {
    this.ctx.guard("Sheet.insertRowBefore");
    insertRows(this, beforePosition - 1, 1);
    return this;
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.ctx.guard("Sheet.insertRows");
    insertRows(this, rowIndex - 1, numRows);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): SheetImpl {
    this.ctx.guard("Sheet.insertColumnsAfter");
    insertColumns(this, afterPosition, howMany);
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): SheetImpl {
    this.ctx.guard("Sheet.insertColumnsBefore");
    insertColumns(this, beforePosition - 1, howMany);
    return this;
  }

  insertColumnAfter(afterPosition: number): SheetImpl {
    this.ctx.guard("Sheet.insertColumnAfter");
    insertColumns(this, afterPosition, 1);
    return this;
  }

  insertColumnBefore(beforePosition: number): SheetImpl {
    this.ctx.guard("Sheet.insertColumnBefore");
    insertColumns(this, beforePosition - 1, 1);
    return this;
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    this.ctx.guard("Sheet.insertColumns");
    insertColumns(this, columnIndex - 1, numColumns);
  }

  deleteRow(rowPosition: number): SheetImpl {
    this.ctx.guard("Sheet.deleteRow");
    deleteRows(this, rowPosition, 1);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.ctx.guard("Sheet.deleteRows");
    deleteRows(this, rowPosition, howMany);
  }

  deleteColumn(columnPosition: number): SheetImpl {
    this.ctx.guard("Sheet.deleteColumn");
    deleteColumns(this, columnPosition, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.ctx.guard("Sheet.deleteColumns");
    deleteColumns(this, columnPosition, howMany);
  }

  getFrozenRows(): number {
    return this.model.getFrozenRows();
  }

  setFrozenRows(rows: number): void {
    this.ctx.guard("Sheet.setFrozenRows");
    this.model.setFrozenRows(rows);
  }

  getFrozenColumns(): number {
    return this.model.getFrozenColumns();
  }

  setFrozenColumns(columns: number): void {
    this.ctx.guard("Sheet.setFrozenColumns");
    this.model.setFrozenColumns(columns);
  }

  /** The sheet's protection; created on first call, the same one afterwards. */
  protect(): ProtectionImpl {
    this.ctx.guard("Sheet.protect");
    const name = this.model.getName();
    const existing = this.ctx.env.state.protections.find((p) => p.sheet === name && p.type === "SHEET");
    return existing ? new ProtectionImpl(this.ctx, existing) : createProtection(this.ctx, this.model, "SHEET", null);
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): ProtectionImpl[] {
    const name = this.model.getName();
    return this.ctx.env.state.protections
      .filter((p) => p.sheet === name && p.type === String(type))
      .map((p) => new ProtectionImpl(this.ctx, p));
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): SheetImpl {
    this.ctx.guard("Sheet.clear");
    const only = options && (options.formatOnly || options.contentsOnly);
    this.ctx.model.batch(() => {
      if (!only || options.contentsOnly) clearContents(this);
      if (!only || options.formatOnly) wholeSheet(this).clearFormat();
    });
    return this;
  }

  clearContents(): SheetImpl {
    this.ctx.guard("Sheet.clearContents");
    clearContents(this);
    return this;
  }

  clearFormats(): SheetImpl {
    this.ctx.guard("Sheet.clearFormats");
    wholeSheet(this).clearFormat();
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    return this.model.getColumnWidth(columnPosition - 1) ?? DEFAULT_COLUMN_WIDTH;
  }

  setColumnWidth(columnPosition: number, width: number): SheetImpl {
    this.ctx.guard("Sheet.setColumnWidth");
    this.model.setColumnWidth(columnPosition - 1, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetImpl {
    this.ctx.guard("Sheet.setColumnWidths");
    for (let c = 0; c < numColumns; c++) this.model.setColumnWidth(startColumn - 1 + c, width);
    return this;
  }

  autoResizeColumn(columnPosition: number): SheetImpl {
    this.ctx.guard("Sheet.autoResizeColumn");
    autoResize(this, columnPosition, 1);
    return this;
  }

  autoResizeColumns(startColumn: number, numColumns: number): SheetImpl {
    this.ctx.guard("Sheet.autoResizeColumns");
    autoResize(this, startColumn, numColumns);
    return this;
  }

  isSheetHidden(): boolean {
    return this.model.isHidden();
  }

  hideSheet(): SheetImpl {
    this.ctx.guard("Sheet.hideSheet");
    this.model.setHidden(true);
    return this;
  }

  showSheet(): SheetImpl {
    this.ctx.guard("Sheet.showSheet");
    this.model.setHidden(false);
    return this;
  }

  getTabColor(): string | null {
    return this.model.getTabColor();
  }

  setTabColor(color: string | null): SheetImpl {
    this.ctx.guard("Sheet.setTabColor");
    this.model.setTabColor(color == null ? null : String(color).toLowerCase());
    return this;
  }

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return fromConditionalRules(this.model.getConditionalRules(), this.ctx, this.model);
  }

  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.ctx.guard("Sheet.setConditionalFormatRules");
    this.model.setConditionalRules(toConditionalRules(rules, this.model));
  }

  clearConditionalFormatRules(): void {
    this.ctx.guard("Sheet.clearConditionalFormatRules");
    this.model.setConditionalRules([]);
  }

  /** Named ranges are not kept offline. */
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return [];
  }
}

markUnsupported(SheetImpl, "Sheet", UNSUPPORTED);

function wholeSheet(sheet: SheetImpl): LocalRange {
  return sheet.ctx.range(sheet.model, 1, 1, sheet.model.getMaxRows(), sheet.model.getMaxColumns());
}

function clearContents(sheet: SheetImpl): void {
  const rows = sheet.model.getLastRow();
  const columns = sheet.model.getLastColumn();
  if (rows === 0 || columns === 0) return;
  const empty = Array.from({ length: rows }, () => Array.from({ length: columns }, (): CellInput => ({ kind: "empty" })));
  sheet.model.setCells(0, 0, empty);
}

function insertRows(sheet: SheetImpl, after: number, howMany: number): void {
  if (after < 0 || after > sheet.model.getMaxRows()) throw new Error("Those rows are out of bounds.");
  sheet.model.insertRowsAfter(after - 1, howMany);
  moveProtections(sheet, { dimension: "ROWS", at: after, count: howMany });
}

function insertColumns(sheet: SheetImpl, after: number, howMany: number): void {
  if (after < 0 || after > sheet.model.getMaxColumns()) throw new Error("Those columns are out of bounds.");
  sheet.model.insertColumnsAfter(after - 1, howMany);
  moveProtections(sheet, { dimension: "COLUMNS", at: after, count: howMany });
}

function deleteRows(sheet: SheetImpl, position: number, howMany: number): void {
  const max = sheet.model.getMaxRows();
  if (position < 1 || howMany < 1 || position + howMany - 1 > max) throw new Error("Those rows are out of bounds.");
  if (max - howMany <= sheet.model.getFrozenRows()) throw new Error("Sorry, it is not possible to delete all non-frozen rows.");
  sheet.model.deleteRows(position - 1, howMany);
  moveProtections(sheet, { dimension: "ROWS", at: position - 1, count: -howMany });
}

function deleteColumns(sheet: SheetImpl, position: number, howMany: number): void {
  const max = sheet.model.getMaxColumns();
  if (position < 1 || howMany < 1 || position + howMany - 1 > max) throw new Error("Those columns are out of bounds.");
  if (max - howMany <= sheet.model.getFrozenColumns()) {
    throw new Error("Sorry, it is not possible to delete all non-frozen columns.");
  }
  sheet.model.deleteColumns(position - 1, howMany);
  moveProtections(sheet, { dimension: "COLUMNS", at: position - 1, count: -howMany });
}

function moveProtections(sheet: SheetImpl, shift: GridShift): void {
  shiftProtections(sheet.ctx.env.state, sheet.model.getName(), shift);
}

/**
 * Sheets measures rendered text; offline a width estimate is enough: about 7 px per
 * narrow character, 14 px per wide (CJK) one, plus cell padding. Empty columns keep their width.
 */
function autoResize(sheet: SheetImpl, startColumn: number, numColumns: number): void {
  const rows = sheet.model.getLastRow();
  if (rows === 0) return;
  const texts = sheet.model.getDisplayValues({ row: 0, column: startColumn - 1, numRows: rows, numColumns });
  for (let c = 0; c < numColumns; c++) {
    const widest = Math.max(...texts.map((row) => textWidth(row[c])));
    if (widest > 0) sheet.model.setColumnWidth(startColumn - 1 + c, widest + 12);
  }
}

function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 14 : 7;
  return width;
}
