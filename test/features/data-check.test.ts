// データ点検 on the demo workbook: clean, then every kind of problem with its cell.
import { describe, expect, it } from "vitest";
import { SECRETARIAT } from "../support/issues";
import { testRuntime } from "../support/runtime";

describe("checkData", () => {
  it("finds no problem in the demo workbook, and says so in its dialog", () => {
    const { runtime } = testRuntime({ setUp: true });
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
    const { runtime } = testRuntime({ setUp: true });
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

describe("実施時期 in データ点検 and on 集計", () => {
  /** Runs データ点検 as the secretariat; its problems and the dialog's HTML. */
  function check(runtime: ReturnType<typeof testRuntime>["runtime"]) {
    const dialogs: string[] = [];
    const ui = {
      alert: () => "OK" as const, prompt: () => ({ button: "OK" as const, text: "" }), showSidebar: () => undefined, toast: () => undefined, addMenu: () => undefined,
      showDialog: (html: string) => dialogs.push(html),
    };
    const problems = runtime.run("checkData", [], { user: SECRETARIAT, ui }).result as { sheet: string; a1: string; value: string; message: string }[];
    return { problems, html: dialogs[0] };
  }
  /** The 課題 cell of an issue's column, by ID and header. */
  function issueCell(runtime: ReturnType<typeof testRuntime>["runtime"], id: string, header: string) {
    const sheet = runtime.model.getSheetByName("課題")!;
    const values = sheet.getValues({ row: 0, column: 0, numRows: sheet.getLastRow(), numColumns: sheet.getLastColumn() });
    const [row, column] = [values.findIndex((r) => r[0] === id), values[0].indexOf(header)];
    return { a1: `${String.fromCharCode(65 + column)}${row + 1}`, set: (value: string) => sheet.setCells(row, column, [[{ kind: "value", value }]]) };
  }

  it("lists the followed issues past their 実施時期 today, politely, each with its cell", () => {
    const { runtime } = testRuntime({ now: "2026-05-26T09:00:00+09:00", setUp: true });
    const { problems, html } = check(runtime);
    expect(problems).toEqual([]);
    expect(html).toContain("問題はありません。");
    expect(html).toContain("実施時期を過ぎた課題（11件・令和8年5月26日時点）");
    expect(html).toContain("担当課に進捗をご確認いただくか、実施時期を更新してください。");
    // R6-022 「R7実証実験開始」: 令和7年度 ended on 2026-03-31.
    const cell = issueCell(runtime, "R6-022", "実施時期");
    expect(html).toContain(`data-a1="${cell.a1}"`);
    expect(html).toMatch(/R6-022<\/td>\s*<td>オフィス改革<\/td>\s*<td>R7実証実験開始（令和7年度）<\/td>\s*<td>実施中<\/td>/);
    // 「R8年度中に方針決定」 has not ended: R6-030 is not listed.
    expect(html).not.toContain("R6-030");
  });

  it("lists an unreadable 実施時期 as a problem with its cell, what it read and how to write it — and 集計 still counts", () => {
    const { runtime } = testRuntime({ now: "2026-05-26T09:00:00+09:00", setUp: true });
    const summary = runtime.model.getSheetByName("集計")!;
    // The 基準日 that 初期設定 and the monthly trigger keep in 集計!D2.
    summary.setCells(1, 3, [[{ kind: "value", value: new Date("2026-05-26T00:00:00+09:00") }]]);
    expect(runtime.readRange("集計!A12:B12")).toEqual([["実施時期を過ぎた課題数", 11]]);
    const unreadable = issueCell(runtime, "R6-023", "実施時期");
    unreadable.set("来春");
    const { problems, html } = check(runtime);
    expect(problems.map((p) => `${p.sheet}!${p.a1}`)).toEqual([`課題!${unreadable.a1}`]);
    expect(problems[0]).toMatchObject({ value: "来春", message: expect.stringContaining("実施時期「来春」から年月を読み取れません。「R8年4月」「R8年度」「2026年4月」のように") });
    expect(html).toContain("実施時期を過ぎた課題（10件・");
    expect(runtime.readRange("集計!B12")).toEqual([[10]]);
    expect(runtime.readRange("集計!B11")).toEqual([[34]]);
  });
});

describe("addresses in データ点検", () => {
  it("flags any 担当者メール, 代表メール or 所属長メール that is not an address, with its cell and the fix", () => {
    const { runtime } = testRuntime({ setUp: true });
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
