// 動作確認 in the local runtime (the same checks the secretariat runs in Sheets
// after npm run deploy): every check passes on a set-up workbook, and each kind
// of broken deployment shows up in the 動作確認 sheet with what to do.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Runtime } from "../../src/local/runtime/runtime";
import { answeringUi, outbox, prepareFollowUp, WEB_APP } from "../support/follow-up";
import { SECRETARIAT, addSecretariat, sheetRecords } from "../support/issues";
import { testRuntime } from "../support/runtime";

/** The web-app deployment the build links to (deploy.json), if any. */
const DEPLOYMENT = (JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "deploy.json"), "utf8")) as { webAppDeploymentId: string | null }).webAppDeploymentId;

interface Check {
  item: string;
  result: string;
  detail: string;
  action: string;
}

function selfTest(runtime: Runtime, options: Record<string, unknown> = { testMail: false }, user = SECRETARIAT) {
  const execution = runtime.run("checkDeployment", [options], { user });
  expect(execution.ok, execution.error?.message).toBe(true);
  return execution.result as { ok: boolean; checks: Check[]; message?: string };
}

/** 初期設定, the web app deployed (/exec) and the monthly trigger installed, by the secretariat (`also` added to 事務局メール). */
const deployed = (runtime: Runtime, also = "") => {
  prepareFollowUp(runtime);
  if (also) addSecretariat(runtime, also);
  runtime.state.webAppUrl = WEB_APP.replace(/\/exec$/, "/macros/s/abc/exec");
  expect(runtime.run("installFollowUpTrigger", [], { user: SECRETARIAT }).ok).toBe(true);
};

describe("動作確認", () => {
  it("passes every check of a set-up deployment, writes them to its sheet, and mails the caller when asked", async () => {
    const { runtime, outbox: dir } = testRuntime();
    deployed(runtime);
    const { ui, shown } = answeringUi("YES");
    const execution = runtime.run("checkDeployment", [], { user: SECRETARIAT, ui });
    expect(execution.ok, execution.error?.message).toBe(true);
    const result = execution.result as { ok: boolean; checks: Check[] };
    expect(result.checks.filter((c) => c.result !== "OK")).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.checks.map((c) => c.item)).toEqual(expect.arrayContaining([
      "シート「課題」と見出し", "保存されたスプレッドシートの ID（回答フォームが開くブック）", "書き込みのロック（スクリプトロック）",
      "シートの直接編集を記録するトリガーと所有者", "毎月の自動送信のトリガーと所有者", "ウェブアプリ（回答フォーム）の URL", "回答フォームのページ（進捗確認・取組照会）",
      "本日の残りメール送信数", "確認のメール送信",
    ]));
    expect(shown.at(-1)?.text).toContain("すべて確認できました");
    const sheet = sheetRecords(runtime, "動作確認");
    expect(sheet[0]).toMatchObject({ 確認項目: "実行日時・実行者", 結果: "OK", 詳細: expect.stringContaining(`（${SECRETARIAT}）: すべて確認できました`) });
    expect(sheet.slice(1).map((r) => [r.確認項目, r.結果])).toEqual(result.checks.map((c) => [c.item, "OK"]));
    expect((await outbox(dir)).map((m) => [m.to[0], m.subject])).toEqual([[SECRETARIAT, "【動作確認】プラチナ市役所プロジェクト 進捗管理アドオン"]]);
  });

  it("says what to do for a missing header, a lost spreadsheet ID, an editor-only URL and no monthly trigger", () => {
    const { runtime } = testRuntime();
    prepareFollowUp(runtime);
    runtime.state.webAppUrl = "https://script.google.com/macros/s/abc/dev";
    delete runtime.state.scriptProperties["platina.spreadsheetId"];
    const issues = runtime.model.getSheetByName("課題")!;
    const header = issues.getValues({ row: 0, column: 0, numRows: 1, numColumns: issues.getLastColumn() })[0];
    issues.setCells(0, header.indexOf("進捗メモ"), [[{ kind: "value", value: "メモ" }]]);
    const result = selfTest(runtime);
    expect(result.ok).toBe(false);
    const byItem = Object.fromEntries(result.checks.map((c) => [c.item, c]));
    expect(byItem["シート「課題」と見出し"]).toMatchObject({ result: "要対応", detail: expect.stringContaining("「進捗メモ」がありません") });
    expect(byItem["保存されたスプレッドシートの ID（回答フォームが開くブック）"]).toMatchObject({ result: "要対応", action: expect.stringContaining("初期設定") });
    // A build that knows the deployment (deploy.json) links to its /exec URL whatever getUrl() says.
    expect(byItem["ウェブアプリ（回答フォーム）の URL"]).toMatchObject(DEPLOYMENT
      ? { result: "OK", detail: `https://script.google.com/macros/s/${DEPLOYMENT}/exec` }
      : { result: "要対応", action: expect.stringContaining("npm run deploy") });
    expect(byItem["毎月の自動送信のトリガーと所有者"]).toMatchObject({ result: "注意", action: expect.stringContaining("自動送信を設定") });
    // The sheet holds the same findings, with what to do, under its headers.
    const rows = sheetRecords(runtime, "動作確認");
    const failing = DEPLOYMENT ? 2 : 3;
    expect(rows[0]).toMatchObject({ 結果: "要対応", 詳細: expect.stringContaining(`要対応 ${failing}件`) });
    expect(rows.slice(1).filter((r) => r.結果 === "要対応").map((r) => r.対処)).toEqual(result.checks.filter((c) => c.result === "要対応").map((c) => c.action));
  });

  it("names the owner of triggers another account installed, and is for the secretariat only", () => {
    const { runtime } = testRuntime();
    const other = "kikaku@city.example";
    deployed(runtime, other);
    const result = selfTest(runtime, { testMail: false }, other);
    expect(result.checks.find((c) => c.item === "シートの直接編集を記録するトリガーと所有者")).toMatchObject({ result: "OK", detail: expect.stringContaining(`${SECRETARIAT} のアカウントのトリガー`) });
    const refused = runtime.run("checkDeployment", [{ testMail: false }], { user: "tanaka@city.example" });
    expect(refused.result).toMatchObject({ ok: false, reason: "forbidden" });
  });
});
