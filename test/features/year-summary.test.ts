// 集計 shows the seed's year-end headlines and R7's re-sorting groups, computed by the
// custom functions from the demo's 課題 and 履歴 (as of the 基準日 D2 that 初期設定 keeps).
import { describe, expect, it } from "vitest";
import { testRuntime } from "../support/runtime";
import { SECRETARIAT } from "../support/issues";

describe("集計 on the demo workbook", () => {
  it("shows R6 = 47: 14/14/19 and R7 = 77: 43/11/23 at J4, and R7's 75 = 0 + 3 + 9 + 63 (44 followed) at F14", () => {
    const { runtime } = testRuntime({ now: "2026-05-26T10:00:00+09:00", setUp: true });
    expect(runtime.readRange("集計!J3")).toEqual([["年度末の状況（制度所管局による解決策の検討）"]]);
    expect(runtime.readRange("集計!J4:L9")).toEqual([
      ["年度末の状況", "R6", "R7"],
      ["検討した課題数", 47, 77],
      ["うち前年度からの継続", 0, 33],
      ["対応済（完了）", 14, 43],
      ["具体的な解決策を一部実施又は試行の段階", 14, 11],
      ["具体的な解決策を検討中、又は実施準備の段階", 19, 23],
    ]);
    expect(runtime.readRange("集計!F13")).toEqual([["課題の再整理状況（方向性ごと）"]]);
    expect(runtime.readRange("集計!F14:H20")).toEqual([
      ["整理区分", "方向性", "件数"],
      ["①〜⑦", "当初の課題件数", 75],
      ["①", "PTで課題の検討を継続するもの", 0],
      ["②", "課題の統合を行うもの", 3],
      ["③〜⑤", "解決が望めない等の理由から課題の検討自体を終了と判断したもの", 9],
      ["⑥⑦", "PTによる検討を終了し、所管課において解決策の検討及び実行を行うもの", 63],
      ["⑦", "うち、制度所管局において解決策を検討し、その進捗を追うべき課題", 44],
    ]);
    // The seed's follow-up table and count are unchanged by the 14 年度内完了 rows.
    expect(runtime.readRange("集計!A4:D8")).toEqual([["", "R6", "R7", "計"], ["完了", 21, 22, 43], ["実施中", 8, 3, 11], ["検討中", 4, 19, 23], ["計", 33, 44, 77]]);
    expect(runtime.readRange("集計!B11")).toEqual([[34]]);
  });

  it("初期設定 adds both tables to a 集計 made before them, where the cells are blank, and leaves staff's cells alone", () => {
    const { runtime } = testRuntime({ now: "2026-05-26T10:00:00+09:00" });
    const summary = runtime.model.getSheetByName("集計")!;
    // An older 集計: no year-end table; staff wrote a note where the groups' title goes.
    for (const [row, column] of [[2, 9], [3, 9], [13, 5]]) summary.setCells(row, column, [[{ kind: "empty" }]]);
    summary.setCells(12, 5, [[{ kind: "value", value: "メモ" }]]);
    const first = runtime.run("setupWorkbook", [], { user: SECRETARIAT });
    expect(first.result).toContain("シート「集計」に年度末の状況（J3）と課題の再整理状況（F13）の表を追加しました");
    expect(runtime.readRange("集計!J3:K5")).toEqual([["年度末の状況（制度所管局による解決策の検討）", ""], ["年度末の状況", "R6"], ["検討した課題数", 47]]);
    expect(runtime.readRange("集計!F13:F14")).toEqual([["メモ"], ["整理区分"]]);
    const second = runtime.run("setupWorkbook", [], { user: SECRETARIAT });
    expect(second.result).toEqual([]);
  });
});
