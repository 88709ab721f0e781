// 督促: with 設定 「督促」 on, a whole monthly cycle on the demo workbook escalates the
// sections that have not answered to their 局区代表 — once, on the day after the
// deadline, before the digest that says which bureaus were escalated.
import { beforeAll, describe, expect, it } from "vitest";
import type { FakeClock } from "../../../src/local/runtime/clock";
import type { Runtime } from "../../../src/local/runtime/runtime";
import type { OutboxEntry } from "../../../src/local/services/mail";
import { answeringUi, fireDueTriggers, formFields, linkIn, openForm, outbox, submitForm, deployWebApp } from "../../support/follow-up";
import { SECRETARIAT, issueRows, modelRecords, openOwners, sheetRecords } from "../../support/issues";
import { testRuntime } from "../../support/runtime";

/** Writes 値 of a 設定 row, or of a 局区 row's 代表メール, as staff would type it. */
function setCell(runtime: Runtime, sheetName: string, key: string, keyHeader: string, header: string, value: string): void {
  const sheet = runtime.model.getSheetByName(sheetName)!;
  const rows = sheet.getValues({ row: 0, column: 0, numRows: sheet.getLastRow(), numColumns: sheet.getLastColumn() });
  const row = rows.findIndex((r) => r[rows[0].indexOf(keyHeader)] === key);
  if (row < 1) throw new Error(`${sheetName} has no row ${key}`);
  sheet.setCells(row, rows[0].indexOf(header), [[{ kind: "value", value }]]);
}

/** 送信状況's dialog as the secretariat sees it. */
function statusHtml(runtime: Runtime): string {
  const dialogs: string[] = [];
  const { ui } = answeringUi("YES");
  ui.showDialog = (html) => dialogs.push(html);
  expect(runtime.run("showFollowUpStatus", [], { user: SECRETARIAT, ui }).ok).toBe(true);
  return dialogs[0];
}

describe("督促 to the 局区代表", () => {
  let runtime: Runtime;
  let clock: FakeClock;
  let dir: string;
  let owners: Map<string, string[]>;
  let answering: string;
  /** Bureaus (制度所管局) of the sections that do not answer, and a bureau whose 代表メール is mistyped. */
  let unansweredBureaus: Set<string>;
  let brokenBureau: string;
  const mails = async (match: (m: OutboxEntry) => boolean) => (await outbox(`${dir}/outbox`)).filter(match);
  const escalations = () => mails((m) => m.subject.startsWith("【督促】"));

  beforeAll(() => {
    ({ runtime, clock, dir } = testRuntime({ now: "2026-11-30T12:00:00+09:00", setUp: true }));
    deployWebApp(runtime);
    setCell(runtime, "設定", "督促", "項目", "値", "する");
    owners = openOwners(runtime);
    answering = "jinji-ka@city.example";
    expect(owners.has(answering)).toBe(true);
    const bureauOf = new Map(issueRows(runtime).map((r) => [String(r.ID), String(r.制度所管局)]));
    unansweredBureaus = new Set([...owners].filter(([o]) => o !== answering).flatMap(([, ids]) => ids.map((id) => bureauOf.get(id)!)));
    brokenBureau = "教育委員会";
    expect(unansweredBureaus.has(brokenBureau)).toBe(true);
    setCell(runtime, "局区", brokenBureau, "局区名", "代表メール", "kyoiku@@city.example");
    expect(runtime.run("installFollowUpTrigger", [], { user: SECRETARIAT }).ok).toBe(true);
  });

  it("sends nothing to the bureaus until the day after the deadline, and no digest before the 督促", async () => {
    expect(fireDueTriggers(runtime, clock, "2026-12-01T10:00:00+09:00")).toEqual(["runMonthlyFollowUp"]);
    const request = (await mails((m) => m.to[0] === answering && m.subject.includes("ご回答のお願い")))[0];
    // The section's 担当 answers, signed in as themselves; later its 代理 corrects one answer.
    const link = linkIn(request.text);
    const answer = (person: string) => submitForm(runtime, formFields(openForm(runtime, link, person), Object.fromEntries(owners.get(answering)!.map((id) => [id, { answer: "変更なし" }]))), person);
    expect(answer("taro.jinji@city.example")).toContain("以下の内容で記録しました");
    expect(answer("hanako.jinji@city.example")).toContain("以下の内容で記録しました");
    expect(statusHtml(runtime)).toContain("<td>回答済</td><td>山田 太郎（担当）、佐藤 花子（代理）</td>");
    // The reminder on 12-08; the deadline passes at the end of 12-11 with nothing due until the 督促 at 送信時刻 on 12-12.
    expect(fireDueTriggers(runtime, clock, "2026-12-12T08:59:00+09:00")).toEqual(["continueFollowUp"]);
    expect(await escalations()).toHaveLength(0);
    expect(await mails((m) => m.subject.startsWith("【回答状況】"))).toHaveLength(0);
    expect(runtime.state.triggers.find((t) => t.handler === "continueFollowUp")?.nextRun).toBe(Date.parse("2026-12-12T09:00:00+09:00"));
    expect(statusHtml(runtime)).toContain("局区代表への督促: 令和8年12月12日（土） 9:00 に未回答の所管課がある局区へ送ります");
  });

  it("on 督促日 mails each 局区代表 with unanswered sections once, naming the sections and the people listed for them", async () => {
    expect(fireDueTriggers(runtime, clock, "2026-12-12T10:00:00+09:00")).toEqual(["continueFollowUp"]);
    const sent = await escalations();
    const reps = new Map(sheetRecords(runtime, "局区").map((r) => [String(r.局区名), String(r.代表メール)]));
    const expected = [...unansweredBureaus].filter((b) => b !== brokenBureau).map((b) => reps.get(b)!);
    expect(sent.map((m) => m.to[0]).sort()).toEqual([...new Set(expected)].sort());
    // 総務市民局: 人事課 answered; its other sections did not, each with its 担当 and 代理 from 担当者.
    const somu = sent.find((m) => m.to[0] === "somushimin@city.example")!;
    expect(somu.subject).toBe("【督促】プラチナ市役所プロジェクト 継続検討課題の進捗確認（令和8年12月）未回答の所管課について");
    expect(somu.text).toContain("総務市民局 代表者様");
    expect(somu.text).toContain("回答期限（令和8年12月11日（金））を過ぎましたが");
    expect(somu.text).toContain("・職員課（shokuin-ka@city.example）");
    expect(somu.text).toContain("高橋 次郎（担当） jiro.shokuin@city.example、田中 美穂（代理） miho.shokuin@city.example");
    expect(somu.text).not.toContain("人事課");
    for (const id of owners.get("shokuin-ka@city.example")!) expect(somu.text).toContain(`[${id}]`);
  });

  it("logs each 督促 in 送信記録, and the mistyped 代表メール as a failure naming its cell", () => {
    const log = sheetRecords(runtime, "送信記録").filter((r) => r.種別 === "督促");
    const failed = log.filter((r) => r.結果 === "失敗");
    expect(failed).toHaveLength(1);
    expect(failed[0].宛先).toBe("kyoiku@@city.example");
    expect(String(failed[0].エラー)).toMatch(/局区シート \d+行目 C列「代表メール」/);
    expect(log.filter((r) => r.結果 === "送信済").every((r) => Number(r.件数) >= 1)).toBe(true);
    const html = statusHtml(runtime);
    expect(html).toContain(`局区代表への督促（${log.length}通）`);
    expect(html).toMatch(/somushimin@city\.example（未回答 \d+課）: 送信済/);
  });

  it("then sends the digest, saying which bureaus were escalated and which could not be", async () => {
    const digest = await mails((m) => m.subject.startsWith("【回答状況】"));
    expect(digest).toHaveLength(1);
    expect(digest[0].text).toContain("■ 局区代表への督促");
    expect(digest[0].text).toContain("督促済：総務市民局 → somushimin@city.example");
    expect(digest[0].text).toContain(`送信失敗（代表メール「kyoiku@@city.example」`);
    const status = modelRecords(runtime.model, "回答状況_2026-12");
    expect(status.find((r) => r.担当者メール === "shokuin-ka@city.example")?.督促).toBe("総務市民局: 督促済");
    expect(status.find((r) => r.担当者メール === answering)).toMatchObject({ 回答: "回答済", 回答者: "山田 太郎（担当）、佐藤 花子（代理）", 督促: "" });
    expect(digest[0].text).toContain(`回答済：人事課 ${answering}（${owners.get(answering)!.length}件） — 回答者: 山田 太郎（担当）、佐藤 花子（代理）`);
  });

  it("sends nothing more when the continuation runs again in the same cycle", async () => {
    const before = (await outbox(`${dir}/outbox`)).length;
    const again = runtime.run("continueFollowUp", [], { user: SECRETARIAT });
    expect(again.ok).toBe(true);
    expect((again.result as { sent: unknown[] }).sent).toEqual([]);
    expect(await outbox(`${dir}/outbox`)).toHaveLength(before);
    expect(runtime.state.triggers.filter((t) => t.handler === "continueFollowUp" && t.nextRun !== null)).toHaveLength(0);
  });
});

describe("督促 within the mail quota", () => {
  it("stops at the quota, goes on when it is back, and still sends each 督促 once and the digest after them", async () => {
    const { runtime, clock, dir } = testRuntime({ now: "2026-11-30T12:00:00+09:00", setUp: true });
    deployWebApp(runtime);
    setCell(runtime, "設定", "督促", "項目", "値", "する");
    expect(runtime.run("installFollowUpTrigger", [], { user: SECRETARIAT }).ok).toBe(true);
    fireDueTriggers(runtime, clock, "2026-12-12T08:00:00+09:00");
    // Two mails left for the day when the 督促 is due.
    runtime.state.mail = { since: null, recipientsUsed: 0, dailyQuota: 2 };
    expect(fireDueTriggers(runtime, clock, "2026-12-12T10:00:00+09:00")).toEqual(["continueFollowUp"]);
    const sent = async () => (await outbox(`${dir}/outbox`)).filter((m) => m.subject.startsWith("【督促】") || m.subject.startsWith("【回答状況】"));
    expect((await sent()).map((m) => m.subject.slice(0, 4))).toEqual(["【督促】", "【督促】"]);
    expect(runtime.state.triggers.find((t) => t.handler === "continueFollowUp")?.nextRun).toBeGreaterThan(Date.parse("2026-12-13T09:00:00+09:00"));
    runtime.state.mail.dailyQuota = 1500;
    expect(fireDueTriggers(runtime, clock, "2026-12-14T00:00:00+09:00")).toEqual(["continueFollowUp"]);
    const all = await sent();
    const escalated = all.filter((m) => m.subject.startsWith("【督促】")).map((m) => m.to[0]);
    expect(new Set(escalated).size).toBe(escalated.length);
    const kinds = sheetRecords(runtime, "送信記録").map((r) => r.種別).filter((k) => k === "督促" || k === "まとめ");
    expect(kinds).toEqual([...escalated.map(() => "督促"), "まとめ"]);
    expect(all.find((m) => m.subject.startsWith("【回答状況】"))?.text).toContain(`督促済 ${escalated.length}局区`);
  });
});
