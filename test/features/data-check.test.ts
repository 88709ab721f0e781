// データ点検 on the demo workbook: clean, then every kind of problem with its cell.
import { describe, expect, it } from "vitest";
import { SECRETARIAT, setUp } from "../support/issues";
import { testRuntime } from "../support/runtime";

describe("checkData", () => {
  it("finds no problem in the demo workbook, and says so in its dialog", () => {
    const { runtime } = testRuntime();
    setUp(runtime);
    const dialogs: { html: string; title: string }[] = [];
    const ui = {
      alert: () => "OK" as const, prompt: () => ({ button: "OK" as const, text: "" }), showSidebar: () => undefined, toast: () => undefined, addMenu: () => undefined,
      showDialog: (html: string, title: string) => dialogs.push({ html, title }),
    };
    const result = runtime.run("checkData", [], { user: SECRETARIAT, ui });
    expect(result.result).toEqual([]);
    expect(dialogs[0].title).toBe("データ点検");
    expect(dialogs[0].html).toContain("問題はありません。");
  });

  it("lists each problem with sheet, cell, value and what to do — and escapes values in the dialog", () => {
    const { runtime } = testRuntime();
    setUp(runtime);
    const sheet = runtime.model.getSheetByName("課題")!;
    const set = (row: number, col: number, value: string) => sheet.setCells(row - 1, col, [[value === "" ? { kind: "empty" } : { kind: "value", value }]]);
    set(3, 0, "R6-001"); // duplicate ID of row 2
    set(4, 1, "来年度");
    set(5, 8, "<b>済み</b>");
    set(6, 6, "not-an-address");
    set(7, 7, "⑨");
    runtime.model.getSheetByName("局区改革")!.setCells(2, 1, [[{ kind: "value", value: "架空局" }]]);
    const dialogs: string[] = [];
    const ui = {
      alert: () => "OK" as const, prompt: () => ({ button: "OK" as const, text: "" }), showSidebar: () => undefined, toast: () => undefined, addMenu: () => undefined,
      showDialog: (html: string) => dialogs.push(html),
    };
    const problems = runtime.run("checkData", [], { user: SECRETARIAT, ui }).result as { sheet: string; a1: string; message: string }[];
    expect(problems.map((p) => `${p.sheet}!${p.a1}`)).toEqual(["課題!A3", "課題!B4", "課題!I5", "課題!G6", "課題!H7", "局区改革!B3"]);
    expect(problems[0].message).toContain("2行目と重複");
    expect(dialogs[0]).toContain("&lt;b&gt;済み&lt;/b&gt;");
    expect(dialogs[0]).not.toContain("<b>済み</b>");
    expect(dialogs[0]).toContain('data-a1="I5"');
  });

  it("selectCell activates the problem's cell", () => {
    const { runtime } = testRuntime();
    const script = runtime.run("selectCell", ["課題", "H12"], { user: SECRETARIAT });
    expect(script.ok, script.error?.message).toBe(true);
    expect(runtime.run("selectCell", ["ないシート", "A1"], { user: SECRETARIAT }).error?.message).toContain("シート「ないシート」がありません");
  });
});

describe("addresses in データ点検", () => {
  it("flags any 担当者メール, 代表メール or 所属長メール that is not an address, with its cell and the fix", () => {
    const { runtime } = testRuntime();
    setUp(runtime);
    /** Writes `value` under `header` in data row `row` (1-based sheet row); the cell's A1. */
    const put = (sheetName: string, header: string, row: number, value: string) => {
      const sheet = runtime.model.getSheetByName(sheetName)!;
      const column = sheet.getValues({ row: 0, column: 0, numRows: 1, numColumns: sheet.getLastColumn() })[0].indexOf(header);
      expect(column, `${sheetName}!${header}`).toBeGreaterThanOrEqual(0);
      sheet.setCells(row - 1, column, [[{ kind: "value", value }]]);
      return `${sheetName}!${String.fromCharCode(65 + column)}${row}`;
    };
    // Not a 継続検討課題: its owner is asked only in the ⑥ months, so its address still matters.
    const issues = runtime.model.getSheetByName("課題")!;
    const sixRow = issues.getValues({ row: 0, column: 0, numRows: issues.getLastRow(), numColumns: issues.getLastColumn() })
      .findIndex((r) => r.includes("⑥")) + 1;
    expect(sixRow).toBeGreaterThan(1);
    const cells = [
      put("課題", "担当者メール", sixRow, "鈴木さん"),
      put("局区", "代表メール", 3, "鈴木さん"),
      put("PTメンバー", "所属長メール", 2, "jinji-ka@city,example"),
    ];
    const problems = runtime.run("checkData", [], { user: SECRETARIAT }).result as { sheet: string; a1: string; value: string; message: string }[];
    expect(problems.map((p) => `${p.sheet}!${p.a1}`)).toEqual(cells);
    expect(problems[0].message).toBe("担当者メール「鈴木さん」はメールアドレスではありません。「name@city.example」の形で入力してください（進捗確認メールの宛先になります）。");
    expect(problems[1].message).toBe("代表メール「鈴木さん」はメールアドレスではありません。「name@city.example」の形で入力してください（各局区への取組照会の宛先になります）。");
    expect(problems[2]).toMatchObject({ value: "jinji-ka@city,example", message: expect.stringContaining("所属長メール「jinji-ka@city,example」はメールアドレスではありません。") });
  });
});
