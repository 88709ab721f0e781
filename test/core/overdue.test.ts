import { describe, expect, it } from "vitest";
import { checkTimings, overdueIssues } from "../../src/core/data-check";
import { overdueCount, overdueNotice, overdueOf } from "../../src/core/overdue";
import { demoWorkbook } from "../../src/demo";

// Columns out of the documented order, and an extra one: read by header.
const HEADER = ["実施時期", "ID", "課題名", "進捗分類", "整理区分", "備考"];
const sheet = [
  HEADER,
  ["R8年4月本格実施", "A-1", "past, 実施中", "実施中", "継続", ""],
  ["R8年4月本格実施", "A-2", "past but 完了", "完了", "継続", ""],
  ["R8年4月本格実施", "A-3", "past but ⑥ (not followed)", "検討中", "⑥", ""],
  ["R7実証実験開始", "A-4", "past, ⑦, 進捗分類 blank", "", "⑦", ""],
  ["R8年度中に方針決定", "A-5", "not yet", "検討中", "継続", ""],
  ["来春", "A-6", "unreadable", "検討中", "継続", ""],
  ["", "A-7", "blank", "検討中", "継続", ""],
  ["R8年4月", "A-8", "進捗分類 unreadable", "済み", "継続", ""],
  ["R8年4月", "A-10", "past but 未整理 (not followed yet)", "実施中", "", ""],
  ["R8年4月", "A-9", "整理区分 unreadable", "実施中", "⑨", ""],
  ["", "", "", "", "", ""],
];

describe("overdueCount (PLATINA_OVERDUE_COUNT)", () => {
  it("counts followed issues not 完了 whose 実施時期 ended before the as-of day", () => {
    expect(overdueCount(sheet, new Date("2026-05-26T00:00:00+09:00"))).toBe(2);
    expect(overdueCount(sheet, "2026/4/30")).toBe(1);
    expect(overdueCount(sheet, "2026-03-31")).toBe(0);
  });

  it("needs the as-of day: blank or unreadable is a clear error, never today", () => {
    expect(() => overdueCount(sheet, "")).toThrow("基準日が空です");
    expect(() => overdueCount(sheet, undefined)).toThrow("基準日が空です");
    expect(() => overdueCount(sheet, "いつか")).toThrow("基準日「いつか」を解釈できません");
  });

  it("names a missing 実施時期 header", () => {
    expect(() => overdueCount([["ID", "整理区分", "進捗分類"], ["A", "", "実施中"]], "2026/5/26")).toThrow("見出し「実施時期」が見つかりません");
  });

  it("on the demo as of 2026-05-26: R6's 8 実施中 and R7's 3 実施中 are past their 実施時期; 検討中 ones say R8年度 or nothing", () => {
    const issues = demoWorkbook().課題;
    const [header, ...rows] = issues;
    const col = (name: string) => header.indexOf(name);
    const progressing = rows.filter((r) => r[col("進捗分類")] === "実施中" && ["継続", "⑦"].includes(String(r[col("整理区分")])));
    expect(progressing).toHaveLength(11);
    expect(overdueCount(issues, "2026/5/26")).toBe(progressing.length);
  });
});

describe("データ点検's lists", () => {
  it("lists overdue issues with the 実施時期 cell, what was read and the 進捗分類", () => {
    expect(overdueIssues(sheet, "2026-05-26")).toEqual([
      { sheet: "課題", row: 2, column: 1, header: "実施時期", value: "R8年4月本格実施", id: "A-1", title: "past, 実施中", named: "令和8年4月", progress: "実施中" },
      { sheet: "課題", row: 5, column: 1, header: "実施時期", value: "R7実証実験開始", id: "A-4", title: "past, ⑦, 進捗分類 blank", named: "令和7年度", progress: "未設定" },
    ]);
  });

  it("lists an unreadable 実施時期 of a followed issue with its cell, the text and how to write it", () => {
    const problems = checkTimings(sheet);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sheet: "課題", row: 7, column: 1, header: "実施時期", value: "来春" });
    expect(problems[0].message).toContain("実施時期「来春」から年月を読み取れません。「R8年4月」「R8年度」「2026年4月」のように");
  });

  it("does not list 実施時期 of issues no longer followed", () => {
    const done = [HEADER, ["来春", "B-1", "", "完了", "", ""], ["来春", "B-2", "", "検討中", "③", ""]];
    expect(checkTimings(done)).toEqual([]);
  });
});

describe("overdueOf: one issue, for the sidebar and the mail", () => {
  const issue = { 整理区分: "継続", 進捗分類: "実施中", 実施時期: "R8年4月本格実施" };
  it("names the period when the issue is followed, not 完了 and past it", () => {
    expect(overdueOf(issue, "2026-05-01")).toBe("令和8年4月");
    expect(overdueNotice("令和8年4月")).toBe("実施時期（令和8年4月）を過ぎています。現在の状況をお知らせください（予定が変わった場合は、実施時期の更新をお願いいたします）。");
  });

  it("is null otherwise", () => {
    expect(overdueOf(issue, "2026-04-30")).toBeNull();
    expect(overdueOf({ ...issue, 進捗分類: "完了" }, "2026-05-01")).toBeNull();
    expect(overdueOf({ ...issue, 整理区分: "⑥" }, "2026-05-01")).toBeNull();
    expect(overdueOf({ ...issue, 整理区分: "" }, "2026-05-01")).toBeNull();
    expect(overdueOf({ ...issue, 実施時期: "来春" }, "2026-05-01")).toBeNull();
  });
});
