// 年度更新 (startFiscalYear) on the demo workbook: R9 on 2027-04-01, twice, refusals.
import { describe, expect, it } from "vitest";
import { testRuntime } from "../support/runtime";
import { SECRETARIAT, historyRows, issueRows, modelRecords } from "../support/issues";
import type { Runtime } from "../../src/local/runtime/runtime";

const APRIL_1 = "2027-04-01T09:00:00+09:00";
const OWNER = "kusei-ka@city.example";

interface Result {
  ok: boolean;
  reason?: string;
  year?: string;
  changes?: string[];
  message: string;
}

/** A UI answering the questions in turn (YES/NO), recording what it was shown. */
function answeringUi(...answers: ("YES" | "NO")[]) {
  const shown: { title: string; text: string }[] = [];
  return {
    shown,
    alert: (title: string | null, prompt: string) => (shown.push({ title: title ?? "", text: prompt }), answers.shift() ?? "OK"),
    prompt: () => ({ button: "OK" as const, text: "" }),
    showSidebar: () => undefined,
    toast: () => undefined,
    addMenu: () => undefined,
    showDialog: () => undefined,
  };
}

function start(runtime: Runtime, options?: unknown, user = SECRETARIAT, ui: ReturnType<typeof answeringUi> | null = null): Result {
  const execution = runtime.run("startFiscalYear", options === undefined ? [] : [options], { user, ui });
  expect(execution.ok, execution.error?.message).toBe(true);
  return execution.result as Result;
}

/** Everything 年度更新 may touch, to show a refusal changed nothing. */
function snapshot(runtime: Runtime) {
  const sheets = runtime.model.getSheets().map((s) => [s.getName(), s.isHidden?.() ?? null]);
  const names = ["設定", "会議", "PTメンバー", "集計", "年度記録"];
  return { sheets, data: names.map((n) => modelRecords(runtime.model, n)), issues: issueRows(runtime), history: historyRows(runtime) };
}

function addSheet(runtime: Runtime, name: string): void {
  runtime.model.insertSheet(name).setCells(0, 0, [[{ kind: "value", value: name }]]);
}

describe("startFiscalYear to R9 on 2027-04-01", () => {
  it("adds R9's X会議, makes R9 the current year, records the 34 followed issues, hides earlier reports; twice changes nothing", () => {
    const { runtime } = testRuntime({ now: APRIL_1, setUp: true });
    for (const name of ["報告_2026-05-26", "回答状況_2027-03", "回答状況_局区照会-R8", "報告_2027-04-01"]) addSheet(runtime, name);

    const first = start(runtime, { year: "R9" });
    expect(first).toMatchObject({ ok: true, year: "R9" });
    expect(first.message).toContain("R9の年度更新を行いました");

    const meetings = modelRecords(runtime.model, "会議").filter((m) => String((m.日付 as Date).toISOString()).startsWith("2027"));
    expect(meetings.map((m) => [m.回, (m.日付 as Date).toISOString(), m.名称])).toEqual([
      ["第1回", "2027-05-25T15:00:00.000Z", "第1回X会議"],
      ["第2回", "2027-08-24T15:00:00.000Z", "第2回X会議"],
      ["第3回", "2027-11-23T15:00:00.000Z", "第3回X会議"],
    ]);
    expect(modelRecords(runtime.model, "設定").find((r) => r.項目 === "今年度")?.値).toBe("R9");
    expect(runtime.readRange("集計!B2")).toEqual([["R9"]]);
    expect((runtime.readRange("集計!D2")[0][0] as Date).toISOString()).toBe("2027-03-31T15:00:00.000Z");
    // The 34 followed issues stay followed; their number is recorded for R9 and frozen.
    expect(runtime.readRange("集計!B11")).toEqual([[34]]);
    expect(modelRecords(runtime.model, "年度記録")).toEqual([
      expect.objectContaining({ 年度: "R9", 当初課題件数: 34, 内訳: "R6 12件・R7 22件", 記録者: SECRETARIAT }),
    ]);
    const hidden = (name: string) => runtime.model.getSheetByName(name)!.isHidden();
    expect(["報告_2026-05-26", "回答状況_2027-03", "回答状況_局区照会-R8"].map(hidden)).toEqual([true, true, true]);
    expect(hidden("報告_2027-04-01")).toBe(false);
    // Nothing carried without asking.
    expect(modelRecords(runtime.model, "PTメンバー").filter((m) => m.年度 === "R9")).toEqual([]);

    const before = snapshot(runtime);
    const second = start(runtime, { year: "R9" });
    expect(second).toEqual({ ok: true, year: "R9", changes: [], message: "R9の年度更新はすでに済んでいます。変更はありません。" });
    expect(snapshot(runtime)).toEqual(before);
  });

  it("is refused for an owner, changing nothing", () => {
    const { runtime } = testRuntime({ now: APRIL_1, setUp: true });
    const before = snapshot(runtime);
    const refused = start(runtime, { year: "R9" }, OWNER);
    expect(refused).toMatchObject({ ok: false, reason: "forbidden" });
    expect(snapshot(runtime)).toEqual(before);
  });

  it("refuses a past, malformed or two-years-ahead year, and while a mailing is sending, saying why and changing nothing", () => {
    const { runtime } = testRuntime({ now: APRIL_1, setUp: true });
    const before = snapshot(runtime);
    expect(start(runtime, { year: "R8" })).toMatchObject({ ok: false, reason: "past", message: expect.stringContaining("R8は過去の年度です（今日はR9）") });
    expect(start(runtime, { year: "らいねん" })).toMatchObject({ ok: false, reason: "malformed", message: expect.stringContaining("年度「らいねん」を解釈できません") });
    expect(start(runtime, { year: "R11" })).toMatchObject({ ok: false, reason: "ahead", message: expect.stringContaining("R11は2年以上先の年度です") });
    runtime.state.scriptProperties["platina.followUp.running"] = JSON.stringify({ token: "other", until: Date.parse(APRIL_1) + 3 * 60_000 });
    const running = start(runtime, { year: "R9" });
    expect(running).toMatchObject({ ok: false, reason: "running" });
    expect(running.message).toContain("毎月の進捗確認メールの送信中です（令和9年4月1日 9:03ごろまで）");
    expect(snapshot(runtime)).toEqual(before);
    // One year ahead is allowed (prepared in March, say), and the year defaults to today's.
    delete runtime.state.scriptProperties["platina.followUp.running"];
    expect(start(runtime)).toMatchObject({ ok: true, year: "R9" });
    expect(start(runtime, { year: "R8" })).toMatchObject({ ok: false, reason: "past" });
  });

  it("from the menu shows what it will do and asks first; NO changes nothing; the PT roster is carried only when asked", () => {
    const { runtime } = testRuntime({ now: APRIL_1, setUp: true });
    const r8Selected = modelRecords(runtime.model, "PTメンバー").filter((m) => m.年度 === "R8" && m.選考 === "選出");
    expect(r8Selected.length).toBeGreaterThan(0);
    const before = snapshot(runtime);
    const no = answeringUi("NO", "NO");
    expect(start(runtime, undefined, SECRETARIAT, no)).toMatchObject({ ok: false, reason: "cancelled", message: "年度更新を取りやめました。何も変更していません。" });
    expect(no.shown[0].text).toContain(`PTメンバーのR8の選出メンバー${r8Selected.length}人をR9に引き継ぎますか？`);
    expect(no.shown[1].text).toContain("R9の年度更新を行います。");
    expect(no.shown[1].text).toContain("・会議にR9のX会議3回（5月26日・8月25日・11月24日）を追加します");
    expect(no.shown[1].text).toContain("・年度記録にR9の当初課題件数 34件（R6 12件・R7 22件）を記録します");
    expect(no.shown[1].text).not.toContain("引き継ぎます");
    expect(snapshot(runtime)).toEqual(before);

    const yes = answeringUi("YES", "YES");
    const done = start(runtime, undefined, SECRETARIAT, yes);
    expect(done.changes).toContain(`PTメンバーのR8の選出メンバー${r8Selected.length}人をR9に引き継ぎました`);
    expect(yes.shown[1].text).toContain("引き継ぎます");
    expect(yes.shown.at(-1)?.text).toContain("R9の年度更新を行いました");
    expect(modelRecords(runtime.model, "PTメンバー").filter((m) => m.年度 === "R9").map((m) => m.メール)).toEqual(r8Selected.map((m) => m.メール));

    const again = answeringUi();
    expect(start(runtime, undefined, SECRETARIAT, again)).toMatchObject({ ok: true, changes: [] });
    expect(again.shown).toEqual([{ title: "年度更新", text: "R9の年度更新はすでに済んでいます。変更はありません。" }]);
  });
});
