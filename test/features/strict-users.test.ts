// The add-on under the strictest reading of R-session: Session.getActiveUser() is "" in
// every context (the runtime's strictUsers switch, `--strict-users`). Apps Script may
// leave the user blank wherever the script runs without their authorization; each path
// must still run, or refuse in Japanese saying why, and lose nothing.
import { describe, expect, it } from "vitest";
import type { Workspace } from "../../src/local/execution/contexts";
import { formFields, linkIn, openForm, outbox, submitForm, deployWebApp } from "../support/follow-up";
import { SECRETARIAT, issueRows, sheetRecords } from "../support/issues";
import { testRuntime } from "../support/runtime";

const STRICT: Workspace = { domain: "city.example", strictUsers: true };
const UNKNOWN_ACCOUNT = "ログイン中のアカウントを確認できないため";

/** A workbook set up by the secretariat (who must be named to run 初期設定), then run under the strictest reading. */
function strictAfterSetUp() {
  const prepared = testRuntime({ now: "2026-12-01T09:00:00+09:00", setUp: true });
  deployWebApp(prepared.runtime);
  const installed = prepared.runtime.run("installFollowUpTrigger", [], { user: SECRETARIAT });
  expect(installed.ok, installed.error?.message).toBe(true);
  const { runtime } = testRuntime({
    workspace: STRICT, model: prepared.runtime.model, state: prepared.runtime.state, mail: prepared.runtime.options.mail, clock: prepared.clock,
  });
  return { runtime, outbox: prepared.outbox, clock: prepared.clock };
}

describe("the strictest reading: every user blank", () => {
  it("still sends the monthly follow-up from the secretariat's own trigger, which runs as its creator", async () => {
    const { runtime, outbox: dir, clock } = strictAfterSetUp();
    const trigger = runtime.state.triggers.find((t) => t.handler === "runMonthlyFollowUp")!;
    const execution = runtime.fireTimeTrigger(trigger, clock.now());
    expect(execution.ok, execution.error?.message).toBe(true);
    const mails = await outbox(dir);
    expect(mails.length).toBeGreaterThan(0);
    expect(sheetRecords(runtime, "送信記録").length).toBe(mails.length);
  });

  it("refuses menu items and the sidebar's list in Japanese, naming the cause, and writes nothing", () => {
    const { runtime } = strictAfterSetUp();
    const before = JSON.stringify(issueRows(runtime));
    for (const [entry, context] of [["sendFollowUpNow", "menu"], ["getMyIssues", "sidebar"]] as const) {
      const execution = runtime.run(entry, [], { context: { kind: context }, user: SECRETARIAT });
      expect(execution.ok, execution.error?.message).toBe(true);
      expect(execution.result).toMatchObject({ ok: false, reason: "forbidden", message: expect.stringContaining(UNKNOWN_ACCOUNT) });
    }
    expect(JSON.stringify(issueRows(runtime))).toBe(before);
  });

  it("tells the sidebar that nobody is signed in rather than guessing", () => {
    const { runtime } = strictAfterSetUp();
    const execution = runtime.run("getSidebarContext", [], { context: { kind: "sidebar" }, user: "taro.jinji@city.example" });
    expect(execution.result).toMatchObject({ user: "", role: "none" });
  });

  it("refuses 初期設定 of a new workbook in Japanese and creates no sheet", () => {
    const { runtime } = testRuntime({ workspace: STRICT });
    const sheets = runtime.model.getSheets().map((s) => s.getName());
    const execution = runtime.run("setupWorkbook", [], { user: SECRETARIAT });
    expect(execution.result).toMatchObject({ ok: false, message: expect.stringContaining(`${UNKNOWN_ACCOUNT}、「初期設定」を実行できません`) });
    expect(runtime.model.getSheets().map((s) => s.getName())).toEqual(sheets);
    expect(runtime.state.triggers).toEqual([]);
  });
});

describe("the answer form under the strictest reading", () => {
  it("takes the signed link as the section's answer, records the person as 不明 and the address acted for", async () => {
    const { runtime, outbox: dir, clock } = strictAfterSetUp();
    const trigger = runtime.state.triggers.find((t) => t.handler === "runMonthlyFollowUp")!;
    expect(runtime.fireTimeTrigger(trigger, clock.now()).ok).toBe(true);
    const mail = (await outbox(dir)).find((m) => m.to.includes("jinji-ka@city.example"))!;
    const html = openForm(runtime, linkIn(mail.text), "taro.jinji@city.example");
    const ids = [...html.matchAll(/name="answer:([^"]+)" value="変更なし"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    const receipt = submitForm(runtime, formFields(html, Object.fromEntries(ids.map((id) => [id, { answer: "変更なし" }]))), "taro.jinji@city.example");
    expect(receipt).toContain("ご回答ありがとうございました");
    const logged = sheetRecords(runtime, "回答記録").filter((r) => ids.includes(String(r.ID)));
    expect(logged.length).toBe(ids.length);
    expect(logged.every((r) => r.回答者 === "不明" && r.担当アドレス === "jinji-ka@city.example")).toBe(true);
  });
});
