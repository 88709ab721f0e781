import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip"; // exceljs's own zip library
import { createWorkbook } from "../../../src/local/workbook/hf-workbook";
import type { CellInput, GridRange, ValidationRule } from "../../../src/local/workbook/model";
import { loadWorkbook, saveWorkbook } from "../../../src/local/workbook/xlsx-store";

const r = (row: number, column: number, numRows = 1, numColumns = 1): GridRange => ({ row, column, numRows, numColumns });
const v = (value: string | number | boolean | Date): CellInput => ({ kind: "value", value });
const f = (formula: string): CellInput => ({ kind: "formula", formula });
const MAY_26 = new Date("2026-05-26T00:00:00+09:00");

const tempDir = () => mkdtempSync(join(tmpdir(), "platina-xlsx-"));

async function rawSheet(path: string, name: string): Promise<ExcelJS.Worksheet> {
  const file = new ExcelJS.Workbook();
  await file.xlsx.readFile(path);
  return file.getWorksheet(name)!;
}

const statusRule: ValidationRule = { criteria: "VALUE_IN_LIST", args: [["未着手", "進行中", "完了"], true], allowInvalid: false, helpText: "状態を選んでください" };
const ownerRule: ValidationRule = { criteria: "VALUE_IN_RANGE", args: ["設定!A2:A5", true], allowInvalid: true, helpText: null };
const checkboxRule: ValidationRule = { criteria: "CHECKBOX", args: [], allowInvalid: false, helpText: null };

function sampleWorkbook() {
  const wb = createWorkbook({ name: "進捗", timeZone: "Asia/Tokyo" });
  const tasks = wb.insertSheet("課題");
  wb.insertSheet("設定").setCells(1, 0, [[v("佐藤")], [v("鈴木")]]);
  const summary = wb.insertSheet("集計");
  tasks.setCells(0, 0, [
    [v("ID"), v("件名"), v("期限"), v("見積"), v("状態"), v("完了")],
    [v("0123"), v("=1+1"), v(MAY_26), v(1234.5), v("完了"), v(true)],
    [v("0124"), v("TRUE"), v(new Date("2026-06-01T09:30:00+09:00")), v(0.25), v("進行中"), v(false)],
  ]);
  tasks.setNumberFormat(r(1, 3), "#,##0");
  tasks.setNumberFormat(r(2, 3), "0%");
  tasks.setFrozenRows(1);
  tasks.setColumnWidth(1, 240);
  tasks.setTabColor("#ff0000");
  tasks.setStyle(r(0, 0, 1, 6), { bold: true, background: "#e8eef7", fontColor: "#1f1f1f", horizontalAlignment: "center" });
  tasks.setValidation(r(1, 4, 999, 1), statusRule);
  tasks.setValidation(r(1, 1, 2, 1), ownerRule);
  tasks.setValidation(r(1, 5, 2, 1), checkboxRule);
  tasks.setConditionalRules([
    { ranges: [r(1, 0, 999, 6)], condition: "TEXT_EQ", value: "完了", background: "#b7e1cd", fontColor: null, bold: null },
    { ranges: [r(1, 1, 999, 1)], condition: "TEXT_CONTAINS", value: "遅延", background: "#f4cccc", fontColor: "#990000", bold: true },
    { ranges: [r(1, 2, 999, 1)], condition: "CUSTOM_FORMULA", value: "=$C2<TODAY()", background: "#fff2cc", fontColor: null, bold: null },
    { ranges: [r(1, 4, 999, 1)], condition: "CELL_EMPTY", value: "", background: "#eeeeee", fontColor: null, bold: null },
  ]);
  summary.setCells(0, 0, [[f("=COUNTIF(課題!E:E,\"完了\")"), f("=SUM(課題!D2:D3)"), f("=課題!C2+1")]]);
  summary.setNumberFormat(r(0, 2), "yyyy-mm-dd");
  return { wb, tasks, summary };
}

describe("save → load round trip", () => {
  it("keeps values, text, dates, formulas, formats, layout, validation and conditional rules", async () => {
    const dir = tempDir();
    const path = join(dir, "進捗.xlsx");
    await saveWorkbook(sampleWorkbook().wb, path);

    const loaded = await loadWorkbook(path, "Asia/Tokyo");
    expect(loaded.getName()).toBe("進捗");
    expect(loaded.getSheets().map((s) => s.getName())).toEqual(["課題", "設定", "集計"]);
    const t = loaded.getSheetByName("課題")!;
    expect(t.getValues(r(1, 0, 1, 6))).toEqual([["0123", "=1+1", MAY_26, 1234.5, "完了", true]]);
    expect(t.getValues(r(2, 1))).toEqual([["TRUE"]]);
    expect((t.getValues(r(2, 2))[0][0] as Date).toISOString()).toBe("2026-06-01T00:30:00.000Z");
    expect(t.getDisplayValues(r(1, 2, 2, 2))).toEqual([["2026/05/26", "1,235"], ["2026/06/01 9:30:00", "25%"]]);
    expect(t.getFrozenRows()).toBe(1);
    expect(t.getColumnWidth(1)).toBe(240);
    expect(t.getTabColor()).toBe("#ff0000");
    expect(t.getStyle(0, 2)).toEqual({ bold: true, background: "#e8eef7", fontColor: "#1f1f1f", horizontalAlignment: "center" });
    expect(t.getValidation(500, 4)).toEqual(statusRule);
    expect(t.getValidation(2, 1)).toEqual(ownerRule);
    expect(t.getValidation(1, 5)).toEqual(checkboxRule);
    expect(t.getValidation(0, 4)).toBeNull();
    expect(t.getConditionalRules()).toEqual(sampleWorkbook().tasks.getConditionalRules());

    const s = loaded.getSheetByName("集計")!;
    expect(s.getFormulas(r(0, 0, 1, 3))).toEqual([['=COUNTIF(課題!E:E,"完了")', "=SUM(課題!D2:D3)", "=課題!C2+1"]]);
    expect(s.getValues(r(0, 0, 1, 2))).toEqual([[1, 1234.75]]);
    expect(s.getDisplayValues(r(0, 2))).toEqual([["2026-05-27"]]);
    t.setCells(2, 3, [[v(100)]]);
    expect(s.getValues(r(0, 1))).toEqual([[1334.5]]);
  });

  it("writes formula cells with cached results, dates as Tokyo serials and recalculation on open", async () => {
    const dir = tempDir();
    const path = join(dir, "book.xlsx");
    await saveWorkbook(sampleWorkbook().wb, path);
    // exceljs does not read calcPr back; look at the package part itself.
    const zip = await JSZip.loadAsync(readFileSync(path));
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const file = new ExcelJS.Workbook();
    await file.xlsx.readFile(path);
    const summary = file.getWorksheet("集計")!;
    expect(summary.getCell("A1").value).toEqual({ formula: 'COUNTIF(課題!E:E,"完了")', result: 1 });
    expect(summary.getCell("B1").value).toEqual({ formula: "SUM(課題!D2:D3)", result: 1234.75 });
    const tasks = file.getWorksheet("課題")!;
    // exceljs shows the serial's wall clock in UTC fields: 2026-05-26 00:00 in Tokyo.
    expect(tasks.getCell("C2").value).toEqual(new Date("2026-05-26T00:00:00Z"));
    expect(tasks.getCell("C2").numFmt).toBe("yyyy/MM/dd");
    expect(tasks.getCell("A2").value).toBe("0123");
    expect(tasks.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(tasks.getCell("E500").dataValidation).toMatchObject({ type: "list", formulae: ['"未着手,進行中,完了"'] });
  });

  it("preserves Tokyo calendar dates when the process runs in New York", () => {
    const dir = tempDir();
    const script = join(dir, "roundtrip.mts");
    const src = (p: string) => JSON.stringify(join(process.cwd(), "src/local/workbook", p));
    writeFileSync(
      script,
      `import { createWorkbook } from ${src("hf-workbook.ts")};
       import { loadWorkbook, saveWorkbook } from ${src("xlsx-store.ts")};
       const wb = createWorkbook({ name: "tz", timeZone: "Asia/Tokyo" });
       const sheet = wb.insertSheet("S");
       sheet.setCells(0, 0, [[{ kind: "value", value: new Date("2026-05-26T00:00:00+09:00") }]]);
       const path = ${JSON.stringify(join(dir, "tz.xlsx"))};
       await saveWorkbook(wb, path);
       const back = (await loadWorkbook(path, "Asia/Tokyo")).getSheetByName("S")!;
       const range = { row: 0, column: 0, numRows: 1, numColumns: 1 };
       console.log(JSON.stringify({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone, serial: sheet.exportCell(0, 0).value,
         value: (back.getValues(range)[0][0] as Date).toISOString(), display: back.getDisplayValues(range)[0][0] }));`,
    );
    const child = spawnSync(process.execPath, ["--import", "tsx", script], {
      cwd: process.cwd(),
      env: { ...process.env, TZ: "America/New_York" },
      encoding: "utf8",
    });
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toEqual({
      tz: "America/New_York",
      serial: 46168,
      value: "2026-05-25T15:00:00.000Z",
      display: "2026/05/26",
    });
  });
});

// Sheets allows 100 characters and * ? : \ / [ ] in a sheet name; .xlsx only 31 and none of those (issue #20).
describe("sheet names .xlsx cannot hold", () => {
  const LONG = "回答状況_局区照会-R8_産業振興部・地域振興課・広報広聴課の照会結果"; // 36 characters
  const LONGER = `${LONG}（再照会）`;

  it("keeps a name longer than 31 characters, and its cells, through save and load", async () => {
    expect(LONG.length).toBeGreaterThan(31);
    const wb = createWorkbook({ name: "進捗", timeZone: "Asia/Tokyo" });
    wb.insertSheet("報告_2026-11-25").setCells(0, 0, [[v("報告")]]);
    wb.insertSheet(LONG).setCells(0, 0, [[v("回答者")], [v("佐藤")]]);
    wb.insertSheet(LONGER).setCells(0, 0, [[v("再照会")]]);
    wb.insertSheet("A/B: [案]?").setCells(0, 0, [[v("記号")]]);
    const choices = wb.insertSheet("選択肢");
    choices.setCells(0, 0, [[f(`='${LONG}'!A2`)]]);
    choices.setValidation(r(1, 0), { criteria: "VALUE_IN_RANGE", args: [`'${LONG}'!A1:A2`, true], allowInvalid: false, helpText: null });
    const path = join(tempDir(), "進捗.xlsx");
    await saveWorkbook(wb, path);

    const loaded = await loadWorkbook(path);
    expect(loaded.getSheets().map((sheet) => sheet.getName())).toEqual(["報告_2026-11-25", LONG, LONGER, "A/B: [案]?", "選択肢"]);
    expect(loaded.getSheetByName(LONG)!.getValues(r(0, 0, 2, 1))).toEqual([["回答者"], ["佐藤"]]);
    expect(loaded.getSheetByName(LONGER)!.getValues(r(0, 0))).toEqual([["再照会"]]);
    expect(loaded.getSheetByName("A/B: [案]?")!.getValues(r(0, 0))).toEqual([["記号"]]);
    expect(loaded.getSheetByName("選択肢")!.getValues(r(0, 0))).toEqual([["佐藤"]]);
    expect(loaded.getSheetByName("選択肢")!.getValidation(1, 0)?.args).toEqual([`'${LONG}'!A1:A2`, true]);
  });

  it("gives the file distinct, valid stand-in names and leaves the others as they are", async () => {
    const wb = createWorkbook({ name: "進捗", timeZone: "Asia/Tokyo" });
    for (const name of ["課題", LONG, LONGER, "A/B: [案]?"]) wb.insertSheet(name);
    const path = join(tempDir(), "進捗.xlsx");
    await saveWorkbook(wb, path);
    const file = new ExcelJS.Workbook();
    await file.xlsx.readFile(path);
    const names = file.worksheets.map((ws) => ws.name).filter((name) => name !== "_platina");
    expect(names[0]).toBe("課題");
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(4);
    for (const name of names) expect(name.length <= 31 && !/[*?:/\\[\]]/.test(name)).toBe(true);
  });

  it("refuses a name over Sheets' 100 characters when the sheet is made or renamed", () => {
    const wb = createWorkbook({ name: "進捗", timeZone: "Asia/Tokyo" });
    expect(() => wb.insertSheet("課".repeat(101))).toThrow("シート名は 100 文字までです");
    const sheet = wb.insertSheet("課".repeat(100));
    expect(() => sheet.setName("題".repeat(101))).toThrow("シート名は 100 文字までです");
    expect(sheet.getName()).toBe("課".repeat(100));
  });
});

describe("custom-function spills in files", () => {
  const matrix = (_name: string, [rows, columns]: unknown[]) =>
    Array.from({ length: rows as number }, (_, i) => Array.from({ length: columns as number }, (_, j) => `${i}-${j}`));

  it("saves the origin as a formula and neighbours as values that do not block the next spill", async () => {
    const dir = tempDir();
    const path = join(dir, "spill.xlsx");
    const wb = createWorkbook({ name: "spill", timeZone: "Asia/Tokyo" });
    const sheet = wb.insertSheet("S");
    wb.setCustomFunctions(["MATRIX"], matrix);
    sheet.setCells(0, 0, [[v(3), v(2), f("=MATRIX(A1,B1)")]]);
    await saveWorkbook(wb, path);

    const raw = await rawSheet(path, "S");
    expect(raw.getCell("C1").value).toEqual({ formula: "MATRIX(A1,B1)", result: "0-0" });
    expect(raw.getCell("D3").value).toBe("2-1");

    const loaded = await loadWorkbook(path);
    const s = loaded.getSheetByName("S")!;
    expect(loaded.getSheets()).toHaveLength(1); // the metadata sheet is not a sheet
    expect(s.getValues(r(0, 2, 3, 2))).toEqual(matrix("", [3, 2])); // cached results before recalculation
    expect(s.getLastColumn()).toBe(4);
    loaded.setCustomFunctions(["MATRIX"], matrix);
    expect(s.getValues(r(0, 2, 3, 2))).toEqual(matrix("", [3, 2]));
    expect(s.getCellError(0, 2)).toBeNull();
    s.setCells(0, 0, [[v(4)]]);
    expect(s.getValues(r(3, 2, 1, 2))).toEqual([["3-0", "3-1"]]);
    await saveWorkbook(loaded, path);
    expect((await rawSheet(path, "S")).getCell("D4").value).toBe("3-1");
  });
});

describe("spilled dates", () => {
  it("keeps spilled Dates as dates through save and load without pinning a format on the cells", async () => {
    const path = join(tempDir(), "dates.xlsx");
    const deadlines = () => [[MAY_26], [new Date("2026-05-27T00:00:00+09:00")]];
    const wb = createWorkbook({ name: "dates", timeZone: "Asia/Tokyo" });
    const sheet = wb.insertSheet("S");
    wb.setCustomFunctions(["DEADLINES"], deadlines);
    sheet.setCells(0, 0, [[f("=DEADLINES()")]]);
    expect(sheet.getDisplayValues(r(0, 0, 2, 1))).toEqual([["2026/05/26"], ["2026/05/27"]]);
    await saveWorkbook(wb, path);

    const loaded = await loadWorkbook(path);
    const s = loaded.getSheetByName("S")!;
    expect(s.getDisplayValues(r(0, 0, 2, 1))).toEqual([["2026/05/26"], ["2026/05/27"]]);
    expect((s.getValues(r(1, 0))[0][0] as Date).toISOString()).toBe("2026-05-26T15:00:00.000Z");
    loaded.setCustomFunctions(["DEADLINES"], () => [[MAY_26]]);
    s.setCells(1, 0, [[v(5)]]);
    expect(s.getValues(r(1, 0))).toEqual([[5]]);
  });
});

describe("atomic save and errors", () => {
  it("leaves the previous file byte-identical when the save crashes before the rename", async () => {
    const dir = tempDir();
    const path = join(dir, "book.xlsx");
    const { wb, tasks } = sampleWorkbook();
    await saveWorkbook(wb, path);
    const before = readFileSync(path);
    tasks.setCells(5, 0, [[v("変更")]]);
    await expect(
      saveWorkbook(wb, path, {
        beforeRename: () => {
          throw new Error("simulated crash");
        },
      }),
    ).rejects.toThrow("simulated crash");
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(["book.xlsx"]);
  });

  it("names a missing file", async () => {
    const path = join(tempDir(), "ない.xlsx");
    await expect(loadWorkbook(path)).rejects.toThrow(`ブック「${path}」が見つかりません。`);
  });

  it("reports a file that is not an xlsx without touching it", async () => {
    const dir = tempDir();
    const path = join(dir, "壊れた.xlsx");
    writeFileSync(path, "これは xlsx ではありません");
    const before = readFileSync(path);
    await expect(loadWorkbook(path)).rejects.toThrow(new RegExp(`^ブック「${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}」は \\.xlsx として読めません: .+`));
    expect(readFileSync(path).equals(before)).toBe(true);
    const truncated = join(dir, "途中.xlsx");
    const good = join(dir, "good.xlsx");
    await saveWorkbook(sampleWorkbook().wb, good);
    writeFileSync(truncated, readFileSync(good).subarray(0, 400));
    await expect(loadWorkbook(truncated)).rejects.toThrow("は .xlsx として読めません");
  });
});

describe("large sheets", () => {
  it("saves and loads a 10,000-row sheet", async () => {
    const dir = tempDir();
    const path = join(dir, "big.xlsx");
    const wb = createWorkbook({ name: "big", timeZone: "Asia/Tokyo" });
    const sheet = wb.insertSheet("課題");
    const rows: CellInput[][] = [];
    for (let i = 0; i < 10_000; i++) {
      rows.push([v(`T-${String(i).padStart(5, "0")}`), v(`件名${i}`), v(new Date(MAY_26.getTime() + (i % 365) * 86_400_000)), v(i), v(i % 3 === 0 ? "完了" : "未着手"), f(`=D${i + 1}*2`)]);
    }
    sheet.setCells(0, 0, rows);
    wb.insertSheet("集計").setCells(0, 0, [[f('=COUNTIF(課題!E:E,"完了")'), f("=SUM(課題!F:F)")]]);
    await saveWorkbook(wb, path);

    const loaded = await loadWorkbook(path);
    const t = loaded.getSheetByName("課題")!;
    expect(t.getLastRow()).toBe(10_000);
    expect(t.getValues(r(9_999, 0, 1, 2))).toEqual([["T-09999", "件名9999"]]);
    expect(t.getDisplayValues(r(9_999, 2))).toEqual([["2026/10/17"]]);
    expect(t.getFormulas(r(9_999, 5))).toEqual([["=D10000*2"]]);
    expect(loaded.getSheetByName("集計")!.getValues(r(0, 0, 1, 2))).toEqual([[3_334, 99_990_000]]);
    await saveWorkbook(loaded, path);
    expect((await rawSheet(path, "課題")).getCell("F10000").value).toEqual({ formula: "D10000*2", result: 19_998 });
  });
});
