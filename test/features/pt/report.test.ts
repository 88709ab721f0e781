// The progress report's 「プロジェクトチームによる検討状況」 on the demo workbook as of
// the 第3回X会議 (2026-11-25): numbers counted from the PT sheets, the picture of that
// day kept after later sidebar changes (履歴), the dialog's default day and the printed roadmap.
import { describe, expect, it } from "vitest";
import type { Runtime } from "../../../src/local/runtime/runtime";
import { SECRETARIAT, sheetRecords } from "../../support/issues";
import { testRuntime } from "../../support/runtime";

const HEADING = "5 プロジェクトチームによる検討状況";

function run<T>(runtime: Runtime, entry: string, args: unknown[], user = SECRETARIAT, ui: unknown = null): T {
  const execution = runtime.run(entry, args, { user, ui: ui as never });
  if (!execution.ok) throw new Error(execution.error?.message);
  return execution.result as T;
}

/** The PT section's team table in a report sheet: header, then one row per team. */
function teamTable(runtime: Runtime, sheet: string): unknown[][] {
  const cells = runtime.readRange(`'${sheet}'!A1:M${runtime.model.getSheetByName(sheet)!.getLastRow()}`);
  const start = cells.findIndex((r) => r[0] === HEADING);
  expect(start).toBeGreaterThan(0);
  const caption = cells.findIndex((r, i) => i > start && r[0] === "チームごとの検討状況");
  return cells.slice(caption + 1, caption + 4).map((r) => r.slice(0, 7));
}

/** Activities of a team on or before the day, by kind, counted straight from PT活動. */
function counted(runtime: Runtime, team: string, day: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of sheetRecords(runtime, "PT活動")) {
    const date = new Date((a.日付 as Date).getTime() + 9 * 3600_000).toISOString().slice(0, 10);
    if (a.チーム === team && date <= day) counts[String(a.種別)] = (counts[String(a.種別)] ?? 0) + 1;
  }
  return counts;
}

describe("the progress report's PT section", () => {
  it("tells the demo's story as of 2026-11-25: A on schedule, B's visits late; activities as PT活動 counts them", () => {
    const { runtime } = testRuntime({ setUp: true });
    run(runtime, "createProgressReport", [{ asOf: "2026-11-25" }]);
    const [header, a, b] = teamTable(runtime, "報告_2026-11-25");
    expect(header).toEqual(["チーム", "テーマ", "メンバー", "完了した工程", "遅れている工程", "活動", "次の工程"]);
    const A = counted(runtime, "チームA", "2026-11-25");
    const B = counted(runtime, "チームB", "2026-11-25");
    expect([A, B]).toEqual([{ 協議: 3, 勉強会: 1, 視察: 1, ヒアリング: 1 }, { 協議: 2, 勉強会: 1, ヒアリング: 2 }]);
    expect(a).toEqual([
      "チームA", "市民にとって利用しやすい窓口改革", "青山 遥（リーダー）、石田 蓮、上野 美咲、大西 悠真、川村 彩花",
      "メンバー募集（5月29日）、キックオフ（6月12日）、テーマの検討・事業所管課との協議（8月21日）、民間企業・他都市等への視察・ヒアリング（9月25日）",
      "なし",
      `視察 ${A.視察}件、ヒアリング ${A.ヒアリング}件、協議 ${A.協議}件、勉強会 ${A.勉強会}件`,
      "第3回X会議で検討状況報告（11月25日まで）",
    ]);
    expect(b).toEqual([
      "チームB", "デジタルを活用した市民サービスの質の向上", "木下 大翔（リーダー）、佐野 結衣、高木 颯太、中島 葵、早川 陽菜",
      "メンバー募集（5月29日）、キックオフ（6月12日）、テーマの検討・事業所管課との協議（9月4日）",
      "民間企業・他都市等への視察・ヒアリング（予定 9月30日）",
      // The 12/3 visit is after the day.
      `視察 0件、ヒアリング ${B.ヒアリング}件、協議 ${B.協議}件、勉強会 ${B.勉強会}件`,
      "第3回X会議で検討状況報告（11月25日まで）",
    ]);
  });

  it("keeps the 11/25 picture after チームB ticks its visits done and renames its theme on 12/4", () => {
    const { runtime, clock } = testRuntime({ setUp: true });
    clock.set(Date.parse("2026-12-04T10:00:00+09:00"));
    const context = run<{ teams: { steps: { 工程: string; 完了日: string | null; 状態: string; 最終更新日: string | null }[] }[] }>(runtime, "getPtContext", [], "kinoshita.hiroto@city.example");
    const visit = context.teams[0].steps.find((s) => s.工程 === "民間企業・他都市等への視察・ヒアリング")!;
    const saved = run<{ ok: boolean }>(runtime, "updatePtStep", [{
      年度: 8, チーム: "チームB", 工程: visit.工程, expected: { 完了日: "", 状態: visit.状態 }, changes: { 完了日: "2026-12-03", 状態: "完了" },
    }], "kinoshita.hiroto@city.example");
    expect(saved.ok).toBe(true);
    expect(run<{ ok: boolean }>(runtime, "updatePtTeam", [{ 年度: 8, チーム: "チームB", expected: {}, changes: { テーマ: "来庁不要の手続の拡大" } }], "kinoshita.hiroto@city.example").ok).toBe(true);

    run(runtime, "createProgressReport", [{ asOf: "2026-11-25" }]);
    const [, , then] = teamTable(runtime, "報告_2026-11-25");
    expect(then.slice(1, 5)).toEqual([
      "デジタルを活用した市民サービスの質の向上",
      expect.any(String),
      "メンバー募集（5月29日）、キックオフ（6月12日）、テーマの検討・事業所管課との協議（9月4日）",
      "民間企業・他都市等への視察・ヒアリング（予定 9月30日）",
    ]);
    run(runtime, "createProgressReport", [{ asOf: "2026-12-04" }]);
    const [, , now] = teamTable(runtime, "報告_2026-12-04");
    expect(now[1]).toBe("来庁不要の手続の拡大");
    expect(now[3]).toContain("民間企業・他都市等への視察・ヒアリング（12月3日）");
    // Late by 12/4: the report and the roadmap, no longer the visits.
    expect(now[4]).toBe("第3回X会議で検討状況報告（予定 11月25日）、事業の立ち上げロードマップの策定（予定 11月30日）");
    expect(now[5]).toContain("視察 1件");
  });

  it("defaults the dialog's 基準日 to the nearest X会議, and prints the roadmap as an accessible chart table", () => {
    const { runtime } = testRuntime({ now: "2026-08-28T09:00:00+09:00", setUp: true });
    const calls: { title: string; html: string }[] = [];
    const ui = {
      alert: () => "YES", prompt: () => ({ button: "OK", text: "" }), showSidebar: () => undefined, toast: () => undefined, addMenu: () => undefined,
      showDialog: (html: string, title: string) => void calls.push({ title, html }),
    };
    expect(run(runtime, "createProgressReport", [], SECRETARIAT, ui)).toBeNull();
    // 8/28 is two days after the 第2回X会議 (8/26).
    expect(calls[0].html).toContain('value="2026-08-26" max="2026-08-28"');
    expect(calls[0].html).toContain("第2回X会議（令和8年8月26日）の報告の基準日です。");

    const page = run<string>(runtime, "showProgressReportPrint", ["2026-08-26", ["R7"]], SECRETARIAT, ui);
    expect(page).toContain("<h2>5 プロジェクトチームによる検討状況</h2>");
    expect(page).toContain('<table class="pt-roadmap"><caption>令和8年度 PTの工程（予定月、8月26日時点）</caption>');
    expect(page).toContain('<th scope="row">チームA</th><td></td><td><ul><li class="done">メンバー募集（完了）</li></ul></td>');
    // チームB finished its theme on 9/4: not yet done on 8/26, due 8/31.
    expect(page).toMatch(/<th scope="row">チームB<\/th>.*<li class="planned">テーマの検討・事業所管課との協議（予定）<\/li>/);
    expect(page).toContain(".pt-roadmap li.late {");
  });
});
