// 送信状況 as the secretariat reads it: 和暦 and Tokyo time, last month's cycle
// kept in view until its まとめ has gone out, and the account triggers run as.
import { describe, expect, it } from "vitest";
import type { Runtime } from "../../../src/local/runtime/runtime";
import { answeringUi, fireDueTriggers, deployWebApp } from "../../support/follow-up";
import { SECRETARIAT } from "../../support/issues";
import { testRuntime } from "../../support/runtime";

/** 送信状況 as shown to a person at the sheet: the result and the dialog's title and HTML. */
function showStatus(runtime: Runtime) {
  const dialogs: { title: string; html: string; width: number }[] = [];
  const { ui } = answeringUi("YES");
  ui.showDialog = (html, title, width) => dialogs.push({ html, title, width });
  const execution = runtime.run("showFollowUpStatus", [], { user: SECRETARIAT, ui });
  expect(execution.ok, execution.error?.message).toBe(true);
  return { status: execution.result as { cycle: string; waitingForDigest: boolean }, ...dialogs[0] };
}

describe("送信状況", () => {
  // G-quota: per account, in recipients, back 24 hours after the first send.
  it("after a stop at the mail quota, says when the rest goes out and the limits by account type", () => {
    const { runtime } = testRuntime({ now: "2026-12-01T15:30:00+09:00", setUp: true });
    deployWebApp(runtime);
    runtime.state.mail.dailyQuota = 3;
    expect(runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT }).ok).toBe(true);
    const { html } = showStatus(runtime);
    expect(html).toContain("中断: 1日の送信数の上限");
    expect(html).toContain("次の処理 令和8年12月2日（水） 15:35");
    expect(html).toContain("Google Workspace のアカウントで1日1,500件、個人の Google アカウント（gmail.com など）で1日100件です。上限は深夜0時ではなく、その日最初に送信してから24時間後に戻ります。");
  });

  it("writes times in 和暦 and Tokyo time, and keeps last month's cycle until its まとめ is sent", () => {
    const { runtime, clock } = testRuntime({ now: "2026-11-02T09:00:00+09:00", setUp: true });
    deployWebApp(runtime);
    expect(runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT }).ok).toBe(true);
    const november = showStatus(runtime);
    expect(november.title).toBe("送信状況（令和8年11月）");
    expect(november.html).toContain("依頼日時: 令和8年11月2日（月） 9:00");
    expect(november.html).toContain("回答期限: 令和8年11月12日（木）");
    expect(november.html).toContain("前回の実行: 令和8年11月2日（月） 9:00 — 送信");
    expect(november.html).toMatch(/次の処理 令和8年11月\d+日（.） \d+:\d\d/);
    expect(november.html.match(/.{80}\d{4}-\d\d-\d\dT\d\d:.{40}/)?.[0]).toBeUndefined();

    // December starts before November's まとめ went out (the workbook was closed): November stays in view.
    clock.set(Date.parse("2026-12-01T08:00:00+09:00"));
    const waiting = showStatus(runtime);
    expect(waiting.status).toMatchObject({ cycle: "2026-11", waitingForDigest: true });
    expect(waiting.html).toContain("令和8年11月のまとめがまだ送信されていないため、このサイクルを表示しています");

    // Its reminder and まとめ go out: 送信状況 moves on to December.
    fireDueTriggers(runtime, clock, "2026-12-01T08:30:00+09:00");
    const december = showStatus(runtime);
    expect(december.status).toMatchObject({ cycle: "2026-12", waitingForDigest: false });
    expect(december.title).toBe("送信状況（令和8年12月）");
    expect(december.html).toContain("依頼日時: 未送信");
  });

  it("names the scheduled runs in Japanese with the account they run as, when it is recorded", () => {
    const { runtime } = testRuntime({ now: "2026-11-30T12:00:00+09:00", setUp: true });
    deployWebApp(runtime);
    runtime.run("installFollowUpTrigger", [], { user: SECRETARIAT });
    const { html } = showStatus(runtime);
    // The installing account is recorded when the trigger is set up; only that account can change it.
    expect(html).toContain(`予定されている自動実行: 毎月の自動送信（トリガーの所有者: ${SECRETARIAT}）`);
  });
});
