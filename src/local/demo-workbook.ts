// The demo workbook: the seed programme's data sheets plus the 集計 sheet whose
// formulas reproduce the seed report's tables.
import { SUMMARY } from "../core/contracts/summary";
import { demoWorkbook } from "../demo";
import { createWorkbook } from "./workbook/hf-workbook";
import type { CellInput, WorkbookModel } from "./workbook/model";

function toInput(value: unknown): CellInput {
  if (value === "" || value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "string" && value.startsWith("=")) return { kind: "formula", formula: value };
  return { kind: "value", value: value as string | number | boolean | Date };
}

export function createDemoModel(name = "プラチナ市役所プロジェクト（デモ）"): WorkbookModel {
  const model = createWorkbook({ name, timeZone: "Asia/Tokyo" });
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
    }
  });
  return model;
}
