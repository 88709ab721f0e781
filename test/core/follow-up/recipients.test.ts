// Who is asked in a cycle's month: owners of open tracked issues, and of open ⑥ issues in the ⑥ months.
import { describe, expect, it } from "vitest";
import { ownerRequests } from "../../../src/core/follow-up/recipients";

const HEADER = ["ID", "年度", "課題名", "制度所管局", "所管課", "担当者メール", "整理区分", "進捗分類"];
const A = "jinji-ka@city.example";
const B = "kankyo@city.example";
const ISSUES = [
  HEADER,
  ["R7-001", "R7", "継続（⑦）", "総務市民局", "人事課", A, "⑦", "検討中"],
  ["R6-002", "R6", "整理を経ずに継続", "総務市民局", "人事課", " JINJI-KA@city.example", "継続", "実施中"],
  ["R8-001", "R8", "未整理（整理区分なし）", "総務市民局", "人事課", A, "", "検討中"],
  ["R6-003", "R6", "年度内に完了", "総務市民局", "人事課", A, "年度内完了", "検討中"],
  ["R7-003", "R7", "完了済み", "総務市民局", "人事課", A, "⑦", "【分類1】"],
  ["R7-004", "R7", "所管課で継続検討", "環境局", "環境政策課", B, "⑥", "検討中"],
  ["R7-005", "R7", "⑥だが完了", "環境局", "環境政策課", B, "6", "完了"],
  ["R7-006", "R7", "対応方針決定", "環境局", "環境政策課", B, "②", "検討中"],
  ["", "R7", "IDのない行", "環境局", "環境政策課", B, "⑦", "検討中"],
  ["R7-007", "R7", "担当者なし", "環境局", "環境政策課", "", "⑦", "検討中"],
  ["R7-008", "R7", "読めない整理区分", "環境局", "環境政策課", B, "⑨", "検討中"],
];

const asked = (month: number, months: number[] = [5, 11]) =>
  ownerRequests(ISSUES, month, months).map((r) => [r.owner, r.issues.map((i) => i.ID)]);

describe("ownerRequests", () => {
  it("asks each owner once about their open tracked issues (整理区分 継続 or ⑦), addresses compared in one case; 未整理 and 年度内完了 are not asked", () => {
    expect(asked(12)).toEqual([[A, ["R7-001", "R6-002"]]]);
  });

  it("adds open ⑥ issues in the months 設定 names, and only then", () => {
    expect(asked(5)).toEqual([[A, ["R7-001", "R6-002"]], [B, ["R7-004"]]]);
    expect(asked(11)).toEqual(asked(5));
    expect(asked(6)).toEqual(asked(12));
    expect(asked(5, [])).toEqual(asked(12));
    expect(asked(1, [1])).toEqual(asked(5));
  });

  it("greets the owner with the bureau and section of their first issue", () => {
    const [request] = ownerRequests(ISSUES, 12, []);
    expect(request).toMatchObject({ owner: A, bureau: "総務市民局", section: "人事課" });
  });
});
