// 初期設定 on the demo workbook and on an empty one: creates what is missing, changes no data, idempotent.
import { describe, expect, it } from "vitest";
import { answeringUi } from "../support/follow-up";
import { sheetRecords } from "../support/issues";
import { testRuntime } from "../support/runtime";
import { ISSUES } from "../../src/core/contracts/issues";

const SECRETARIAT = "henkaku@city.example";

function snapshot(runtime: ReturnType<typeof testRuntime>["runtime"], sheets: string[]) {
  return Object.fromEntries(sheets.map((name) => [name, JSON.stringify(sheetRecords(runtime, name))]));
}

describe("setupWorkbook", () => {
  it("adds 設定 to the demo workbook without touching its data (its 履歴 included), then changes nothing", () => {
    const { runtime } = testRuntime();
    const data = ["課題", "履歴", "局区改革", "局区"];
    const before = snapshot(runtime, data);
    const summary = runtime.model.getSheetByName("集計")!;
    const summaryCells = () => summary.getFormulas({ row: 0, column: 0, numRows: 60, numColumns: 5 });
    const summaryBefore = summaryCells();
    const first = runtime.run("setupWorkbook", [], { user: SECRETARIAT });
    expect(first.ok, first.error?.message).toBe(true);
    const changes = first.result as string[];
    expect(changes).toEqual(expect.arrayContaining([
      expect.stringContaining("シート「設定」を作成しました"),
      "シートの直接編集を履歴に記録するトリガーを設定しました",
    ]));
    expect(snapshot(runtime, data)).toEqual(before);
    // 集計 keeps its formulas; its 基準日 (D2) is filled in, with today.
    expect(summaryCells()).toEqual(summaryBefore);
    expect(summary.getValues({ row: 1, column: 3, numRows: 1, numColumns: 1 })).toEqual([[new Date("2026-11-25T00:00:00+09:00")]]);
    expect(runtime.readRange("設定!A2:B2")).toEqual([["事務局メール", SECRETARIAT]]);
    expect(runtime.state.triggers.filter((t) => t.handler === "onIssueEdit")).toHaveLength(1);
    expect(runtime.model.getSheetByName("課題")!.getValidation(5, 8)?.args[0]).toEqual(["完了", "実施中", "検討中"]);
    // Help for the strict 進捗分類 list: one line naming what the list accepts.
    expect(runtime.model.getSheetByName("課題")!.getValidation(5, 8)?.helpText).toBe("完了（分類1）・実施中（分類2）・検討中（分類3）から選んでください。");
    // 整理区分: ①–⑦, 継続 and 年度内完了 offered; blank (未整理) stays allowed, as the help says.
    expect(runtime.model.getSheetByName("課題")!.getValidation(5, 7)).toMatchObject({
      args: [["①", "②", "③", "④", "⑤", "⑥", "⑦", "継続", "年度内完了"], true], allowInvalid: false, helpText: expect.stringContaining("空欄は未整理"),
    });

    const second = runtime.run("setupWorkbook", [], { user: SECRETARIAT });
    expect(second.result).toEqual([]);
    expect(snapshot(runtime, data)).toEqual(before);
    expect(runtime.state.triggers.filter((t) => t.handler === "onIssueEdit")).toHaveLength(1);
  });

  it("builds a whole workbook from an empty spreadsheet, 局区 prefilled in the report's order", () => {
    const { runtime } = testRuntime({ demo: false });
    runtime.model.insertSheet("シート1");
    const result = runtime.run("setupWorkbook", [], { user: SECRETARIAT });
    expect(result.ok, result.error?.message).toBe(true);
    for (const name of ["課題", "局区改革", "局区", "担当者", "履歴", "設定", "集計"]) expect(runtime.model.getSheetByName(name), name).not.toBeNull();
    const bureaus = runtime.readRange("局区!A1:B30");
    expect(bureaus[0]).toEqual(["局区名", "区分"]);
    expect(bureaus[1]).toEqual(["会計室", "局"]);
    expect(bureaus[16]).toEqual(["門司区", "区"]);
    expect(bureaus[29]).toEqual(["行政委員会", "局"]);
    expect(runtime.readRange("集計!A11:B11")).toEqual([["進捗確認課題数", 0]]);
  });

  it("creates 担当者 with its headers, a 役割 dropdown, date entry for 開始日・終了日 and readable widths", () => {
    const { runtime } = testRuntime({ demo: false });
    runtime.model.insertSheet("シート1");
    const result = runtime.run("setupWorkbook", [], { user: SECRETARIAT });
    expect(result.ok, result.error?.message).toBe(true);
    expect(result.result).toEqual(expect.arrayContaining([
      "シート「担当者」を作成しました",
      "担当者の「役割（担当／代理）」に選択肢（担当・代理）を設定しました",
      "担当者の「開始日」を日付の入力にしました",
      "担当者の「終了日」を日付の入力にしました",
    ]));
    expect(runtime.readRange("担当者!A1:G1")).toEqual([["氏名", "メール", "担当アドレス", "役割（担当／代理）", "開始日", "終了日", "備考"]]);
    const sheet = runtime.model.getSheetByName("担当者")!;
    expect(sheet.getValidation(1, 3)).toMatchObject({ criteria: "VALUE_IN_LIST", args: [["担当", "代理"], true] });
    for (const column of [4, 5]) expect(sheet.getValidation(5, column)).toMatchObject({ criteria: "DATE_IS_VALID_DATE", allowInvalid: true });
    expect(sheet.getValidation(5, column("備考"))).toBeNull();
    expect(sheet.getColumnWidth(1)).toBe(210);
    expect(runtime.run("setupWorkbook", [], { user: SECRETARIAT }).result).toEqual([]);

    function column(header: string) {
      return ["氏名", "メール", "担当アドレス", "役割（担当／代理）", "開始日", "終了日", "備考"].indexOf(header);
    }
  });

  // The add-on's dates are Tokyo's; Sheets reads and shows a spreadsheet's dates in its own zone (R-ss getSpreadsheetTimeZone).
  it("says when the spreadsheet's time zone is not Tokyo's, and where to change it, every time it runs", () => {
    const { runtime } = testRuntime({ timeZone: "America/New_York" });
    const { ui, shown } = answeringUi("YES");
    for (let run = 0; run < 2; run++) {
      const result = runtime.run("setupWorkbook", [], { user: SECRETARIAT, ui });
      expect(result.ok, result.error?.message).toBe(true);
      expect(result.result).toEqual(expect.arrayContaining([expect.stringContaining("タイムゾーンが「America/New_York」になっています")]));
      expect(shown.at(-1)?.text).toContain("「ファイル」→「設定」の「全般」タブで、「タイムゾーン」を「(GMT+09:00) 東京」にして「設定を保存」を押してください");
    }
  });

  it("gives the contract's columns readable widths by header, wraps 課題名 and 進捗メモ, and leaves staff's columns alone", () => {
    const { runtime } = testRuntime();
    const issues = runtime.model.getSheetByName("課題")!;
    const column = (header: string) => (runtime.readRange("課題!A1:Z1")[0] as unknown[]).indexOf(header);
    // Staff added a column of their own and widened 進捗メモ before the first 初期設定.
    issues.setCells(0, issues.getLastColumn(), [[{ kind: "value", value: "備考" }]]);
    issues.setColumnWidth(column("進捗メモ"), 500);
    const first = runtime.run("setupWorkbook", [], { user: SECRETARIAT });
    expect(first.ok, first.error?.message).toBe(true);
    // Every column the contract gives a width, but the one staff widened.
    const widened = ISSUES.columnWidths.filter((c) => c.header !== "進捗メモ" && c.width !== 100).map((c) => `「${c.header}」`).join("");
    expect(widened).toContain("「ID」「年度」「課題名」「区分」「制度所管局」「所管課」「担当者メール」「整理区分」「進捗分類」「実施時期」");
    expect(first.result).toContain(`シート「課題」の列 ${widened} の幅を整えました`);
    const width = (header: string) => issues.getColumnWidth(column(header));
    expect(width("課題名")).toBe(320);
    expect(width("ID")).toBe(80);
    // 「2026/04/01 9:00:00」 is 18 narrow characters: about 7 px each plus the cell's padding.
    expect(width("最終更新日")).toBeGreaterThanOrEqual(18 * 7 + 12);
    expect(width("進捗メモ")).toBe(500);
    expect(width("備考")).toBeNull();
    expect(issues.getStyle(5, column("課題名")).wrap).toBe(true);
    expect(issues.getStyle(5, column("実施時期")).wrap).toBeUndefined();
    expect(runtime.model.getSheetByName("履歴")!.getColumnWidth(0)).toBe(150);

    const second = runtime.run("setupWorkbook", [], { user: SECRETARIAT });
    expect(second.result).toEqual([]);
    expect(width("課題名")).toBe(320);
    expect(width("進捗メモ")).toBe(500);
  });

  it("finds the columns by header when staff reordered them", () => {
    const { runtime } = testRuntime({ demo: false });
    const sheet = runtime.model.insertSheet("課題");
    sheet.setCells(0, 0, [["進捗分類", "ID", "課題名"].map((h) => ({ kind: "value" as const, value: h }))]);
    runtime.run("setupWorkbook", [], { user: SECRETARIAT });
    expect([0, 1, 2, 3].map((c) => sheet.getColumnWidth(c))).toEqual([90, 80, 320, 60]);
  });

  it("makes 集計 with each table framed and its header row shaded, in calls that do not grow with the data", () => {
    const made = (extraIssues: number) => {
      const { runtime } = testRuntime();
      runtime.model.deleteSheet(runtime.model.getSheetByName("集計")!);
      const issues = runtime.model.getSheetByName("課題")!;
      const rows = Array.from({ length: extraIssues }, (_, i) => [`R7-${900 + i}`, "R7", `追加の課題${i}`, "職員", "", "", "", "", "検討中"]);
      if (rows.length) issues.setCells(issues.getLastRow(), 0, rows.map((r) => r.map((value) => ({ kind: "value" as const, value }))));
      const execution = runtime.run("setupWorkbook", [], { user: SECRETARIAT });
      expect(execution.ok, execution.error?.message).toBe(true);
      return { runtime, calls: execution.calls.SpreadsheetApp ?? {} };
    };
    const { runtime, calls } = made(0);
    const summary = runtime.model.getSheetByName("集計")!;
    const style = (a1: string) => {
      const [, column, row] = /^([A-Z])(\d+)$/.exec(a1)!;
      return summary.getStyle(Number(row) - 1, column.charCodeAt(0) - 65);
    };
    // The status table A4:D8 (R6, R7, 計), the 整理区分 table A14:D22 and the groups beside it F14:H20, the 局区 table A25:B55,
    // and the year-end table J4:L9 (R6 and R7 ended by today), as the formulas spill them.
    expect(runtime.readRange("集計!A4:E4")).toEqual([["", "R6", "R7", "計", ""]]);
    const tables = [["A4", "D4", "D8", "A9", "E4"], ["A14", "D14", "D22", "A23", "E14"], ["F14", "H14", "H20", "F21", "I14"], ["A25", "B25", "B55", "A56", "C25"], ["J4", "L4", "L9", "J10", "M4"]];
    for (const [topLeft, topRight, bottomRight, below, right] of tables) {
      expect(style(topLeft)).toMatchObject({ background: "#e8eef7", bold: true });
      expect(style(topRight).background, topRight).toBe("#e8eef7");
      expect(style(right).background, right).toBeUndefined();
      expect(style(topLeft).borders).toMatchObject({ top: { color: "#999999", style: "SOLID" }, left: { color: "#999999" } });
      expect(style(bottomRight).borders).toMatchObject({ bottom: { color: "#999999" }, right: { color: "#999999" } });
      expect(style(below).borders, below).toBeUndefined();
    }
    expect(style("A5").background).toBeUndefined();
    expect(style("B6").borders).toMatchObject({ top: { color: "#999999" }, left: { color: "#999999" } });
    expect(summary.getColumnWidth(0)).toBe(160);
    // One setBorder per table and one header shading each, with 5 or 205 issues alike.
    expect(calls["Range.setBorder"]).toBe(5);
    const more = made(200).calls;
    for (const method of ["Range.setBorder", "Range.setBackground", "Range.setFontWeight", "Sheet.getRange", "Range.getValues", "Range.setValues"]) {
      expect(more[method], method).toBe(calls[method]);
    }
  });

  it("adds a missing header at the right end and leaves reordered columns where staff put them", () => {
    const { runtime } = testRuntime({ demo: false });
    const sheet = runtime.model.insertSheet("課題");
    sheet.setCells(0, 0, [["進捗分類", "ID", "課題名"].map((h) => ({ kind: "value" as const, value: h })), [
      { kind: "value", value: "完了" }, { kind: "value", value: "R8-001" }, { kind: "value", value: "窓口改革" },
    ]]);
    runtime.run("setupWorkbook", [], { user: SECRETARIAT });
    const rows = runtime.readRange("課題!A1:P2");
    expect(rows[0].slice(0, 4)).toEqual(["進捗分類", "ID", "課題名", "年度"]);
    expect(rows[1].slice(0, 3)).toEqual(["完了", "R8-001", "窓口改革"]);
  });
});

describe("setupWorkbook asks before naming the secretariat", () => {
  it("asks the person at the sheet, and leaves 事務局メール blank when they say no", () => {
    const refused = testRuntime();
    const no = answeringUi("NO");
    expect(refused.runtime.run("setupWorkbook", [], { user: "kaikei@city.example", ui: no.ui }).ok).toBe(true);
    expect(no.shown[0]).toMatchObject({ title: "事務局の登録", text: expect.stringContaining("あなたのアドレス（kaikei@city.example）を登録しますか") });
    expect(refused.runtime.readRange("設定!A2:B2")).toEqual([["事務局メール", ""]]);

    const accepted = testRuntime();
    const yes = answeringUi("YES");
    accepted.runtime.run("setupWorkbook", [], { user: SECRETARIAT, ui: yes.ui });
    expect(accepted.runtime.readRange("設定!A2:B2")).toEqual([["事務局メール", SECRETARIAT]]);
    // Once 設定 exists, running it again asks nothing.
    const again = answeringUi("NO");
    accepted.runtime.run("setupWorkbook", [], { user: "kaikei@city.example", ui: again.ui });
    expect(again.shown.map((s) => s.title)).not.toContain("事務局の登録");
    expect(accepted.runtime.readRange("設定!A2:B2")).toEqual([["事務局メール", SECRETARIAT]]);
  });
});
