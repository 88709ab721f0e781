// 動作確認 (self-test) for the real deployment: after npm run deploy, the
// secretariat runs it in Google Sheets to check what only the deployment can
// show — the sheets, the stored spreadsheet ID (opened as the web app opens it)
// and key, the time zone, the lock, the triggers and their owners, the web app's
// service, /exec URL and page, the mail quota — and a test mail to themselves.
// Where Apps Script gives this run no way to see something (another account's
// triggers, the web app's own account), it says so instead of passing it.
// The results go to the 動作確認 sheet with what to do.
import { BUREAUS } from "../core/contracts/bureaus";
import { HISTORY } from "../core/contracts/history";
import { ISSUES } from "../core/contracts/issues";
import { REFORMS } from "../core/contracts/reforms";
import { SETTINGS } from "../core/contracts/settings";
import { QUOTA_RULE } from "../core/mailing/quota";
import { SIGNED_IN_ACCOUNTS_ADVICE } from "../core/mailing/signed-in-accounts";
import type { RunSummary } from "../core/mailing/run-summary";
import { caution, dueMonthlyRun, missedRun, needsAction, ok, selfTestRows, selfTestSummary, unverified, SELF_TEST_HEADERS, SELF_TEST_SHEET, type Check } from "../core/self-test";
import { timeZoneProblem, tokyoClock } from "../core/base/tokyo-time";
import { formatWareki } from "../core/wareki";
import { BusyError, withWriteLock } from "../gas/lock";
import { remainingQuota, sendMail } from "../gas/mail";
import { STATE, readState, type MailingName, type TriggerRecord } from "../gas/script-state";
import { activeUserEmail, effectiveUserEmail } from "../gas/session";
import { loadSettings } from "../gas/settings";
import { page as pageFile, webPage } from "../gas/pages";
import { headerRow, styleHeader } from "../gas/sheet-format";
import { activeSpreadsheetId, lastOpenedById, replaceSheet, sheetNamed, spreadsheet, spreadsheetTimeZone, storedSpreadsheetId, tryOpenStoredId } from "../gas/spreadsheet";
import { storedValue } from "../gas/table";
import { builtWebAppUrl, triggerRecords, triggersFor, webAppService } from "../gas/triggers";
import { confirm, tell, uiOrNull } from "../gas/ui";
import { CHANGE_TRIGGER_HANDLER, EDIT_TRIGGER_HANDLER } from "./setup";
import type { Refusal } from "../core/outcome";

const SETUP = "メニュー「プラチナ → 初期設定」を実行してください。";
const DEPLOY = "docs/deploy.md の「After deploying」に従って npm run deploy でウェブアプリのデプロイを作成してください（deploy.json をコミット）。";
/** The monthly follow-up's handler (features/follow-up/controls), named here so features do not import their subfolders. */
const MONTHLY_HANDLER = "runMonthlyFollowUp";
/** The mailings' one-off continuation handlers (each mailing's file), and whose last run shows that they fired. */
const CONTINUATIONS: Record<string, { name: string; mailing: MailingName }> = {
  continueFollowUp: { name: "進捗確認メールの続き・再依頼・まとめ", mailing: "followUp" },
  continueBureauSurvey: { name: "取組照会の続き・再依頼・まとめ", mailing: "survey" },
  continuePtHoursSummary: { name: "PT活動時間のまとめの続き", mailing: "ptHours" },
};
/** Why another account's triggers cannot be checked from here, in the words 動作確認 uses. */
const OTHERS_UNSEEN = "Apps Script は、トリガーを作ったアカウントにしかそのトリガーを見せないため（ScriptApp.getProjectTriggers）、このアカウントからは実在を確認できません。";

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
    checkOpenById(),
    checkTimeZone(),
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

/**
 * The web app opens the spreadsheet by the stored ID, as the account that deployed
 * it (G-web, "execute as me"). This run opens it the same way as itself; who the
 * deployer is, Apps Script does not tell a menu run — only the web app's own visits
 * can, and each one notes that it opened the spreadsheet and as whom.
 */
function checkOpenById(): Check {
  const item = "ウェブアプリからのブックの読み込み（保存された ID で開く）";
  const me = effectiveUserEmail();
  if (!storedSpreadsheetId()) return unverified(item, "ID が保存されていないため、確かめられません。", SETUP);
  const opened = tryOpenStoredId();
  if (!opened.ok) {
    return needsAction(item, `保存された ID でスプレッドシートを開けませんでした: ${opened.error}`, `このスプレッドシートで${SETUP}`);
  }
  const seen = lastOpenedById();
  const here = `このアカウント（${me}）では ID で開けました（${opened.name}）。`;
  if (seen) return ok(item, `${here}ウェブアプリも ${seen.by || "デプロイしたアカウント"} として${when(seen.at)}に ID で開いています。`);
  return unverified(
    item,
    `${here}ただしウェブアプリは、デプロイしたアカウントの権限で動きます。メニューから動く動作確認には、それがどのアカウントかを Apps Script は知らせず、ウェブアプリが開いた記録もまだありません。`,
    "ウェブアプリの URL（メールの回答リンク、またはリンクの「?」より前の …/exec）をブラウザで一度開いてから、もう一度「動作確認」を実行してください（開いた記録で確かめます）。",
  );
}

/**
 * The web app opened without a personal link (its bare /exec URL): the web-app side
 * of 動作確認. It opens the spreadsheet by the stored ID, as a form would — which
 * notes it for checkOpenById — and points visitors to their mail's link.
 */
export function showWebAppCheck(): GoogleAppsScript.HTML.HtmlOutput {
  let message = "プラチナ市役所プロジェクトの回答フォームです。ご回答は、メールでお送りした個人用のリンクから開いてください。";
  try {
    spreadsheet();
    message += "（ウェブアプリはスプレッドシートを開けました。）";
  } catch (error) {
    message += `（ウェブアプリがスプレッドシートを開けませんでした: ${(error as Error)?.message ?? error} 市政変革推進室にお知らせください。）`;
  }
  return webPage("answer", { view: "error", message, advice: SIGNED_IN_ACCOUNTS_ADVICE }, "回答フォーム｜プラチナ市役所プロジェクト");
}

function checkTimeZone(): Check {
  const item = "スプレッドシートのタイムゾーン";
  const zone = spreadsheetTimeZone();
  const problem = timeZoneProblem(zone);
  return problem ? needsAction(item, `「${zone}」です。`, problem) : ok(item, `${zone}（日本時間）です。`);
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

/** "令和8年12月1日 9:00" */
function when(iso: string): string {
  return `${formatWareki(new Date(iso))} ${tokyoClock(new Date(iso))}`;
}

function lastRunAt(mailing: MailingName): string | null {
  return readState(STATE.lastRun<RunSummary>(mailing))?.at ?? null;
}

/**
 * Each handler's triggers, as far as Apps Script lets this account see them: its
 * own are listed (G-inst), another account's only recorded. For those, a run that
 * was due and left no record is the one sign Apps Script gives that it is gone.
 */
function checkTriggers(): Check[] {
  const me = effectiveUserEmail();
  const records = triggerRecords();
  const check = (handler: string, item: string, missing: (item: string) => Check, evidence?: (found: TriggerRecord) => Check | null): Check => {
    const found = records[handler];
    const mine = triggersFor(handler).length > 0;
    if (mine) return ok(item, `このアカウント（${me}）のトリガーがあります。`);
    if (!found) return missing(item);
    if (found.owner === me) {
      return needsAction(item, "記録ではこのアカウントのトリガーですが、見つかりません（削除された可能性があります）。", handler === MONTHLY_HANDLER ? "メニュー「プラチナ → 自動送信を設定」を実行してください。" : SETUP);
    }
    const seen = evidence?.(found);
    if (seen) return seen;
    return unverified(item, `${found.owner} のアカウントのトリガーとして記録されています。${OTHERS_UNSEEN}`, `${found.owner} のアカウントで「動作確認」を実行してください。`);
  };
  const { settings } = loadSettings();
  const checks = [
    check(EDIT_TRIGGER_HANDLER, "シートの直接編集を記録するトリガーと所有者", (item) => needsAction(item, "設定されていません。直接編集が履歴に残りません。", `市政変革推進室の共有アカウントで${SETUP}`)),
    check(CHANGE_TRIGGER_HANDLER, "行の削除を記録するトリガーと所有者", (item) => needsAction(item, "設定されていません。課題の行を削除しても履歴に残りません。", `市政変革推進室の共有アカウントで${SETUP}`)),
    check(
      MONTHLY_HANDLER,
      "毎月の自動送信のトリガーと所有者",
      (item) => caution(item, "設定されていません。進捗確認メールは自動では送られません。", "市政変革推進室の共有アカウントで、メニュー「プラチナ → 自動送信を設定」を実行してください。"),
      (found) => {
        const due = dueMonthlyRun(settings.送信日, settings.送信時刻, new Date(found.at), new Date());
        if (!due || !missedRun(due, lastRunAt("followUp"), new Date())) return null;
        return needsAction("毎月の自動送信のトリガーと所有者", `${found.owner} のアカウントのトリガーとして記録されていますが、${when(due.toISOString())}の自動送信が動いた記録がありません（${OTHERS_UNSEEN}）。`, `${found.owner} のアカウントで「動作確認」を実行し、トリガーがなければ「自動送信を設定」を実行してください。`);
      },
    ),
  ];
  // The continuations pending now (a one-off run each), whoever scheduled them.
  for (const [handler, { name, mailing }] of Object.entries(CONTINUATIONS)) {
    const found = records[handler];
    if (!found || found.kind !== "once") continue;
    const item = `予約された実行: ${name}（${when(found.at)}）`;
    checks.push(check(handler, item, (i) => caution(i, "見つかりません。", "「送信状況」を確認してください。"), (record) => {
      if (!missedRun(new Date(record.at), lastRunAt(mailing), new Date())) return null;
      return needsAction(item, `${record.owner} のアカウントの予約ですが、予定時刻を過ぎても実行された記録がありません（${OTHERS_UNSEEN}）。`, `${record.owner} のアカウントで「動作確認」を実行するか、「今すぐ送信」で続きを送信してください。`);
    }));
  }
  return checks;
}

/** The web app as Apps Script reports it (R-service: isEnabled, getUrl), not as the build assumes. */
function checkWebApp(): Check[] {
  const item = "ウェブアプリ（回答フォーム）の公開と URL";
  const service = webAppService();
  const built = builtWebAppUrl();
  let urlCheck: Check;
  if (!service.enabled || !service.url) {
    urlCheck = needsAction(item, "ウェブアプリが公開されていません（Apps Script がウェブアプリを無効と答えました）。メールの回答リンクが開けません。", DEPLOY);
  } else if (/\/exec$/.test(service.url)) {
    urlCheck = ok(item, `公開されています: ${service.url}`);
  } else if (built) {
    urlCheck = unverified(
      item,
      `Apps Script が答えた URL は編集者だけが開けるテスト用の ${service.url} です。メールのリンクはビルド時の deploy.json のデプロイ（${built}）を使いますが、その URL が公開されているかは Apps Script から確かめられません。`,
      "メールの回答リンクを一度開いて確かめるか、もう一度 npm run deploy を実行してください。",
    );
  } else {
    urlCheck = needsAction(item, `${service.url} は編集者だけが開けるテスト用の URL です。メールのリンクを担当者が開けません。`, DEPLOY);
  }
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

/** What is left today, as MailApp counts it (recipients); the digest counts once per 事務局メール address. */
function checkQuota(): Check {
  const item = "残りのメール送信数（宛先の数）";
  const left = remainingQuota();
  const secretariat = loadSettings().settings.事務局メール.length;
  const digest = secretariat > 0 ? `回答状況のまとめは事務局メールの${secretariat}件の宛先すべてに送るため、${secretariat}件と数えます。` : "";
  const detail = `${left}件です。${digest}${QUOTA_RULE}`;
  if (left < Math.max(1, secretariat)) return needsAction(item, detail, "上限が戻るまでお待ちください（送信は上限が戻る時刻に自動で続きます）。");
  if (left < 50) return caution(item, detail, "大量の送信は上限が戻ってから続きます。急ぐ場合は送信先を確認してください。");
  return ok(item, detail);
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
