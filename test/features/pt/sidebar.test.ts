// The sidebar's PT section on the demo workbook (as of 2026-11-25): members see and
// change only their team, the secretariat every team, anyone else nothing; every save
// takes the shared write path, and the はみだせサポート limit warns before a save.
import { beforeEach, describe, expect, it } from "vitest";
import type { Runtime } from "../../../src/local/runtime/runtime";
import { SECRETARIAT, historyRows, sheetRecords, spreadsheetReads, spreadsheetWrites } from "../../support/issues";
import { testRuntime } from "../../support/runtime";
import type { PtTeamView } from "../../../src/core/pt/sidebar-api";
import { completeStep, undoStep } from "../../../src/ui/sidebar/pt-logic";

const AOYAMA = "aoyama.haruka@city.example"; // チームA リーダー
const KINOSHITA = "kinoshita.hiroto@city.example"; // チームB リーダー
const FUKUDA = "fukuda.minato@city.example"; // applied, not selected

let runtime: Runtime;
beforeEach(() => {
  runtime = testRuntime({ setUp: true }).runtime;
});

function call<T>(entry: string, user: string, ...args: unknown[]): T {
  const execution = runtime.run(entry, args, { user });
  if (!execution.ok) throw new Error(execution.error?.message);
  return execution.result as T;
}

type Team = { チーム: string; members: { 氏名: string; hours: number }[]; steps: { 工程: string; 完了日: string | null; 状態: string; 最終更新日: string | null; mark: string }[]; team: Record<string, string | null> };
type Context = { role: string; year: number; today: string; limitHours: number; teams: Team[] };
type Result = { ok: boolean; reason?: string; message: string; warnings?: string[]; errors?: Record<string, string>; team?: Team };

const activity = (fields: Record<string, unknown>) => ({
  日付: "2026-11-20", チーム: "チームB", 種別: "勉強会", 相手先: "", 内容: "", 参加者: [KINOSHITA], 時間: "2", ...fields,
});

describe("getPtContext", () => {
  it("gives a member their own team only, the secretariat every team, and anyone else nothing", () => {
    const own = call<Context>("getPtContext", AOYAMA);
    expect(own).toMatchObject({ role: "member", year: 8, today: "2026-11-25", limitHours: 31 });
    expect(own.teams.map((t) => t.チーム)).toEqual(["チームA"]);
    const [a] = own.teams;
    expect(a.members.map((m) => m.氏名)).toEqual(["青山 遥", "石田 蓮", "上野 美咲", "大西 悠真", "川村 彩花"]);
    expect(a.team.テーマ).toBe("市民にとって利用しやすい窓口改革");
    expect(a.steps.map((s) => s.mark)).toEqual(["完了", "完了", "完了", "完了", "予定", "予定", "予定"]);

    expect(call<Context>("getPtContext", SECRETARIAT).teams.map((t) => t.チーム)).toEqual(["チームA", "チームB"]);
    // チームB's 11/11 協議 (1.5 h) is this month's only activity.
    const b = call<Context>("getPtContext", SECRETARIAT).teams[1];
    expect(b.members.map((m) => [m.氏名, m.hours])).toEqual([["木下 大翔", 1.5], ["佐野 結衣", 0], ["高木 颯太", 1.5], ["中島 葵", 0], ["早川 陽菜", 0]]);
    for (const stranger of [FUKUDA, "someone@city.example"]) expect(call<Context>("getPtContext", stranger)).toMatchObject({ role: "none", teams: [] });
  });
});

describe("savePtActivity", () => {
  it("refuses a non-member and another team's member, and writes nothing", () => {
    const rows = sheetRecords(runtime, "PT活動").length;
    const history = historyRows(runtime).length;
    const refused = call<Result>("savePtActivity", FUKUDA, activity({ チーム: "チームA", 参加者: [AOYAMA] }));
    expect(refused).toMatchObject({ ok: false, reason: "forbidden" });
    expect(refused.message).toContain("そのチームのPTメンバー（選出）と市政変革推進室だけ");
    expect(call<Result>("savePtActivity", AOYAMA, activity({}))).toMatchObject({ ok: false, reason: "forbidden" });
    expect(sheetRecords(runtime, "PT活動")).toHaveLength(rows);
    expect(historyRows(runtime)).toHaveLength(history);
  });

  it("allows exactly 31 hours in a month, warns one minute above it and saves only when confirmed", () => {
    // 木下 has 1.5 h in November: 12 + 12 + 5.5 reaches 31.0 h exactly.
    for (const hours of ["12", "12時間", "5:30"]) {
      expect(call<Result>("savePtActivity", KINOSHITA, activity({ 時間: hours }))).toMatchObject({ ok: true });
    }
    const rows = sheetRecords(runtime, "PT活動").length;
    const over = call<Result>("savePtActivity", KINOSHITA, activity({ 時間: "1分" }));
    expect(over).toMatchObject({ ok: false, reason: "over_limit" });
    expect(over.warnings).toEqual([
      "木下 大翔さんの2026年11月のPT活動は、この保存で31.02時間となり、はみだせサポートの上限31時間を0.02時間超えます。所属の承認の範囲か確認してから保存してください。",
    ]);
    expect(sheetRecords(runtime, "PT活動")).toHaveLength(rows);
    const confirmed = call<Result>("savePtActivity", KINOSHITA, activity({ 時間: "1分", confirmOverLimit: true }));
    expect(confirmed).toMatchObject({ ok: true });
    expect(confirmed.team!.members[0]).toEqual({ 氏名: "木下 大翔", メール: KINOSHITA, 役割: "リーダー", hours: 31.02 });
    // December starts afresh.
    expect(call<Result>("savePtActivity", KINOSHITA, activity({ 日付: "2026-11-25", 時間: "0:01" }))).toMatchObject({ ok: false, reason: "over_limit" });
  });

  it("stores the row by header, user text as text, and records it in 履歴", () => {
    const memo = '=HYPERLINK("http://x","y")';
    const result = call<Result>("savePtActivity", KINOSHITA, activity({ 種別: "ヒアリング", 相手先: "+B市 DX推進課", 内容: memo, 参加者: [KINOSHITA, "sano.yui@city.example"], 時間: "1時間30分" }));
    expect(result).toMatchObject({ ok: true, message: "活動を記録しました。" });
    const saved = sheetRecords(runtime, "PT活動").at(-1)!;
    expect({ ...saved, 日付: (saved.日付 as Date).toISOString() }).toEqual({
      日付: "2026-11-19T15:00:00.000Z", チーム: "チームB", 種別: "ヒアリング", 相手先: "+B市 DX推進課", 内容: memo, 参加者: "木下 大翔、佐野 結衣", 時間: 1.5,
    });
    const sheet = runtime.model.getSheetByName("PT活動")!;
    expect(sheet.getFormulas({ row: sheet.getLastRow() - 1, column: 0, numRows: 1, numColumns: 7 })[0].every((f) => f === "")).toBe(true);
    expect(historyRows(runtime).at(-1)).toMatchObject({
      利用者: KINOSHITA, ID: "PT活動:R8:チームB", 項目: "PT活動", 変更後: "2026-11-20 ヒアリング（+B市 DX推進課） 1.5時間 木下 大翔、佐野 結衣", 経路: "サイドバー",
    });
  });

  it("lets a person 担当者 lists for a member's address record for the team, 履歴 naming them and the member's address", () => {
    // A member's address in 担当者, as a section's is: a colleague keeps the team's record while 木下 is away.
    const colleague = "kyoka.zaisei@city.example";
    const sheet = runtime.model.getSheetByName("担当者")!;
    sheet.setCells(sheet.getLastRow(), 0, [["同僚 京香", colleague, KINOSHITA, "代理", "", "", ""].map((value) => ({ kind: "value" as const, value }))]);
    runtime.fireEdit({ sheet: "担当者", a1: `A${sheet.getLastRow()}`, user: SECRETARIAT, value: "同僚 京香", oldValue: "" });
    expect(call<Context>("getPtContext", colleague).teams.map((t) => t.チーム)).toEqual(["チームB"]);
    expect(call<Result>("savePtActivity", colleague, activity({}))).toMatchObject({ ok: true });
    expect(historyRows(runtime).at(-1)).toMatchObject({ 利用者: colleague, 担当アドレス: KINOSHITA, 立場: "代理", ID: "PT活動:R8:チームB" });
    // Not the other team's.
    expect(call<Result>("savePtActivity", colleague, activity({ チーム: "チームA", 参加者: [AOYAMA] }))).toMatchObject({ ok: false, reason: "forbidden" });
  });

  it("names each field it cannot read, and refuses non-members as participants and future days", () => {
    const before = sheetRecords(runtime, "PT活動").length;
    const bad = call<Result>("savePtActivity", KINOSHITA, activity({ 日付: "来週", 種別: "会食", 時間: "20", 参加者: [] }));
    expect(bad).toMatchObject({ ok: false, reason: "invalid" });
    expect(Object.keys(bad.errors!).sort()).toEqual(["参加者", "日付", "時間", "種別"].sort());
    expect(bad.errors!.時間).toContain("0〜12の時間数");
    expect(call<Result>("savePtActivity", KINOSHITA, activity({ 日付: "2026-11-26" })).errors!.日付).toContain("今日（2026-11-25）より後");
    const outsider = call<Result>("savePtActivity", KINOSHITA, activity({ 参加者: [KINOSHITA, FUKUDA] }));
    expect(outsider).toMatchObject({ ok: false, reason: "invalid" });
    expect(outsider.message).toContain(`参加者「${FUKUDA}」はR8年度のPTメンバー（選出）ではありません`);
    expect(call<Result>("savePtActivity", KINOSHITA, activity({ 種別: "協議", 相手先: "" })).message).toContain("協議の相手先が空です");
    expect(sheetRecords(runtime, "PT活動")).toHaveLength(before);
  });

  it("reads each sheet it needs once and writes twice, whatever the number of activities", () => {
    const sheet = runtime.model.getSheetByName("PT活動")!;
    const template = runtime.readRange("PT活動!A2:G2")[0];
    sheet.setCells(sheet.getLastRow(), 0, Array.from({ length: 2000 }, () => template.map((v) => ({ kind: "value" as const, value: v as string }))));
    const save = runtime.run("savePtActivity", [activity({ 日付: "2026-11-02" })], { user: KINOSHITA });
    expect(save.ok, save.error?.message).toBe(true);
    expect((save.result as Result).ok).toBe(true);
    // PTメンバー, PT, PT工程, PT活動; 設定 for the limit; 設定 and 局区 for the access list (cached afterwards).
    expect(spreadsheetReads(save.calls)).toBeLessThanOrEqual(7);
    expect(spreadsheetWrites(save.calls)).toBeLessThanOrEqual(2);
  });
});

describe("updatePtStep and updatePtTeam", () => {
  it("ticks a milestone done with today's date, stamps it and logs each field; a stale second save is refused", () => {
    const b = call<Context>("getPtContext", KINOSHITA).teams[0];
    const visit = b.steps.find((s) => s.工程 === "民間企業・他都市等への視察・ヒアリング")!;
    const update = {
      年度: 8, チーム: "チームB", 工程: visit.工程,
      expected: { 完了日: visit.完了日 ?? "", 状態: visit.状態, 最終更新日: visit.最終更新日 ?? "" },
      changes: { 完了日: "2026-11-25", 状態: "完了" },
    };
    const done = call<Result>("updatePtStep", KINOSHITA, update);
    expect(done).toMatchObject({ ok: true, message: "保存しました。" });
    expect(done.team!.steps.find((s) => s.工程 === visit.工程)).toMatchObject({ 完了日: "2026-11-25", 状態: "完了", mark: "完了" });
    const row = sheetRecords(runtime, "PT工程").find((s) => s.チーム === "チームB" && s.工程 === visit.工程)!;
    expect((row.完了日 as Date).toISOString()).toBe("2026-11-24T15:00:00.000Z");
    expect(row).toMatchObject({ 状態: "完了", 最終更新者: KINOSHITA });
    expect(historyRows(runtime).slice(-2).map((h) => [h.ID, h.項目, h.変更前, h.変更後])).toEqual([
      ["PT工程:R8:チームB:民間企業・他都市等への視察・ヒアリング", "完了日", "", "2026-11-25"],
      ["PT工程:R8:チームB:民間企業・他都市等への視察・ヒアリング", "状態", "進行中", "完了"],
    ]);
    const stale = call<Result>("updatePtStep", SECRETARIAT, { ...update, changes: { メモ: "遅れて完了" } });
    expect(stale).toMatchObject({ ok: false, reason: "conflict" });
    expect(stale.team!.steps.find((s) => s.工程 === visit.工程)!.状態).toBe("完了");
  });

  it("refuses a 完了 without a day, a day in the future, another team's member, and an unknown milestone", () => {
    const base = { 年度: 8, チーム: "チームB", 工程: "事業の立ち上げ", expected: {} };
    expect(call<Result>("updatePtStep", KINOSHITA, { ...base, changes: { 状態: "完了" } }).message).toBe("完了にするときは完了日を入力してください。");
    expect(call<Result>("updatePtStep", KINOSHITA, { ...base, changes: { 完了日: "2026-12-01", 状態: "完了" } }).message).toContain("今日（2026-11-25）より後");
    expect(call<Result>("updatePtStep", AOYAMA, { ...base, changes: { メモ: "x" } })).toMatchObject({ ok: false, reason: "forbidden" });
    expect(call<Result>("updatePtStep", KINOSHITA, { ...base, 工程: "存在しない工程", changes: { メモ: "x" } })).toMatchObject({ ok: false, reason: "not_found" });
    expect(call<Result>("updatePtStep", KINOSHITA, { ...base, changes: { 予定: "2027-01-01" } }).errors).toEqual({ 予定: "予定はサイドバーから変更できません。" });
  });

  it("updates the team's 状態 and theme as text, with 履歴", () => {
    const a = call<Context>("getPtContext", AOYAMA).teams[0];
    const result = call<Result>("updatePtTeam", AOYAMA, {
      年度: 8, チーム: "チームA", expected: { 状態: a.team.状態 ?? "", 最終更新日: a.team.最終更新日 ?? "" }, changes: { 状態: "立ち上げ", テーマ: "-窓口改革（書かない窓口）" },
    });
    expect(result).toMatchObject({ ok: true });
    expect(sheetRecords(runtime, "PT").find((t) => t.チーム === "チームA")).toMatchObject({ 状態: "立ち上げ", テーマ: "-窓口改革（書かない窓口）", 最終更新者: AOYAMA });
    expect(historyRows(runtime).slice(-2).map((h) => [h.ID, h.項目, h.変更後])).toEqual([
      ["PT:R8:チームA", "テーマ", "-窓口改革（書かない窓口）"],
      ["PT:R8:チームA", "状態", "立ち上げ"],
    ]);
    expect(call<Result>("updatePtTeam", AOYAMA, { 年度: 8, チーム: "チームA", expected: {}, changes: { 状態: "休止" } }).errors!.状態).toContain("「準備中」「検討中」「立ち上げ」「中止」");
  });
});

describe("undoing a milestone's 完了 from the sidebar", () => {
  it("goes through the same save as the tick: the row is back as it was, and 履歴 records both", () => {
    const team = call<Context>("getPtContext", KINOSHITA).teams[0] as unknown as PtTeamView;
    const step = team.steps.find((s) => s.工程 === "民間企業・他都市等への視察・ヒアリング")!;
    const before = sheetRecords(runtime, "PT工程").find((s) => s.チーム === "チームB" && s.工程 === step.工程)!;
    const done = call<Result>("updatePtStep", KINOSHITA, completeStep(team, step, "2026-11-25"));
    expect(done.ok).toBe(true);
    const ticked = (done.team as unknown as PtTeamView).steps.find((s) => s.工程 === step.工程)!;
    const undone = call<Result>("updatePtStep", KINOSHITA, undoStep(done.team as unknown as PtTeamView, ticked, step.状態));
    expect(undone).toMatchObject({ ok: true });
    expect(undone.team!.steps.find((s) => s.工程 === step.工程)).toMatchObject({ 完了日: null, 状態: step.状態 });
    const row = sheetRecords(runtime, "PT工程").find((s) => s.チーム === "チームB" && s.工程 === step.工程)!;
    expect([row.完了日, row.状態]).toEqual([before.完了日, before.状態]);
    expect(historyRows(runtime).slice(-4).map((h) => [h.項目, h.変更前, h.変更後, h.利用者, h.経路])).toEqual([
      ["完了日", "", "2026-11-25", KINOSHITA, "サイドバー"],
      ["状態", "進行中", "完了", KINOSHITA, "サイドバー"],
      ["完了日", "2026-11-25", "", KINOSHITA, "サイドバー"],
      ["状態", "完了", "進行中", KINOSHITA, "サイドバー"],
    ]);
    // Undone without knowing the 状態 before (the sidebar was opened again): 進行中.
    expect(undoStep(team, ticked).changes).toEqual({ 完了日: "", 状態: "進行中" });
  });
});
