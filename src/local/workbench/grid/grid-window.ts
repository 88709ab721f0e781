// A window of rows as the page draws them: display text, formulas, errors,
// styles with conditional colours applied, and validation (dropdowns, checkboxes).
import { parseUserEntered } from "../../services/spreadsheet/user-entered";
import { isDate } from "../../workbook/dates";
import type { CellStyle, CellValue, ConditionalRule, SheetModel, ValidationRule, WorkbookModel } from "../../workbook/model";
import type { CellView, RowsWindow, SheetInfo, ValidationView } from "../protocol/api-types";
import { satisfies, validationView } from "./validation";

/** Sheets' default column width. */
const DEFAULT_COLUMN_WIDTH = 100;

export function sheetInfo(sheet: SheetModel): SheetInfo {
  const maxColumns = sheet.getMaxColumns();
  return {
    name: sheet.getName(),
    maxRows: sheet.getMaxRows(),
    maxColumns,
    frozenRows: sheet.getFrozenRows(),
    frozenColumns: sheet.getFrozenColumns(),
    columnWidths: Array.from({ length: maxColumns }, (_, c) => sheet.getColumnWidth(c) ?? DEFAULT_COLUMN_WIDTH),
    hidden: sheet.isHidden(),
    tabColor: sheet.getTabColor(),
  };
}

/** What to put in the editor so that committing it unchanged stores the same value. */
export function editText(value: CellValue, display: string, format: string, timeZone: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return format.includes("%") ? `${+(value * 100).toPrecision(15)}%` : String(value);
  if (isDate(value)) return display;
  const parsed = parseUserEntered(value, timeZone).input;
  return parsed.kind === "value" && parsed.value === value ? value : `'${value}`;
}

function kindOf(value: CellValue): CellView["k"] {
  if (typeof value === "number") return "n";
  if (typeof value === "boolean") return "b";
  return isDate(value) ? "d" : "s";
}

function matches(rule: ConditionalRule, display: string): boolean {
  const text = display.toLowerCase();
  switch (rule.condition) {
    case "TEXT_EQ":
      return text === rule.value.toLowerCase();
    case "TEXT_CONTAINS":
      return text.includes(rule.value.toLowerCase());
    case "CELL_EMPTY":
      return display === "";
    case "CELL_NOT_EMPTY":
      return display !== "";
    default:
      return false; // CUSTOM_FORMULA would need the formula engine per cell: not drawn
  }
}

/** The first conditional rule covering the cell whose condition holds, as Sheets applies them. */
function conditionalStyle(rules: ConditionalRule[], row: number, column: number, display: string): CellStyle | null {
  for (const rule of rules) {
    const covers = rule.ranges.some(
      (r) => row >= r.row && row < r.row + r.numRows && column >= r.column && column < r.column + r.numColumns,
    );
    if (!covers || !matches(rule, display)) continue;
    return { background: rule.background ?? undefined, fontColor: rule.fontColor ?? undefined, bold: rule.bold ?? undefined };
  }
  return null;
}

export function readRows(model: WorkbookModel, sheetName: string, from: number, count: number): RowsWindow {
  const sheet = model.getSheetByName(sheetName);
  if (!sheet) throw new Error(`シート「${sheetName}」はありません。`);
  const numRows = Math.max(0, Math.min(count, sheet.getMaxRows() - from));
  const numColumns = sheet.getMaxColumns();
  const window: RowsWindow = { sheet: sheetName, from, count, rows: [], validations: [] };
  if (numRows === 0 || numColumns === 0) return window;
  const grid = { row: from, column: 0, numRows, numColumns };
  const values = sheet.getValues(grid);
  const display = sheet.getDisplayValues(grid);
  const formulas = sheet.getFormulas(grid);
  const formats = sheet.getNumberFormats(grid);
  const rules = sheet.getConditionalRules();
  const validationIndex = new Map<ValidationRule, { index: number; view: ValidationView }>();
  const timeZone = model.getTimeZone();

  for (let r = 0; r < numRows; r++) {
    const row = from + r;
    const cells: (CellView | null)[] = [];
    for (let c = 0; c < numColumns; c++) {
      const value = values[r][c];
      const cell: CellView = { v: display[r][c], k: kindOf(value) };
      if (formulas[r][c]) {
        cell.f = formulas[r][c];
        const error = sheet.getCellError(row, c);
        if (error) {
          cell.k = "e";
          cell.err = error.message;
        }
      } else if (value !== "") {
        const x = editText(value, cell.v, formats[r][c], timeZone);
        if (x !== cell.v) cell.x = x;
      }
      const style = { ...sheet.getStyle(row, c), ...definedOnly(conditionalStyle(rules, row, c, cell.v)) };
      if (style.background) cell.bg = style.background;
      if (style.fontColor) cell.fg = style.fontColor;
      if (style.bold) cell.bold = true;
      if (style.horizontalAlignment) cell.align = style.horizontalAlignment;
      if (style.wrap) cell.wrap = true;
      if (style.borders) cell.bd = style.borders;
      const rule = sheet.getValidation(row, c);
      if (rule) {
        let entry = validationIndex.get(rule);
        if (!entry) {
          entry = { index: window.validations.length, view: validationView(model, sheetName, rule) };
          validationIndex.set(rule, entry);
          window.validations.push(entry.view);
        }
        cell.dv = entry.index;
        if (!formulas[r][c] && !satisfies(entry.view, value)) cell.bad = true;
      }
      cells.push(cell.v === "" && Object.keys(cell).length === 2 ? null : cell);
    }
    window.rows.push(cells);
  }
  return window;
}

function definedOnly(style: CellStyle | null): CellStyle {
  return Object.fromEntries(Object.entries(style ?? {}).filter(([, v]) => v !== undefined));
}
