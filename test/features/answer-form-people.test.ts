// A section answers through its people (issue 18): the monthly mail goes to 人事課's shared
// address; the people 担当者 lists for it today answer in the web form and in the sidebar,
// recorded by name; anyone else signed in — a stranger, a deputy whose period ended — is
// refused with the section's people named, no issue shown and nothing saved.
import { beforeEach, describe, expect, it } from "vitest";
import type { Runtime } from "../../src/local/runtime/runtime";
import { formFields, linkIn, openForm, outbox, submitForm, deployWebApp } from "../support/follow-up";
import { SECRETARIAT, historyRows, issueRows, sheetRecords } from "../support/issues";
import { testRuntime } from "../support/runtime";

const SECTION = "jinji-ka@city.example";
const TARO = "taro.jinji@city.example"; // 担当
const HANAKO = "hanako.jinji@city.example"; // 代理 since R8.4
const ICHIRO = "ichiro.jinji@city.example"; // 代理 until 2026-03-31
const JIRO = "jiro.shokuin@city.example"; // 職員課の担当、人材育成課の代理

let runtime: Runtime;
let link: string;
let ids: string[];

beforeEach(async () => {
  let dir: string;
  ({ runtime, dir } = testRuntime({ now: "2026-12-01T09:00:00+09:00", setUp: true }));
  deployWebApp(runtime);
  const run = runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
  if (!run.ok) throw new Error(run.error?.message);
  const mail = (await outbox(`${dir}/outbox`)).find((m) => m.to[0] === SECTION)!;
  link = linkIn(mail.text);
  ids = [...mail.text.matchAll(/\[(R\d+-\d+)\]/g)].map((m) => m[1]);
});

const snapshot = () => JSON.stringify([issueRows(runtime), sheetRecords(runtime, "回答記録"), historyRows(runtime)]);
const everyAnswer = (answer: string) => Object.fromEntries(ids.map((id) => [id, { answer }]));

describe("the answer form of a section", () => {
  it("lets the listed 担当 answer, recorded by name for the section", () => {
    const form = openForm(runtime, link, TARO);
    expect(form).toContain("総務市民局 人事課 ご担当者 様にご担当いただいている課題です");
    expect(form).toContain(`山田 太郎 様（${TARO}）が、このアドレスの担当として回答します。回答者として記録されるのは ${TARO} です。`);
    const receipt = submitForm(runtime, formFields(form, { ...everyAnswer("変更なし"), [ids[0]]: { answer: "実施中" } }), TARO);
    expect(receipt).toContain("以下の内容で記録しました");
    expect(issueRows(runtime).find((r) => r.ID === ids[0])).toMatchObject({ 進捗分類: "実施中", 最終更新者: TARO });
    expect(sheetRecords(runtime, "回答記録").map((r) => [r.ID, r.回答者, r.担当アドレス, r.立場])).toEqual(ids.map((id) => [id, TARO, SECTION, "担当"]));
    expect(historyRows(runtime).filter((h) => h.ID === ids[0] && h.利用者 === TARO).map((h) => [h.項目, h.担当アドレス, h.立場, h.経路])).toEqual([["進捗分類", SECTION, "担当", "メール回答"]]);
  });

  it("refuses a signed-in person not listed: names the section and its people, says the secretariat can add them, shows no issue, saves nothing", () => {
    const before = snapshot();
    const titles = issueRows(runtime).filter((r) => ids.includes(String(r.ID))).map((r) => String(r.課題名));
    const page = openForm(runtime, link, "stranger@city.example");
    expect(page).toContain(`このリンクは 総務市民局 人事課（${SECTION}）あてのご回答用です。いまログインしている stranger@city.example は、担当者シートでこのアドレスの担当・代理として登録されていません。何も記録していません。`);
    expect(page).toContain("<li>山田 太郎（担当）</li>");
    expect(page).toContain("<li>佐藤 花子（代理）</li>");
    expect(page).not.toContain("鈴木 一郎"); // no longer acts for it
    expect(page).toContain("市政変革推進室（事務局）に担当者シートへの登録（または期間の変更）を依頼してください");
    for (const text of [...ids, ...titles]) expect(page).not.toContain(text);
    // Posting the fields anyway (a form kept open, a crafted request) saves nothing either.
    const posted = formFields(openForm(runtime, link, TARO), everyAnswer("完了"));
    expect(submitForm(runtime, posted, "stranger@city.example")).toContain("登録されていません");
    expect(snapshot()).toBe(before);
  });

  it("refuses the same way a deputy whose 終了日 has passed", () => {
    const before = snapshot();
    const page = openForm(runtime, link, ICHIRO);
    expect(page).toContain(`${ICHIRO} は担当者シートで代理として登録されていますが、その期間（令和6年4月1日〜令和8年3月31日）は今日を含みません。`);
    expect(page).toContain("<li>佐藤 花子（代理）</li>");
    expect(page).not.toContain(ids[0]);
    expect(submitForm(runtime, formFields(openForm(runtime, link, TARO), everyAnswer("完了")), ICHIRO)).toContain("今日を含みません");
    expect(snapshot()).toBe(before);
  });

  it("shows the second person of the section what the first answered, and refuses a stale change under the conflict rule", () => {
    // The 代理 opens the form first; the 担当 answers meanwhile.
    const deputysForm = openForm(runtime, link, HANAKO);
    expect(deputysForm).toContain("このアドレスの代理として回答します");
    submitForm(runtime, formFields(openForm(runtime, link, TARO), { ...everyAnswer("変更なし"), [ids[0]]: { answer: "完了", memo: "担当が記入" } }), TARO);
    // Opened again, the form shows the 担当's answer as this cycle's.
    expect(openForm(runtime, link, HANAKO)).toContain("今回すでに回答済み");
    // Sent from the form opened before, the 代理's change to the same issue is refused; the others are recorded as hers.
    const receipt = submitForm(runtime, formFields(deputysForm, { ...everyAnswer("変更なし"), [ids[0]]: { answer: "実施中", memo: "代理が記入" } }), HANAKO);
    expect(receipt).toContain("ほかの方がこの課題を先に更新しました");
    expect(issueRows(runtime).find((r) => r.ID === ids[0])).toMatchObject({ 進捗分類: "完了", 進捗メモ: "担当が記入", 最終更新者: TARO });
    const log = sheetRecords(runtime, "回答記録");
    expect(log.filter((r) => r.回答者 === HANAKO).map((r) => [r.ID, r.担当アドレス, r.立場])).toEqual(ids.slice(1).map((id) => [id, SECTION, "代理"]));
  });

  it("lets the secretariat answer for the section, recorded as 推進室", () => {
    const form = openForm(runtime, link, SECRETARIAT);
    expect(form).toContain(`市政変革推進室（${SECRETARIAT}）として、このアドレスに代わって回答します`);
    submitForm(runtime, formFields(form, everyAnswer("変更なし")), SECRETARIAT);
    expect(sheetRecords(runtime, "回答記録").map((r) => [r.回答者, r.担当アドレス, r.立場])[0]).toEqual([SECRETARIAT, SECTION, "推進室"]);
  });
});

describe("the sidebar of a person acting for two sections", () => {
  const sidebar = (entry: string, user: string, ...args: unknown[]) => {
    const execution = runtime.run(entry, args, { user, context: { kind: "sidebar" } });
    if (!execution.ok) throw new Error(execution.error?.message);
    return execution.result;
  };

  it("lists the issues of both addresses, and saves as the person for the issue's section", () => {
    const rows = issueRows(runtime);
    const expected = rows.filter((r) => r.担当者メール === "shokuin-ka@city.example" || r.担当者メール === "jinzai-ka@city.example").map((r) => r.ID).sort();
    expect(expected.length).toBeGreaterThan(1);
    const context = sidebar("getSidebarContext", JIRO) as { role: string; addresses: { address: string; standing: string }[] };
    expect(context.role).toBe("owner");
    expect(context.addresses).toEqual([
      { address: JIRO, standing: "本人" },
      { address: "shokuin-ka@city.example", standing: "担当" },
      { address: "jinzai-ka@city.example", standing: "代理" },
    ]);
    const mine = sidebar("getMyIssues", JIRO) as Record<string, string>[];
    expect(mine.map((i) => i.ID).sort()).toEqual(expected);

    const issue = mine.find((i) => i.担当者メール === "jinzai-ka@city.example")!;
    const expectedValues = { 進捗分類: issue.進捗分類, 実施時期: issue.実施時期, 進捗メモ: issue.進捗メモ, 最終更新日: issue.最終更新日 };
    const logged = historyRows(runtime).length;
    const saved = sidebar("saveIssueUpdate", JIRO, { id: issue.ID, expected: expectedValues, changes: { 進捗メモ: "代理として追記" } }) as { ok: boolean };
    expect(saved.ok).toBe(true);
    expect(issueRows(runtime).find((r) => r.ID === issue.ID)).toMatchObject({ 進捗メモ: "代理として追記", 最終更新者: JIRO });
    expect(historyRows(runtime).slice(logged).map((h) => [h.ID, h.利用者, h.担当アドレス, h.立場, h.経路])).toEqual([[issue.ID, JIRO, "jinzai-ka@city.example", "代理", "サイドバー"]]);
  });

  it("shows a deputy whose period ended none of the section's issues, and refuses their save", () => {
    expect(sidebar("getMyIssues", ICHIRO)).toEqual([]);
    const issue = issueRows(runtime).find((r) => r.担当者メール === SECTION)!;
    const result = sidebar("saveIssueUpdate", ICHIRO, { id: issue.ID, expected: {}, changes: { 進捗メモ: "x" } }) as { ok: boolean; reason: string };
    expect(result).toMatchObject({ ok: false, reason: "forbidden" });
  });
});

describe("a workbook of an earlier release", () => {
  it("reads its 回答記録 rows as answers for the section, and gets 担当アドレス and 立場 added to 回答記録 and 履歴 on the first answer", () => {
    // 履歴 and 回答記録 as they were before 担当者: without the two columns; the section's address answered once this cycle.
    runtime.model.getSheetByName("履歴")!.deleteColumns(7, 2);
    const log = runtime.model.insertSheet("回答記録");
    const old = ["日時", "サイクル", "回答者", "ID", "回答", "実施時期", "進捗メモ"];
    const cells = (values: string[]) => [values.map((value) => ({ kind: "value" as const, value }))];
    log.setCells(0, 0, cells(old));
    log.setCells(1, 0, cells(["2026-12-01 10:00", "2026-12", SECTION, ids[0], "変更なし", "", ""]));

    const form = openForm(runtime, link, TARO);
    expect(form).toContain("今回すでに回答済み");
    expect(submitForm(runtime, formFields(form, { ...everyAnswer("変更なし"), [ids[0]]: { answer: "完了" } }), TARO)).toContain("以下の内容で記録しました");

    const header = (name: string) => runtime.readRange(`${name}!A1:K1`)[0].filter((c) => c !== "");
    expect(header("回答記録")).toEqual([...old, "担当アドレス", "立場"]);
    expect(header("履歴")).toEqual(["日時", "利用者", "ID", "項目", "変更前", "変更後", "経路", "担当アドレス", "立場"]);
    const rows = sheetRecords(runtime, "回答記録");
    expect(rows[0]).toMatchObject({ 回答者: SECTION, ID: ids[0], 担当アドレス: "" });
    expect(rows.slice(1).map((r) => [r.ID, r.回答者, r.担当アドレス, r.立場])).toEqual(ids.map((id) => [id, TARO, SECTION, "担当"]));
    expect(historyRows(runtime).filter((h) => h.ID === ids[0] && h.利用者 === TARO).map((h) => [h.担当アドレス, h.立場])).toEqual([[SECTION, "担当"]]);
  });
});
