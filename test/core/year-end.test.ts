// The seed's year-end headlines (47: 14/14/19 and 77: 43/11/23) replayed from 履歴.
import { describe, expect, it } from "vitest";
import { fiscalYearEnd, headlineSentence, yearEndTable, yearEnds } from "../../src/core/year-end";
import { parseDateInput } from "../../src/core/base/tokyo-time";
import type { SkippedRow } from "../../src/core/tables";
import { demoWorkbook } from "../../src/demo";

const day = (iso: string) => parseDateInput(iso)!;
const HEADER = ["ID", "年度", "課題名", "整理区分", "進捗分類"];
const HISTORY_HEADER = ["日時", "利用者", "ID", "項目", "変更前", "変更後", "経路"];
const change = (when: string, id: string, before: string, after: string, field = "進捗分類") =>
  [new Date(when), "kusei-ka@city.example", id, field, before, after, "メール回答"];

describe("the demo (the seed's numbers)", () => {
  const book = demoWorkbook();

  it("R6 closed with 47 issues: 14 完了, 14 実施中, 19 検討中; R7 with 77: 43, 11, 23 (33 carried in)", () => {
    const ends = yearEnds(book.課題, book.履歴, day("2026-05-26"));
    expect(ends).toEqual([
      { year: 6, total: 47, carried: 0, counts: { 完了: 14, 実施中: 14, 検討中: 19 } },
      { year: 7, total: 77, carried: 33, counts: { 完了: 43, 実施中: 11, 検討中: 23 } },
    ]);
    expect(ends.map(headlineSentence)).toEqual(["47の課題について、制度所管局としての解決策を検討", "77の課題について、制度所管局としての解決策を検討"]);
  });

  it("shows only the years that have ended by the day: on 31 March R7 is still open", () => {
    expect(yearEnds(book.課題, book.履歴, day("2026-03-31")).map((e) => e.year)).toEqual([6]);
    expect(yearEnds(book.課題, book.履歴, day("2026-04-01")).map((e) => e.year)).toEqual([6, 7]);
    expect(yearEnds(book.課題, book.履歴, day("2025-03-31"))).toEqual([]);
  });

  it("is a table with the years as columns and the seed's wording", () => {
    expect(yearEndTable(book.課題, book.履歴, day("2026-05-26"))).toEqual([
      ["年度末の状況", "R6", "R7"],
      ["検討した課題数", 47, 77],
      ["うち前年度からの継続", 0, 33],
      ["対応済（完了）", 14, 43],
      ["具体的な解決策を一部実施又は試行の段階", 14, 11],
      ["具体的な解決策を検討中、又は実施準備の段階", 19, 23],
    ]);
  });
});

describe("yearEnds", () => {
  const issues = [
    HEADER,
    ["R6-001", "R6", "a", "継続", "完了"],
    ["R6-002", "R6", "b", "継続", "実施中"],
    ["R6-003", "R6", "c", "年度内完了", "完了"],
    ["R7-001", "R7", "d", "⑦", "検討中"],
    ["R7-002", "R7", "e", "⑥", "検討中"], // handed over, not followed
    ["R7-003", "R7", "f", "", "検討中"], // 未整理: not counted
    ["R7-004", "R7", "g", "⑦", ""], // followed, class not set
  ];

  it("counts each year's own followed or completed issues and the unfinished ones carried in, by their class at the year's end", () => {
    const history = [
      HISTORY_HEADER,
      // R6-001 was 検討中 at the end of R6 and 完了 during R7: carried into R7.
      change("2025-06-01T10:00:00+09:00", "R6-001", "検討中", "完了"),
      // R6-002 moved after the end of R7: R7's end shows 検討中.
      change("2026-04-10T10:00:00+09:00", "R6-002", "検討中", "実施中"),
    ];
    expect(yearEnds(issues, history, day("2026-04-01"))).toEqual([
      { year: 6, total: 3, carried: 0, counts: { 完了: 1, 検討中: 2 } },
      { year: 7, total: 4, carried: 2, counts: { 完了: 1, 検討中: 2, 未設定: 1 } },
    ]);
  });

  it("does not carry an issue completed by the end of the previous year, nor one 整理区分 stopped following", () => {
    const history = [HISTORY_HEADER, change("2025-03-01T10:00:00+09:00", "R6-002", "検討中", "実施中")];
    const carried = [HEADER, ["R6-001", "R6", "a", "継続", "完了"], ["R6-002", "R6", "b", "⑥", "実施中"]];
    expect(yearEnds(carried, history, day("2026-04-01")).map((e) => [e.year, e.total, e.carried])).toEqual([[6, 1, 0], [7, 0, 0]]);
  });

  it("ends a fiscal year on 31 March, Tokyo: a change at 23:59 that day counts, one at 00:00 on 1 April does not", () => {
    expect(fiscalYearEnd(7).toISOString()).toBe("2026-03-30T15:00:00.000Z");
    const one = [HEADER, ["R7-001", "R7", "a", "⑦", "完了"]];
    const late = [HISTORY_HEADER, change("2026-04-01T00:00:00+09:00", "R7-001", "実施中", "完了")];
    const inTime = [HISTORY_HEADER, change("2026-03-31T23:59:00+09:00", "R7-001", "実施中", "完了")];
    expect(yearEnds(one, late, day("2026-05-01"))[0].counts).toEqual({ 実施中: 1 });
    expect(yearEnds(one, inTime, day("2026-05-01"))[0].counts).toEqual({ 完了: 1 });
  });

  it("lists a row it cannot read and counts it nowhere, when asked to skip (as on 集計)", () => {
    const bad = [...issues, ["R7-005", "R7", "h", "未定", "完了"]];
    const skipped: SkippedRow[] = [];
    const table = yearEndTable(bad, [HISTORY_HEADER], day("2026-04-01"), skipped);
    expect(table[1]).toEqual(["検討した課題数", 3, 3]);
    expect(skipped).toEqual([{ sheet: "課題", row: 9, header: "整理区分", value: "未定" }]);
    expect(() => yearEndTable(bad, [HISTORY_HEADER], day("2026-04-01"))).toThrow(/課題 9行目.*整理区分/);
  });

  it("is just the header row before any year has ended", () => {
    expect(yearEndTable(issues, [HISTORY_HEADER], day("2024-05-01"))).toEqual([["年度末の状況"], ["検討した課題数"], ["うち前年度からの継続"], ["対応済（完了）"], ["具体的な解決策を一部実施又は試行の段階"], ["具体的な解決策を検討中、又は実施準備の段階"]]);
  });
});
