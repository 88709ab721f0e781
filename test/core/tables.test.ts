import { describe, expect, it } from "vitest";
import { bureauTable, directionTable, followUpCount, skippedNote, skippedRows, statusTable, type SkippedRow } from "../../src/core/tables";

const HEADER = ["ID", "課題名", "進捗分類", "年度", "整理区分", "区分"];
// Columns deliberately out of the documented order: tables find them by header.
function issues(...rows: [string, string, unknown, unknown, unknown, unknown][]) {
  return [HEADER, ...rows];
}

describe("statusTable", () => {
  const data = issues(
    ["R6-1", "a", "完了", "R6", "継続", "職員"],
    ["R6-2", "b", "分類2", "令和6年度", "継続", "職員"],
    ["R7-1", "c", "検討中", "R7", "⑦", "ユーザー"],
    ["R7-2", "d", "完了", "2025", "7", "ユーザー"],
    ["R7-3", "e", "検討中", "R7", "⑥", "職員"], // not tracked
    ["R7-4", "f", "検討中", "R7", "", "職員"], // 未整理: not tracked until sorted
    ["R6-3", "g", "完了", "R6", "年度内完了", "職員"], // completed within R6: not followed
    ["", "", "", "", "", ""], // blank row
  );

  it("counts tracked issues by class and year with totals", () => {
    expect(statusTable(data)).toEqual([
      ["", "R6", "R7", "計"],
      ["完了", 1, 1, 2],
      ["実施中", 1, 0, 1],
      ["検討中", 0, 1, 1],
      ["計", 2, 2, 4],
    ]);
  });

  it("uses exactly the years asked for, in that order", () => {
    expect(statusTable(data, [["R7", "R6", "R8"]])[0]).toEqual(["", "R7", "R6", "R8", "計"]);
    expect(statusTable(data, "令和7年度")).toEqual([
      ["", "R7", "計"],
      ["完了", 1, 1],
      ["実施中", 0, 0],
      ["検討中", 1, 1],
      ["計", 2, 2],
    ]);
    expect(statusTable(data, [["R7"], ["R7"], [""]])[0]).toEqual(["", "R7", "計"]);
  });

  it("adds 未設定 before 計 when a counted issue has no class", () => {
    const table = statusTable(issues(["1", "a", "", "R7", "継続", "職員"], ["2", "b", "完了", "R7", "継続", "職員"]));
    expect(table.map((r) => r[0])).toEqual(["", "完了", "実施中", "検討中", "未設定", "計"]);
    expect(table[4]).toEqual(["未設定", 1, 1]);
    // …but not when the blank row is outside the chosen years.
    expect(statusTable(issues(["1", "a", "", "R6", "継続", "職員"]), "R7").map((r) => r[0])).not.toContain("未設定");
  });

  it("names the row, column and value it cannot read", () => {
    const bad = issues(["1", "a", "完了", "R7", "継続", "職員"], ["2", "b", "済み", "R7", "継続", "職員"]);
    expect(() => statusTable(bad)).toThrow("課題 3行目: 進捗分類「済み」を解釈できません");
    expect(() => statusTable(issues(["1", "a", "完了", "来年", "継続", "職員"]))).toThrow("課題 2行目: 年度「来年」を解釈できません");
    expect(() => statusTable(issues(["1", "a", "完了", "", "継続", "職員"]))).toThrow("課題 2行目: 年度が空です");
    expect(() => statusTable(data, "来期")).toThrow("年度の指定「来期」を解釈できません");
  });

  it("with a list for them, leaves out the rows it cannot read and lists sheet, row, header and value", () => {
    const bad = issues(["1", "a", "完了", "R7", "継続", "職員"], ["2", "b", "済み", "R7", "継続", "職員"], ["3", "c", "完了", "らいねん", "⑦", "職員"], ["4", "d", "完了", "", "継続", "職員"]);
    const skipped: SkippedRow[] = [];
    expect(statusTable(bad, undefined, skipped)).toEqual([["", "R7", "計"], ["完了", 1, 1], ["実施中", 0, 0], ["検討中", 0, 0], ["計", 1, 1]]);
    expect(skipped).toEqual([
      { sheet: "課題", row: 3, header: "進捗分類", value: "済み" },
      { sheet: "課題", row: 4, header: "年度", value: "らいねん" },
      { sheet: "課題", row: 5, header: "年度", value: "" },
    ]);
    expect(skippedNote(skipped)).toBe(
      "読み取れない行が3行あります（課題 3行目 進捗分類「済み」、課題 4行目 年度「らいねん」、課題 5行目 年度が空欄）。表には数えていません。セルを直すと数えます（メニュー「データ点検」で一覧できます）。",
    );
    expect(skippedRows("platina_status_table", [bad])).toEqual(skipped);
    // The follow-up count needs no 年度: only the unreadable 進捗分類 is left out.
    expect(skippedRows("PLATINA_FOLLOWUP_COUNT", [bad])).toEqual([skipped[0]]);
    expect(followUpCount(bad, [])).toBe(0);
    expect(skippedNote([])).toBe("");
  });

  it("names a missing header", () => {
    expect(() => statusTable([["ID", "年度", "整理区分"], ["1", "R7", ""]])).toThrow("見出し「進捗分類」が見つかりません");
  });

  it("gives an empty table for a sheet with only its header", () => {
    expect(statusTable([HEADER])).toEqual([["", "計"], ["完了", 0], ["実施中", 0], ["検討中", 0], ["計", 0]]);
  });
});

describe("followUpCount", () => {
  it("counts tracked issues that are not 完了, blank class included", () => {
    const data = issues(
      ["1", "a", "完了", "R6", "継続", "職員"],
      ["2", "b", "実施中", "R6", "継続", "職員"],
      ["3", "c", "", "R7", "⑦", "職員"],
      ["4", "d", "検討中", "R7", "⑥", "職員"],
      ["5", "e", "検討中", "R8", "", "職員"], // 未整理: not followed yet
      ["6", "f", "完了", "R6", "年度内完了", "職員"],
    );
    expect(followUpCount(data)).toBe(2);
  });
});

describe("directionTable", () => {
  const data = issues(
    ["1", "a", "", "R7", "②", "ユーザー"],
    ["2", "b", "", "R7", "2", "職員"],
    ["3", "c", "完了", "R7", "⑦", "利用者"],
    ["4", "d", "完了", "R6", "", "職員"], // no 整理区分 (未整理): not counted
    ["6", "f", "完了", "R6", "継続", ""], // 継続 is no row of ①–⑦: not counted, 区分 not needed
    ["5", "e", "完了", "R8", "⑦", "職員"],
  );

  it("counts every 整理区分 by 区分, all seven rows present", () => {
    const table = directionTable(data);
    expect(table[0]).toEqual(["整理区分", "ユーザー", "職員", "計"]);
    expect(table.map((r) => r[0])).toEqual(["整理区分", "①", "②", "③", "④", "⑤", "⑥", "⑦", "計"]);
    expect(table[2]).toEqual(["②", 1, 1, 2]);
    expect(table[7]).toEqual(["⑦", 1, 1, 2]);
    expect(table[8]).toEqual(["計", 2, 2, 4]);
  });

  it("filters by year", () => {
    expect(directionTable(data, "R7")[8]).toEqual(["計", 2, 1, 3]);
  });

  it("refuses an unknown 区分 on a counted row", () => {
    expect(() => directionTable(issues(["1", "a", "", "R7", "①", "管理職"]))).toThrow("課題 2行目: 区分「管理職」を解釈できません");
  });
});

describe("bureauTable", () => {
  const reforms = [
    ["年度", "局区名", "取組名"],
    ["R7", "環境局", "x"],
    ["R7", "門司区", "y"],
    ["R7", "環境局", "z"],
    ["R6", "会計室", "w"],
    ["R7", "新設局", "v"],
  ];
  const bureaus = [["局区名", "区分"], ["会計室", "局"], ["環境局", "局"], ["門司区", "区"], ["議会事務局", "局"]];

  it("follows the 局区 sheet's order, keeps zeros and appends unknown 局区", () => {
    expect(bureauTable(reforms, bureaus, "R7")).toEqual([
      ["局区名", "取組件数"],
      ["会計室", 0],
      ["環境局", 2],
      ["門司区", 1],
      ["議会事務局", 0],
      ["新設局", 1],
      ["合計", 4],
    ]);
  });

  it("without 局区 lists in order of first appearance over all years", () => {
    expect(bureauTable(reforms)).toEqual([
      ["局区名", "取組件数"],
      ["環境局", 2],
      ["門司区", 1],
      ["会計室", 1],
      ["新設局", 1],
      ["合計", 5],
    ]);
  });

  it("refuses a reform without 局区名", () => {
    expect(() => bureauTable([["局区名", "取組名"], ["", "x"]])).toThrow("局区改革 2行目: 局区名が空です");
  });
});
