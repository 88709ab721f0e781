// Reading the 課題 sheet of a test runtime as records, and counting spreadsheet reads and writes.
import type { CallCounts } from "../../src/local/runtime/call-counter";
import type { Runtime } from "../../src/local/runtime/runtime";
import type { WorkbookModel } from "../../src/local/workbook/model";
import { demoWorkbook } from "../../src/demo";

export const SECRETARIAT = "henkaku@city.example";

/** A sheet's data range as records keyed by its header row. */
export function modelRecords(model: WorkbookModel, name: string): Record<string, unknown>[] {
  const sheet = model.getSheetByName(name);
  if (!sheet || sheet.getLastRow() === 0) return [];
  const [header, ...rows] = sheet.getValues({ row: 0, column: 0, numRows: sheet.getLastRow(), numColumns: sheet.getLastColumn() });
  return rows.filter((r) => r.some((c) => c !== "")).map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

export const sheetRecords = (runtime: Runtime, name: string) => modelRecords(runtime.model, name);
export const issueRows = (runtime: Runtime) => sheetRecords(runtime, "課題");
/** The 履歴 rows a test's runs added: the demo's own 履歴 (its changes during R6 and R7) is left out. */
export const historyRows = (runtime: Runtime) => sheetRecords(runtime, "履歴").filter((row) => !isDemoHistory(row));

const DEMO_HISTORY = new Set(demoWorkbook().履歴.slice(1).map((row) => `${row[2]}|${(row[0] as Date).getTime()}`));
function isDemoHistory(row: Record<string, unknown>): boolean {
  return row.日時 instanceof Date && DEMO_HISTORY.has(`${row.ID}|${row.日時.getTime()}`);
}

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

/**
 * Adds `email` to 設定's 事務局メール as the secretariat types it in the sheet: the
 * edit fires the edit triggers, which drop the cached access list (a write to the
 * model alone would leave the guard reading the old one for up to its cache time).
 */
export function addSecretariat(runtime: Runtime, email: string): void {
  const value = `${SECRETARIAT}, ${email}`;
  runtime.model.getSheetByName("設定")!.setCells(1, 1, [[{ kind: "value", value }]]);
  const edits = runtime.fireEdit({ sheet: "設定", a1: "B2", user: SECRETARIAT, value, oldValue: SECRETARIAT });
  const failed = edits.find((r) => !r.ok);
  if (failed) throw new Error(failed.error?.message);
}

/** 初期設定 run by the secretariat on `runtime`'s workbook (testRuntime({ setUp: true }) starts from a shared one). */
export function setUp(runtime: Runtime): void {
  const result = runtime.run("setupWorkbook", [], { user: SECRETARIAT });
  if (!result.ok) throw new Error(result.error?.message);
}

/** Tracked (継続検討) issues: 整理区分 継続 or ⑦, as the demo writes them (blank is 未整理). */
export const isTracked = (r: Record<string, unknown>) => r.整理区分 === "継続" || r.整理区分 === "⑦";

/** Open tracked issues' IDs by 担当者メール: whom the follow-up asks, counted straight from the 課題 rows. */
export function openOwners(runtime: Runtime): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const r of issueRows(runtime)) {
    if (!isTracked(r) || r.進捗分類 === "完了") continue;
    owners.set(String(r.担当者メール), [...(owners.get(String(r.担当者メール)) ?? []), String(r.ID)]);
  }
  return owners;
}

/** 進捗分類 × 年度 of the tracked rows, laid out as PLATINA_STATUS_TABLE and the report lay it out. */
export function statusTable(rows: Record<string, unknown>[], years: string[]): (string | number)[][] {
  const tracked = rows.filter(isTracked);
  const count = (progress: string | null, year: string | null) =>
    tracked.filter((r) => (progress === null || r.進捗分類 === progress) && (year === null || r.年度 === year)).length;
  const line = (label: string, progress: string | null) => [label, ...years.map((y) => count(progress, y)), years.reduce((s, y) => s + count(progress, y), 0)];
  return [["", ...years, "計"], ...["完了", "実施中", "検討中"].map((p) => line(p, p)), line("計", null)];
}
