// The secretariat's own sends with a person at the sheet: 今すぐ送信 asks first
// with the numbers, and a "No" — or a cancelled テスト送信 — sends and records nothing.
import { beforeEach, describe, expect, it } from "vitest";
import type { Runtime } from "../../../src/local/runtime/runtime";
import { answeringUi, outbox, deployWebApp } from "../../support/follow-up";
import { SECRETARIAT, issueRows, sheetRecords } from "../../support/issues";
import { testRuntime } from "../../support/runtime";

let runtime: Runtime;
let dir: string;

beforeEach(() => {
  ({ runtime, dir } = testRuntime({ now: "2026-12-01T09:00:00+09:00", setUp: true }));
  deployWebApp(runtime);
});

/** The owners asked this month and their issue count, as the sheet says. */
function asked(): { owners: number; issues: number } {
  const open = issueRows(runtime).filter((r) => (r.整理区分 === "継続" || r.整理区分 === "⑦") && r.進捗分類 !== "完了");
  return { owners: new Set(open.map((r) => r.担当者メール)).size, issues: open.length };
}

/** The question before 今すぐ送信 in a month without ⑥ (設定「⑥の照会月」 5,11). */
function question(owners: number, issues: number): string {
  return [
    `令和8年12月の進捗確認メールを、まだ送っていない ${owners}名（課題 ${issues}件）に送信します。`,
    "",
    `対象の課題: 継続検討課題（整理区分が継続または⑦）のうち完了していないもの ${issues}件`,
    "整理区分⑥の課題は、設定「⑥の照会月」（5月・11月）にだけ照会します。",
    "送信済みの方には送りません。",
    "",
    "よろしいですか？",
  ].join("\n");
}

describe("今すぐ送信 with a person at the sheet", () => {
  it("asks with the numbers first; 「いいえ」 sends nothing, records nothing and says it was cancelled", async () => {
    const { ui, shown } = answeringUi("NO");
    const execution = runtime.run("sendFollowUpNow", [], { user: SECRETARIAT, ui });
    expect(execution.ok, execution.error?.message).toBe(true);
    expect(execution.result).toEqual({ ok: false, reason: "cancelled", message: "送信を取りやめました。何も送信していません。" });
    const { owners, issues } = asked();
    expect(shown).toEqual([{ title: "今すぐ送信", text: question(owners, issues) }]);
    expect(await outbox(`${dir}/outbox`)).toEqual([]);
    // Nothing at all: not even an empty 送信記録 sheet.
    expect(runtime.model.getSheetByName("送信記録")).toBeFalsy();
    expect(runtime.model.getSheetByName("回答記録")).toBeFalsy();
  });

  it("「はい」 sends to those not yet asked and shows what it did", async () => {
    runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
    const sheet = runtime.model.getSheetByName("課題")!;
    sheet.setCells(sheet.getLastRow(), 0, [["R8-001", "R8", "新しい課題", "職員", "総務市民局", "人事課", "new.owner@city.example", "⑦", "検討中"].map((v) => ({ kind: "value" as const, value: v }))]);
    const { ui, shown } = answeringUi("YES");
    const execution = runtime.run("sendFollowUpNow", [], { user: SECRETARIAT, ui });
    expect(execution.result).toMatchObject({ ok: true, sent: [{ kind: "依頼", to: "new.owner@city.example", count: 1 }], failed: [] });
    expect(shown.map((s) => s.text)).toEqual([
      question(1, 1),
      "送信 1件、失敗 0件。",
    ]);
  });
});

describe("今すぐ送信 with a malformed 担当者メール", () => {
  const BAD = "jinji-ka@city,example";

  /** Gives one open tracked issue an address with a comma for its dot; its sheet row. */
  function breakOneAddress(): number {
    const index = issueRows(runtime).findIndex((r) => (r.整理区分 === "継続" || r.整理区分 === "⑦") && r.進捗分類 !== "完了");
    runtime.model.getSheetByName("課題")!.setCells(index + 1, 6, [[{ kind: "value", value: BAD }]]);
    return index + 2;
  }

  function statusDialog(): string {
    const dialogs: string[] = [];
    const { ui } = answeringUi("YES");
    ui.showDialog = (html) => dialogs.push(html);
    expect(runtime.run("showFollowUpStatus", [], { user: SECRETARIAT, ui }).ok).toBe(true);
    return dialogs[0];
  }

  it("warns before sending, naming the cell, and 「はい」 sends to everyone else", async () => {
    const row = breakOneAddress();
    const { owners, issues } = asked();
    const { ui, shown } = answeringUi("YES");
    const execution = runtime.run("sendFollowUpNow", [], { user: SECRETARIAT, ui });
    expect(execution.ok, execution.error?.message).toBe(true);
    const question = shown[0].text;
    // The numbers count only the addresses mail can go to.
    expect(question).toContain(`まだ送っていない ${owners - 1}名（課題 ${issues - 1}件）に送信します。`);
    expect(question).toContain("【ご注意】次の担当者メール 1件はメールアドレスとして正しくないため、送信できません。");
    expect(question).toContain(`・「${BAD}」— 課題シート ${row}行目 G列「担当者メール」（課題 1件）`);
    expect(question).toContain(`「はい」を選ぶと、これらを除く ${owners - 1}名に送信します`);
    const result = execution.result as { sent: { to: string }[]; failed: { to: string; error: string }[] };
    expect(result.sent).toHaveLength(owners - 1);
    expect(result.failed).toEqual([{ kind: "依頼", to: BAD, error: expect.stringContaining(`課題シート ${row}行目 G列「担当者メール」`) }]);
    expect((await outbox(`${dir}/outbox`)).map((m) => m.to[0])).not.toContain(BAD);
    expect(shown[1].text).toContain(`失敗: ${BAD}（担当者メール「${BAD}」はメールアドレスとして正しくないため、送信しませんでした`);
  });

  it("「いいえ」 sends nothing; 送信状況 names the cell and what to do, in Japanese", async () => {
    const row = breakOneAddress();
    const { ui } = answeringUi("NO");
    runtime.run("sendFollowUpNow", [], { user: SECRETARIAT, ui });
    expect(await outbox(`${dir}/outbox`)).toEqual([]);
    runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
    const html = statusDialog();
    expect(html).toContain(`依頼 ${BAD}: 担当者メール「${BAD}」はメールアドレスとして正しくないため、送信しませんでした（課題シート ${row}行目 G列「担当者メール」）。課題シートで正しいアドレスに直してから、「今すぐ送信」を実行してください。`);
    expect(html).not.toMatch(/Invalid email/i);
    expect(sheetRecords(runtime, "送信記録").filter((r) => r.結果 === "失敗").map((r) => r.宛先)).toEqual([BAD]);
  });
});

describe("今すぐ送信 in a month that asks ⑥ too", () => {
  it("explains that the ⑥ issues are included, and why the count differs from 集計's", () => {
    const november = testRuntime({ now: "2026-11-02T09:00:00+09:00", setUp: true }).runtime;
    deployWebApp(november);
    const { ui, shown } = answeringUi("NO");
    november.run("sendFollowUpNow", [], { user: SECRETARIAT, ui });
    const open = issueRows(november).filter((r) => r.進捗分類 !== "完了");
    const tracked = open.filter((r) => r.整理区分 === "継続" || r.整理区分 === "⑦").length;
    const six = open.filter((r) => r.整理区分 === "⑥").length;
    expect(six).toBeGreaterThan(0);
    const text = shown[0].text;
    expect(text).toContain(`（課題 ${tracked + six}件）に送信します。`);
    expect(text).toContain(`完了していないもの ${tracked}件`);
    expect(text).toContain(`＋ 整理区分⑥（所管課で継続検討）の課題 ${six}件 — 11月は設定「⑥の照会月」（5月・11月）にあたるため、⑥も照会します。`);
    expect(text).toContain("集計の「進捗確認課題数」は継続検討課題だけを数えるため、⑥の分だけ件数が異なります。");
  });
});

describe("テスト送信 with a person at the sheet", () => {
  it("cancelled at the address prompt: nothing is mailed, and the result says so", async () => {
    const { ui, shown } = answeringUi("YES", { button: "CANCEL", text: "" });
    const execution = runtime.run("sendFollowUpPreview", [], { user: SECRETARIAT, ui });
    expect(execution.ok, execution.error?.message).toBe(true);
    expect(execution.result).toEqual({ ok: false, reason: "cancelled", message: "テスト送信を取り消しました。" });
    expect(shown).toHaveLength(1);
    expect(await outbox(`${dir}/outbox`)).toEqual([]);
  });

  it("with an address: mails the copy to the secretariat and names whose it is", async () => {
    const owner = String(issueRows(runtime).find((r) => r.整理区分 === "継続" && r.進捗分類 !== "完了")?.担当者メール);
    const { ui } = answeringUi("YES", { button: "OK", text: owner });
    const execution = runtime.run("sendFollowUpPreview", [], { user: SECRETARIAT, ui });
    expect(execution.result).toMatchObject({ ok: true, to: SECRETARIAT, owner });
    expect((await outbox(`${dir}/outbox`)).map((m) => m.to)).toEqual([[SECRETARIAT]]);
  });
});
