// The monthly follow-up on the demo workbook, in the local runtime with a fake clock: sending exactly once,
// failures, quotas, links, costs and rights (the whole cycle step by step is in features/follow-up/cycle.test.ts).
import { beforeEach, describe, expect, it } from "vitest";
import type { FakeClock } from "../../../src/local/runtime/clock";
import type { Runtime } from "../../../src/local/runtime/runtime";
import { answeringUi, formFields, linkIn, openForm, outbox, submitForm, submitFormExecution, tokenOf, fireDueTriggers, WEB_APP, deployWebApp } from "../../support/follow-up";
import { SECRETARIAT, addSecretariat, issueRows, openOwners, sheetRecords, spreadsheetReads, spreadsheetWrites } from "../../support/issues";
import { runWithStrictLocks } from "../../support/locks";
import { smtpTransport } from "../../../src/local/services/mail";
import { testRuntime } from "../../support/runtime";

let runtime: Runtime;
let clock: FakeClock;
let dir: string;

/** Fires the due time-driven triggers up to `iso`, as Apps Script would. */
const advanceTo = (iso: string) => fireDueTriggers(runtime, clock, iso);

beforeEach(() => {
  ({ runtime, clock, dir } = testRuntime({ now: "2026-12-01T09:00:00+09:00", setUp: true }));
  deployWebApp(runtime);
});

describe("exactly once", () => {
  it("a double-fired trigger and 今すぐ送信 right after send nothing more", async () => {
    const first = runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
    const again = runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
    const now = runtime.run("sendFollowUpNow", [], { user: SECRETARIAT });
    expect((first.result as { sent: unknown[] }).sent.length).toBe(openOwners(runtime).size);
    expect((again.result as { sent: unknown[] }).sent).toEqual([]);
    expect((now.result as { sent: unknown[] }).sent).toEqual([]);
    expect(await outbox(`${dir}/outbox`)).toHaveLength(openOwners(runtime).size);
  });

  it("an owner who appears mid-cycle gets theirs on the next run", async () => {
    runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
    const sheet = runtime.model.getSheetByName("課題")!;
    const row = sheet.getLastRow();
    sheet.setCells(row, 0, [["R8-001", "R8", "新しい課題", "職員", "総務市民局", "人事課", "new.owner@city.example", "⑦", "検討中"].map((v) => ({ kind: "value" as const, value: v }))]);
    const next = runtime.run("sendFollowUpNow", [], { user: SECRETARIAT });
    expect((next.result as { sent: { to: string }[] }).sent.map((s) => s.to)).toEqual(["new.owner@city.example"]);
  });

  it("records a failed address, reports it, and still sends the others", async () => {
    const sheet = runtime.model.getSheetByName("課題")!;
    const ownerColumn = 6;
    const firstOpen = issueRows(runtime).findIndex((r) => r.進捗分類 !== "完了" && (r.整理区分 === "継続" || r.整理区分 === "⑦"));
    sheet.setCells(firstOpen + 1, ownerColumn, [[{ kind: "value", value: "壊れた アドレス@@city.example" }]]);
    const result = runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT }).result as { sent: unknown[]; failed: { error: string }[] };
    expect(result.failed).toHaveLength(1);
    // Said in Japanese, naming the cell: never MailApp's 「Invalid email」.
    expect(result.failed[0].error).toContain(`課題シート ${firstOpen + 2}行目 G列「担当者メール」`);
    expect(result.failed[0].error).not.toContain("Invalid email");
    expect(result.sent.length).toBe(openOwners(runtime).size - 1);
    expect(sheetRecords(runtime, "送信記録").filter((r) => r.結果 === "失敗")).toHaveLength(1);
  });
});

describe("failed sends", () => {
  it("are not retried by the trigger, but 今すぐ送信 tries them again once the cause is fixed", async () => {
    const good = runtime.options.mail;
    runtime.options.mail = smtpTransport("smtp://127.0.0.1:9"); // nothing listens: every send fails
    const failed = runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT }).result as { sent: unknown[]; failed: unknown[] };
    expect(failed.sent).toEqual([]);
    expect(failed.failed).toHaveLength(openOwners(runtime).size);
    runtime.options.mail = good;
    expect((runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT }).result as { sent: unknown[] }).sent).toEqual([]);
    clock.set(Date.parse("2026-12-08T10:00:00+09:00"));
    expect((runtime.run("continueFollowUp", [], { user: SECRETARIAT }).result as { sent: unknown[] }).sent).toEqual([]); // no reminder without a request
    const retried = runtime.run("sendFollowUpNow", [], { user: SECRETARIAT }).result as { sent: { kind: string }[] };
    expect(retried.sent.filter((s) => s.kind === "依頼")).toHaveLength(openOwners(runtime).size);
    expect(await outbox(`${dir}/outbox`)).toHaveLength(openOwners(runtime).size);
  });
});

describe("within quotas", () => {
  it("with a daily quota of 5 finishes on the following days without duplicates", async () => {
    runtime.state.mail.dailyQuota = 5;
    const owners = openOwners(runtime).size;
    const first = runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT }).result as { sent: unknown[]; stoppedBecause: string; next: string };
    expect(first.sent).toHaveLength(5);
    expect(first.stoppedBecause).toBe("quota");
    // Back 24 hours after the first send (09:00), and a few minutes more.
    expect(first.next).toBe("2026-12-02T00:05:00.000Z");
    const days = Math.ceil(owners / 5) - 1;
    const fired = advanceTo(`2026-12-${String(2 + days).padStart(2, "0")}T09:30:00+09:00`);
    expect(fired).toHaveLength(days);
    const mails = await outbox(`${dir}/outbox`);
    expect(mails).toHaveLength(owners);
    expect(new Set(mails.map((m) => m.to.join(","))).size).toBe(owners);
  });

  // G-quota: the quota comes back 24 hours after the first send, not at midnight.
  it("carries on when the quota is back — 24 hours after the first send, not the next morning — and says so with the limits by account type", async () => {
    clock.set(Date.parse("2026-12-01T15:30:00+09:00"));
    runtime.state.mail.dailyQuota = 5;
    const { ui, shown } = answeringUi("YES");
    const first = runtime.run("sendFollowUpNow", [], { user: SECRETARIAT, ui }).result as { sent: unknown[]; stoppedBecause: string; next: string };
    expect(first).toMatchObject({ stoppedBecause: "quota", next: "2026-12-02T06:35:00.000Z" });
    expect(first.sent).toHaveLength(5);
    // Nothing is tried before then (the morning of the 2nd the quota is still used up).
    expect(runtime.nextDueTrigger(Date.parse("2026-12-02T15:34:00+09:00"))).toBeNull();
    const dialog = shown.at(-1)!.text;
    expect(dialog).toContain("上限が戻る令和8年12月2日（水） 15:35に自動で続きを送信します");
    expect(dialog).toContain("Google Workspace のアカウントで1日1,500件、個人の Google アカウント（gmail.com など）で1日100件");
    expect(dialog).toContain("その日最初に送信してから24時間後に戻ります");
    expect(advanceTo("2026-12-02T15:40:00+09:00")).toEqual(["continueFollowUp"]);
    expect(await outbox(`${dir}/outbox`)).toHaveLength(10);
  });

  it("counts the digest once for each 事務局メール address: with fewer left, it waits for the quota rather than failing", async () => {
    const second = "kikaku@city.example";
    addSecretariat(runtime, second);
    expect(runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT }).ok).toBe(true);
    advanceTo("2026-12-08T10:00:00+09:00");
    clock.set(Date.parse("2026-12-12T09:00:00+09:00"));
    runtime.state.mail.dailyQuota = 1;
    const step = runtime.run("continueFollowUp", [], { user: SECRETARIAT }).result as { sent: unknown[]; failed: unknown[]; stoppedBecause: string; remaining: number; next: string };
    expect(step).toMatchObject({ sent: [], failed: [], stoppedBecause: "quota", remaining: 1 });
    expect(sheetRecords(runtime, "送信記録").filter((r) => r.種別 === "まとめ")).toEqual([]);
    runtime.state.mail.dailyQuota = 1500;
    expect(advanceTo(new Date(Date.parse(step.next) + 60_000).toISOString())).toEqual(["continueFollowUp"]);
    const digests = (await outbox(`${dir}/outbox`)).filter((m) => m.subject.startsWith("【回答状況】"));
    expect(digests.map((m) => [...m.to].sort())).toEqual([[SECRETARIAT, second].sort()]);
  });

  it("stops near 4.5 minutes and a continuation a minute later finishes the cycle", async () => {
    ({ runtime, clock, dir } = testRuntime({ now: "2026-12-01T09:00:00+09:00", advanceClockByCost: true, costModel: { "*": 1, "MailApp.sendEmail": 60_000 }, setUp: true }));
    deployWebApp(runtime);
    const first = runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT }).result as { sent: unknown[]; stoppedBecause: string; next: string };
    expect(first.stoppedBecause).toBe("time");
    expect(first.sent.length).toBeLessThan(openOwners(runtime).size);
    expect(Date.parse(first.next) - clock.now()).toBeGreaterThan(59_000);
    expect(Date.parse(first.next) - clock.now()).toBeLessThanOrEqual(60_000);
    advanceTo("2026-12-01T12:00:00+09:00");
    const mails = await outbox(`${dir}/outbox`);
    expect(mails).toHaveLength(openOwners(runtime).size);
    expect(new Set(mails.map((m) => m.to.join(","))).size).toBe(openOwners(runtime).size);
  });
});

// R-lock: hasLock() is false unless tryLock/waitLock was called on that very object.
describe("an answer saved under Apps Script's reading of Lock", () => {
  it("is saved with its 回答記録 in one lock, the add-on asking LockService for one Lock object only", async () => {
    runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
    const form = openForm(runtime, linkIn((await outbox(`${dir}/outbox`))[0].text));
    const ids = [...form.matchAll(/name="answer:([^"]+)" value="変更なし"/g)].map((m) => m[1]);
    const fields = formFields(form, Object.fromEntries(ids.map((id, i) => [id, { answer: i === 0 ? "完了" : "変更なし" }])));
    // The save nests: the form's locked pass holds the issues' save and the 回答記録 append.
    const { execution, lockObjects } = runWithStrictLocks(runtime, "submitAnswerForm", [fields], { context: { kind: "web-app", deployer: SECRETARIAT, url: WEB_APP } });
    expect(execution.ok, execution.error?.message).toBe(true);
    expect(execution.result).toContain("以下の内容で記録しました");
    expect(lockObjects).toBe(1);
    expect(issueRows(runtime).find((r) => r.ID === ids[0])?.進捗分類).toBe("完了");
    expect(sheetRecords(runtime, "回答記録").map((r) => r.ID)).toEqual(ids);
  });
});

describe("answer links", () => {
  async function link() {
    runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
    const mail = (await outbox(`${dir}/outbox`))[0];
    return { link: linkIn(mail.text), owner: mail.to[0] };
  }

  it("refuse altered, expired, other-cycle and other-person links, changing nothing", async () => {
    const { link: good, owner } = await link();
    const before = JSON.stringify(issueRows(runtime));
    const token = tokenOf(good);
    const altered = good.replace(token, `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`);
    expect(openForm(runtime, altered)).toContain("リンクが正しくありません");
    // Someone not listed for the section in 担当者 is refused (answer-form-people.test.ts has the whole page).
    const refused = openForm(runtime, good, "someone.else@city.example");
    expect(refused).toContain(`このリンクは`);
    expect(refused).toContain(`（${owner}）あてのご回答用です。いまログインしている someone.else@city.example は、担当者シートでこのアドレスの担当・代理として登録されていません。`);
    expect(refused).not.toContain(`<form`);
    // Google does not support a browser signed in to several accounts for web apps: the page says what to do.
    expect(refused).toContain("メールのリンクをシークレット ウィンドウ（プライベート ウィンドウ）で開いて仕事用のアカウントだけでログインするか、ほかのアカウントからログアウトしてから");
    expect(openForm(runtime, good, owner)).toContain("回答を送信する");
    clock.set(Date.parse("2026-12-12T00:00:00+09:00"));
    expect(openForm(runtime, good)).toContain("回答期限を過ぎたため");
    expect(submitForm(runtime, { t: token })).toContain("回答期限を過ぎたため");
    clock.set(Date.parse("2027-01-05T09:00:00+09:00"));
    expect(openForm(runtime, good)).toMatch(/回答期限を過ぎたため|令和8年12月の進捗確認用/);
    expect(JSON.stringify(issueRows(runtime))).toBe(before);
  });

  it("keeps the owner's input and saves nothing when a choice is missing", async () => {
    const { link: good } = await link();
    const form = openForm(runtime, good);
    const ids = [...form.matchAll(/name="answer:([^"]+)" value="変更なし"/g)].map((m) => m[1]);
    const fields = formFields(form, { [ids[0]]: { answer: "完了", memo: "入力したメモ" } });
    for (const id of ids.slice(1)) delete fields[`answer:${id}`];
    const before = JSON.stringify(issueRows(runtime));
    const again = submitForm(runtime, fields);
    if (ids.length > 1) {
      expect(again).toContain("回答が選ばれていません");
      expect(again).toContain("入力したメモ");
      expect(JSON.stringify(issueRows(runtime))).toBe(before);
    } else {
      expect(again).toContain("以下の内容で記録しました");
    }
  });
});

describe("a partly refused answer", () => {
  /** The form of the owner with the most issues. */
  async function biggestForm() {
    runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
    const count = (text: string) => (text.match(/\[R\d+-\d+\]/g) ?? []).length;
    const mail = (await outbox(`${dir}/outbox`)).reduce((a, b) => (count(b.text) > count(a.text) ? b : a));
    const form = openForm(runtime, linkIn(mail.text));
    return { form, owner: mail.to[0], ids: [...form.matchAll(/name="answer:([^"]+)" value="変更なし"/g)].map((m) => m[1]) };
  }

  it("says which answers were recorded and which were not when someone else changed one meanwhile, with no thanks for everything", async () => {
    const { form, ids } = await biggestForm();
    expect(ids.length).toBeGreaterThan(2);
    // The secretariat changes the first issue through the sidebar while the owner is still on the form.
    const meanwhile = runtime.run("saveIssueUpdate", [{ id: ids[0], expected: {}, changes: { 進捗メモ: "事務局が追記した内容" } }], { user: SECRETARIAT });
    expect(meanwhile.result).toMatchObject({ ok: true });
    const receipt = submitForm(runtime, formFields(form, Object.fromEntries(ids.map((id) => [id, { answer: "完了" }]))));
    expect(receipt).not.toContain("以下の内容で記録しました");
    expect(receipt).not.toContain('class="done"');
    expect(receipt).toContain(`${ids.length}件のうち${ids.length - 1}件を記録しました。1件（${ids[0]}）は記録できませんでした。`);
    expect(receipt).toContain("ほかの方がこの課題を先に更新しました");
    expect(receipt).toContain("事務局が追記した内容"); // the current content, to compare with
    expect(receipt.match(/記録しました<\/p>/g)).toHaveLength(ids.length - 1);
    const rows = issueRows(runtime);
    expect(rows.find((r) => r.ID === ids[0])?.進捗分類).not.toBe("完了");
    expect(ids.slice(1).every((id) => rows.find((r) => r.ID === id)?.進捗分類 === "完了")).toBe(true);
    expect(sheetRecords(runtime, "回答記録").map((r) => r.ID)).toEqual(ids.slice(1));
  });

  it("a memo over the limit keeps the whole form as typed and saves nothing; an emoji counts as one character", async () => {
    const { form, ids } = await biggestForm();
    const before = JSON.stringify(issueRows(runtime));
    const answers = Object.fromEntries(ids.map((id) => [id, { answer: "変更なし" }]));
    const tooLong = submitForm(runtime, formFields(form, { ...answers, [ids[0]]: { answer: "完了", memo: "😀".repeat(2001) }, [ids[1]]: { answer: "完了", memo: "残すメモ" } }));
    expect(tooLong).toContain("1件の課題で入力内容を直す必要があります");
    expect(tooLong).toContain("進捗メモは2000文字以内で入力してください（現在2001文字）。");
    expect(tooLong).toContain("2001 / 2000文字（1文字超過）");
    expect(tooLong).toContain("残すメモ");
    expect(JSON.stringify(issueRows(runtime))).toBe(before);
    const fits = submitForm(runtime, formFields(tooLong, { ...answers, [ids[0]]: { answer: "完了", memo: "😀".repeat(2000) } }));
    expect(fits).toContain("以下の内容で記録しました");
    expect(issueRows(runtime).find((r) => r.ID === ids[0])?.進捗メモ).toBe("😀".repeat(2000));
    const log = sheetRecords(runtime, "回答記録").find((r) => r.ID === ids[0]);
    expect(log).toMatchObject({ 回答: "完了", 進捗メモ: "😀".repeat(2000) });
  });
});

describe("answering costs", () => {
  it("the same spreadsheet reads for an owner with one issue as for one with several; writes only per changed row", async () => {
    runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
    const mails = await outbox(`${dir}/outbox`);
    const count = (text: string) => (text.match(/\[R\d+-\d+\]/g) ?? []).length;
    const few = mails.find((m) => count(m.text) === 1)!;
    const many = mails.reduce((a, b) => (count(b.text) > count(a.text) ? b : a));
    expect(count(many.text)).toBeGreaterThan(2);
    // The first answer ever creates 回答記録 (opening a form creates nothing); the others only append to it.
    const first = openForm(runtime, linkIn(mails.find((m) => m !== few && m !== many)!.text));
    const unchanged = [...first.matchAll(/name="answer:([^"]+)" value="変更なし"/g)].map((m) => [m[1], { answer: "変更なし" }]);
    expect(submitFormExecution(runtime, formFields(first, Object.fromEntries(unchanged))).ok).toBe(true);
    expect(sheetRecords(runtime, "回答記録").length).toBeGreaterThan(0);
    const costs = [few, many].map((mail) => {
      const form = openForm(runtime, linkIn(mail.text));
      const ids = [...form.matchAll(/name="answer:([^"]+)" value="変更なし"/g)].map((m) => m[1]);
      const fields = formFields(form, Object.fromEntries(ids.map((id) => [id, { answer: "完了" }])));
      const execution = submitFormExecution(runtime, fields);
      expect(execution.ok).toBe(true);
      // Each changed row: its cells, and the stamp beside them; then one 履歴 and one 回答記録 append.
      expect(spreadsheetWrites(execution.calls)).toBeLessThanOrEqual(2 * ids.length + 2);
      return spreadsheetReads(execution.calls);
    });
    expect(costs[1]).toBe(costs[0]);
  });
});

describe("who may send", () => {
  it("lets only the secretariat send, preview or schedule", () => {
    const owner = [...openOwners(runtime).keys()][0];
    for (const entry of ["sendFollowUpNow", "sendFollowUpPreview", "installFollowUpTrigger"]) {
      const execution = runtime.run(entry, [], { user: owner });
      expect(execution.result, entry).toMatchObject({ ok: false, reason: "forbidden" });
      expect((execution.result as { message: string }).message, entry).toContain("市政変革推進室（設定シートの「事務局メール」）のみが実行できます");
    }
    expect(runtime.state.triggers.filter((t) => t.handler === "runMonthlyFollowUp")).toHaveLength(0);
  });
});

describe("preview and status", () => {
  it("テスト送信 mails the current user a marked copy and records nothing", async () => {
    const owner = [...openOwners(runtime).keys()][0];
    const result = runtime.run("sendFollowUpPreview", [owner], { user: SECRETARIAT });
    expect(result.ok, result.error?.message).toBe(true);
    const [mail] = await outbox(`${dir}/outbox`);
    expect(mail.to).toEqual([SECRETARIAT]);
    expect(mail.subject.startsWith("【テスト送信】")).toBe(true);
    expect(sheetRecords(runtime, "送信記録")).toEqual([]);
  });

  it("送信状況 reports sends, answers and failures of the cycle", () => {
    runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
    const status = runtime.run("showFollowUpStatus", [], { user: SECRETARIAT }).result as { owners: { request: string; answered: boolean }[]; lastRun: { sent: number } };
    expect(status.owners.every((o) => o.request === "送信済" && !o.answered)).toBe(true);
    // The last run is kept as a compact summary (a count, not the list: it must fit a 9 KB property).
    expect(status.lastRun.sent).toBe(openOwners(runtime).size);
  });
});
