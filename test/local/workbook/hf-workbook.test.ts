import { describe, it, expect } from "vitest";
import { createWorkbook } from "../../../src/local/workbook/hf-workbook";
import type { CellInput, GridRange } from "../../../src/local/workbook/model";

const TZ = "Asia/Tokyo";
const r = (row: number, column: number, numRows = 1, numColumns = 1): GridRange => ({ row, column, numRows, numColumns });
const v = (value: string | number | boolean | Date): CellInput => ({ kind: "value", value });
const f = (formula: string): CellInput => ({ kind: "formula", formula });
/** 2026-05-26 00:00 in Tokyo. */
const MAY_26 = new Date("2026-05-26T00:00:00+09:00");

function book() {
  const wb = createWorkbook({ name: "テスト", timeZone: TZ });
  return { wb, sheet: wb.insertSheet("シート1") };
}

describe("values and text", () => {
  it("returns numbers, booleans, strings and '' for empty cells", () => {
    const { sheet } = book();
    sheet.setCells(0, 0, [[v(1.5), v(true), v("abc"), { kind: "empty" }]]);
    expect(sheet.getValues(r(0, 0, 1, 5))).toEqual([[1.5, true, "abc", "", ""]]);
  });

  it("keeps strings that look like numbers, formulas or booleans as text", () => {
    const { sheet } = book();
    sheet.setCells(0, 0, [[v("0123"), v("=1+1"), v("TRUE"), v("2026-05-26"), v("'quoted")]]);
    expect(sheet.getValues(r(0, 0, 1, 5))).toEqual([["0123", "=1+1", "TRUE", "2026-05-26", "'quoted"]]);
    expect(sheet.getFormulas(r(0, 0, 1, 2))).toEqual([["", ""]]);
    expect(sheet.getDisplayValues(r(0, 0, 1, 2))).toEqual([["0123", "=1+1"]]);
  });

  it("rejects a duplicate sheet name with Apps Script's message", () => {
    const { wb, sheet } = book();
    expect(() => wb.insertSheet("シート1")).toThrow('A sheet with the name "シート1" already exists. Please enter another name.');
    wb.insertSheet("別");
    expect(() => sheet.setName("別")).toThrow('A sheet with the name "別" already exists. Please enter another name.');
  });
});

describe("dates", () => {
  it("stores a Date as its Tokyo serial with a default date format", () => {
    const { sheet } = book();
    sheet.setCells(0, 0, [[v(MAY_26), v(new Date("2026-05-26T13:45:10+09:00"))]]);
    expect(sheet.exportCell(0, 0).value).toBe(46168);
    expect(sheet.getNumberFormats(r(0, 0, 1, 2))).toEqual([["yyyy/MM/dd", "yyyy/MM/dd H:mm:ss"]]);
    const [[date, dateTime]] = sheet.getValues(r(0, 0, 1, 2));
    expect((date as Date).getTime()).toBe(MAY_26.getTime());
    expect((dateTime as Date).toISOString()).toBe("2026-05-26T04:45:10.000Z");
    expect(sheet.getDisplayValues(r(0, 0, 1, 2))).toEqual([["2026/05/26", "2026/05/26 13:45:10"]]);
  });

  it("reads a number in a date-formatted cell as a Date and keeps an existing date format", () => {
    const { sheet } = book();
    sheet.setNumberFormat(r(0, 0, 1, 2), "yyyy-mm-dd");
    sheet.setCells(0, 0, [[v(46168), v(MAY_26)]]);
    expect((sheet.getValues(r(0, 0))[0][0] as Date).getTime()).toBe(MAY_26.getTime());
    expect(sheet.getDisplayValues(r(0, 0, 1, 2))).toEqual([["2026-05-26", "2026-05-26"]]);
  });

  it("treats date-typed formula results as dates", () => {
    const { sheet } = book();
    sheet.setCells(0, 0, [[f("=DATE(2026,5,26)")]]);
    expect((sheet.getValues(r(0, 0))[0][0] as Date).getTime()).toBe(MAY_26.getTime());
    expect(sheet.getDisplayValues(r(0, 0))).toEqual([["2026/05/26"]]);
  });
});

describe("formulas", () => {
  it("evaluates references to Japanese sheet names and whole columns", () => {
    const { wb } = book();
    const tasks = wb.insertSheet("課題");
    const summary = wb.insertSheet("集計");
    tasks.setCells(0, 0, [[v(1), v(2)], [v(3), v(4)]]);
    summary.setCells(1, 1, [[v(10)]]);
    summary.setCells(0, 0, [[f("=SUM(課題!A:M)"), f("='集計'!B2*2"), f("=課題!B2")]]);
    expect(summary.getValues(r(0, 0, 1, 3))).toEqual([[10, 20, 4]]);
    expect(summary.getFormulas(r(0, 0, 1, 3))).toEqual([["=SUM(課題!A:M)", "=集計!B2*2", "=課題!B2"]]);
    tasks.setCells(5, 12, [[v(100)]]);
    expect(summary.getValues(r(0, 0))).toEqual([[110]]);
  });

  it("shows formula errors as their display string", () => {
    const { sheet } = book();
    sheet.setCells(0, 0, [[f("=1/0"), f("=NA()"), f("=SUM(A1:A3"), f("=D1")]]);
    expect(sheet.getValues(r(0, 0, 1, 4))).toEqual([["#DIV/0!", "#N/A", "#ERROR!", "#REF!"]]);
    expect(sheet.getCellError(0, 3)?.display).toBe("#REF!");
    expect(sheet.getCellError(0, 2)?.message).toBe("数式を解析できませんでした。");
  });

  it("shifts formulas, formats, validation and conditional ranges on row/column inserts and deletes", () => {
    const { sheet } = book();
    const rule = { criteria: "VALUE_IN_LIST", args: [["未着手", "完了"], true], allowInvalid: false, helpText: null };
    sheet.setCells(0, 0, [[v(1)], [v(2)], [f("=SUM(A1:A2)")]]);
    sheet.setNumberFormat(r(1, 0), "0.00");
    sheet.setValidation(r(1, 1), rule);
    sheet.setConditionalRules([
      { ranges: [r(0, 0, 3, 1)], condition: "TEXT_EQ", value: "完了", background: "#b7e1cd", fontColor: null, bold: null },
    ]);
    sheet.insertRowsAfter(0, 2);
    expect(sheet.getFormulas(r(4, 0))).toEqual([["=SUM(A1:A4)"]]);
    expect(sheet.getNumberFormats(r(3, 0))).toEqual([["0.00"]]);
    expect(sheet.getValidation(3, 1)).toEqual(rule);
    expect(sheet.getValidation(1, 1)).toBeNull();
    expect(sheet.getConditionalRules()[0].ranges).toEqual([r(0, 0, 5, 1)]);
    expect(sheet.getMaxRows()).toBe(1002);

    sheet.deleteRows(1, 2);
    expect(sheet.getFormulas(r(2, 0))).toEqual([["=SUM(A1:A2)"]]);
    expect(sheet.getValues(r(2, 0))).toEqual([[3]]);
    expect(sheet.getConditionalRules()[0].ranges).toEqual([r(0, 0, 3, 1)]);

    sheet.insertColumnsAfter(-1, 1);
    expect(sheet.getFormulas(r(2, 1))).toEqual([["=SUM(B1:B2)"]]);
    expect(sheet.getValidation(1, 2)).toEqual(rule);
    sheet.deleteColumns(0, 1);
    expect(sheet.getValues(r(2, 0))).toEqual([[3]]);
  });
});

describe("display values", () => {
  it("formats numbers with Sheets patterns", () => {
    const { sheet } = book();
    sheet.setCells(0, 0, [[v(1234.5), v(1234.5), v(1234.567), v(0.256), v(0.1 + 0.2), v(false)]]);
    sheet.setNumberFormat(r(0, 0), "0");
    sheet.setNumberFormat(r(0, 1), "#,##0");
    sheet.setNumberFormat(r(0, 2), "0.00");
    sheet.setNumberFormat(r(0, 3), "0%");
    expect(sheet.getDisplayValues(r(0, 0, 1, 6))).toEqual([["1235", "1,235", "1234.57", "26%", "0.3", "FALSE"]]);
    expect(sheet.getValues(r(0, 3))).toEqual([[0.256]]);
  });
});

describe("extent, batch and change events", () => {
  it("reports the last row and column with content", () => {
    const { sheet } = book();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.setCells(4, 2, [[v("x")]]);
    sheet.setCells(1, 0, [[f("=SEQUENCE(2,5)")]]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 5]);
    sheet.setCells(4, 2, [[{ kind: "empty" }]]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 5]);
  });

  it("groups writes in a batch and tells listeners which sheets changed", () => {
    const { wb, sheet } = book();
    const other = wb.insertSheet("参照");
    other.setCells(0, 0, [[f("=シート1!A1*2")]]);
    const seen: string[][] = [];
    wb.onChange((names) => seen.push(names));
    wb.batch(() => {
      sheet.setCells(0, 0, [[v(21)]]);
      expect(other.getValues(r(0, 0))).toEqual([[42]]); // reads inside a batch see earlier writes
      sheet.setCells(1, 0, [[v(1)]]);
    });
    expect(seen).toEqual([["シート1", "参照"]]);
  });
});
