// 動作確認 in the local runtime (the same checks the secretariat runs in Sheets
// after npm run deploy): every check passes on a set-up deployment, each kind
// of broken deployment shows up in the 動作確認 sheet with what to do, and what
// Apps Script gives no way to see is said to be unchecked, with why.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addonCode } from "../../scripts/build";
import type { Runtime } from "../../src/local/runtime/runtime";
import { answeringUi, fireMonthlyRun, linkIn, openForm, outbox, prepareFollowUp, WEB_APP, deployWebApp } from "../support/follow-up";
import { BUILD_DIR } from "../support/gas-bundle";
import { SECRETARIAT, addSecretariat, sheetRecords } from "../support/issues";
import { fixtureBundle, testRuntime } from "../support/runtime";

/** The web-app deployment the build links to (deploy.json), if any. */
const DEPLOYMENT = (JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "deploy.json"), "utf8")) as { webAppDeploymentId: string | null }).webAppDeploymentId;
const SECOND = "kikaku@city.example";

interface Check {
  item: string;
  result: string;
  detail: string;
  action: string;
}

const ITEMS = {
  openById: "ウェブアプリからのブックの読み込み（保存された ID で開く）",
  timeZone: "スプレッドシートのタイムゾーン",
  webApp: "ウェブアプリ（回答フォーム）の公開と URL",
  edit: "シートの直接編集を記録するトリガーと所有者",
  change: "行の削除を記録するトリガーと所有者",
  monthly: "毎月の自動送信のトリガーと所有者",
  quota: "残りのメール送信数（宛先の数）",
};

function selfTest(runtime: Runtime, options: Record<string, unknown> = { testMail: false }, user = SECRETARIAT) {
  const execution = runtime.run("checkDeployment", [options], { user });
  expect(execution.ok, execution.error?.message).toBe(true);
  return execution.result as { ok: boolean; checks: Check[]; message?: string };
}

const byItem = (checks: Check[]) => Object.fromEntries(checks.map((c) => [c.item, c]));

/** 初期設定, the web app deployed (/exec) and the monthly trigger installed, by the secretariat (`also` added to 事務局メール). */
const deployed = (runtime: Runtime, also = "") => {
  prepareFollowUp(runtime);
  if (also) addSecretariat(runtime, also);
  runtime.state.webAppUrl = WEB_APP.replace(/\/exec$/, "/macros/s/abc/exec");
  expect(runtime.run("installFollowUpTrigger", [], { user: SECRETARIAT }).ok).toBe(true);
};

describe("動作確認", () => {
  it("passes every check of a set-up deployment whose link was opened once, writes them to its sheet, and mails the caller when asked", async () => {
    const { runtime, outbox: dir } = testRuntime({ now: "2026-12-01T09:00:00+09:00" });
    deployed(runtime);
    expect(fireMonthlyRun(runtime).ok).toBe(true);
    openForm(runtime, linkIn((await outbox(dir))[0].text));
    const { ui, shown } = answeringUi("YES");
    const execution = runtime.run("checkDeployment", [], { user: SECRETARIAT, ui });
    expect(execution.ok, execution.error?.message).toBe(true);
    const result = execution.result as { ok: boolean; checks: Check[] };
    expect(result.checks.filter((c) => c.result !== "OK")).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.checks.map((c) => c.item)).toEqual(expect.arrayContaining([
      "シート「課題」と見出し", "保存されたスプレッドシートの ID（回答フォームが開くブック）", ITEMS.openById, ITEMS.timeZone, "書き込みのロック（スクリプトロック）",
      ITEMS.edit, ITEMS.change, ITEMS.monthly, ITEMS.webApp, "回答フォームのページ（進捗確認・取組照会）", ITEMS.quota, "確認のメール送信",
    ]));
    const checks = byItem(result.checks);
    // At the monthly run's minute of 9 o'clock (atHour draws one).
    expect(checks[ITEMS.openById].detail).toMatch(new RegExp(`ウェブアプリも ${SECRETARIAT} として令和8年12月1日 9:\\d\\dに ID で開いています`));
    expect(checks[ITEMS.timeZone].detail).toBe("Asia/Tokyo（日本時間）です。");
    expect(checks[ITEMS.quota].detail).toContain("回答状況のまとめは事務局メールの1件の宛先すべてに送るため、1件と数えます");
    expect(checks[ITEMS.quota].detail).toContain("Google Workspace のアカウントで1日1,500件、個人の Google アカウント（gmail.com など）で1日100件");
    expect(shown.at(-1)?.text).toContain("すべて確認できました");
    const sheet = sheetRecords(runtime, "動作確認");
    expect(sheet[0]).toMatchObject({ 確認項目: "実行日時・実行者", 結果: "OK", 詳細: expect.stringContaining(`（${SECRETARIAT}）: すべて確認できました`) });
    expect(sheet.slice(1).map((r) => [r.確認項目, r.結果])).toEqual(result.checks.map((c) => [c.item, "OK"]));
    const tests = (await outbox(dir)).filter((m) => m.subject.startsWith("【動作確認】"));
    expect(tests.map((m) => [m.to[0], m.subject])).toEqual([[SECRETARIAT, "【動作確認】プラチナ市役所プロジェクト 進捗管理アドオン"]]);
  });

  it("says what to do for a missing header, a lost spreadsheet ID, an editor-only URL, no change trigger and no monthly trigger", () => {
    const { runtime } = testRuntime({ setUp: true });
    deployWebApp(runtime);
    runtime.state.webAppUrl = "https://script.google.com/macros/s/abc/dev";
    delete runtime.state.scriptProperties["platina.spreadsheetId"];
    runtime.state.triggers = runtime.state.triggers.filter((t) => t.handler !== "onIssueChange");
    const issues = runtime.model.getSheetByName("課題")!;
    const header = issues.getValues({ row: 0, column: 0, numRows: 1, numColumns: issues.getLastColumn() })[0];
    issues.setCells(0, header.indexOf("進捗メモ"), [[{ kind: "value", value: "メモ" }]]);
    const result = selfTest(runtime);
    expect(result.ok).toBe(false);
    const checks = byItem(result.checks);
    expect(checks["シート「課題」と見出し"]).toMatchObject({ result: "要対応", detail: expect.stringContaining("「進捗メモ」がありません") });
    expect(checks["保存されたスプレッドシートの ID（回答フォームが開くブック）"]).toMatchObject({ result: "要対応", action: expect.stringContaining("初期設定") });
    expect(checks[ITEMS.openById]).toMatchObject({ result: "未確認", detail: "ID が保存されていないため、確かめられません。" });
    expect(checks[ITEMS.change]).toMatchObject({ result: "要対応", detail: expect.stringContaining("このアカウントのトリガーですが、見つかりません"), action: expect.stringContaining("初期設定") });
    // A build that knows the deployment (deploy.json) says it cannot confirm it from here; one that does not, that the URL is editors-only.
    expect(checks[ITEMS.webApp]).toMatchObject(DEPLOYMENT
      ? { result: "未確認", detail: expect.stringContaining(`https://script.google.com/macros/s/${DEPLOYMENT}/exec`) }
      : { result: "要対応", detail: expect.stringContaining("編集者だけが開けるテスト用の URL"), action: expect.stringContaining("npm run deploy") });
    expect(checks[ITEMS.monthly]).toMatchObject({ result: "注意", action: expect.stringContaining("自動送信を設定") });
    // The sheet holds the same findings, with what to do, under its headers.
    const rows = sheetRecords(runtime, "動作確認");
    const failing = DEPLOYMENT ? 3 : 4;
    expect(rows[0]).toMatchObject({ 結果: "要対応", 詳細: expect.stringContaining(`要対応 ${failing}件・確認できなかった項目 ${DEPLOYMENT ? 2 : 1}件`) });
    expect(rows.slice(1).filter((r) => r.結果 === "要対応").map((r) => r.対処)).toEqual(result.checks.filter((c) => c.result === "要対応").map((c) => c.action));
  });

  // G-inst: Apps Script lists an installable trigger only to the account that created it.
  it("says plainly it cannot see triggers another account installed, until a run they should have made is missing; and is for the secretariat only", () => {
    const { runtime, clock } = testRuntime({ now: "2026-11-25T09:00:00+09:00" });
    deployed(runtime, SECOND);
    const unseen = byItem(selfTest(runtime, { testMail: false }, SECOND).checks);
    for (const item of [ITEMS.edit, ITEMS.change, ITEMS.monthly]) {
      expect(unseen[item], item).toMatchObject({
        result: "未確認",
        detail: `${SECRETARIAT} のアカウントのトリガーとして記録されています。Apps Script は、トリガーを作ったアカウントにしかそのトリガーを見せないため（ScriptApp.getProjectTriggers）、このアカウントからは実在を確認できません。`,
        action: `${SECRETARIAT} のアカウントで「動作確認」を実行してください。`,
      });
    }
    // 送信日 (the 1st, 9 時) has passed and the monthly run left no record: its trigger did not fire.
    clock.set(Date.parse("2026-12-01T13:00:00+09:00"));
    expect(byItem(selfTest(runtime, { testMail: false }, SECOND).checks)[ITEMS.monthly]).toMatchObject({
      result: "要対応", detail: expect.stringContaining("令和8年12月1日 9:00の自動送信が動いた記録がありません"),
    });
    const refused = runtime.run("checkDeployment", [{ testMail: false }], { user: "tanaka@city.example" });
    expect(refused.result).toMatchObject({ ok: false, reason: "forbidden" });
  });

  // G-web: the web app runs as the account that deployed it; a menu run is not told which one that is.
  it("opens the spreadsheet by its stored ID as the web app does, and knows the web app did so only once it has opened it (for a mail's link, or at its bare /exec URL)", async () => {
    const { runtime, outbox: dir } = testRuntime({ now: "2026-12-01T09:00:00+09:00" });
    deployed(runtime);
    const before = byItem(selfTest(runtime).checks)[ITEMS.openById];
    expect(before).toMatchObject({ result: "未確認", action: expect.stringContaining("ブラウザで一度開いてから、もう一度「動作確認」を実行してください") });
    expect(before.detail).toContain(`このアカウント（${SECRETARIAT}）では ID で開けました`);
    expect(before.detail).toContain("それがどのアカウントかを Apps Script は知らせず");
    fireMonthlyRun(runtime);
    const link = linkIn((await outbox(dir))[0].text);
    const visit = runtime.webRequest({ method: "GET", query: new URL(link).search.slice(1), visitor: "", deployer: "webapp.owner@city.example" });
    expect(visit.ok, visit.error?.message).toBe(true);
    expect(byItem(selfTest(runtime).checks)[ITEMS.openById]).toMatchObject({ result: "OK", detail: expect.stringContaining("ウェブアプリも webapp.owner@city.example として") });
    // The bare /exec URL, opened by the secretariat right after deploying, is such a visit too.
    const bare = runtime.webRequest({ method: "GET", query: "", visitor: SECRETARIAT, deployer: SECRETARIAT });
    expect(bare.ok, bare.error?.message).toBe(true);
    expect((bare.result as { getContent(): string }).getContent()).toContain("ウェブアプリはスプレッドシートを開けました");
    expect(byItem(selfTest(runtime).checks)[ITEMS.openById].detail).toContain(`ウェブアプリも ${SECRETARIAT} として`);
    // An ID that opens nothing (a copy's, a deleted book's): what the web app would meet.
    runtime.state.scriptProperties["platina.spreadsheetId"] = "1NoSuchSpreadsheet";
    expect(byItem(selfTest(runtime).checks)[ITEMS.openById]).toMatchObject({ result: "要対応", detail: expect.stringContaining("保存された ID でスプレッドシートを開けませんでした") });
  });

  it("finds a spreadsheet whose time zone is not Tokyo's and says where to change it", () => {
    const { runtime } = testRuntime({ timeZone: "America/New_York", setUp: true });
    deployWebApp(runtime);
    expect(byItem(selfTest(runtime).checks)[ITEMS.timeZone]).toMatchObject({
      result: "要対応",
      detail: "「America/New_York」です。",
      action: expect.stringContaining("「ファイル」→「設定」の「全般」タブで、「タイムゾーン」を「(GMT+09:00) 東京」にして「設定を保存」"),
    });
  });
});

// R-service: isEnabled() and getUrl() say whether the web app is deployed; the build's deploy.json cannot.
describe("動作確認 in a build made for a deployment (deploy.json)", () => {
  it("asks Apps Script whether the web app is deployed instead of trusting the built-in deployment", async () => {
    const deployment = "AKfycbTestDeployment";
    const html = Object.fromEntries(readdirSync(BUILD_DIR).filter((f) => f.endsWith(".html")).map((f) => [f.slice(0, -5), readFileSync(join(BUILD_DIR, f), "utf8")]));
    const { runtime } = testRuntime({ bundleDir: fixtureBundle(await addonCode({ deploymentId: deployment }), html), setUp: true });
    deployWebApp(runtime);
    runtime.state.webAppUrl = null;
    expect(byItem(selfTest(runtime).checks)[ITEMS.webApp]).toMatchObject({ result: "要対応", detail: expect.stringContaining("ウェブアプリが公開されていません"), action: expect.stringContaining("npm run deploy") });
    runtime.state.webAppUrl = "https://script.google.com/macros/s/head/dev";
    expect(byItem(selfTest(runtime).checks)[ITEMS.webApp]).toMatchObject({ result: "未確認", detail: expect.stringContaining(`https://script.google.com/macros/s/${deployment}/exec`) });
    runtime.state.webAppUrl = `https://script.google.com/macros/s/${deployment}/exec`;
    expect(byItem(selfTest(runtime).checks)[ITEMS.webApp]).toMatchObject({ result: "OK", detail: `公開されています: https://script.google.com/macros/s/${deployment}/exec` });
  });
});
