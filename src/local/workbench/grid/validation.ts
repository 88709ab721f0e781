// Data validation as the Sheets UI applies it: list and range rules become
// dropdowns, CHECKBOX a checkbox; a typed value that breaks a rule with
// allowInvalid=false is refused, otherwise only marked. (Script writes are never
// checked — that is the API layer's behaviour, not this one's.)
import { parseA1, resolveA1 } from "../../services/spreadsheet/a1";
import type { CellValue, ValidationRule, WorkbookModel } from "../../workbook/model";
import { isDate } from "../../workbook/dates";
import type { ValidationView } from "../protocol/api-types";

const MAX_LIST = 500;

function textOf(value: unknown): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value === null || value === undefined ? "" : String(value);
}

/** The cells of a VALUE_IN_RANGE source ('局区'!A2:A30), non-empty and distinct, in order. */
function rangeValues(model: WorkbookModel, a1: string, ownSheet: string): string[] {
  const parsed = parseA1(a1);
  const sheet = parsed && model.getSheetByName(parsed.sheetName ?? ownSheet);
  if (!parsed || !sheet) return [];
  const area = resolveA1(parsed, sheet.getLastRow(), sheet.getLastColumn());
  if (area.numRows <= 0 || area.numColumns <= 0) return [];
  const grid = { row: area.row - 1, column: area.column - 1, numRows: area.numRows, numColumns: area.numColumns };
  const values = sheet.getDisplayValues(grid).flat().filter((v) => v !== "");
  return [...new Set(values)].slice(0, MAX_LIST);
}

export function validationView(model: WorkbookModel, sheetName: string, rule: ValidationRule): ValidationView {
  const [first, second] = rule.args;
  const base = { dropdown: false, checkbox: null, list: null, allowInvalid: rule.allowInvalid, helpText: rule.helpText };
  switch (rule.criteria) {
    case "VALUE_IN_LIST":
      return { ...base, list: Array.isArray(first) ? first.map(textOf) : [], dropdown: second !== false };
    case "VALUE_IN_RANGE":
      return { ...base, list: typeof first === "string" ? rangeValues(model, first, sheetName) : [], dropdown: second !== false };
    case "CHECKBOX":
      return { ...base, checkbox: rule.args.length > 0 ? { on: textOf(first), off: textOf(second) } : { on: "TRUE", off: "FALSE" } };
    default:
      return base;
  }
}

/** Whether a cell value satisfies the rule (other criteria than lists and checkboxes are not checked here). */
export function satisfies(view: ValidationView, value: CellValue): boolean {
  if (value === "") return true;
  const text = isDate(value) ? "" : textOf(value);
  if (view.list) return view.list.includes(text);
  if (view.checkbox) return text === view.checkbox.on || text === view.checkbox.off;
  return true;
}

/** Sheets' refusal, with the rule's help text when it has one. */
export function refusal(view: ValidationView, text: string): string {
  if (view.helpText) return `入力した値「${text}」は無効です。${view.helpText}`;
  const hint = view.list ? `リストの値（${view.list.slice(0, 10).join("、")}${view.list.length > 10 ? "…" : ""}）` : "チェックボックスの値";
  return `入力した値「${text}」は、このセルの入力規則に違反しています。${hint}を入力してください。`;
}
