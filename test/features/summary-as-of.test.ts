// 集計's 基準日 (D2): the day its clock-free cells are as of, kept current by 初期設定 and the
// monthly run — so the PT table's 遅れ and the overdue count follow D2, never the clock.
import { describe, expect, it } from "vitest";
import { dayOf } from "../../src/core/contracts/pt-values";
import type { Runtime } from "../../src/local/runtime/runtime";
import { deployWebApp } from "../support/follow-up";
import { SECRETARIAT } from "../support/issues";
import { testRuntime } from "../support/runtime";

/** 集計's C2:E2 — the label, the 基準日 as its Tokyo day, the note. */
function asOfRow(runtime: Runtime): [unknown, string, unknown] {
  const [label, day, note] = runtime.readRange("集計!C2:E2")[0];
  return [label, day instanceof Date ? dayOf(day) : String(day), note];
}

/** Team A's and B's row of 集計's PT table, and the overdue count. */
function asOfCells(runtime: Runtime) {
  const [header, a, b] = runtime.readRange("集計!A59:H61");
  const roadmap = header.indexOf("事業の立ち上げロードマップの策定");
  return { roadmap: [a[roadmap], b[roadmap]], overdue: runtime.readRange("集計!B12")[0][0] };
}

/** Types a 実施時期 into 課題 by the ID. */
function setTiming(runtime: Runtime, id: string, text: string): void {
  const sheet = runtime.model.getSheetByName("課題")!;
  const values = sheet.getValues({ row: 0, column: 0, numRows: sheet.getLastRow(), numColumns: sheet.getLastColumn() });
  sheet.setCells(values.findIndex((r) => r[0] === id), values[0].indexOf("実施時期"), [[{ kind: "value", value: text }]]);
}

describe("集計's 基準日", () => {
  it("is set by 初期設定 to today, labelled, with a note saying what follows it; again the same day changes nothing", () => {
    const { runtime } = testRuntime({ now: "2026-11-25T09:00:00+09:00" });
    const result = runtime.run("setupWorkbook", [], { user: SECRETARIAT });
    expect(result.result).toContain("シート「集計」の基準日を令和8年11月25日にしました");
    expect(asOfRow(runtime)).toEqual(["基準日", "2026-11-25", expect.stringContaining("「若手職員PTの工程」はこの日の時点です")]);
    expect(runtime.readRange("集計!A58")[0][0]).toBe("若手職員PTの工程（基準日の時点で 完了・遅れ・予定）");
    // The demo's report day: チームB's visits (due 9/30) are late, both roadmaps (due 11/30) still to come.
    expect(runtime.readRange("集計!A61:E61")[0]).toEqual(["チームB", "完了", "完了", "完了", "遅れ"]);
    expect(asOfCells(runtime).roadmap).toEqual(["予定", "予定"]);
    expect(runtime.run("setupWorkbook", [], { user: SECRETARIAT }).result).toEqual([]);
  });

  it("moves on to today (Tokyo) with the monthly run, and the PT table's 遅れ follow it, not the clock", () => {
    const { runtime, clock } = testRuntime({ now: "2026-11-25T09:00:00+09:00", setUp: true });
    deployWebApp(runtime);
    setTiming(runtime, "R6-030", "R8年11月に方針決定");
    const before = asOfCells(runtime);
    expect(before).toEqual({ roadmap: ["予定", "予定"], overdue: 11 });
    // December already by the clock, but no run has moved the 基準日: the sheet still shows 11/25.
    clock.set(Date.parse("2026-12-01T00:30:00+09:00"));
    expect(asOfCells(runtime)).toEqual(before);
    expect(runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT }).ok).toBe(true);
    // 2026-11-30 15:30 UTC is 12/1 in Tokyo.
    expect(asOfRow(runtime)[1]).toBe("2026-12-01");
    // Both roadmaps were due 11/30; R6-030's 「R8年11月」 has ended too.
    expect(asOfCells(runtime)).toEqual({ roadmap: ["遅れ", "遅れ"], overdue: 12 });
  });

  it("moves a 集計 made before it existed on to the 基準日, leaving staff's own PT formula alone", () => {
    const { runtime } = testRuntime({ now: "2026-11-25T09:00:00+09:00" });
    const summary = runtime.model.getSheetByName("集計")!;
    // As 初期設定 made 集計 before: no label, no 基準日, a PT table reading the clock.
    summary.setCells(1, 2, [[{ kind: "empty" }, { kind: "empty" }, { kind: "empty" }]]);
    summary.setCells(57, 0, [[{ kind: "value", value: "若手職員PTの工程（今日の時点で 完了・遅れ・予定）" }], [{ kind: "formula", formula: "=PLATINA_PT_TABLE(PT工程!A:Z)" }]]);
    const changes = runtime.run("setupWorkbook", [], { user: SECRETARIAT }).result as string[];
    expect(changes).toEqual(expect.arrayContaining(["シート「集計」の若手職員PTの工程を、今日ではなく基準日の時点で表示するようにしました"]));
    expect(asOfRow(runtime).slice(0, 2)).toEqual(["基準日", "2026-11-25"]);
    expect(runtime.readRange("集計!A58")[0][0]).toBe("若手職員PTの工程（基準日の時点で 完了・遅れ・予定）");
    expect(summary.getFormulas({ row: 58, column: 0, numRows: 1, numColumns: 1 })).toEqual([["=PLATINA_PT_TABLE(PT工程!A:Z, $D$2)"]]);

    const own = "=PLATINA_PT_TABLE(PT工程!A:Z, \"2026/9/30\")";
    summary.setCells(58, 0, [[{ kind: "formula", formula: own }]]);
    runtime.run("setupWorkbook", [], { user: SECRETARIAT });
    expect(summary.getFormulas({ row: 58, column: 0, numRows: 1, numColumns: 1 })).toEqual([[own]]);
  });

  it("never keeps the monthly mail from going out: without 集計 the run sends as before", () => {
    const { runtime } = testRuntime({ now: "2026-12-01T09:00:00+09:00", setUp: true });
    deployWebApp(runtime);
    runtime.model.deleteSheet(runtime.model.getSheetByName("集計")!);
    const run = runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
    expect(run.ok).toBe(true);
    expect((run.result as { sent: unknown[] }).sent.length).toBeGreaterThan(0);
  });
});
