// Intake of a new issue on the demo workbook, in the local runtime as the CLI runs it: a row
// typed into 課題 mid-year is 未整理 — not mailed, not counted on 集計, listed by データ点検 and
// the sidebar — until the secretariat sorts it through the write path; then it is mailed.
import { beforeEach, describe, expect, it } from "vitest";
import type { Runtime } from "../../src/local/runtime/runtime";
import { ISSUES } from "../../src/core/contracts/issues";
import { answeringUi, outbox, deployWebApp } from "../support/follow-up";
import { SECRETARIAT, historyRows, issueRows, spreadsheetReads, spreadsheetWrites } from "../support/issues";
import { testRuntime } from "../support/runtime";

const NEW_OWNER = "shinki-ka@city.example";
let runtime: Runtime;
let dir: string;

beforeEach(() => {
  ({ runtime, dir } = testRuntime({ now: "2026-12-01T09:00:00+09:00", setUp: true }));
  deployWebApp(runtime);
});

/** Types a new issue under the last row of 課題, as staff would (整理区分 left blank). */
function addNewIssue(): number {
  const sheet = runtime.model.getSheetByName("課題")!;
  const header = runtime.readRange("課題!A1:Z1")[0];
  const row = ISSUES.toRow({ ID: "R8-001", 年度: "R8", 課題名: "来庁予約のオンライン化", 区分: "ユーザー", 制度所管局: "総務市民局", 所管課: "区政課", 担当者メール: NEW_OWNER, 進捗分類: "検討中" }, header);
  const at = sheet.getLastRow();
  sheet.setCells(at, 0, [row.map((value) => (value === "" ? { kind: "empty" as const } : { kind: "value" as const, value: value as string }))]);
  return at + 1;
}

/** A menu item's execution (the default), as `platina run` starts it. */
function run<T>(entry: string, user: string, ...args: unknown[]) {
  const execution = runtime.run(entry, args, { user });
  return { execution, result: execution.result as T };
}

/** google.script.run from the sidebar, as `platina run --context sidebar` starts it. */
function sidebar<T>(entry: string, user: string, ...args: unknown[]) {
  const execution = runtime.run(entry, args, { user, context: { kind: "sidebar" } });
  return { execution, result: execution.result as T };
}

const sentTo = (result: { sent: { to: string }[] }) => result.sent.map((s) => s.to);
const newIssue = () => issueRows(runtime).find((r) => r.ID === "R8-001")!;
type Sorted = { ok: boolean; reason?: string; message: string; field?: string; issue?: Record<string, string> };
const sortAs = (user: string, 整理区分: string, 統合先ID = "") => {
  const issue = sidebar<{ issues: Record<string, string>[] }>("getUnsortedIssues", SECRETARIAT).result.issues.find((i) => i.ID === "R8-001")!;
  const expected = { 整理区分: issue.整理区分, 統合先ID: issue.統合先ID, 最終更新日: issue.最終更新日 };
  return sidebar<Sorted>("sortIssue", user, { id: "R8-001", 整理区分, 統合先ID, expected });
};

describe("a new row of 課題", () => {
  it("is not mailed until it is sorted, then is", async () => {
    const followed = runtime.readRange("集計!B11")[0][0];
    expect(followed).toBe(34);
    const first = run<{ sent: { to: string }[] }>("runMonthlyFollowUp", SECRETARIAT).result;
    addNewIssue();
    // 未整理: 今すぐ送信 asks nobody about it and says why, and 集計 still follows 34.
    const { ui, shown } = answeringUi("YES");
    const now = runtime.run("sendFollowUpNow", [], { user: SECRETARIAT, ui });
    expect(sentTo(now.result as { sent: { to: string }[] })).toEqual([]);
    expect(shown[0].text).toContain("未整理の課題（整理区分が空欄）1件は、市政変革推進室がサイドバー「未整理の課題」で整理するまで照会しません。");
    expect(runtime.readRange("集計!B11")[0][0]).toBe(34);

    const sorted = sortAs(SECRETARIAT, "⑦");
    expect(sorted.result).toMatchObject({ ok: true, issue: { ID: "R8-001", 整理区分: "⑦" } });
    expect(sentTo(run<{ sent: { to: string }[] }>("sendFollowUpNow", SECRETARIAT).result)).toEqual([NEW_OWNER]);
    const mails = await outbox(`${dir}/outbox`);
    expect(mails).toHaveLength(first.sent.length + 1);
    expect(runtime.readRange("集計!B11")[0][0]).toBe(35);
  });

  it("is listed by データ点検 and by the secretariat's sidebar, with its row and cell", () => {
    const row = addNewIssue();
    const dialogs: string[] = [];
    const ui = {
      alert: () => "OK" as const, prompt: () => ({ button: "OK" as const, text: "" }), showSidebar: () => undefined, toast: () => undefined, addMenu: () => undefined,
      showDialog: (html: string) => dialogs.push(html),
    };
    const check = runtime.run("checkData", [], { user: SECRETARIAT, ui });
    expect(check.ok, check.error?.message).toBe(true);
    const column = String.fromCharCode(65 + ISSUES.headers.indexOf("整理区分"));
    expect(dialogs[0]).toContain("未整理の課題（1件）");
    expect(dialogs[0]).toContain(`data-a1="${column}${row}"`);
    expect(dialogs[0]).toContain(`${row}行目`);
    expect(dialogs[0]).toContain("来庁予約のオンライン化");
    expect(dialogs[0]).toContain("サイドバー「未整理の課題」で整理区分を選ぶまで");

    const view = sidebar<{ issues: { ID: string }[]; choices: { value: string; targeted: boolean }[] }>("getUnsortedIssues", SECRETARIAT).result;
    expect(view.issues.map((i) => i.ID)).toEqual(["R8-001"]);
    expect(view.choices.map((c) => c.value)).toEqual(["①", "②", "③", "④", "⑤", "⑥", "⑦", "継続", "年度内完了"]);
    expect(view.choices.filter((c) => c.targeted).map((c) => c.value)).toEqual(["②", "③"]);
  });

  it("is sorted only by the secretariat, through the write path: stamp and 履歴", () => {
    addNewIssue();
    const refused = sidebar<unknown>("getUnsortedIssues", NEW_OWNER);
    expect(refused.execution.ok).toBe(true);
    expect(refused.result).toMatchObject({ ok: false, reason: "forbidden", message: `未整理の課題の表示は市政変革推進室（設定シートの「事務局メール」）のみが実行できます。${NEW_OWNER} は登録されていません。` });
    const history = historyRows(runtime).length;
    expect(sortAs(NEW_OWNER, "⑦").result).toMatchObject({ ok: false, reason: "forbidden", message: expect.stringContaining("課題の整理は市政変革推進室（設定シートの「事務局メール」）のみが実行できます。") });
    expect(newIssue().整理区分).toBe("");

    const merged = sortAs(SECRETARIAT, "②", "R7-032");
    expect(merged.result).toMatchObject({ ok: true, issue: { 整理区分: "②", 統合先ID: "R7-032", 最終更新者: SECRETARIAT } });
    expect(newIssue()).toMatchObject({ 整理区分: "②", 統合先ID: "R7-032" });
    expect(historyRows(runtime).slice(history).map((h) => [h.ID, h.項目, h.変更前, h.変更後, h.利用者, h.経路])).toEqual([
      ["R8-001", "整理区分", "", "②", SECRETARIAT, "サイドバー"],
      ["R8-001", "統合先ID", "", "R7-032", SECRETARIAT, "サイドバー"],
    ]);
    // Sorted: no longer listed, and a second sorting from the old list is a conflict.
    expect(sidebar<{ issues: unknown[] }>("getUnsortedIssues", SECRETARIAT).result.issues).toEqual([]);
  });

  it("refuses a merge target that does not exist or is itself merged, with the reason, changing nothing", () => {
    addNewIssue();
    const before = JSON.stringify(issueRows(runtime));
    const history = historyRows(runtime).length;
    const missing = sortAs(SECRETARIAT, "②", "R7-999").result;
    expect(missing).toEqual({ ok: false, reason: "invalid", field: "統合先ID", message: "統合先ID「R7-999」の課題は課題シートにありません。ID を確認してください。何も変更していません。" });
    // R7-001 (転入・転出時の手続案内の一元化) is ②, merged into R7-032 in the demo.
    const chained = sortAs(SECRETARIAT, "③", "R7-001").result;
    expect(chained).toMatchObject({ ok: false, reason: "invalid", field: "統合先ID" });
    expect(chained.message).toBe("課題「R7-001」（転入・転出時の手続案内の一元化）は、それ自体がほかの課題に統合されています（整理区分②）。その統合先の課題「R7-032」を指定してください。何も変更していません。");
    expect(sortAs(SECRETARIAT, "②").result).toMatchObject({ ok: false, field: "統合先ID", message: expect.stringContaining("統合先の課題の ID を入力してください") });
    expect(JSON.stringify(issueRows(runtime))).toBe(before);
    expect(historyRows(runtime)).toHaveLength(history);
  });

  it("is refused when someone sorted it after the list was loaded", () => {
    addNewIssue();
    const stale = sidebar<{ issues: Record<string, string>[] }>("getUnsortedIssues", SECRETARIAT).result.issues[0];
    expect(sortAs(SECRETARIAT, "⑥").result.ok).toBe(true);
    const late = sidebar<Sorted>("sortIssue", SECRETARIAT, { id: "R8-001", 整理区分: "⑦", 統合先ID: "", expected: { 整理区分: stale.整理区分, 統合先ID: stale.統合先ID, 最終更新日: stale.最終更新日 } });
    expect(late.result).toMatchObject({ ok: false, reason: "conflict", message: expect.stringContaining("ほかの方がこの課題を先に更新しました") });
    expect(newIssue().整理区分).toBe("⑥");
  });
});

describe("service-call budgets", () => {
  it("listing and sorting read and write the same number of times however many rows 課題 has", () => {
    const counts = () => {
      const listing = sidebar<unknown>("getUnsortedIssues", SECRETARIAT).execution;
      const sorting = sortAs(SECRETARIAT, "②", "R7-032").execution;
      return [spreadsheetReads(listing.calls), spreadsheetReads(sorting.calls), spreadsheetWrites(sorting.calls)];
    };
    addNewIssue();
    const small = counts();
    expect(small[1]).toBeLessThanOrEqual(3);
    expect(small[2]).toBeLessThanOrEqual(3);

    ({ runtime } = testRuntime({ now: "2026-12-01T09:00:00+09:00", setUp: true }));
    deployWebApp(runtime);
    const sheet = runtime.model.getSheetByName("課題")!;
    const template = runtime.readRange("課題!A2:N2")[0];
    sheet.setCells(sheet.getLastRow(), 0, Array.from({ length: 500 }, (_, i) => template.map((v, c) => ({ kind: "value" as const, value: c === 0 ? `X-${i}` : String(v) }))));
    addNewIssue();
    expect(counts()).toEqual(small);
  });
});
