// What 初期設定 and the reports set on sheets — column widths, backgrounds, bold
// headers and borders — survives saving to .xlsx and loading again, and a
// failed execution keeps the borders it set before its last flush.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { openWorkbook } from "../../../src/local/runtime/open";
import { createWorkbook } from "../../../src/local/workbook/hf-workbook";
import type { BorderStyleName, GridRange } from "../../../src/local/workbook/model";
import { loadWorkbook, saveWorkbook } from "../../../src/local/workbook/xlsx-store";
import { fixtureBundle, tempDir } from "../../support/runtime";

const r = (row: number, column: number, numRows = 1, numColumns = 1): GridRange => ({ row, column, numRows, numColumns });
const STYLES: BorderStyleName[] = ["DOTTED", "DASHED", "SOLID", "SOLID_MEDIUM", "SOLID_THICK", "DOUBLE"];
const edges = { top: true, left: true, bottom: true, right: true, vertical: null, horizontal: null };

describe(".xlsx round trip of sheet formatting", () => {
  it("keeps column widths, header background and bold, and every border style with its colour", async () => {
    const model = createWorkbook({ name: "書式", timeZone: "Asia/Tokyo" });
    const sheet = model.insertSheet("集計");
    sheet.setCells(0, 0, [[{ kind: "value", value: "進捗分類" }, { kind: "value", value: "R6" }]]);
    [60, 250, 100, 37].forEach((px, c) => sheet.setColumnWidth(c, px));
    sheet.setStyle(r(0, 0, 1, 2), { background: "#e8eef7", bold: true });
    STYLES.forEach((style, i) => sheet.setBorders(r(2, i * 2), { ...edges, line: { color: i % 2 ? "#1a73e8" : "#000000", style } }));
    const path = join(tempDir(), "book.xlsx");
    await saveWorkbook(model, path);

    const loaded = (await loadWorkbook(path)).getSheetByName("集計")!;
    expect([0, 1, 2, 3, 4].map((c) => loaded.getColumnWidth(c))).toEqual([60, 250, 100, 37, null]);
    expect(loaded.getStyle(0, 1)).toEqual({ background: "#e8eef7", bold: true });
    STYLES.forEach((style, i) => {
      const line = { color: i % 2 ? "#1a73e8" : "#000000", style };
      expect(loaded.getStyle(2, i * 2).borders).toEqual({ top: line, left: line, bottom: line, right: line });
    });
    expect(loaded.getStyle(2, 1)).toEqual({});
  });

  it("writes borders as native xlsx lines, so Excel and LibreOffice show them", async () => {
    const model = createWorkbook({ name: "書式", timeZone: "Asia/Tokyo" });
    model.insertSheet("集計").setBorders(r(0, 0), { ...edges, line: { color: "#ff0000", style: "SOLID_MEDIUM" } });
    const path = join(tempDir(), "book.xlsx");
    await saveWorkbook(model, path);
    const file = new ExcelJS.Workbook();
    await file.xlsx.readFile(path);
    expect(file.getWorksheet("集計")!.getCell("A1").border.bottom).toEqual({ style: "medium", color: { argb: "FFFF0000" } });
  });

  it("keeps a failed execution's borders and widths set before its last flush", async () => {
    const code = `function formatThenFail() {
      var s = SpreadsheetApp.getActive().getSheetByName("S");
      s.getRange("A1:B2").setBorder(true, true, true, true, true, true, "#0000ff", SpreadsheetApp.BorderStyle.DASHED);
      s.setColumnWidth(1, 240);
      SpreadsheetApp.flush();
      s.getRange("C3").setBorder(true, null, null, null, null, null);
      throw new Error("途中で失敗");
    }`;
    const path = join(tempDir(), "book.xlsx");
    const model = createWorkbook({ name: "t", timeZone: "Asia/Tokyo" });
    model.insertSheet("S");
    await saveWorkbook(model, path);
    const opened = await openWorkbook({ workbook: path, bundleDir: fixtureBundle(code) });
    const execution = opened.runtime.run("formatThenFail");
    expect(execution.ok).toBe(false);
    await opened.settle(execution);
    const saved = (await loadWorkbook(path)).getSheetByName("S")!;
    const dashed = { color: "#0000ff", style: "DASHED" };
    expect(saved.getStyle(1, 1).borders).toEqual({ top: dashed, left: dashed, bottom: dashed, right: dashed });
    expect(saved.getColumnWidth(0)).toBe(240);
    expect(saved.getStyle(2, 2)).toEqual({});
  });
});
