// Spreadsheet offline: the workbook as a whole, plus the many Sheet methods that
// Apps Script also offers here and applies to the active sheet.
import { markUnsupported, unsupportedError } from "../api-surface";
import type { LocalRange, LocalSheet, WorkbookContext } from "./context";
import { dropProtections, ProtectionImpl } from "./protection";
import type { SheetImpl } from "./sheet";

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;
type SheetOptions = { template?: GasSheet };

/** Name prefix of sheets inserted without a name (the workbook is a Japanese-locale one). */
const NEW_SHEET_PREFIX = "シート";

const UNSUPPORTED = [
  "addDeveloperMetadata", "addEditor", "addEditors", "addMenu", "addViewer", "addViewers", "copy",
  "createDeveloperMetadataFinder", "createTextFinder", "deleteActiveSheet", "duplicateActiveSheet", "getActiveRangeList",
  "getAs", "getBandings", "getBlob", "getDataSourceTables", "getDeveloperMetadata", "getEditors", "getFormUrl",
  "getImages", "getIterativeCalculationConvergenceThreshold", "getMaxIterativeCalculationCycles", "getOwner",
  "getPredefinedSpreadsheetThemes", "getRangeList", "getRecalculationInterval", "getRowHeight", "getSelection",
  "getSheetProtection", "getSpreadsheetLocale", "getSpreadsheetTheme", "getViewers", "hideColumn", "hideRow",
  "insertImage", "insertSheetWithDataSourceTable", "isAnonymousView", "isAnonymousWrite", "isColumnHiddenByUser",
  "isIterativeCalculationEnabled", "isRowHiddenByFilter", "isRowHiddenByUser", "moveChartToObjectSheet",
  "removeEditor", "removeMenu", "removeNamedRange", "removeViewer", "rename", "resetSpreadsheetTheme",
  "setActiveRangeList", "setAnonymousAccess", "setCurrentCell", "setIterativeCalculationConvergenceThreshold",
  "setIterativeCalculationEnabled", "setMaxIterativeCalculationCycles", "setNamedRange", "setRecalculationInterval",
  "setRowHeight", "setSheetProtection", "setSpreadsheetLocale", "setSpreadsheetTheme", "setSpreadsheetTimeZone",
  "show", "sort", "unhideColumn", "unhideRow", "updateMenu",
] as const satisfies readonly (keyof GasSpreadsheet)[];

export interface SpreadsheetImpl extends Pick<GasSpreadsheet, (typeof UNSUPPORTED)[number]> {}

export class SpreadsheetImpl implements GasSpreadsheet {
  constructor(private readonly ctx: WorkbookContext) {}

  getId(): string {
    return this.ctx.options.id;
  }

  getName(): string {
    return this.ctx.model.getName();
  }

  getUrl(): string {
    return this.ctx.options.url ?? `https://docs.google.com/spreadsheets/d/${this.ctx.options.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    return this.ctx.model.getTimeZone();
  }

  getSheets(): LocalSheet[] {
    return this.ctx.model.getSheets().map((sheet) => this.ctx.sheet(sheet));
  }

  getNumSheets(): number {
    return this.ctx.model.getSheets().length;
  }

  getSheetByName(name: string): LocalSheet | null {
    const sheet = this.ctx.model.getSheetByName(String(name));
    return sheet && this.ctx.sheet(sheet);
  }

  getSheetById(id: number): LocalSheet | null {
    const sheet = this.ctx.model.getSheetById(Number(id));
    return sheet && this.ctx.sheet(sheet);
  }

  /** All overloads: (), (index), (name), (name, index), each with an optional {template}; the new sheet becomes active. */
  insertSheet(first?: string | number | SheetOptions, second?: number | SheetOptions, third?: SheetOptions): LocalSheet {
    this.ctx.guard("Spreadsheet.insertSheet");
    const options = [first, second, third].find((a): a is SheetOptions => typeof a === "object" && a !== null);
    if (options?.template) throw unsupportedError("Spreadsheet.insertSheet({template})");
    const name = typeof first === "string" ? first : this.nextSheetName();
    const index = typeof first === "number" ? first : typeof second === "number" ? second : undefined;
    const sheet = this.ctx.model.insertSheet(name, index);
    this.ctx.setActiveSheet(sheet);
    return this.ctx.sheet(sheet);
  }

  deleteSheet(sheet: GasSheet): void {
    this.ctx.guard("Spreadsheet.deleteSheet");
    const { model } = sheet as LocalSheet;
    const name = model.getName();
    this.ctx.model.deleteSheet(model);
    dropProtections(this.ctx.env.state, name);
  }

  moveActiveSheet(pos: number): void {
    this.ctx.guard("Spreadsheet.moveActiveSheet");
    this.ctx.model.moveSheet(this.ctx.activeSheet(), pos - 1);
  }

  renameActiveSheet(newName: string): void {
    this.ctx.guard("Spreadsheet.renameActiveSheet");
    this.active().setName(newName);
  }

  getActiveSheet(): SheetImpl {
    return this.active();
  }

  setActiveSheet(sheet: GasSheet): LocalSheet {
    this.ctx.setActiveSheet((sheet as LocalSheet).model);
    return sheet as LocalSheet;
  }

  getActiveRange(): LocalRange {
    return this.ctx.activeRange();
  }

  setActiveRange(range: GasRange): GasRange {
    this.ctx.setActiveRange(range as LocalRange);
    return range;
  }

  setActiveSelection(range: GasRange | string): GasRange {
    return this.active().setActiveSelection(range);
  }

  getActiveCell(): LocalRange {
    return this.ctx.currentCell();
  }

  getCurrentCell(): LocalRange {
    return this.ctx.currentCell();
  }

  /** A1 notation, on the named sheet ('課題'!A1:B2) or the active one. */
  getRange(a1Notation: string): LocalRange {
    return this.ctx.rangeFromA1(a1Notation, this.ctx.activeSheet());
  }

  /** Named ranges are not kept offline. */
  getRangeByName(): null {
    return null;
  }

  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return [];
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): ProtectionImpl[] {
    return this.ctx.env.state.protections
      .filter((p) => p.type === String(type) && this.ctx.model.getSheetByName(p.sheet))
      .map((p) => new ProtectionImpl(this.ctx, p));
  }

  /** Shown by the open spreadsheet's UI; ignored without one, as Sheets ignores it outside the editor. */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.ctx.env.ui?.toast(String(msg), title == null ? "" : String(title), timeoutSeconds ?? 5);
  }

  // The active sheet's methods, as Spreadsheet exposes them.

  appendRow(rowContents: unknown[]): SheetImpl {
    this.ctx.guard("Spreadsheet.appendRow");
    return this.active().appendRow(rowContents);
  }

  getDataRange(): LocalRange {
    return this.active().getDataRange();
  }

  getLastRow(): number {
    return this.active().getLastRow();
  }

  getLastColumn(): number {
    return this.active().getLastColumn();
  }

  getSheetId(): number {
    return this.active().getSheetId();
  }

  getSheetName(): string {
    return this.active().getName();
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    return this.active().getSheetValues(startRow, startColumn, numRows, numColumns);
  }

  getFrozenRows(): number {
    return this.active().getFrozenRows();
  }

  getFrozenColumns(): number {
    return this.active().getFrozenColumns();
  }

  setFrozenRows(rows: number): void {
    this.ctx.guard("Spreadsheet.setFrozenRows");
    this.active().setFrozenRows(rows);
  }

  setFrozenColumns(columns: number): void {
    this.ctx.guard("Spreadsheet.setFrozenColumns");
    this.active().setFrozenColumns(columns);
  }

  getColumnWidth(columnPosition: number): number {
    return this.active().getColumnWidth(columnPosition);
  }

  setColumnWidth(columnPosition: number, width: number): SheetImpl {
    this.ctx.guard("Spreadsheet.setColumnWidth");
    return this.active().setColumnWidth(columnPosition, width);
  }

  autoResizeColumn(columnPosition: number): SheetImpl {
    this.ctx.guard("Spreadsheet.autoResizeColumn");
    return this.active().autoResizeColumn(columnPosition);
  }

  insertRowsAfter(afterPosition: number, howMany: number): SheetImpl {
    this.ctx.guard("Spreadsheet.insertRowsAfter");
    return this.active().insertRowsAfter(afterPosition, howMany);
  }

  insertRowsBefore(beforePosition: number, howMany: number): SheetImpl {
    this.ctx.guard("Spreadsheet.insertRowsBefore");
    return this.active().insertRowsBefore(beforePosition, howMany);
  }

  insertRowAfter(afterPosition: number): SheetImpl {
    this.ctx.guard("Spreadsheet.insertRowAfter");
    return this.active().insertRowAfter(afterPosition);
  }

  insertRowBefore(beforePosition: number): SheetImpl {
    this.ctx.guard("Spreadsheet.insertRowBefore");
    return this.active().insertRowBefore(beforePosition);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): SheetImpl {
    this.ctx.guard("Spreadsheet.insertColumnsAfter");
    return this.active().insertColumnsAfter(afterPosition, howMany);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): SheetImpl {
    this.ctx.guard("Spreadsheet.insertColumnsBefore");
    return this.active().insertColumnsBefore(beforePosition, howMany);
  }

  insertColumnAfter(afterPosition: number): SheetImpl {
    this.ctx.guard("Spreadsheet.insertColumnAfter");
    return this.active().insertColumnAfter(afterPosition);
  }

  insertColumnBefore(beforePosition: number): SheetImpl {
    this.ctx.guard("Spreadsheet.insertColumnBefore");
    return this.active().insertColumnBefore(beforePosition);
  }

  deleteRow(rowPosition: number): SheetImpl {
    this.ctx.guard("Spreadsheet.deleteRow");
    return this.active().deleteRow(rowPosition);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.ctx.guard("Spreadsheet.deleteRows");
    this.active().deleteRows(rowPosition, howMany);
  }

  deleteColumn(columnPosition: number): SheetImpl {
    this.ctx.guard("Spreadsheet.deleteColumn");
    return this.active().deleteColumn(columnPosition);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.ctx.guard("Spreadsheet.deleteColumns");
    this.active().deleteColumns(columnPosition, howMany);
  }

  /** The active sheet's own class: the context makes its sheets with SheetImpl (spreadsheet-app.ts). */
  private active(): SheetImpl {
    return this.ctx.sheet(this.ctx.activeSheet()) as SheetImpl;
  }

  /** "シートN" with the first N (from the sheet count + 1) that no sheet uses yet. */
  private nextSheetName(): string {
    let n = this.ctx.model.getSheets().length + 1;
    while (this.ctx.model.getSheetByName(`${NEW_SHEET_PREFIX}${n}`)) n++;
    return `${NEW_SHEET_PREFIX}${n}`;
  }
}

markUnsupported(SpreadsheetImpl, "Spreadsheet", UNSUPPORTED);
