// 動作確認 (self-test) for the real deployment: after npm run deploy, the
// secretariat runs it in Google Sheets to check what only the deployment can
// show — the sheets, the stored spreadsheet ID and key, the lock, the triggers
// and their owner, the web app's /exec URL and page, the mail quota — and a test
// mail to themselves. The results go to the 動作確認 sheet with what to do.
import { BUREAUS } from "../core/contracts/bureaus";
import { HISTORY } from "../core/contracts/history";
import { ISSUES } from "../core/contracts/issues";
import { REFORMS } from "../core/contracts/reforms";
import { SETTINGS } from "../core/contracts/settings";
import { caution, needsAction, ok, selfTestRows, selfTestSummary, SELF_TEST_HEADERS, SELF_TEST_SHEET, type Check } from "../core/self-test";
import { tokyoClock } from "../core/base/tokyo-time";
import { formatWareki } from "../core/wareki";
import { BusyError, withWriteLock } from "../gas/lock";
import { remainingQuota, sendMail } from "../gas/mail";
import { STATE, readState } from "../gas/script-state";
import { activeUserEmail, effectiveUserEmail } from "../gas/session";
import { loadSettings } from "../gas/settings";
import { page as pageFile } from "../gas/pages";
import { headerRow, styleHeader } from "../gas/sheet-format";
import { activeSpreadsheetId, replaceSheet, sheetNamed, storedSpreadsheetId } from "../gas/spreadsheet";
import { storedValue } from "../gas/table";
import { triggerRecords, triggersFor, webAppUrl } from "../gas/triggers";
import { confirm, tell, uiOrNull } from "../gas/ui";
import { EDIT_TRIGGER_HANDLER } from "./setup";
import type { Refusal } from "../core/outcome";

const SETUP = "メニュー「プラチナ → 初期設定」を実行してください。";
/** The monthly follow-up's handler (features/follow-up/controls), named here so features do not import their subfolders. */
const MONTHLY_HANDLER = "runMonthlyFollowUp";

export interface SelfTestOptions {
  /** Send a test mail to the person running it (the menu asks). */
  testMail?: boolean;
}

export type SelfTestResult = { ok: boolean; checks: Check[] } | Refusal<"forbidden">;

export function runSelfTest(options: SelfTestOptions = {}): SelfTestResult {
  const ui = uiOrNull();
  const wantsMail = options.testMail ?? (ui ? confirm(ui, "動作確認", "確認のメールを、実行しているあなたのアドレスに1通送りますか？") : false);
  const checks: Check[] = [
    ...[ISSUES, REFORMS, BUREAUS, HISTORY, SETTINGS].map((contract: { name: string; headers: readonly string[] }) => checkSheet(contract)),
    checkSpreadsheetId(),
    checkLinkKey(),
    checkLock(),
    ...checkTriggers(),
    ...checkWebApp(),
    checkQuota(),
    ...(wantsMail ? [checkTestMail()] : []),
  ];
  withWriteLock(() => writeResults(checks));
  tell("動作確認", selfTestSummary(checks));
  return { ok: checks.every((c) => c.result !== "要対応"), checks };
}

function checkSheet(contract: { name: string; headers: readonly string[] }): Check {
  const item = `シート「${contract.name}」と見出し`;
  const sheet = sheetNamed(contract.name);
  if (!sheet) return needsAction(item, "シートがありません。", SETUP);
  const present = headerRow(sheet);
  const missing = contract.headers.filter((h) => !present.includes(h));
  if (missing.length > 0) return needsAction(item, `見出し${missing.map((h) => `「${h}」`).join("")}がありません（1行目: ${present.join("・")}）。`, `見出しを戻すか、${SETUP}`);
  return ok(item, `${contract.headers.length}列の見出しがそろっています。`);
}

function checkSpreadsheetId(): Check {
  const item = "保存されたスプレッドシートの ID（回答フォームが開くブック）";
  const stored = storedSpreadsheetId();
  const active = activeSpreadsheetId();
  if (!stored) return needsAction(item, "ID が保存されていません。回答フォームがブックを開けません。", SETUP);
  if (active && stored !== active) {
    return needsAction(item, `保存された ID（${stored}）がこのスプレッドシート（${active}）と異なります。コピーしたスプレッドシートでは、回答が元のブックに書き込まれます。`, SETUP);
  }
  return ok(item, stored);
}

function checkLinkKey(): Check {
  const item = "回答リンクの署名用の鍵（スクリプトプロパティ）";
  return readState(STATE.linkSecret) ? ok(item, "作成済みです。") : needsAction(item, "鍵がありません。メールの回答リンクを作れません。", SETUP);
}

function checkLock(): Check {
  const item = "書き込みのロック（スクリプトロック）";
  try {
    withWriteLock(() => undefined, 10_000);
    return ok(item, "取得して解放できました。");
  } catch (error) {
    if (!(error instanceof BusyError)) throw error;
    return caution(item, "10秒待っても取得できませんでした（送信や保存の処理中の可能性があります）。", "数分後にもう一度「動作確認」を実行してください。続く場合は Apps Script の「実行数」で長く動いている処理を確認してください。");
  }
}

function checkTriggers(): Check[] {
  const me = effectiveUserEmail();
  const records = triggerRecords();
  const check = (handler: string, item: string, missing: (item: string) => Check): Check => {
    const found = records[handler];
    if (!found) return missing(item);
    if (found.owner !== me) {
      return ok(item, `${found.owner} のアカウントのトリガーです（このアカウントからは見えないため、${found.owner} で「動作確認」を実行すると実在を確認できます）。`);
    }
    if (triggersFor(handler).length === 0) {
      return needsAction(item, "記録ではこのアカウントのトリガーですが、見つかりません（削除された可能性があります）。", handler === EDIT_TRIGGER_HANDLER ? SETUP : "メニュー「プラチナ → 自動送信を設定」を実行してください。");
    }
    return ok(item, `このアカウント（${found.owner}）のトリガーがあります。`);
  };
  return [
    check(EDIT_TRIGGER_HANDLER, "シートの直接編集を記録するトリガーと所有者", (item) => needsAction(item, "設定されていません。直接編集が履歴に残りません。", `市政変革推進室の共有アカウントで${SETUP}`)),
    check(MONTHLY_HANDLER, "毎月の自動送信のトリガーと所有者", (item) => caution(item, "設定されていません。進捗確認メールは自動では送られません。", "市政変革推進室の共有アカウントで、メニュー「プラチナ → 自動送信を設定」を実行してください。")),
  ];
}

function checkWebApp(): Check[] {
  const item = "ウェブアプリ（回答フォーム）の URL";
  let url: string;
  try {
    url = webAppUrl();
  } catch (error) {
    return [needsAction(item, (error as Error).message, "docs/deploy.md の「After deploying」に従って npm run deploy を実行してください。")];
  }
  const urlCheck = /\/exec$/.test(url)
    ? ok(item, url)
    : needsAction(item, `${url} は編集者だけが開けるテスト用の URL です。メールのリンクを担当者が開けません。`, "npm run deploy でウェブアプリのデプロイを作成してください（deploy.json をコミット）。");
  // The pages the links open were pushed with the code (npm run deploy pushes build/*.html).
  const page = "回答フォームのページ（進捗確認・取組照会）";
  let pageCheck: Check;
  try {
    const missing = (["answer", "survey"] as const).filter((name) => !pageFile(name).getContent().includes("submitAnswerForm"));
    pageCheck = missing.length === 0
      ? ok(page, "2つのページがあり、回答は google.script.run で送信されます。")
      : needsAction(page, `ページ ${missing.join("・")} の内容が古いか異なります。`, "npm run deploy でもう一度 push してください。");
  } catch (error) {
    pageCheck = needsAction(page, `ページを読み込めません: ${(error as Error).message}`, "npm run deploy でもう一度 push してください。");
  }
  return [urlCheck, pageCheck];
}

function checkQuota(): Check {
  const item = "本日の残りメール送信数";
  const left = remainingQuota();
  if (left < 1) return needsAction(item, "0通です。今日はメールを送れません。", "翌日に送信してください（送信は翌日の送信時刻に自動で続きます）。");
  if (left < 50) return caution(item, `${left}通です。`, "大量の送信は翌日に続きます。急ぐ場合は送信先を確認してください。");
  return ok(item, `${left}通です。`);
}

function checkTestMail(): Check {
  const item = "確認のメール送信";
  const to = activeUserEmail();
  if (!to) return caution(item, "実行しているアカウントのアドレスを確認できません。", "市政変革推進室のアカウントで実行してください。");
  try {
    const { settings } = loadSettings();
    sendMail({
      to,
      subject: "【動作確認】プラチナ市役所プロジェクト 進捗管理アドオン",
      body: `動作確認のメールです。${formatWareki(new Date())}に送信しました。このメールへの返信は不要です。\n\n市政変革推進室`,
      htmlBody: `<p>動作確認のメールです。${formatWareki(new Date())}に送信しました。このメールへの返信は不要です。</p><p>市政変革推進室</p>`,
      name: settings.差出人名,
    });
    return ok(item, `${to} に送信しました。届いたことを確認してください。`);
  } catch (error) {
    return needsAction(item, `送信できませんでした: ${(error as Error).message}`, "メール送信の権限（初回の承認）と送信数の上限を確認してください。");
  }
}

/** The 動作確認 sheet, replaced as a whole: the run's time, the headers, one row per check. */
function writeResults(checks: Check[]): void {
  const now = new Date();
  const rows = selfTestRows(checks, `${formatWareki(now)} ${tokyoClock(now)}`, activeUserEmail());
  const sheet = replaceSheet(SELF_TEST_SHEET);
  sheet.getRange(1, 1, rows.length, SELF_TEST_HEADERS.length).setValues(rows.map((row) => row.map(storedValue)));
  styleHeader(sheet, SELF_TEST_HEADERS.length);
  sheet.setFrozenRows(1);
}
