// A user's edit in the grid, written the way Sheets writes typed input: parsed as
// "user entered" ("=…" formula, leading apostrophe = text, "1,000", "10%", dates),
// refused where a protection or a strict validation rule forbids it.
import type { ExecutionEnv, RuntimeState } from "../../execution/env";
import { blocksRange, coversRange } from "../../services/spreadsheet/protection";
import { parseUserEntered } from "../../services/spreadsheet/user-entered";
import { rangeA1 } from "../../workbook/a1";
import { isDate } from "../../workbook/dates";
import type { CellValue, SheetModel, WorkbookModel } from "../../workbook/model";
import { editText } from "./grid-window";
import { refusal, satisfies, validationView } from "./validation";

export interface CellEdit {
  sheet: string;
  row: number;
  column: number;
  /** What the user typed or pasted, one string per cell. */
  values: string[][];
  user: string;
}

/** What fireEdit gets: the range, and for a single cell the new and old values as Sheets gives them (text). */
export interface AppliedEdit {
  a1: string;
  value?: string;
  oldValue?: string;
}

function eventText(sheet: SheetModel, row: number, column: number): string | undefined {
  const range = { row, column, numRows: 1, numColumns: 1 };
  if (sheet.getFormulas(range)[0][0]) return undefined; // only typed values are reported
  const value = sheet.getValues(range)[0][0];
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return isDate(value) ? sheet.getDisplayValues(range)[0][0] : String(value);
}

function extent(edit: CellEdit) {
  return { row: edit.row, column: edit.column, numRows: edit.values.length, numColumns: Math.max(...edit.values.map((r) => r.length)) };
}

function resolved(edit: CellEdit) {
  const area = extent(edit);
  return { row: area.row + 1, column: area.column + 1, numRows: area.numRows, numColumns: area.numColumns, open: { rows: false, columns: false } };
}

/**
 * Sheets' warning for a range protected with "show a warning" (it applies to
 * everyone, owner included): the question to confirm, or null when none applies.
 */
export function protectionWarning(model: WorkbookModel, state: RuntimeState, edit: CellEdit): string | null {
  const sheet = model.getSheetByName(edit.sheet);
  if (!sheet) return null;
  const area = resolved(edit);
  const warning = state.protections.find((p) => p.sheet === edit.sheet && p.warningOnly && coversRange(p, sheet, area));
  if (!warning) return null;
  const about = warning.description ? `（${warning.description}）` : "";
  return `シートのこの部分${about}は、誤って変更されないように保護されています。編集しますか？`;
}

/** What the cells held before the edit, as text that writes them back (an undo writes it). */
export function textsBefore(model: WorkbookModel, edit: CellEdit): string[][] {
  const sheet = model.getSheetByName(edit.sheet)!;
  return edit.values.map((row, i) => {
    const range = { row: edit.row + i, column: edit.column, numRows: 1, numColumns: row.length };
    if (row.length === 0) return [];
    const [values] = sheet.getValues(range);
    const [display] = sheet.getDisplayValues(range);
    const [formulas] = sheet.getFormulas(range);
    const [formats] = sheet.getNumberFormats(range);
    return values.map((value, j) => formulas[j] || (value === "" ? "" : editText(value, display[j], formats[j], model.getTimeZone())));
  });
}

/** Sheets' refusal message, or null when the edit may go ahead. */
export function refuseEdit(model: WorkbookModel, state: RuntimeState, edit: CellEdit): string | null {
  const sheet = model.getSheetByName(edit.sheet);
  if (!sheet) return `シート「${edit.sheet}」はありません。`;
  if (edit.values.length === 0 || edit.values.every((r) => r.length === 0)) return "書き込む値がありません。";
  // Protection only needs the editing user; the rest of an execution's env is irrelevant here.
  const env = { effectiveUser: edit.user } as ExecutionEnv;
  const area = resolved(edit);
  if (state.protections.some((p) => p.sheet === edit.sheet && blocksRange(p, env, sheet, area))) {
    return "保護されているセルを編集しようとしています。編集が必要な場合は、保護を設定した人に依頼してください。";
  }
  for (const [i, row] of edit.values.entries()) {
    for (const [j, text] of row.entries()) {
      const rule = sheet.getValidation(edit.row + i, edit.column + j);
      if (!rule || rule.allowInvalid) continue;
      const input = parseUserEntered(text, model.getTimeZone()).input;
      if (input.kind === "formula") continue;
      const value: CellValue = input.kind === "value" ? input.value : "";
      const view = validationView(model, edit.sheet, rule);
      if (!satisfies(view, value)) return refusal(view, text);
    }
  }
  return null;
}

/** Writes the edit (one recalculation) and describes it for the edit triggers. */
export function applyEdit(model: WorkbookModel, edit: CellEdit): AppliedEdit {
  const sheet = model.getSheetByName(edit.sheet)!;
  const area = extent(edit);
  const single = area.numRows === 1 && area.numColumns === 1;
  // An empty cell has no old value, a cleared one no new value.
  const oldValue = single ? eventText(sheet, edit.row, edit.column) || undefined : undefined;
  const entries = edit.values.map((row) => row.map((text) => parseUserEntered(text, model.getTimeZone())));
  model.batch(() => {
    entries.forEach((row, i) => sheet.setCells(edit.row + i, edit.column, [row.map((e) => e.input)]));
    entries.forEach((row, i) =>
      row.forEach((entry, j) => {
        if (entry.numberFormat) sheet.setNumberFormat({ row: edit.row + i, column: edit.column + j, numRows: 1, numColumns: 1 }, entry.numberFormat);
      }),
    );
  });
  const applied: AppliedEdit = { a1: rangeA1(area) };
  if (single) {
    applied.value = eventText(sheet, edit.row, edit.column) || undefined;
    applied.oldValue = oldValue;
  }
  return applied;
}
