// The demo workbook: the seed programme's data sheets plus the 集計 sheet whose
// formulas reproduce the seed report's tables — and, once opened by the runtime,
// 初期設定 run by the secretariat's shared account, as the README asks after a push.
import { SUMMARY } from "../core/contracts/summary";
import { TABLE_STYLE } from "../core/report-layout";
import { summaryTables } from "../core/summary-format";
import { demoWorkbook } from "../demo";
import type { WorkbookSeed } from "./runtime/open";
import type { Runtime } from "./runtime/runtime";
import { createWorkbook } from "./workbook/hf-workbook";
import type { CellInput, WorkbookModel } from "./workbook/model";

function toInput(value: unknown): CellInput {
  if (value === "" || value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "string" && value.startsWith("=")) return { kind: "formula", formula: value };
  return { kind: "value", value: value as string | number | boolean | Date };
}

/**
 * `customFunctions`: the names of the bundle a runtime will bind next (see createWorkbook), so its
 * formulas are evaluated once, with them, instead of first without them and again when bound.
 */
export function createDemoModel(options: { customFunctions?: string[] } = {}): WorkbookModel {
  const model = createWorkbook({ name: "プラチナ市役所プロジェクト（デモ）", timeZone: "Asia/Tokyo", customFunctions: options.customFunctions });
  const data = demoWorkbook();
  model.batch(() => {
    for (const [sheetName, rows] of Object.entries(data)) {
      const sheet = model.insertSheet(sheetName);
      sheet.setCells(0, 0, rows.map((row: unknown[]) => row.map(toInput)));
      sheet.setFrozenRows(1);
      sheet.setStyle({ row: 0, column: 0, numRows: 1, numColumns: rows[0].length }, { bold: true, background: "#e8eef7" });
    }
    const summary = model.insertSheet(SUMMARY.name);
    for (const cell of SUMMARY.layout("R7")) {
      summary.setCells(cell.row - 1, cell.column - 1, [[toInput(cell.value)]]);
      if (cell.title) summary.setStyle({ row: cell.row - 1, column: cell.column - 1, numRows: 1, numColumns: 1 }, { bold: true });
      if (cell.note) summary.setStyle({ row: cell.row - 1, column: cell.column - 1, numRows: 1, numColumns: 1 }, { fontColor: SUMMARY.noteColour });
    }
    // Framed and shaded as 初期設定 makes the sheet (features/setup.ts).
    for (const table of summaryTables("R7", { issues: data.課題, reforms: data.局区改革, bureaus: data.局区, history: data.履歴, asOf: null })) {
      const area = { row: table.row - 1, column: table.column - 1, numRows: table.numRows, numColumns: table.numColumns };
      summary.setStyle({ ...area, numRows: 1 }, { bold: true, background: TABLE_STYLE.header });
      const line = { color: TABLE_STYLE.border, style: "SOLID" as const };
      summary.setBorders(area, { top: true, left: true, bottom: true, right: true, vertical: true, horizontal: true, line });
    }
    summary.setColumnWidth(0, SUMMARY.labelWidth);
  });
  return model;
}

/** 市政変革推進室's shared account: 事務局メール in the demo's 設定, and the owner of its triggers. */
export const DEMO_SECRETARIAT = "henkaku@city.example";
const SETUP_ENTRY = "setupWorkbook";

/**
 * Runs 初期設定 on a fresh demo workbook as the secretariat account, so the demo
 * opens ready: 設定 names the secretariat, dropdowns, protections, the edit
 * trigger and the link key exist. A bundle without 初期設定 (a test fixture) is left as is.
 */
export function setUpDemo(runtime: Runtime): void {
  if (!runtime.bundle.entryPoints.includes(SETUP_ENTRY)) return;
  const execution = runtime.run(SETUP_ENTRY, [], { user: DEMO_SECRETARIAT });
  if (!execution.ok) throw new Error(`デモ用ブックの初期設定に失敗しました: ${execution.error?.message}`);
  // Refused rather than failed: e.g. under --strict-users nobody is named, so 初期設定 cannot know the secretariat.
  const refused = execution.result as { ok?: boolean; message?: string } | undefined;
  if (refused?.ok === false) {
    throw new Error(`デモ用ブックの初期設定ができませんでした: ${refused.message ?? ""} 先に --strict-users なしでデモ用ブックを作成してください（platina demo）。`);
  }
}

/** The demo as the runtime creates a missing workbook (`platina demo`, and the default platina-demo.xlsx). */
export const DEMO_SEED: WorkbookSeed = { model: () => createDemoModel(), setUp: setUpDemo };
