// The add-on in every execution context (issue 11): the web app saves while a
// long mail run sends, triggers are installed once whoever runs the setup, and
// the last run is kept in a form that fits a script property.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROPERTY_VALUE_LIMIT, summarizeStep, utf8Bytes } from "../../src/core/mailing/run-summary";
import { outboxTransport, type MailTransport } from "../../src/local/services/mail";
import { answeringUi, fireDueTriggers, fireMonthlyRun, formFields, linkIn, openForm, outbox, submitForm, deployWebApp } from "../support/follow-up";
import { SECRETARIAT, addSecretariat, historyRows, issueRows, openOwners, sheetRecords } from "../support/issues";
import { instantLockWaits, runWithStrictLocks } from "../support/locks";
import { identity } from "../support/contexts";
import { createLockService } from "../../src/local/services/lock";
import type { ExecutionEnv } from "../../src/local/execution/env";
import { tempDir, testRuntime } from "../support/runtime";

const SECOND = "kikaku@city.example";

/** An execution's identity outside the runtime: enough for LockService's script lock. */
const identityEnv = () => identity(SECRETARIAT) as unknown as ExecutionEnv;

describe("a web-app answer during a long mail run", () => {
  it("is saved: the run holds no lock while it sends", () => {
    const outboxDir = join(tempDir(), "outbox");
    mkdirSync(outboxDir, { recursive: true });
    const outbox = outboxTransport(outboxDir);
    let firstLink = "";
    let sends = 0;
    let receipt = "";
    let waitedBeforeAnswer = -1;
    const lockClock = instantLockWaits();
    // The third mail is going out when the first recipient sends the form (same workbook, lock files and clock).
    const mail: MailTransport = {
      send(message) {
        const sent = outbox.send(message);
        sends++;
        if (sends === 1) firstLink = linkIn(message.text);
        if (sends === 3) {
          const form = openForm(runtime, firstLink);
          const ids = [...form.matchAll(/name="answer:([^"]+)" value="変更なし"/g)].map((m) => m[1]);
          receipt = submitForm(runtime, formFields(form, Object.fromEntries(ids.map((id, i) => [id, { answer: i === 0 ? "完了" : "変更なし" }]))));
          waitedBeforeAnswer = lockClock.waited();
        }
        return sent;
      },
    };
    const { runtime } = testRuntime({ now: "2026-12-01T09:00:00+09:00", mail, lockClock, setUp: true });
    deployWebApp(runtime);
    const run = fireMonthlyRun(runtime);
    expect(run.ok, run.error?.message).toBe(true);
    expect(sends).toBeGreaterThan(3);
    expect(receipt).toContain("以下の内容で記録しました");
    // Saved at once, not after waiting out a lock (a busy save would have waited 10 s and kept nothing).
    expect(waitedBeforeAnswer).toBe(0);
    const answered = sheetRecords(runtime, "回答記録");
    expect(answered.length).toBeGreaterThan(0);
    expect(issueRows(runtime).find((r) => r.ID === answered[0].ID)?.進捗分類).toBe("完了");
    // The run still logged every send once.
    expect(sheetRecords(runtime, "送信記録").filter((r) => r.種別 === "依頼")).toHaveLength(sends);
  });
});

describe("a web-app answer while another execution holds the lock", () => {
  it("comes back as the form with the input kept and a request to send again; sent again, it is saved", async () => {
    // The form waits out the busy lock on a lock clock that takes no real time.
    const lockClock = instantLockWaits();
    const { runtime, dir, outbox: mails } = testRuntime({ now: "2026-12-01T09:00:00+09:00", lockClock, setUp: true });
    deployWebApp(runtime);
    fireMonthlyRun(runtime);
    const link = linkIn((await outbox(mails))[0].text);
    const form = openForm(runtime, link);
    const ids = [...form.matchAll(/name="answer:([^"]+)" value="変更なし"/g)].map((m) => m[1]);
    const fields = formFields(form, Object.fromEntries(ids.map((id, i) => [id, i === 0 ? { answer: "完了", memo: "混雑中に送った回答" } : { answer: "変更なし" }])));
    // Another execution (another process on the same workbook) holds the script lock for longer than a form waits.
    const other = createLockService(identityEnv(), dir).getScriptLock();
    expect(other.tryLock(0)).toBe(true);
    const busy = submitForm(runtime, fields);
    other.releaseLock();
    expect(lockClock.waited()).toBe(10_000);
    expect(busy).toContain("もう一度「回答を送信する」を押してください");
    expect(busy).toContain("混雑中に送った回答");
    expect(sheetRecords(runtime, "回答記録")).toEqual([]);
    expect(issueRows(runtime).find((r) => r.ID === ids[0])?.進捗メモ).not.toBe("混雑中に送った回答");
    expect(submitForm(runtime, fields)).toContain("以下の内容で記録しました");
    expect(issueRows(runtime).find((r) => r.ID === ids[0])).toMatchObject({ 進捗分類: "完了", 進捗メモ: "混雑中に送った回答" });
  });
});

describe("triggers of two accounts", () => {
  it("初期設定 by a second editor adds no second edit trigger, says whose it is, and each edit is logged once", () => {
    const { runtime } = testRuntime({ setUp: true });
    deployWebApp(runtime);
    // Only the secretariat may run 初期設定 (GUARD): the second editor is a second member of 事務局メール (issue 11's case).
    addSecretariat(runtime, SECOND);
    const { ui, shown } = answeringUi("YES");
    const second = runtime.run("setupWorkbook", [], { user: SECOND, ui });
    expect(second.ok, second.error?.message).toBe(true);
    expect(runtime.state.triggers.filter((t) => t.eventType === "ON_EDIT").map((t) => t.owner)).toEqual([SECRETARIAT]);
    expect(shown.at(-1)?.text).toContain(`${SECRETARIAT} のアカウントで設定済み`);
    const results = runtime.fireEdit({ sheet: "課題", a1: "K2", user: SECOND, value: "調整中", oldValue: "" });
    expect(results.every((r) => r.ok)).toBe(true);
    expect(historyRows(runtime).filter((h) => h.経路 === "シート直接編集")).toHaveLength(1);
  });

  it("自動送信を設定 by a second secretariat member keeps the one monthly trigger and names its owner; 送信状況 shows it", () => {
    const { runtime } = testRuntime({ setUp: true });
    deployWebApp(runtime);
    addSecretariat(runtime, SECOND);
    expect(runtime.run("installFollowUpTrigger", [], { user: SECRETARIAT }).result).toMatchObject({ ok: true, owner: SECRETARIAT });
    const { ui, shown } = answeringUi("YES");
    const again = runtime.run("installFollowUpTrigger", [], { user: SECOND, ui });
    expect(again.result).toMatchObject({ ok: false, reason: "owned-by-another", owner: SECRETARIAT });
    expect(shown.at(-1)?.text).toContain(`${SECRETARIAT} のアカウントで設定済み`);
    expect(runtime.state.triggers.filter((t) => t.handler === "runMonthlyFollowUp").map((t) => t.owner)).toEqual([SECRETARIAT]);
    // The second member sees the owner's trigger in 送信状況, though Apps Script lists only one's own.
    const status = runtime.run("showFollowUpStatus", [], { user: SECOND }).result as { nextRuns: { handler: string; owner: string }[] };
    expect(status.nextRuns).toEqual([expect.objectContaining({ handler: "runMonthlyFollowUp", owner: SECRETARIAT })]);
  });

  it("a second member's 今すぐ送信 leaves the owner's pending continuation as the only one", () => {
    const { runtime } = testRuntime({ now: "2026-12-01T09:00:00+09:00", setUp: true });
    deployWebApp(runtime);
    addSecretariat(runtime, SECOND);
    expect(fireMonthlyRun(runtime).ok).toBe(true);
    const now = runtime.run("sendFollowUpNow", [], { user: SECOND, ui: answeringUi("YES").ui });
    expect(now.ok, now.error?.message).toBe(true);
    const pending = runtime.state.triggers.filter((t) => t.handler === "continueFollowUp" && t.nextRun !== null);
    expect(pending.map((t) => t.owner)).toEqual([SECRETARIAT]);
  });
});

describe("the last run's record", () => {
  it("parses and fits a 9 KB property after a run to 2,000 recipients with Japanese errors", () => {
    const error = "メールアドレス「担当者」が正しくありません。設定シートと課題シートの担当者メールを確認してください。".repeat(5);
    const step = {
      cycle: "2026-12",
      sent: Array.from({ length: 1500 }, (_, i) => ({ kind: "依頼" as const, to: `tantou${i}@city.example`, count: 3 })),
      failed: Array.from({ length: 500 }, (_, i) => ({ kind: "依頼" as const, to: `まちがい${i}@city.example`, error })),
      stoppedBecause: "quota" as const,
      remaining: 120,
      next: "2026-12-02T00:00:00.000Z",
      at: "2026-12-01T00:00:00.000Z",
    };
    const text = JSON.stringify(summarizeStep(step));
    expect(utf8Bytes(text)).toBeLessThanOrEqual(PROPERTY_VALUE_LIMIT);
    expect(Buffer.byteLength(text, "utf8")).toBe(utf8Bytes(text));
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ sent: 1500, sentByKind: { 依頼: 1500 }, failed: 500, stoppedBecause: "quota", remaining: 120 });
    expect(parsed.failures.length).toBeGreaterThan(5);
    expect(parsed.failures[0]).toEqual({ kind: "依頼", to: "まちがい0@city.example", error: `${error.slice(0, 200)}…` });
  });

  it("is what 送信状況 reads after a real run", () => {
    const { runtime } = testRuntime({ now: "2026-12-01T09:00:00+09:00", setUp: true });
    deployWebApp(runtime);
    fireMonthlyRun(runtime);
    const stored = runtime.state.scriptProperties["platina.followUp.lastRun"];
    expect(utf8Bytes(stored)).toBeLessThanOrEqual(PROPERTY_VALUE_LIMIT);
    expect(JSON.parse(stored)).toMatchObject({ cycle: "2026-12", failed: 0, stoppedBecause: null });
  });
});

// A mailing step runs as the only one under a lease (gas/lock.ts withRunLease), taken
// and checked under the write lock; R-lock's reading of Lock applies throughout.
describe("a mailing step's lease", () => {
  const LEASE = "platina.followUp.running";

  it("runs a whole step with one Lock object, as Apps Script's reading of Lock allows", async () => {
    const { runtime, outbox: mails } = testRuntime({ now: "2026-12-01T09:00:00+09:00", setUp: true });
    deployWebApp(runtime);
    const { execution, lockObjects } = runWithStrictLocks(runtime, "runMonthlyFollowUp", [], { user: SECRETARIAT });
    expect(execution.ok, execution.error?.message).toBe(true);
    expect(lockObjects).toBe(1);
    expect(await outbox(mails)).toHaveLength(openOwners(runtime).size);
    expect(runtime.state.scriptProperties[LEASE]).toBeUndefined();
  });

  it("is given back, and the step's report kept, when the write lock is busy at the end: nothing is thrown from the finally", async () => {
    const { runtime, outbox: mails } = testRuntime({ now: "2026-12-01T09:00:00+09:00", setUp: true });
    deployWebApp(runtime);
    // Another execution takes the script lock once the step has scheduled its reminder, and keeps it.
    const busy = () => runtime.state.triggers.some((t) => t.handler === "continueFollowUp");
    const { execution } = runWithStrictLocks(runtime, "runMonthlyFollowUp", [], { user: SECRETARIAT }, { busy });
    expect(execution.ok, execution.error?.message).toBe(true);
    const report = execution.result as { sent: unknown[]; stoppedBecause: string | null; next: string };
    expect(report.sent).toHaveLength(openOwners(runtime).size);
    expect(report).toMatchObject({ stoppedBecause: null, next: "2026-12-08T00:00:00.000Z" });
    expect(runtime.state.scriptProperties[LEASE]).toBeUndefined();
    expect(JSON.parse(runtime.state.scriptProperties["platina.followUp.lastRun"])).toMatchObject({ sent: openOwners(runtime).size });
    expect(await outbox(mails)).toHaveLength(openOwners(runtime).size);
  });

  it("left by a run that died refuses the next one, which still schedules its follow-up for when the lease lapses", async () => {
    const { runtime, clock, outbox: mails } = testRuntime({ now: "2026-12-01T09:00:00+09:00", setUp: true });
    deployWebApp(runtime);
    // The monthly run died mid-step a minute ago: its lease holds for 6.5 minutes from its start.
    const until = Date.parse("2026-12-01T09:05:30+09:00");
    runtime.state.scriptProperties[LEASE] = JSON.stringify({ token: "dead-run", until });
    const refused = fireMonthlyRun(runtime);
    expect(refused.ok, refused.error?.message).toBe(true);
    expect(refused.result).toMatchObject({ sent: [], stoppedBecause: "busy", next: new Date(until + 60_000).toISOString() });
    expect(runtime.state.triggers.filter((t) => t.handler === "continueFollowUp").map((t) => t.nextRun)).toEqual([until + 60_000]);
    expect(fireDueTriggers(runtime, clock, "2026-12-01T09:10:00+09:00")).toEqual(["continueFollowUp"]);
    expect(await outbox(mails)).toHaveLength(openOwners(runtime).size);
  });
});
