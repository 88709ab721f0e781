import { describe, it, expect } from "vitest";
import { createWorkbook } from "../../../src/local/workbook/hf-workbook";
import type { CellInput, GridRange } from "../../../src/local/workbook/model";

const r = (row: number, column: number, numRows = 1, numColumns = 1): GridRange => ({ row, column, numRows, numColumns });
const v = (value: string | number | boolean | Date): CellInput => ({ kind: "value", value });
const f = (formula: string): CellInput => ({ kind: "formula", formula });
const empty: CellInput = { kind: "empty" };

/** A workbook with custom functions that log every call. */
function bookWith(functions: Record<string, (...args: unknown[]) => unknown>) {
  const wb = createWorkbook({ name: "テスト", timeZone: "Asia/Tokyo" });
  const sheet = wb.insertSheet("シート1");
  const calls: { name: string; args: unknown[] }[] = [];
  wb.setCustomFunctions(Object.keys(functions), (name, args) => {
    calls.push({ name, args });
    return functions[name](...args);
  });
  return { wb, sheet, calls };
}

const grid = (rows: number, columns: number) =>
  Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => i * 10 + j));

describe("custom functions", () => {
  it("spills a 3×2 result, reports a blocked spill, and spills again once cleared", () => {
    const { sheet, calls } = bookWith({ MATRIX: (rows, columns) => grid(rows as number, columns as number) });
    sheet.setCells(0, 0, [[f("=matrix(3,2)")]]);
    expect(sheet.getValues(r(0, 0, 3, 2))).toEqual(grid(3, 2));
    expect(sheet.getFormulas(r(0, 0, 1, 2))).toEqual([["=MATRIX(3,2)", ""]]);
    expect(calls).toHaveLength(1);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 2]);

    sheet.setCells(2, 1, [[v("じゃま")]]);
    expect(sheet.getValues(r(0, 0, 3, 2))).toEqual([["#REF!", ""], ["", ""], ["", "じゃま"]]);
    expect(sheet.getCellError(0, 0)).toEqual({
      display: "#REF!",
      message: "配列結果を展開できません。セル B3 のデータが上書きされるためです。",
    });

    sheet.setCells(2, 1, [[empty]]);
    expect(sheet.getValues(r(0, 0, 3, 2))).toEqual(grid(3, 2));
    expect(sheet.getCellError(0, 0)).toBeNull();
  });

  it("re-sizes the spill when the result changes shape", () => {
    const { sheet, calls } = bookWith({ MATRIX: (rows, columns) => grid(rows as number, columns as number) });
    sheet.setCells(0, 0, [[v(2), v(2)]]);
    sheet.setCells(1, 0, [[f("=MATRIX(A1,B1)")]]);
    expect(sheet.getValues(r(1, 0, 2, 2))).toEqual(grid(2, 2));
    calls.length = 0;

    sheet.setCells(0, 0, [[v(4)]]);
    expect(sheet.getValues(r(1, 0, 4, 2))).toEqual(grid(4, 2));
    expect(calls).toHaveLength(1); // memoised: sizing and evaluating share one call

    sheet.setCells(0, 1, [[v(1)]]);
    expect(sheet.getValues(r(1, 0, 4, 2))).toEqual(grid(4, 1).map((row) => [...row, ""]));
    expect(sheet.getLastColumn()).toBe(2); // B1 still holds 1
  });

  it("shows #ERROR! with the thrown message", () => {
    const { sheet } = bookWith({
      BROKEN: () => {
        throw new Error("課題シートがありません");
      },
    });
    sheet.setCells(0, 0, [[f("=BROKEN()")]]);
    expect(sheet.getValues(r(0, 0))).toEqual([["#ERROR!"]]);
    expect(sheet.getDisplayValues(r(0, 0))).toEqual([["#ERROR!"]]);
    expect(sheet.getCellError(0, 0)).toEqual({ display: "#ERROR!", message: "課題シートがありません" });
  });

  it("recalculates over 課題!A:M when a referenced cell changes, once per change", () => {
    const { wb, calls } = bookWith({
      COUNT_OPEN: (rows) => (rows as unknown[][]).filter((row) => row[0] !== "" && row[12] !== "完了").length,
    });
    const tasks = wb.insertSheet("課題");
    const summary = wb.insertSheet("集計");
    tasks.setCells(0, 0, [[v("A-1")], [v("A-2")]]);
    summary.setCells(0, 0, [[f("=COUNT_OPEN(課題!A:M)")]]);
    expect(summary.getValues(r(0, 0))).toEqual([[2]]);
    const args = calls.at(-1)!.args[0] as unknown[][];
    expect(args).toHaveLength(tasks.getMaxRows()); // every row, blanks as ""
    expect(args[0]).toHaveLength(13);
    expect(args[5].every((cell) => cell === "")).toBe(true);

    calls.length = 0;
    tasks.setCells(1, 12, [[v("完了")]]);
    expect(summary.getValues(r(0, 0))).toEqual([[1]]);
    expect(calls).toHaveLength(1);

    summary.setCells(3, 3, [[v("無関係")]]);
    expect(calls).toHaveLength(1);
  });

  it("calls once per distinct arguments within a change: a Date, its text, a number, a string and equal-sized ranges each get their own result", () => {
    const { sheet, calls } = bookWith({
      KIND: (x) => (x instanceof Date ? `date ${x.getTime()}` : `${typeof x} ${String(x)}`),
      TOTAL: (rows) => (rows as unknown[][]).reduce((sum, [n]) => sum + Number(n), 0),
    });
    const day = new Date("2026-05-26T00:00:00+09:00");
    sheet.setCells(0, 0, [
      [v(day), v(String(day.getTime())), v(1), v("1"), v(2)],
      [v(day), v(String(day.getTime())), v(3), v("1"), v(5)],
    ]);
    sheet.setCells(2, 0, [[f("=KIND(A1)"), f("=KIND(B1)"), f("=KIND(C1)"), f("=KIND(D1)"), f("=KIND(A2)")]]);
    sheet.setCells(3, 0, [[f("=TOTAL(C1:C2)"), f("=TOTAL(E1:E2)"), f("=TOTAL(C1:C2)")]]);
    expect(sheet.getValues(r(2, 0, 1, 5))).toEqual([[`date ${day.getTime()}`, `string ${day.getTime()}`, "number 1", "string 1", `date ${day.getTime()}`]]);
    expect(sheet.getValues(r(3, 0, 1, 3))).toEqual([[4, 7, 4]]);
    // The equal Date in A2 and the repeated C1:C2 reuse a result; everything else is its own call.
    expect(calls.filter((c) => c.name === "KIND")).toHaveLength(4);
    expect(calls.filter((c) => c.name === "TOTAL").map((c) => c.args[0])).toEqual([[[1], [3]], [[2], [5]]]);
  });

  it("passes dates as Dates and returns Dates as date cells", () => {
    const seen: unknown[] = [];
    const { sheet } = bookWith({
      NEXT_DAY: (day) => {
        seen.push(day);
        return new Date((day as Date).getTime() + 86_400_000);
      },
      DAYS: (rows) => (rows as unknown[][]).map(([d]) => [d instanceof Date ? d.toISOString() : d]),
    });
    sheet.setCells(0, 0, [[v(new Date("2026-05-26T00:00:00+09:00"))], [empty], [v("x")]]);
    sheet.setCells(0, 1, [[f("=NEXT_DAY(A1)"), f("=DAYS(A1:A3)")]]);
    expect(seen[0]).toBeInstanceOf(Date);
    expect((sheet.getValues(r(0, 1))[0][0] as Date).toISOString()).toBe("2026-05-26T15:00:00.000Z");
    expect(sheet.getDisplayValues(r(0, 1))).toEqual([["2026/05/27"]]);
    expect(sheet.getValues(r(0, 2, 3, 1))).toEqual([["2026-05-25T15:00:00.000Z"], [""], ["x"]]);
  });

  it("treats spilled cells as formula-free and does not let them block the origin's next spill", () => {
    const { sheet } = bookWith({ LIST: (n) => Array.from({ length: n as number }, (_, i) => `item${i}`) });
    sheet.setCells(0, 0, [[v(3), f("=LIST(A1)")]]);
    expect(sheet.getValues(r(0, 1, 3, 1))).toEqual([["item0"], ["item1"], ["item2"]]);
    expect(sheet.exportCell(1, 1)).toEqual({ formula: null, value: "item1", spilled: true, format: null });
    sheet.setCells(0, 0, [[v(2)]]);
    expect(sheet.getValues(r(0, 1, 3, 1))).toEqual([["item0"], ["item1"], [""]]);
  });
});

describe("registering custom functions after formulas exist", () => {
  it("evaluates and spills formulas entered before registration, after a sheet was deleted", () => {
    const wb = createWorkbook({ name: "テスト", timeZone: "Asia/Tokyo" });
    const gone = wb.insertSheet("消す");
    const sheet = wb.insertSheet("残す");
    wb.deleteSheet(gone);
    sheet.setCells(0, 0, [[v(3), f("=MATRIX(A1,2)"), empty, f("=SUM(B1:C3)")]]);
    expect(sheet.getValues(r(0, 1))).toEqual([["#NAME?"]]);
    wb.setCustomFunctions(["matrix"], (_name, [rows, columns]) => grid(rows as number, columns as number));
    expect(sheet.getValues(r(0, 1, 3, 2))).toEqual(grid(3, 2));
    expect(sheet.getValues(r(0, 3))).toEqual([[0 + 1 + 10 + 11 + 20 + 21]]);
  });

  it("evaluates once, when bound, a workbook built with the functions' names (as a workbook is opened)", () => {
    const wb = createWorkbook({ name: "テスト", timeZone: "Asia/Tokyo", customFunctions: ["MATRIX", "TWICE"] });
    const sheet = wb.insertSheet("シート1");
    sheet.setCells(0, 0, [[v(3), f("=MATRIX(A1,2)"), empty, f("=SUM(B1:C3)"), f("=TWICE(A1)")]]);
    const calls: string[] = [];
    wb.setCustomFunctions(["MATRIX", "TWICE"], (name, args) => {
      calls.push(`${name}(${args.join(",")})`);
      return name === "MATRIX" ? grid(args[0] as number, args[1] as number) : (args[0] as number) * 2;
    });
    // Binding evaluates (listeners hear of it then), each call once; reads find the results.
    expect(calls).toEqual(["MATRIX(3,2)", "TWICE(3)"]);
    expect(sheet.getValues(r(0, 1, 3, 2))).toEqual(grid(3, 2));
    expect(sheet.getValues(r(0, 3, 1, 2))).toEqual([[0 + 1 + 10 + 11 + 20 + 21, 6]]);
    expect(calls).toHaveLength(2);
  });

  it("answers a read before the functions are bound, and evaluates with them once they are", () => {
    const wb = createWorkbook({ name: "テスト", timeZone: "Asia/Tokyo", customFunctions: ["TWICE"] });
    const sheet = wb.insertSheet("シート1");
    sheet.setCells(0, 0, [[v(3), f("=TWICE(A1)"), f("=A1+1")]]);
    expect(sheet.getValues(r(0, 1, 1, 2))).toEqual([["#ERROR!", 4]]);
    wb.setCustomFunctions(["TWICE"], (_name, [n]) => (n as number) * 2);
    expect(sheet.getValues(r(0, 1, 1, 2))).toEqual([[6, 4]]);
    // Other names than it was built with: registered as on any workbook.
    wb.setCustomFunctions(["THRICE"], (_name, [n]) => (n as number) * 3);
    sheet.setCells(0, 1, [[f("=THRICE(A1)")]]);
    expect(sheet.getValues(r(0, 1))).toEqual([[9]]);
  });

  it("re-sizes an array expression around a custom function", () => {
    const { sheet } = bookWith({ MATRIX: (rows, columns) => grid(rows as number, columns as number) });
    sheet.setCells(0, 0, [[v(1), f("=MATRIX(A1,1)*2")]]);
    sheet.setCells(0, 0, [[v(3)]]);
    expect(sheet.getValues(r(0, 1, 3, 1))).toEqual([[0], [20], [40]]);
  });
});

describe("a copy of the workbook (HfWorkbook.copy)", () => {
  /** A bound workbook with a spilling MATRIX, a TWICE, formats, layout and a second, hidden sheet. */
  function source() {
    const wb = createWorkbook({ name: "テスト", timeZone: "Asia/Tokyo", customFunctions: ["MATRIX", "TWICE"] });
    const sheet = wb.insertSheet("シート1");
    const other = wb.insertSheet("別");
    sheet.setCells(0, 0, [[v(3), f("=MATRIX(A1,2)"), empty, f("=TWICE(別!A1)"), v("2026-05-26")]]);
    other.setCells(0, 0, [[v(21)]]);
    sheet.setNumberFormat(r(0, 3), "#,##0.0");
    sheet.setStyle(r(0, 0, 1, 2), { bold: true, background: "#e8eef7" });
    sheet.setValidation(r(1, 0, 2, 1), { criteria: "VALUE_IN_LIST", args: [["a", "b"], true], allowInvalid: false, helpText: null });
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(1, 240);
    other.setHidden(true);
    const calls: string[] = [];
    const invoke = (name: string, args: unknown[]) => {
      calls.push(`${name}(${args.join(",")})`);
      return name === "MATRIX" ? grid(args[0] as number, args[1] as number) : (args[0] as number) * 2;
    };
    wb.setCustomFunctions(["MATRIX", "TWICE"], invoke);
    return { wb, sheet, other, calls, invoke };
  }

  it("has the same cells, formats, layout and sheet ids, and changes apart from its source", () => {
    const { wb, sheet, invoke } = source();
    const copy = wb.copy();
    copy.setCustomFunctions(["MATRIX", "TWICE"], invoke);
    const [mine, other] = copy.getSheets();
    const all = r(0, 0, 4, 5);
    expect(copy.getSheets().map((s) => [s.getName(), s.sheetId, s.isHidden()])).toEqual(wb.getSheets().map((s) => [s.getName(), s.sheetId, s.isHidden()]));
    expect(mine.getValues(all)).toEqual(sheet.getValues(all));
    expect(mine.getValues(r(0, 1, 3, 2))).toEqual(grid(3, 2));
    expect(mine.getFormulas(all)).toEqual(sheet.getFormulas(all));
    expect(mine.getDisplayValues(r(0, 3))).toEqual([["42.0"]]);
    expect(mine.getValues(r(0, 4))).toEqual([["2026-05-26"]]);
    expect([mine.getStyle(0, 1), mine.getValidation(2, 0), mine.getFrozenRows(), mine.getColumnWidth(1)]).toEqual([
      sheet.getStyle(0, 1), sheet.getValidation(2, 0), 1, 240,
    ]);
    // Apart: a write to either is not seen in the other.
    other.setCells(0, 0, [[v(50)]]);
    mine.setCells(0, 0, [[v(2)]]);
    expect(mine.getValues(r(0, 3))).toEqual([[100]]);
    expect(sheet.getValues(r(0, 0, 1, 4))).toEqual([[3, 0, 1, 42]]);
    sheet.setStyle(r(0, 1), { bold: false });
    expect(mine.getStyle(0, 1).bold).toBe(true);
  });

  it("shows its source's results when bound, calling only what gets other arguments", () => {
    const { wb, other, calls, invoke } = source();
    other.setCells(0, 0, [[v(5)]]);
    expect(calls).toEqual(["MATRIX(3,2)", "TWICE(21)", "TWICE(5)"]);
    calls.length = 0;
    const copy = wb.copy();
    copy.setCustomFunctions(["MATRIX", "TWICE"], invoke);
    expect(calls).toEqual([]);
    expect(copy.getSheetByName("シート1")!.getValues(r(0, 1, 1, 3))).toEqual([[0, 1, 10]]);
    copy.getSheetByName("シート1")!.setCells(0, 0, [[v(4)]]);
    expect(calls).toEqual(["MATRIX(4,2)"]);
    expect(copy.getSheetByName("シート1")!.getValues(r(0, 1, 4, 2))).toEqual(grid(4, 2));
  });

  it("reads the arguments again of a copy written to before it was bound, calling what they changed", () => {
    const { wb, calls, invoke } = source();
    calls.length = 0;
    const copy = wb.copy();
    copy.getSheetByName("シート1")!.setCells(0, 0, [[v(2)]]);
    copy.setCustomFunctions(["MATRIX", "TWICE"], invoke);
    expect(calls).toEqual(["MATRIX(2,2)"]);
    expect(copy.getSheetByName("シート1")!.getValues(r(0, 1, 3, 2))).toEqual([[0, 1], [10, 11], ["", ""]]);
  });

  it("calls again a function whose arguments hold a volatile function (RAND)", () => {
    const { wb, sheet, calls, invoke } = source();
    sheet.setCells(2, 3, [[f("=TWICE(RAND())")]]);
    calls.length = 0;
    const copy = wb.copy();
    copy.setCustomFunctions(["MATRIX", "TWICE"], invoke);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^TWICE\(0\.\d+/);
  });

  it("calls the functions of a copy made before its source was ever bound", () => {
    const wb = createWorkbook({ name: "テスト", timeZone: "Asia/Tokyo", customFunctions: ["TWICE"] });
    wb.insertSheet("シート1").setCells(0, 0, [[v(3), f("=TWICE(A1)")]]);
    expect(wb.getSheetByName("シート1")!.getValues(r(0, 1))).toEqual([["#ERROR!"]]);
    const copy = wb.copy();
    copy.setCustomFunctions(["TWICE"], (_name, [n]) => (n as number) * 2);
    expect(copy.getSheetByName("シート1")!.getValues(r(0, 1))).toEqual([[6]]);
  });
});
