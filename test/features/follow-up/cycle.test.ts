// One whole monthly follow-up on the demo workbook, step by step over one runtime and a fake clock:
// each step starts where the previous one left off, so they run in order.
import { beforeAll, describe, expect, it } from "vitest";
import type { FakeClock } from "../../../src/local/runtime/clock";
import type { Runtime } from "../../../src/local/runtime/runtime";
import type { OutboxEntry } from "../../../src/local/services/mail";
import { fireDueTriggers, formFields, linkIn, openForm, outbox, submitForm, deployWebApp } from "../../support/follow-up";
import { SECRETARIAT, historyRows, issueRows, openOwners, sheetRecords } from "../../support/issues";
import { testRuntime } from "../../support/runtime";
import { SEED_FOLLOW_UP } from "../../support/seed";

describe("a whole cycle", () => {
  let runtime: Runtime;
  let clock: FakeClock;
  let dir: string;
  let owners: Map<string, string[]>;
  /** An owner with at least two issues, who answers; their issues and their request. */
  let owner: string;
  let ids: string[];
  let mail: OutboxEntry;

  const advanceTo = (iso: string) => fireDueTriggers(runtime, clock, iso);
  const mails = async (match: (m: OutboxEntry) => boolean) => (await outbox(`${dir}/outbox`)).filter(match);

  beforeAll(() => {
    ({ runtime, clock, dir } = testRuntime({ now: "2026-12-01T09:00:00+09:00", setUp: true }));
    deployWebApp(runtime);
    owners = openOwners(runtime);
    [owner, ids] = [...owners.entries()].find(([, list]) => list.length >= 2)!;
  });

  it("asks about every open tracked issue of the demo: the report's count", () => {
    expect([...owners.values()].flat()).toHaveLength(SEED_FOLLOW_UP);
  });

  it("sets up one monthly trigger, however often 自動送信を設定 is run", () => {
    clock.set(Date.parse("2026-11-30T12:00:00+09:00"));
    expect(runtime.run("installFollowUpTrigger", [], { user: SECRETARIAT }).ok).toBe(true);
    expect(runtime.run("installFollowUpTrigger", [], { user: SECRETARIAT }).ok).toBe(true);
    expect(runtime.state.triggers.filter((t) => t.handler === "runMonthlyFollowUp")).toHaveLength(1);
  });

  it("sends one request to each owner when the trigger fires on 送信日", async () => {
    // atHour(9): Apps Script (and the runtime) picks the minute within 09:00–09:59.
    expect(advanceTo("2026-12-01T10:00:00+09:00")).toEqual(["runMonthlyFollowUp"]);
    const requests = await mails((m) => m.subject.includes("ご回答のお願い"));
    expect(requests).toHaveLength(owners.size);
    expect(new Set(requests.map((m) => m.to.join(",")))).toEqual(new Set(owners.keys()));
    mail = requests.find((m) => m.to[0] === owner)!;
  });

  it("writes the request in polite Japanese with the deadline in the Japanese calendar, listing each of the owner's issues", () => {
    expect(mail.subject).toBe("【ご回答のお願い】プラチナ市役所プロジェクト 継続検討課題の進捗確認（令和8年12月）");
    expect(mail.text).toContain("ご担当者様");
    expect(mail.text).toContain("回答期限：令和8年12月11日（金）");
    expect(mail.text).toContain("行き違いの場合はご容赦ください");
    for (const id of ids) expect(mail.text).toContain(`[${id}]`);
  });

  it("opens a form with the owner's issues and no one else's", () => {
    const form = openForm(runtime, linkIn(mail.text));
    for (const id of ids) expect(form).toContain(id);
    expect(form).not.toContain([...owners.keys()].find((o) => o !== owner));
  });

  it("saves an answer of the section's 担当 as typed, stamps it with their name, and records it in 履歴 and 回答記録 for the section", () => {
    // The mail went to the section's shared address; the person 担当者 lists as its 担当 opens it, signed in as themselves.
    const person = String(sheetRecords(runtime, "担当者").find((r) => r.担当アドレス === owner && r["役割（担当／代理）"] === "担当")?.メール);
    // The demo's 履歴 already holds earlier answers: only what this answer adds is compared.
    const before = historyRows(runtime).length;
    const form = openForm(runtime, linkIn(mail.text), person);
    expect(form).toContain(`（${person}）が、このアドレスの担当として回答します`);
    const receipt = submitForm(runtime, formFields(form, {
      ...Object.fromEntries(ids.map((id) => [id, { answer: "変更なし" }])),
      [ids[0]]: { answer: "完了", timing: "R8年12月実施", memo: '=IMPORTXML("http://x","//a")' },
    }), person);
    expect(receipt).toContain("以下の内容で記録しました");
    const updated = issueRows(runtime).find((r) => r.ID === ids[0])!;
    expect(updated).toMatchObject({ 進捗分類: "完了", 実施時期: "R8年12月実施", 進捗メモ: '=IMPORTXML("http://x","//a")', 最終更新者: person });
    expect(historyRows(runtime).slice(before).filter((h) => h.経路 === "メール回答").map((h) => [h.項目, h.利用者, h.担当アドレス, h.立場])).toEqual(
      ["進捗分類", "実施時期", "進捗メモ"].map((field) => [field, person, owner, "担当"]),
    );
    expect(sheetRecords(runtime, "回答記録").map((r) => [r.ID, r.回答者, r.担当アドレス, r.立場, r.回答])).toEqual(
      ids.map((id, i) => [id, person, owner, "担当", i === 0 ? "完了" : "変更なし"]),
    );
  });

  it("shows what was answered on a second visit, and allows a correction", () => {
    // Anyone of the section sees it: here the 代理 of the section.
    const deputy = String(sheetRecords(runtime, "担当者").find((r) => r.担当アドレス === owner && r["役割（担当／代理）"] === "代理" && r.終了日 === "")?.メール);
    expect(openForm(runtime, linkIn(mail.text), deputy)).toContain("今回すでに回答済み");
  });

  it("reminds on 再依頼 day everyone who has not answered, and only them", async () => {
    expect(advanceTo("2026-12-08T10:00:00+09:00")).toEqual(["continueFollowUp"]);
    const reminders = await mails((m) => m.subject.includes("再送"));
    expect(reminders).toHaveLength(owners.size - 1);
    expect(reminders.map((m) => m.to.join(","))).not.toContain(owner);
  });

  it("after the deadline sends the secretariat one digest with the answers, and schedules nothing more", async () => {
    expect(advanceTo("2026-12-12T09:00:00+09:00")).toEqual(["continueFollowUp"]);
    const digest = await mails((m) => m.subject.startsWith("【回答状況】"));
    expect(digest).toHaveLength(1);
    expect(digest[0].to).toEqual([SECRETARIAT]);
    expect(digest[0].text).toContain(`回答済 1名 ／ 依頼 ${owners.size}名`);
    expect(digest[0].text).toContain("R8年12月実施");
    expect(runtime.model.getSheetByName("回答状況_2026-12")).not.toBeNull();
    expect(runtime.state.triggers.filter((t) => t.handler === "continueFollowUp" && t.nextRun !== null)).toHaveLength(0);
  });

  it("has logged each request once and the digest once in 送信記録", () => {
    const log = sheetRecords(runtime, "送信記録");
    expect(log.filter((r) => r.種別 === "依頼")).toHaveLength(owners.size);
    expect(log.filter((r) => r.種別 === "まとめ")).toHaveLength(1);
  });
});
