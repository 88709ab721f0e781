// 各局区への取組照会 on the demo workbook, in the local runtime with a fake clock:
// the mail, the 局区's form, the write path into 局区改革, and the 集計 it feeds.
import { beforeEach, describe, expect, it } from "vitest";
import { MENU_ITEMS } from "../../../src/features/menu";
import type { FakeClock } from "../../../src/local/runtime/clock";
import type { Runtime } from "../../../src/local/runtime/runtime";
import { smtpTransport } from "../../../src/local/services/mail";
import { answeringUi, linkIn, openForm, outbox, submitForm, submitFormExecution, tokenOf, WEB_APP, fireDueTriggers, deployWebApp } from "../../support/follow-up";
import { SECRETARIAT, historyRows, sheetRecords, spreadsheetReads, spreadsheetWrites } from "../../support/issues";
import { runWithStrictLocks } from "../../support/locks";
import { testRuntime } from "../../support/runtime";

let runtime: Runtime;
let clock: FakeClock;
let dir: string;

const MOJI = "moji@city.example";

beforeEach(() => {
  ({ runtime, clock, dir } = testRuntime({ now: "2026-12-01T09:00:00+09:00", setUp: true }));
  deployWebApp(runtime);
});

function decode(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&amp;/g, "&");
}

/** What the form would post as shown: hidden fields, texts, ticked boxes. */
function shownFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[decode(m[1])] = decode(m[2]);
  for (const m of html.matchAll(/<input type="text" id="[^"]+" name="([^"]+)" value="([^"]*)"/g)) fields[decode(m[1])] = decode(m[2]);
  for (const m of html.matchAll(/<textarea id="[^"]+" name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) fields[decode(m[1])] = decode(m[2]);
  for (const m of html.matchAll(/<input type="checkbox" name="([^"]+)" value="1" checked>/g)) fields[decode(m[1])] = "1";
  return fields;
}

/** The form key of the row shown with this 取組名. */
function keyOf(fields: Record<string, string>, name: string): string {
  const entry = Object.entries(fields).find(([k, v]) => k.startsWith("name:") && v === name);
  if (!entry) throw new Error(`no row named ${name}`);
  return entry[0].slice("name:".length);
}

function blankKeys(fields: Record<string, string>): string[] {
  return Object.keys(fields).filter((k) => k.startsWith("bureau:")).map((k) => k.slice("bureau:".length));
}

const reforms = () => sheetRecords(runtime, "局区改革");
const bureauTable = () => runtime.readRange("集計!A25:B56");

function send(args: unknown[] = [{ year: "R7" }], user = SECRETARIAT) {
  const execution = runtime.run("sendBureauSurvey", args, { user });
  if (!execution.ok) throw new Error(execution.error?.message);
  return execution.result as { sent: { kind: string; to: string }[]; failed: unknown[]; next: string | null };
}

async function surveyMail(to: string) {
  const mail = (await outbox(`${dir}/outbox`)).find((m) => m.to[0] === to && m.subject.includes("取組照会"));
  if (!mail) throw new Error(`no survey mail to ${to}`);
  return mail;
}

/** Fires the due time-driven triggers up to `iso`, as Apps Script would. */
const advanceTo = (iso: string) => fireDueTriggers(runtime, clock, iso);

describe("the survey round trip", () => {
  it("mails each 局区, and the form's added and edited rows reach 局区改革, 履歴 and 集計", async () => {
    const bureaus = sheetRecords(runtime, "局区");
    const report = send();
    expect(report.sent).toHaveLength(bureaus.length);
    expect(new Set(report.sent.map((s) => s.to))).toEqual(new Set(bureaus.map((b) => b.代表メール)));

    const mojiRows = reforms().filter((r) => r.局区名 === "門司区" && r.年度 === "R7");
    const mail = await surveyMail(MOJI);
    expect(mail.subject).toBe("【ご回答のお願い】プラチナ市役所プロジェクト 各局区の自主改革の取組照会（令和7年度）");
    expect(mail.text).toContain("門司区\nご担当者様");
    expect(mail.text).toContain("回答期限：令和8年12月11日（金）");
    expect(mail.text).toContain(`■ 登録済みの取組（門司区：${mojiRows.length}件）`);
    for (const row of mojiRows) expect(mail.text).toContain(String(row.取組名));
    expect(mail.html).toContain(`href="${linkIn(mail.text)}"`);

    // The 庶務担当 担当者 lists for 門司区's 代表メール answers, signed in as themselves.
    const person = String(sheetRecords(runtime, "担当者").find((r) => r.担当アドレス === MOJI)?.メール);
    const form = openForm(runtime, linkIn(mail.text), person);
    for (const row of mojiRows) expect(form).toContain(String(row.取組名));
    expect(form).not.toContain("公共料金のクレジットカード支払導入");
    const fields = shownFields(form);
    const edited = String(mojiRows[0].取組名);
    const key = keyOf(fields, edited);
    const [slot] = blankKeys(fields);
    const summary = "窓口の案内表示を刷新し、来庁者アンケートで「分かりやすい」が8割を超えた。";
    const added = '=HYPERLINK("http://x","窓口の混雑状況をウェブで公開")';
    const before = bureauTable();
    const rowsBefore = reforms().length;

    const receipt = submitForm(runtime, {
      ...fields,
      [`summary:${key}`]: summary,
      [`good:${key}`]: "1",
      [`name:${slot}`]: added,
      [`summary:${slot}`]: "窓口の待ち人数をホームページで公開した。",
    }, person);
    expect(receipt).toContain("以下の内容で記録しました");
    expect(receipt).toContain("更新しました（概要・好事例）");
    expect(receipt).toContain("追加しました");
    expect(receipt).toContain(`そのほかの登録済みの取組${mojiRows.length - 1}件は、変更なしとして受け付けました`);

    const after = reforms();
    expect(after.find((r) => r.取組名 === edited)).toMatchObject({ 年度: "R7", 局区名: "門司区", 概要: summary, 好事例: true });
    expect(after.at(-1)).toEqual({ 年度: "R7", 局区名: "門司区", 取組名: added, 概要: "窓口の待ち人数をホームページで公開した。", 好事例: false, 担当者メール: MOJI });
    expect(after).toHaveLength(rowsBefore + 1);
    // Recorded as the person, for the 局区's address.
    expect(historyRows(runtime).filter((h) => h.経路 === "局区照会").map((h) => [h.ID, h.項目, h.変更後, h.利用者, h.担当アドレス, h.立場])).toEqual([
      [`局区改革:門司区:${edited}`, "概要", summary, person, MOJI, "担当"],
      [`局区改革:門司区:${edited}`, "好事例", "はい", person, MOJI, "担当"],
      [`局区改革:門司区:${added}`, "取組名", added, person, MOJI, "担当"],
      [`局区改革:門司区:${added}`, "概要", "窓口の待ち人数をホームページで公開した。", person, MOJI, "担当"],
    ]);
    expect(sheetRecords(runtime, "回答記録").map((r) => [r.サイクル, r.回答者, r.担当アドレス, r.立場, r.回答])).toEqual([["局区照会-R7", person, MOJI, "担当", "追加1件・更新1件"]]);

    // 集計's bureau table (PLATINA_BUREAU_TABLE, recalculated) counts the new row for 門司区 and in the total.
    const table = bureauTable();
    const count = (t: unknown[][], name: string) => Number(t.find((r) => r[0] === name)?.[1]);
    expect(count(table, "門司区")).toBe(count(before, "門司区") + 1);
    expect(count(table, "合計")).toBe(count(before, "合計") + 1);
    expect(table.filter((r) => r[0] !== "門司区" && r[0] !== "合計")).toEqual(before.filter((r) => r[0] !== "門司区" && r[0] !== "合計"));

    // Coming back shows the answer was taken, the new row among the registered ones.
    const again = openForm(runtime, linkIn(mail.text), person);
    expect(again).toContain("今回すでに回答済みです");
    expect(shownFields(again)[`name:${keyOf(shownFields(again), added)}`]).toBe(added);
  });

  it("asks about the current fiscal year by default; a 局区 with no rows yet adds its first", async () => {
    send([]);
    const mail = await surveyMail(MOJI);
    expect(mail.subject).toContain("（令和8年度）");
    expect(mail.text).toContain("登録済みの取組はありません。");
    const form = openForm(runtime, linkIn(mail.text));
    expect(form).toContain("登録済みの取組はありません。");
    const fields = shownFields(form);
    const [slot] = blankKeys(fields);
    submitForm(runtime, { ...fields, [`name:${slot}`]: "公用車予約のオンライン化", [`good:${slot}`]: "1" });
    expect(reforms().filter((r) => r.年度 === "R8")).toEqual([{ 年度: "R8", 局区名: "門司区", 取組名: "公用車予約のオンライン化", 概要: "", 好事例: true, 担当者メール: MOJI }]);
  });

  it("takes an answer of no change or no reform, so no reminder follows", async () => {
    send();
    const mail = await surveyMail("gikai@city.example");
    const receipt = submitForm(runtime, shownFields(openForm(runtime, linkIn(mail.text))));
    expect(receipt).toContain("取組なしとして受け付けました");
    expect(sheetRecords(runtime, "回答記録").map((r) => r.回答)).toEqual(["変更なし"]);
    advanceTo("2026-12-08T10:00:00+09:00");
    const reminded = (await outbox(`${dir}/outbox`)).filter((m) => m.subject.startsWith("【再送・ご回答のお願い】")).map((m) => m.to[0]);
    expect(reminded).toHaveLength(sheetRecords(runtime, "局区").length - 1);
    expect(reminded).not.toContain("gikai@city.example");
  });
});

describe("sending exactly once, beside the monthly follow-up", () => {
  it("sends once, reminds the 局区 that have not answered, then digests — never mixing with the follow-up's mail", async () => {
    const bureaus = sheetRecords(runtime, "局区").length;
    expect(runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT }).ok).toBe(true);
    const monthly = (await outbox(`${dir}/outbox`)).length;
    expect(send().sent).toHaveLength(bureaus);
    expect(send().sent).toEqual([]);
    const mail = await surveyMail(MOJI);
    submitForm(runtime, shownFields(openForm(runtime, linkIn(mail.text))));

    const fired = advanceTo("2026-12-08T10:00:00+09:00");
    expect(fired.sort()).toEqual(["continueBureauSurvey", "continueFollowUp"]);
    const reminders = (await outbox(`${dir}/outbox`)).filter((m) => m.subject.startsWith("【再送・ご回答のお願い】") && m.subject.includes("取組照会"));
    expect(reminders).toHaveLength(bureaus - 1);
    expect(reminders.map((m) => m.to[0])).not.toContain(MOJI);

    advanceTo("2026-12-12T09:00:00+09:00");
    const digests = (await outbox(`${dir}/outbox`)).filter((m) => m.subject.startsWith("【回答状況】"));
    expect(digests.map((m) => m.subject).sort()).toEqual([
      "【回答状況】プラチナ市役所プロジェクト 各局区の自主改革の取組照会（令和7年度）",
      "【回答状況】プラチナ市役所プロジェクト 継続検討課題の進捗確認（令和8年12月）",
    ]);
    const digest = digests.find((m) => m.subject.includes("取組照会"))!;
    expect(digest.to).toEqual([SECRETARIAT]);
    expect(digest.text).toContain(`回答済 1局区 ／ 照会 ${bureaus}局区（未回答 ${bureaus - 1}局区）`);
    expect(digest.text).toContain("【若松区】旧食堂跡地を居心地よいフリースペースへリニューアル");
    expect(runtime.model.getSheetByName("回答状況_局区照会-R7")).not.toBeNull();

    const log = sheetRecords(runtime, "送信記録");
    const survey = log.filter((r) => r.サイクル === "局区照会-R7");
    expect(survey.filter((r) => r.種別 === "依頼")).toHaveLength(bureaus);
    expect(survey.filter((r) => r.種別 === "まとめ")).toHaveLength(1);
    expect(log.filter((r) => r.サイクル === "2026-12" && r.種別 === "依頼")).toHaveLength(monthly);
    expect(runtime.state.triggers.filter((t) => t.nextRun !== null && t.handler.startsWith("continue"))).toEqual([]);
  });

  it("stops at the mail quota and finishes the next day without duplicates", async () => {
    runtime.state.mail.dailyQuota = 10;
    const first = send();
    expect(first.sent).toHaveLength(10);
    advanceTo("2026-12-04T09:30:00+09:00");
    const mails = (await outbox(`${dir}/outbox`)).filter((m) => m.subject.includes("取組照会"));
    expect(mails).toHaveLength(sheetRecords(runtime, "局区").length);
    expect(new Set(mails.map((m) => m.to[0])).size).toBe(mails.length);
  });

  it("reminds only the 局区 whose request went out", async () => {
    const bureaus = new Set(sheetRecords(runtime, "局区").map((b) => b.代表メール)).size;
    const good = runtime.options.mail;
    runtime.options.mail = smtpTransport("smtp://127.0.0.1:9"); // nothing listens: every send fails
    const failed = send();
    expect(failed.sent).toEqual([]);
    expect(failed.failed).toHaveLength(bureaus);
    runtime.options.mail = good;
    expect(advanceTo("2026-12-08T10:00:00+09:00")).toEqual(["continueBureauSurvey"]);
    expect(await outbox(`${dir}/outbox`)).toEqual([]);
  });

  it("asks with the numbers first when a person is at the sheet; 「いいえ」 sends and records nothing", async () => {
    const { ui, shown } = answeringUi("NO");
    const execution = runtime.run("sendBureauSurvey", [{ year: "R7" }], { user: SECRETARIAT, ui });
    expect(execution.result).toEqual({ ok: false, reason: "cancelled", message: "送信を取りやめました。何も送信していません。" });
    const bureaus = sheetRecords(runtime, "局区");
    const addresses = new Set(bureaus.map((b) => b.代表メール)).size;
    expect(shown).toEqual([{ title: "各局区への取組照会", text: `令和7年度の自主改革の取組照会を、まだ送っていない ${bureaus.length}局区（${addresses}アドレス）に送信します。よろしいですか？` }]);
    expect(await outbox(`${dir}/outbox`)).toEqual([]);
    expect(runtime.model.getSheetByName("送信記録")).toBeFalsy();
  });

  it("says before sending which 局区 a malformed 代表メール leaves out, and how to find and fix it", () => {
    const bureaus = sheetRecords(runtime, "局区");
    runtime.model.getSheetByName("局区")!.setCells(1, 2, [[{ kind: "value", value: "鈴木さん" }]]);
    const { ui, shown } = answeringUi("NO");
    runtime.run("sendBureauSurvey", [{ year: "R7" }], { user: SECRETARIAT, ui });
    expect(shown[0].text).toContain(`代表メールが未設定か、メールアドレスとして正しくないため送信しない局区: ${bureaus[0].局区名}`);
    expect(shown[0].text).toContain("正しくないアドレスの場所は「データ点検」で確認できます");
  });

  it("is for the secretariat only, and the menu offers it after 自動送信を設定", () => {
    const execution = runtime.run("sendBureauSurvey", [{ year: "R7" }], { user: MOJI });
    expect(execution.result).toMatchObject({ ok: false, reason: "forbidden" });
    expect((execution.result as { message: string }).message).toContain("市政変革推進室（設定シートの「事務局メール」）のみが実行できます");
    const bad = runtime.run("sendBureauSurvey", [{ year: "来年" }], { user: SECRETARIAT });
    expect(bad.error?.message).toContain("年度「来年」を解釈できません");
    const captions = MENU_ITEMS.map((i) => i?.caption);
    expect(captions.indexOf("各局区への取組照会")).toBe(captions.indexOf("自動送信を設定") + 1);
  });
});

describe("the form's safety", () => {
  async function mojiForm() {
    send();
    const link = linkIn((await surveyMail(MOJI)).text);
    return { link, fields: shownFields(openForm(runtime, link)) };
  }

  it("refuses altered, other-person and expired links, changing nothing", async () => {
    const { link, fields } = await mojiForm();
    const token = tokenOf(link);
    const altered = link.replace(token, `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`);
    const before = JSON.stringify(reforms());
    expect(openForm(runtime, altered)).toContain("リンクが正しくありません");
    // Another 局区's address is not listed for 門司区's: refused, naming 門司区 and its people, nothing of its reforms shown.
    const refused = openForm(runtime, link, "kokurakita@city.example");
    expect(refused).toContain(`このリンクは 門司区（${MOJI}）あてのご回答用です。いまログインしている kokurakita@city.example は、担当者シートでこのアドレスの担当・代理として登録されていません。`);
    expect(refused).toContain("市政変革推進室（事務局）に担当者シートへの登録");
    expect(refused).not.toContain(`<form`);
    expect(refused).toContain("シークレット ウィンドウ（プライベート ウィンドウ）で開いて仕事用のアカウントだけでログインするか");
    expect(submitForm(runtime, { ...fields, [`name:${blankKeys(fields)[0]}`]: "なりすまし" }, "kokurakita@city.example")).toContain("登録されていません");
    expect(openForm(runtime, link, MOJI)).toContain("回答を送信する");
    clock.set(Date.parse("2026-12-12T00:00:00+09:00"));
    expect(openForm(runtime, link)).toContain("回答期限を過ぎたため");
    expect(submitForm(runtime, { ...fields, [`name:${blankKeys(fields)[0]}`]: "遅れた追加" })).toContain("回答期限を過ぎたため");
    expect(JSON.stringify(reforms())).toBe(before);
  });

  // R-lock: hasLock() is false unless tryLock/waitLock was called on that very object; the save nests.
  it("saves an answer with its 回答記録 in one lock, asking LockService for one Lock object only", async () => {
    const { fields } = await mojiForm();
    const slot = blankKeys(fields)[0];
    const sent = { ...fields, [`name:${slot}`]: "窓口の予約制", [`summary:${slot}`]: "区役所窓口を予約制にした" };
    const { execution, lockObjects } = runWithStrictLocks(runtime, "submitAnswerForm", [sent], { context: { kind: "web-app", deployer: SECRETARIAT, url: WEB_APP } });
    expect(execution.ok, execution.error?.message).toBe(true);
    expect(execution.result).toContain("以下の内容で記録しました");
    expect(lockObjects).toBe(1);
    expect(reforms().find((r) => r.取組名 === "窓口の予約制")).toMatchObject({ 局区名: "門司区", 概要: "区役所窓口を予約制にした" });
    expect(sheetRecords(runtime, "回答記録")).toHaveLength(1);
  });

  it("refuses a form edited to reach another 局区's rows", async () => {
    const { fields } = await mojiForm();
    const before = JSON.stringify(reforms());
    const slot = blankKeys(fields)[0];
    const page = submitForm(runtime, { ...fields, [`bureau:${slot}`]: "会計室", [`name:${slot}`]: "なりすまし" });
    expect(page).toContain("フォームの内容が正しくありません");
    expect(JSON.stringify(reforms())).toBe(before);
  });

  it("keeps the input and saves nothing when a row needs fixing", async () => {
    const { fields } = await mojiForm();
    const before = JSON.stringify(reforms());
    const [first, second] = blankKeys(fields);
    const existing = String(reforms().find((r) => r.局区名 === "門司区")!.取組名);
    const page = submitForm(runtime, {
      ...fields,
      [`summary:${first}`]: "取組名を書き忘れた概要",
      [`name:${second}`]: existing,
    });
    expect(page).toContain("2件の取組で入力内容を確認してください");
    expect(page).toContain("取組名を入力してください");
    expect(page).toContain(`同じ取組名「${existing}」の取組がほかにもあります`);
    expect(page).toContain("取組名を書き忘れた概要");
    expect(page).toContain('aria-invalid="true"');
    expect(JSON.stringify(reforms())).toBe(before);
  });

  it("leaves a row someone changed since the form was loaded, shows its current values and keeps the typed text to send again", async () => {
    const { fields } = await mojiForm();
    const name = String(reforms().find((r) => r.局区名 === "門司区")!.取組名);
    const key = keyOf(fields, name);
    const sheet = runtime.model.getSheetByName("局区改革")!;
    const row = reforms().findIndex((r) => r.取組名 === name) + 1;
    sheet.setCells(row, 3, [[{ kind: "value", value: "事務局が直接書き直した概要" }]]);
    const typed = "局区の入力\n2行目も残ります";
    const page = submitForm(runtime, { ...fields, [`summary:${key}`]: typed });
    expect(page).toContain("入力いただいた内容を記録できませんでした（1件）。入力内容はそのまま残しています。");
    expect(page).toContain("ほかの方がこの取組を先に更新しました");
    expect(page).toContain("事務局が直接書き直した概要");
    expect(reforms()[row - 1].概要).toBe("事務局が直接書き直した概要");
    expect(sheetRecords(runtime, "回答記録")).toEqual([]);
    // The form again, the typed text in the row's own box: sending it as shown saves it over the newer text.
    const again = shownFields(page);
    expect(again[`summary:${keyOf(again, name)}`]).toBe(typed);
    expect(submitForm(runtime, again)).toContain("以下の内容で記録しました");
    expect(reforms()[row - 1].概要).toBe(typed);
  });

  it("saves the rest of a partly rejected answer and keeps the rejected item's typed text in a new row", async () => {
    const { fields } = await mojiForm();
    const names = reforms().filter((r) => r.局区名 === "門司区").map((r) => String(r.取組名));
    const [first, second] = blankKeys(fields);
    // Someone else adds 「窓口の案内表示を刷新」 meanwhile; this 局区 adds it too, and another one.
    const page0 = submitForm(runtime, { ...fields, [`name:${first}`]: "窓口の案内表示を刷新" });
    expect(page0).toContain("以下の内容で記録しました");
    const page = submitForm(runtime, {
      ...fields,
      [`name:${first}`]: "窓口の案内表示を刷新", [`summary:${first}`]: "局区が書いた概要",
      [`name:${second}`]: "書類の電子化", [`summary:${second}`]: "紙の申請書を廃止",
      [`summary:${keyOf(fields, names[0])}`]: "更新した概要",
    });
    expect(page).toContain("2件の取組は記録しました。記録できなかった取組が1件あります。入力内容はそのまま残しています。");
    expect(page).toContain("同じ取組名「窓口の案内表示を刷新」の取組がすでにあります");
    const again = shownFields(page);
    const kept = blankKeys(again).find((k) => again[`name:${k}`] === "窓口の案内表示を刷新");
    expect(kept && again[`summary:${kept}`]).toBe("局区が書いた概要");
    expect(reforms().map((r) => r.取組名)).toContain("書類の電子化");
    expect(reforms().find((r) => r.取組名 === names[0])!.概要).toBe("更新した概要");
  });

  it("costs the same number of sheet reads and writes for one change as for six", async () => {
    const { link, fields } = await mojiForm();
    const names = reforms().filter((r) => r.局区名 === "門司区").map((r) => String(r.取組名));
    const blanks = blankKeys(fields);
    const post = (edits: number, adds: number, tag: string) => {
      const changed: Record<string, string> = { ...shownFields(openForm(runtime, link)) };
      for (const name of names.slice(0, edits)) changed[`summary:${keyOf(changed, name)}`] = `${tag}: ${name}`;
      for (const slot of blanks.slice(0, adds)) changed[`name:${slot}`] = `${tag} 追加 ${slot}`;
      const execution = submitFormExecution(runtime, changed);
      expect(execution.ok, execution.error?.message).toBe(true);
      return { reads: spreadsheetReads(execution.calls), writes: spreadsheetWrites(execution.calls) };
    };
    // The first answer ever creates 回答記録 (opening a form creates nothing); later ones only append to it.
    post(0, 0, "");
    const small = post(1, 1, "一回目");
    const large = post(3, 3, "二回目");
    expect(large).toEqual(small);
    expect(small.writes).toBeLessThanOrEqual(5);
  });

  it("routes by the link's purpose: a follow-up link still opens the follow-up form", async () => {
    runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
    const followUp = (await outbox(`${dir}/outbox`))[0];
    expect(openForm(runtime, linkIn(followUp.text))).toContain("継続検討課題の進捗確認");
    expect(openForm(runtime, `${WEB_APP}?t=broken`)).toContain("リンクが正しくありません");
  });
});
