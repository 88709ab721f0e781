// The seed's re-sorting groups of a year's new issues (R7: 0, 3, 9, 63, of which 44 followed).
import { describe, expect, it } from "vitest";
import { resorting, resortingTable } from "../../src/core/resorting";
import { demoWorkbook } from "../../src/demo";

describe("resorting", () => {
  it("gives R7's 75 new issues as the seed groups them", () => {
    const issues = demoWorkbook().課題;
    expect(resorting(issues, "R7")).toEqual({
      initial: 75,
      groups: [
        { directions: "①", wording: "PTで課題の検討を継続するもの", count: 0 },
        { directions: "②", wording: "課題の統合を行うもの", count: 3 },
        { directions: "③〜⑤", wording: "解決が望めない等の理由から課題の検討自体を終了と判断したもの", count: 9 },
        { directions: "⑥⑦", wording: "PTによる検討を終了し、所管課において解決策の検討及び実行を行うもの", count: 63 },
      ],
      followed: 44,
    });
    expect(resortingTable(issues, "R7").map((row) => row[2])).toEqual(["件数", 75, 0, 3, 9, 63, 44]);
  });

  it("counts only ①–⑦ of the chosen year: 継続, 年度内完了 and 未整理 are no group", () => {
    const issues = [
      ["ID", "年度", "整理区分", "区分"],
      ["R8-001", "R8", "③", "職員"],
      ["R8-002", "R8", "", "職員"],
      ["R8-003", "R8", "継続", "職員"],
      ["R8-004", "R8", "年度内完了", "ユーザー"],
      ["R7-001", "R7", "①", "職員"],
    ];
    expect(resortingTable(issues, "R8")).toEqual([
      ["整理区分", "方向性", "件数"],
      ["①〜⑦", "当初の課題件数", 1],
      ["①", "PTで課題の検討を継続するもの", 0],
      ["②", "課題の統合を行うもの", 0],
      ["③〜⑤", "解決が望めない等の理由から課題の検討自体を終了と判断したもの", 1],
      ["⑥⑦", "PTによる検討を終了し、所管課において解決策の検討及び実行を行うもの", 0],
      ["⑦", "うち、制度所管局において解決策を検討し、その進捗を追うべき課題", 0],
    ]);
  });
});
