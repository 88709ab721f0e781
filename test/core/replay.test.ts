// Replaying 課題 to the end of a past Tokyo day from 履歴.
import { describe, expect, it } from "vitest";
import { UNKNOWN_BEFORE, endOfTokyoDay, issuesAsOf } from "../../src/core/replay";
import { parseDateInput } from "../../src/core/base/tokyo-time";

const HEADER = ["ID", "年度", "課題名", "整理区分", "進捗分類", "実施時期", "進捗メモ"];
const HISTORY_HEADER = ["日時", "利用者", "ID", "項目", "変更前", "変更後", "経路"];
const MAY_26 = parseDateInput("2026-05-26")!;

const at = (iso: string) => new Date(iso);
const change = (when: string, id: string, field: string, before: string, after: string) =>
  [at(when), "henkaku@city.example", id, field, before, after, "サイドバー"];

function issues() {
  return [
    HEADER,
    ["R7-001", "R7", "窓口のオンライン予約", "⑦", "完了", "R8年4月実施", "メモ"],
    ["R7-002", "R7", "書かない窓口", "⑦", "実施中", "R8年1月試行", ""],
    ["R8-001", "R8", "新しい課題", "", "検討中", "", ""],
  ];
}

const row = (values: unknown[][], id: string) => values.find((r) => r[0] === id)!;

describe("endOfTokyoDay", () => {
  it("is 00:00 Tokyo of the next day, whatever instant of the day is given", () => {
    expect(new Date(endOfTokyoDay(MAY_26)).toISOString()).toBe("2026-05-26T15:00:00.000Z");
    expect(endOfTokyoDay(at("2026-05-26T23:59:59+09:00"))).toBe(endOfTokyoDay(MAY_26));
    expect(new Date(endOfTokyoDay(parseDateInput("2026-03-31")!)).toISOString()).toBe("2026-03-31T15:00:00.000Z");
  });
});

describe("issuesAsOf", () => {
  it("keeps the current values when nothing changed after the day (also with an empty 履歴)", () => {
    expect(issuesAsOf(issues(), [], MAY_26).values).toEqual(issues());
    const history = [HISTORY_HEADER, change("2026-05-20T10:00:00+09:00", "R7-001", "進捗分類", "実施中", "完了")];
    expect(issuesAsOf(issues(), history, MAY_26)).toEqual({ values: issues(), excluded: [], unknown: [] });
  });

  it("counts a change at 23:59 Tokyo on the day, and undoes one at 00:00 the next day", () => {
    const history = [
      HISTORY_HEADER,
      change("2026-05-26T23:59:00+09:00", "R7-001", "進捗分類", "実施中", "完了"),
      change("2026-05-27T00:00:00+09:00", "R7-002", "進捗分類", "検討中", "実施中"),
    ];
    const replay = issuesAsOf(issues(), history, MAY_26);
    expect(row(replay.values, "R7-001")[4]).toBe("完了");
    expect(row(replay.values, "R7-002")[4]).toBe("検討中");
  });

  it("takes the 変更前 of the earliest change after the day, field by field, and leaves 進捗メモ alone", () => {
    const history = [
      HISTORY_HEADER,
      change("2026-04-01T09:00:00+09:00", "R7-002", "進捗分類", "", "検討中"),
      change("2026-06-01T09:00:00+09:00", "R7-002", "進捗分類", "検討中", "完了"),
      change("2026-06-01T09:00:00+09:00", "R7-002", "実施時期", "R8年度中", "R8年6月実施"),
      change("2026-07-01T09:00:00+09:00", "R7-002", "進捗分類", "完了", "実施中"),
      change("2026-07-01T09:00:00+09:00", "R7-002", "実施時期", "R8年6月実施", "R8年1月試行"),
      change("2026-07-01T09:00:00+09:00", "R7-002", "進捗メモ", "", "差し戻し"),
      change("2026-08-01T09:00:00+09:00", "R7-001", "整理区分", "⑥", "⑦"),
    ];
    const replay = issuesAsOf(issues(), history, MAY_26);
    expect(row(replay.values, "R7-002")).toEqual(["R7-002", "R7", "書かない窓口", "⑦", "検討中", "R8年度中", ""]);
    expect(row(replay.values, "R7-001")[3]).toBe("⑥");
    // As of a day between the two later changes: the second one is undone, the first kept.
    expect(row(issuesAsOf(issues(), history, parseDateInput("2026-06-15")!).values, "R7-002").slice(4, 6)).toEqual(["完了", "R8年6月実施"]);
  });

  it("sorts 履歴 rows by 日時, so rows moved out of order replay the same", () => {
    const history = [
      HISTORY_HEADER,
      change("2026-07-01T09:00:00+09:00", "R7-002", "進捗分類", "完了", "実施中"),
      change("2026-06-01T09:00:00+09:00", "R7-002", "進捗分類", "検討中", "完了"),
    ];
    expect(row(issuesAsOf(issues(), history, MAY_26).values, "R7-002")[4]).toBe("検討中");
  });

  it("reads a multi-cell edit's unknown 変更前 from the change before the day, or says it cannot", () => {
    const history = [
      HISTORY_HEADER,
      change("2026-05-01T09:00:00+09:00", "R7-001", "進捗分類", "検討中", "実施中"),
      change("2026-06-01T09:00:00+09:00", "R7-001", "進捗分類", UNKNOWN_BEFORE, "完了"),
      change("2026-06-01T09:00:00+09:00", "R7-002", "実施時期", UNKNOWN_BEFORE, "R8年1月試行"),
    ];
    const replay = issuesAsOf(issues(), history, MAY_26);
    expect(row(replay.values, "R7-001")[4]).toBe("実施中");
    expect(row(replay.values, "R7-002")[5]).toBe("R8年1月試行");
    expect(replay.unknown).toEqual([{ id: "R7-002", field: "実施時期" }]);
  });

  it("leaves out issues of a later 年度 and rows added after the day, keeping row positions", () => {
    const sheet = [...issues(), ["R7-003", "R7", "後から追加した課題", "", "検討中", "", ""]];
    const history = [HISTORY_HEADER, change("2026-06-02T09:00:00+09:00", "R7-003", "進捗分類", "", "検討中")];
    const march = issuesAsOf(sheet, history, parseDateInput("2026-03-31")!);
    expect(march.excluded).toEqual(["R8-001", "R7-003"]);
    expect(march.values).toHaveLength(sheet.length);
    expect(march.values[3].every((cell) => cell === "")).toBe(true);
    // R8 starts on 1 April; R7-003 is still to come in May.
    expect(issuesAsOf(sheet, history, MAY_26).excluded).toEqual(["R7-003"]);
    expect(issuesAsOf(sheet, history, parseDateInput("2026-06-02")!).excluded).toEqual([]);
  });

  it("says which 履歴 row has an unreadable 日時", () => {
    const history = [HISTORY_HEADER, ["先週", "x@city.example", "R7-001", "進捗分類", "実施中", "完了", "サイドバー"]];
    expect(() => issuesAsOf(issues(), history, MAY_26)).toThrow("履歴 2行目: 日時「先週」を解釈できません。");
  });
});
