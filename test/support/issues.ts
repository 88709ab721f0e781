// Reading the 課題 sheet of a test runtime as records, and counting spreadsheet reads and writes.
import type { CallCounts } from "../../src/local/runtime/call-counter";
import type { Runtime } from "../../src/local/runtime/runtime";

export const SECRETARIAT = "henkaku@city.example";

/** A sheet's data range as records keyed by its header row. */
export function sheetRecords(runtime: Runtime, name: string): Record<string, unknown>[] {
  const sheet = runtime.model.getSheetByName(name);
  if (!sheet || sheet.getLastRow() === 0) return [];
  const [header, ...rows] = sheet.getValues({ row: 0, column: 0, numRows: sheet.getLastRow(), numColumns: sheet.getLastColumn() });
  return rows.filter((r) => r.some((c) => c !== "")).map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

export const issueRows = (runtime: Runtime) => sheetRecords(runtime, "課題");
export const historyRows = (runtime: Runtime) => sheetRecords(runtime, "履歴");

export function spreadsheetReads(calls: CallCounts): number {
  return Object.entries(calls.SpreadsheetApp ?? {})
    .filter(([m]) => /Range\.(getValues|getDisplayValues|getFormulas|getValue|getDisplayValue)$/.test(m))
    .reduce((s, [, n]) => s + n, 0);
}

export function spreadsheetWrites(calls: CallCounts): number {
  return Object.entries(calls.SpreadsheetApp ?? {})
    .filter(([m]) => /Range\.(setValues|setValue|setFormula|setFormulas)$|Sheet\.appendRow$/.test(m))
    .reduce((s, [, n]) => s + n, 0);
}

/** A runtime on the demo workbook after 初期設定, run by the secretariat. */
export function setUp(runtime: Runtime): void {
  const result = runtime.run("setupWorkbook", [], { user: SECRETARIAT });
  if (!result.ok) throw new Error(result.error?.message);
}
