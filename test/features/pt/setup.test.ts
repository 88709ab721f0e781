// 初期設定 of the PT sheets, and PLATINA_PT_TABLE on 集計 and on hand-made milestones.
import { describe, expect, it } from "vitest";
import type { CellInput } from "../../../src/local/workbook/model";
import type { Runtime } from "../../../src/local/runtime/runtime";
import { SECRETARIAT, setUp, sheetRecords } from "../../support/issues";
import { testRuntime } from "../../support/runtime";

function write(runtime: Runtime, sheet: string, rows: unknown[][]): void {
  const target = runtime.model.getSheetByName(sheet) ?? runtime.model.insertSheet(sheet);
  const input = (v: unknown): CellInput =>
    v === "" ? { kind: "empty" } : typeof v === "string" && v.startsWith("=") ? { kind: "formula", formula: v } : { kind: "value", value: v as string };
  target.setCells(0, 0, rows.map((r) => r.map(input)));
}

function setup(runtime: Runtime): string[] {
  const result = runtime.run("setupWorkbook", [], { user: SECRETARIAT });
  if (!result.ok) throw new Error(result.error?.message);
  return result.result as string[];
}

describe("初期設定 of the PT sheets", () => {
  it("creates the five sheets with their dropdowns and the seed's X会議, then seeds each new team's milestones once", () => {
    const { runtime } = testRuntime({ demo: false });
    runtime.model.insertSheet("シート1");
    const first = setup(runtime);
    for (const name of ["PTメンバー", "PT", "PT工程", "PT活動", "会議"]) expect(first).toContain(`シート「${name}」を作成しました${name === "会議" ? "（3行）" : ""}`);
    expect(runtime.readRange("PT!A1:H1")[0]).toEqual(["年度", "チーム", "テーマ", "目指す市民の実感（成果指標）", "事業所管課", "状態", "最終更新日", "最終更新者"]);
    expect(sheetRecords(runtime, "会議").map((m) => [m.回, (m.日付 as Date).toISOString(), m.名称])).toEqual([
      ["第1回", "2026-05-25T15:00:00.000Z", "第1回X会議"],
      ["第2回", "2026-08-25T15:00:00.000Z", "第2回X会議"],
      ["第3回", "2026-11-24T15:00:00.000Z", "第3回X会議"],
    ]);
    expect(runtime.model.getSheetByName("PTメンバー")!.getValidation(1, 6)?.args[0]).toEqual(["応募", "選出", "見送り"]);
    expect(runtime.model.getSheetByName("PT活動")!.getValidation(1, 2)?.args[0]).toEqual(["協議", "視察", "ヒアリング", "勉強会", "その他"]);
    expect(sheetRecords(runtime, "PT工程")).toEqual([]);

    write(runtime, "PT", [["年度", "チーム"], ["R8", "チームA"]]);
    expect(setup(runtime)).toEqual(["PT工程に報告資料のスケジュール（R8 チームA、7行）を追加しました"]);
    const steps = sheetRecords(runtime, "PT工程");
    expect(steps.map((s) => s.工程)).toEqual([
      "メンバー募集", "キックオフ", "テーマの検討・事業所管課との協議", "民間企業・他都市等への視察・ヒアリング",
      "事業の立ち上げロードマップの策定", "第3回X会議で検討状況報告", "事業の立ち上げ",
    ]);
    expect(steps.map((s) => (s.予定 as Date).toISOString().slice(0, 10))).toEqual([
      "2026-05-30", "2026-06-29", "2026-08-30", "2026-09-29", "2026-11-29", "2026-11-24", "2027-03-30",
    ]);
    expect(steps.every((s) => s.年度 === "R8" && s.チーム === "チームA" && s.状態 === "未着手")).toBe(true);
    expect(setup(runtime)).toEqual([]);
  });

  it("leaves the demo's PT sheets as they are", () => {
    const { runtime } = testRuntime();
    const before = ["PTメンバー", "PT", "PT工程", "PT活動", "会議"].map((name) => JSON.stringify(sheetRecords(runtime, name)));
    setUp(runtime);
    expect(["PTメンバー", "PT", "PT工程", "PT活動", "会議"].map((name) => JSON.stringify(sheetRecords(runtime, name)))).toEqual(before);
  });
});

describe("PLATINA_PT_TABLE", () => {
  it("marks each team's milestones 完了 / 遅れ / 予定 as of the day, for that day's fiscal year only", () => {
    const { runtime } = testRuntime({ demo: false });
    write(runtime, "PT工程", [
      ["年度", "チーム", "工程", "予定", "完了日", "状態"],
      ["R8", "チームA", "キックオフ", "2026/6/30", "2026/6/12", ""],
      ["R8", "チームA", "視察", "2026/9/30", "", "進行中"],
      ["R8", "チームA", "報告", "2026/11/25", "", ""],
      // Done the day after: still late on the 25th.
      ["R8", "チームB", "キックオフ", "2026/6/30", "2026/11/26", ""],
      ["R7", "チームZ", "前年度の工程", "2025/6/30", "", ""],
    ]);
    write(runtime, "表", [["=PLATINA_PT_TABLE(PT工程!A:F, \"2026/11/25\")"]]);
    expect(runtime.readRange("表!A1:D3")).toEqual([
      ["チーム", "キックオフ", "視察", "報告"],
      ["チームA", "完了", "遅れ", "予定"],
      ["チームB", "遅れ", "", ""],
    ]);
  });

  it("shows the demo's milestones on 集計 as of its 基準日 (today after 初期設定): チームB's visits are late", () => {
    const { runtime } = testRuntime({ setUp: true });
    const [header, a, b] = runtime.readRange("集計!A59:H61");
    expect(header).toEqual(["チーム", "メンバー募集", "キックオフ", "テーマの検討・事業所管課との協議", "民間企業・他都市等への視察・ヒアリング",
      "事業の立ち上げロードマップの策定", "第3回X会議で検討状況報告", "事業の立ち上げ"]);
    expect(a).toEqual(["チームA", "完了", "完了", "完了", "完了", "予定", "予定", "予定"]);
    expect(b).toEqual(["チームB", "完了", "完了", "完了", "遅れ", "予定", "予定", "予定"]);
  });
});
