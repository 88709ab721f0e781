// What the sidebar's 「報告・送信」 says, fed with what the real entry points return.
import { describe, expect, it } from "vitest";
import { REPORT_ACTIONS, actionOutcome, failureOutcome } from "../../../src/ui/sidebar/actions";
import { deployWebApp } from "../../support/follow-up";
import { SECRETARIAT } from "../../support/issues";
import { testRuntime } from "../../support/runtime";

describe("報告・送信 outcomes", () => {
  it("reads the results of the real entry points", () => {
    const { runtime } = testRuntime({ now: "2026-12-01T09:00:00+09:00", setUp: true });
    deployWebApp(runtime);
    const run = (name: string) => {
      const execution = runtime.run(name, [], { user: SECRETARIAT });
      expect(execution.ok, `${name}: ${execution.error?.message}`).toBe(true);
      return execution.result;
    };
    const outcome = (name: (typeof REPORT_ACTIONS)[number]["name"]) => actionOutcome(name, run(name));

    expect(outcome("sendPtHoursSummary")).toEqual({ kind: "ok", text: "送信 10件、失敗 0件。" });
    const survey = outcome("sendBureauSurvey");
    expect(survey).toEqual({ kind: "ok", text: "送信 29件、失敗 0件。" });
    expect(outcome("sendFollowUpNow").text).toMatch(/^送信 \d+件、失敗 0件。$/);
    expect(outcome("showFollowUpStatus").text).toMatch(/^送信状況のダイアログを開きました（回答 0\/\d+名）。$/);
    expect(outcome("installFollowUpTrigger").text).toBe("毎月の自動送信を設定しました。次回: 令和9年1月1日 09:00");
    expect(outcome("createPlatinaReport").text).toBe("プラチナレポート（R7）のダイアログを開きました。プレビューを確認して保存してください。");
    expect(outcome("createProgressReport")).toMatchObject({ kind: "ok", text: expect.stringContaining("シート「報告_2026-12-01」を作成しました") });
  });

  it("says when a send was cancelled, stopped or partly failed", () => {
    expect(actionOutcome("sendFollowUpNow", { ok: false, reason: "cancelled", message: "送信を取りやめました。何も送信していません。" })).toEqual({ kind: "ok", text: "送信を取りやめました。何も送信していません。" });
    // The quota comes back 24 hours after the first send, not at midnight: the dialog names when, and the limits by account type.
    const next = "2026-12-02T00:35:00.000Z";
    const stopped = actionOutcome("sendBureauSurvey", { sent: [1, 2], failed: [{ to: "a@city.example", error: "Invalid email" }], stoppedBecause: "quota", remaining: 5, next });
    expect(stopped.kind).toBe("error");
    expect(stopped.text).toMatch(/^送信 2件、失敗 1件。\nメールの送信数の上限に達しました。残り 5件は、上限が戻る令和8年12月2日（水） 9:35に自動で続きを送信します。\n（.+）\n失敗: a@city\.example（Invalid email）$/);
    expect(stopped.text).toContain("Google Workspace のアカウントで1日1,500件、個人の Google アカウント（gmail.com など）で1日100件");
    expect(stopped.text).toContain("深夜0時ではなく、その日最初に送信してから24時間後に戻ります");
    expect(actionOutcome("createProgressReport", null).text).toBe("進捗報告のダイアログを開きました。基準日と年度を選んで作成してください。");
    expect(actionOutcome("createProgressReport", { ok: false, message: "作成を取りやめました。何も変更していません。" })).toEqual({ kind: "error", text: "作成を取りやめました。何も変更していません。" });
    expect(failureOutcome(REPORT_ACTIONS[4], "テスト送信を取り消しました。").text).toBe("「テスト送信」を実行できませんでした。テスト送信を取り消しました。");
  });

  it("says when a send did not run because another was sending, and when テスト送信 was cancelled", () => {
    const busy = actionOutcome("sendBureauSurvey", { ok: false, reason: "busy", message: "送信 0件、失敗 0件。\n別の送信処理が実行中です。しばらくしてから送信状況を確認してください。" });
    expect(busy).toEqual({ kind: "error", text: "送信 0件、失敗 0件。\n別の送信処理が実行中のため、いまは送信しませんでした。結果は「送信状況」で確認できます。" });
    expect(actionOutcome("sendFollowUpPreview", { ok: false, reason: "cancelled", message: "テスト送信を取り消しました。" })).toEqual({ kind: "ok", text: "テスト送信を取り消しました。" });
  });
});
