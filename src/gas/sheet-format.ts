// What 初期設定 puts on sheets besides values: header style, column widths, dropdowns,
// checkboxes, colours and warning-only protections. Each `ensure…` changes nothing when the
// sheet already has it and returns whether it changed something.
import { normalizeText } from "../core/base/text";
import { TABLE_STYLE, type GridArea } from "../core/report-layout";
import { spreadsheet } from "./spreadsheet";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const HEADER_STYLE = { background: "#e8eef7", fontWeight: "bold" } as const;

export function styleHeader(sheet: Sheet, width: number): void {
  styleHeaderRow(sheet, 1, width);
  sheet.setFrozenRows(1);
}

/** A header row further down (a generated sheet's second table), styled like row 1. */
export function styleHeaderRow(sheet: Sheet, row: number, width: number): void {
  sheet.getRange(row, 1, 1, width).setBackground(HEADER_STYLE.background).setFontWeight(HEADER_STYLE.fontWeight);
}

/** A table's frame and grid lines: one call however long the table. */
export function drawTableBorders(sheet: Sheet, area: GridArea): void {
  sheet.getRange(area.row, area.column, area.numRows, area.numColumns)
    .setBorder(true, true, true, true, true, true, TABLE_STYLE.border, SpreadsheetApp.BorderStyle.SOLID);
}

/** A generated table: its header row styled like the staff sheets' headers, then framed. */
export function styleTable(sheet: Sheet, area: GridArea): void {
  sheet.getRange(area.row, area.column, 1, area.numColumns).setBackground(TABLE_STYLE.header).setFontWeight("bold");
  drawTableBorders(sheet, area);
}

/** The header row as staff see it (NFKC, trimmed); [] for an empty sheet. */
export function headerRow(sheet: Sheet): string[] {
  const lastColumn = sheet.getLastColumn();
  return lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0].map(normalizeText) : [];
}

/** The data cells of the column headed `header` (row 2 to the sheet's end); null when there is no such column. */
export function columnRange(sheet: Sheet, header: string): Range | null {
  const index = headerRow(sheet).indexOf(normalizeText(header));
  if (index < 0) return null;
  return sheet.getRange(2, index + 1, Math.max(sheet.getMaxRows() - 1, 1), 1);
}

/** Sheets' width of a column nobody resized. */
const DEFAULT_COLUMN_WIDTH = 100;

/**
 * Gives each column found by its header its width (and wrap), but only while it still
 * has Sheets' default width: a column staff resized keeps theirs, and a second run
 * changes nothing. Returns the headers whose column changed.
 */
export function ensureColumnWidths(sheet: Sheet, widths: readonly { header: string; width: number; wrap: boolean }[]): string[] {
  const headers = headerRow(sheet);
  const changed: string[] = [];
  for (const { header, width, wrap } of widths) {
    const column = headers.indexOf(header) + 1;
    if (column === 0 || sheet.getColumnWidth(column) !== DEFAULT_COLUMN_WIDTH || width === DEFAULT_COLUMN_WIDTH) continue;
    sheet.setColumnWidth(column, width);
    if (wrap) sheet.getRange(1, column, sheet.getMaxRows(), 1).setWrap(true);
    changed.push(header);
  }
  return changed;
}

function sameRule(range: Range, type: GoogleAppsScript.Spreadsheet.DataValidationCriteria, values: unknown[]): boolean {
  const rule = range.getCell(1, 1).getDataValidation();
  if (!rule || rule.getCriteriaType() !== type) return false;
  return JSON.stringify(rule.getCriteriaValues().map(describe)) === JSON.stringify(values.map(describe));
}

function describe(value: unknown): unknown {
  if (value && typeof value === "object" && "getA1Notation" in value) {
    const range = value as Range;
    return `${range.getSheet().getName()}!${range.getA1Notation()}`;
  }
  return value;
}

/** A dropdown of `values` on the column; `allowInvalid` keeps other spellings (with a warning). */
export function ensureListValidation(sheet: Sheet, header: string, values: string[], help: string, allowInvalid: boolean): boolean {
  const range = columnRange(sheet, header);
  if (!range || sameRule(range, SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST, [values, true])) return false;
  range.setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(values, true).setAllowInvalid(allowInvalid).setHelpText(help).build());
  return true;
}

/** A dropdown of the cells at `source` (A1 with sheet) on the column, other values allowed with a warning. */
export function ensureRangeValidation(sheet: Sheet, header: string, source: string, help: string): boolean {
  const range = columnRange(sheet, header);
  if (!range) return false;
  const sourceRange = spreadsheet().getRange(source);
  if (sameRule(range, SpreadsheetApp.DataValidationCriteria.VALUE_IN_RANGE, [sourceRange, true])) return false;
  range.setDataValidation(SpreadsheetApp.newDataValidation().requireValueInRange(sourceRange, true).setAllowInvalid(true).setHelpText(help).build());
  return true;
}

/** Dates only on the column, other values allowed with a warning (データ点検 names them). */
export function ensureDateValidation(sheet: Sheet, header: string, help: string): boolean {
  const range = columnRange(sheet, header);
  if (!range || sameRule(range, SpreadsheetApp.DataValidationCriteria.DATE_IS_VALID_DATE, [])) return false;
  range.setDataValidation(SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(true).setHelpText(help).build());
  return true;
}

export function ensureCheckbox(sheet: Sheet, header: string): boolean {
  const range = columnRange(sheet, header);
  if (!range) return false;
  const rule = range.getCell(1, 1).getDataValidation();
  if (rule && rule.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.CHECKBOX) return false;
  range.setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  return true;
}

/** A background colour per exact text on the column; returns the texts whose rule was added. */
export function ensureTextColours(sheet: Sheet, header: string, colours: Record<string, string>): string[] {
  const range = columnRange(sheet, header);
  if (!range) return [];
  const rules = sheet.getConditionalFormatRules();
  const has = (text: string) => rules.some((r) => {
    const c = r.getBooleanCondition();
    return c !== null && c.getCriteriaType() === SpreadsheetApp.BooleanCriteria.TEXT_EQUAL_TO && c.getCriteriaValues()[0] === text;
  });
  const added = Object.entries(colours).filter(([text]) => !has(text));
  if (added.length === 0) return [];
  const newRules = added.map(([text, colour]) =>
    SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(text).setBackground(colour).setRanges([range]).build());
  sheet.setConditionalFormatRules([...rules, ...newRules]);
  return added.map(([text]) => text);
}

// Protections are warning-only: saves run as the staff member who saves (sidebar)
// or the deployer (web form), and an editor list would refuse their writes in real Sheets.

export function ensureSheetWarning(sheet: Sheet, description: string): boolean {
  if (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).some((p) => p.getDescription() === description)) return false;
  sheet.protect().setDescription(description).setWarningOnly(true);
  return true;
}

export function ensureColumnWarning(sheet: Sheet, header: string, description: string): boolean {
  const range = columnRange(sheet, header);
  if (!range) return false;
  if (sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).some((p) => p.getDescription() === description)) return false;
  range.protect().setDescription(description).setWarningOnly(true);
  return true;
}
