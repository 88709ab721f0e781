// PLATINA_PT_TABLE's pure function against a hand-worked table.
import { describe, expect, it } from "vitest";
import { PT_STEPS } from "../../../src/core/contracts/pt-steps";
import { ptProgressTable, stepMark } from "../../../src/core/pt/progress-table";

const steps = [
  [...PT_STEPS.headers],
  ["R8", "チームA", "メンバー募集", "2026/5/31", "2026/5/29", "", ""],
  ["R8", "チームA", "キックオフ", "2026/6/30", "2026/7/3", "", "1日遅れて開催"],
  ["R8", "チームA", "視察", "2026/9/30", "", "進行中", ""],
  ["R8", "チームA", "ロードマップ", "2026/11/30", "", "", ""],
  ["R8", "チームB", "メンバー募集", "2026/5/31", "2026/5/29", "完了", ""],
  ["R8", "チームB", "キックオフ", "2026/6/30", "", "", ""],
  ["R8", "チームB", "ロードマップ", "2026/11/30", "2026/11/10", "", ""],
  ["R7", "チームZ", "前年度の工程", "2025/9/30", "", "", ""],
];
const HEADER = ["チーム", "メンバー募集", "キックオフ", "視察", "ロードマップ"];

describe("stepMark", () => {
  it("is 完了 from the 完了日 on, 遅れ from the day after 予定, 予定 before", () => {
    const step = { 予定: "2026-06-30", 完了日: "2026-07-03" };
    expect(stepMark(step, "2026-06-30")).toBe("予定");
    expect(stepMark(step, "2026-07-01")).toBe("遅れ");
    expect(stepMark(step, "2026-07-03")).toBe("完了");
    expect(stepMark({ 予定: "2026-06-30", 完了日: null }, "2027-01-01")).toBe("遅れ");
  });
});

describe("ptProgressTable", () => {
  it("on a due day, nothing due that day is late yet", () => {
    expect(ptProgressTable(steps, "2026/6/30")).toEqual([
      HEADER,
      ["チームA", "完了", "予定", "予定", "予定"],
      ["チームB", "完了", "予定", "", "予定"],
    ]);
  });

  it("the day after, both kick-offs are late", () => {
    expect(ptProgressTable(steps, new Date("2026-06-30T15:00:00Z"))).toEqual([
      HEADER,
      ["チームA", "完了", "遅れ", "予定", "予定"],
      ["チームB", "完了", "遅れ", "", "予定"],
    ]);
  });

  it("as of 11/25: late-done steps count as done, undone past steps are late", () => {
    expect(ptProgressTable(steps, "2026-11-25")).toEqual([
      HEADER,
      ["チームA", "完了", "完了", "遅れ", "予定"],
      ["チームB", "完了", "遅れ", "", "完了"],
    ]);
  });

  it("keeps to the as-of day's fiscal year", () => {
    expect(ptProgressTable(steps, "2025/10/1")).toEqual([["チーム", "前年度の工程"], ["チームZ", "遅れ"]]);
    expect(ptProgressTable(steps, "2027/5/1")).toEqual([["R9年度のPT工程はまだありません。"]]);
  });

  it("never reads the clock: a blank 基準日 says where to take one from", () => {
    for (const blank of [undefined, "", "  "]) expect(() => ptProgressTable(steps, blank)).toThrow("基準日が空です。集計シートの「基準日」のセルか");
  });

  it("names what it cannot read", () => {
    expect(() => ptProgressTable(steps, "来月")).toThrow("基準日「来月」を解釈できません");
    const bad = steps.map((r) => [...r]);
    bad[3][3] = "9月末";
    expect(() => ptProgressTable(bad, "2026/11/25")).toThrow("PT工程 4行目: 予定「9月末」を解釈できません");
  });
});
