// Every Apps Script entry point of the add-on, and nothing else. The build turns
// each export into a top-level `function NAME(params)` in build/Code.js with the
// JSDoc written here, so Sheets shows it in autocomplete and menus can call it.
import { fiscalYearLabel, fiscalYearOfDate } from "./core/fiscal-year";
import type { IssueUpdate } from "./core/issue-update";
import { tokenPurpose } from "./core/mailing/token";
import { receiveAnswers, showAnswerForm } from "./features/follow-up/answer-form";
import { installMonthlyTrigger, runContinuation, runMonthly, sendNow, sendPreview } from "./features/follow-up/controls";
import { sendStatus } from "./features/follow-up/status";
import { findProblems, selectProblemCell, showDataCheck } from "./features/data-check";
import { recordSheetEdit } from "./features/edit-log";
import { buildPlatinaReport } from "./features/platina-report";
import { makeProgressReport, openReportSheet, printProgressReport, type ProgressReportOptions } from "./features/progress-report";
import { buildMenu, type MenuFunctionName } from "./features/menu";
import { prepareWorkbook } from "./features/setup";
import { receiveSurvey, showSurveyForm } from "./features/survey/form";
import { continueSurvey, sendSurvey } from "./features/survey/controls";
import { issueHistory, myIssues, saveFromSidebar, showStatusSidebar, sidebarContext } from "./features/status-sidebar";
import { InputError } from "./core/contracts/contract";
import { bureauTable, directionTable, followUpCount, statusTable } from "./core/tables";
import { normalizeText } from "./core/text";
import { parseDateInput } from "./core/tokyo-time";
import { formatWareki } from "./core/wareki";

/** Every menu item calls an entry point of this file: a renamed or missing one fails type checking here. */
export type MenuTargets = EntryPointName<MenuFunctionName>;
type EntryPointName<N extends keyof typeof import("./entry-points")> = N;

/**
 * 継続検討課題（整理区分が空欄または⑦）の進捗分類別・年度別の件数表を返します。
 *
 * @param {A1:M200} issues 「課題」シートの範囲（見出し行を含む）。例: 課題!A:M
 * @param {"R7"} years 省略可。集計する年度（1セル、または横・縦に並んだセル）。指定した順に列を作ります。
 * @return 進捗分類（完了・実施中・検討中）× 年度の件数表
 * @customfunction
 */
export function PLATINA_STATUS_TABLE(issues: unknown, years?: unknown) {
  return statusTable(issues, years);
}

/**
 * 市政変革推進室が進捗を確認する課題（継続検討課題のうち完了していないもの）の件数を返します。
 *
 * @param {A1:M200} issues 「課題」シートの範囲（見出し行を含む）。例: 課題!A:M
 * @return 完了していない継続検討課題の件数
 * @customfunction
 */
export function PLATINA_FOLLOWUP_COUNT(issues: unknown) {
  return followUpCount(issues);
}

/**
 * 整理区分（①〜⑦）別・区分（ユーザー／職員）別の課題件数表を返します。
 *
 * @param {A1:M200} issues 「課題」シートの範囲（見出し行を含む）。例: 課題!A:M
 * @param {"R7"} year 省略可。集計する年度。
 * @return 整理区分 × 区分の件数表
 * @customfunction
 */
export function PLATINA_DIRECTION_TABLE(issues: unknown, year?: unknown) {
  return directionTable(issues, year);
}

/**
 * 局区別の自主改革の取組件数表（合計つき）を返します。
 *
 * @param {A1:F500} reforms 「局区改革」シートの範囲（見出し行を含む）。例: 局区改革!A:F
 * @param {A1:C30} bureaus 省略可。「局区」シートの範囲（見出し行を含む）。この順に並べ、件数0の局区も表示します。
 * @param {"R7"} year 省略可。集計する年度。
 * @return 局区名と取組件数の表
 * @customfunction
 */
export function PLATINA_BUREAU_TABLE(reforms: unknown, bureaus?: unknown, year?: unknown) {
  return bureauTable(reforms, bureaus, year);
}

/**
 * 日付が属する年度（4月始まり）を令和の「R8」形式で返します。
 *
 * @param {"2026/5/26"} date 日付
 * @return 年度（例: R8）
 * @customfunction
 */
export function PLATINA_FISCAL_YEAR(date: unknown) {
  return fiscalYearLabel(fiscalYearOfDate(requireDate(date)));
}

/**
 * 日付を和暦（例: 令和8年5月26日）で返します。
 *
 * @param {"2026/5/26"} date 日付
 * @return 和暦の日付
 * @customfunction
 */
export function PLATINA_WAREKI(date: unknown) {
  return formatWareki(requireDate(date));
}

/**
 * スプレッドシートを開いたときに「プラチナ」メニューを作ります（シンプルトリガー）。
 *
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e 開いたときのイベント
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen) {
  buildMenu(e);
}

/**
 * アドオンをインストールしたときにメニューを作ります。
 *
 * @param {GoogleAppsScript.Events.AddonOnInstall} e インストール時のイベント
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall) {
  buildMenu(e);
}

/**
 * メニュー「状況を入力」: 担当課題の進捗を入力するサイドバーを開きます。
 */
export function openStatusSidebar() {
  showStatusSidebar();
}

/**
 * メニュー「データ点検」: 入力の誤りをセル番地つきで一覧表示します。
 *
 * @return 見つかった問題（シート・セル・値・内容）
 */
export function checkData() {
  return showDataCheck();
}

/**
 * データ点検の結果を配列で返します（ダイアログなし。CLI やテスト向け）。
 *
 * @return 見つかった問題
 */
export function listDataProblems() {
  return findProblems();
}

/**
 * メニュー「初期設定」: 足りないシート・見出し・選択肢・保護・トリガーを作ります。何度実行してもデータは変わりません。
 *
 * @return 行った変更の一覧（変更がなければ空）
 */
export function setupWorkbook() {
  return prepareWorkbook();
}

/**
 * インストール型の編集トリガー: 課題シートの直接編集を履歴に記録し、更新日時を付け、新しい行に ID を振ります。
 *
 * @param {GoogleAppsScript.Events.SheetsOnEdit} e 編集イベント
 */
export function onIssueEdit(e: GoogleAppsScript.Events.SheetsOnEdit) {
  recordSheetEdit(e);
}

/**
 * サイドバー用: ログイン中の利用者と役割、進捗分類の選択肢を返します。
 *
 * @return 利用者・役割・担当局区・進捗分類
 */
export function getSidebarContext() {
  return sidebarContext();
}

/**
 * サイドバー・回答フォーム用: ログイン中の利用者が更新できる課題の一覧を返します。
 *
 * @return 課題（見出し名をキーとするオブジェクト。日付は ISO 文字列）の配列
 */
export function getMyIssues() {
  return myIssues();
}

/**
 * サイドバー用: 課題の最近の変更履歴（新しい順、最大10件）を返します。
 *
 * @param {string} id 課題の ID
 * @return 変更履歴
 */
export function getIssueHistory(id: string) {
  return issueHistory(id);
}

/**
 * サイドバー用: 課題の進捗分類・実施時期・進捗メモを保存します（競合があれば保存しません）。
 *
 * @param {Object} update {id, expected, changes}
 * @return {ok: true, issue} または {ok: false, reason, message, current}
 */
export function saveIssueUpdate(update: IssueUpdate) {
  return saveFromSidebar(update);
}

/**
 * データ点検のリンク先: 指定したセルを選択します。
 *
 * @param {string} sheetName シート名
 * @param {string} a1 セル番地（例: H12）
 */
export function selectCell(sheetName: string, a1: string) {
  selectProblemCell(sheetName, a1);
}

/**
 * 毎月の時間主導型トリガー: 今月の進捗確認メール（担当者ごとに1通）を送ります。送信済みの宛先には送りません。
 *
 * @param {GoogleAppsScript.Events.TimeDriven} e トリガーのイベント
 * @return 送信結果
 */
export function runMonthlyFollowUp(e?: GoogleAppsScript.Events.TimeDriven) {
  void e;
  return runMonthly();
}

/**
 * 一回限りのトリガー: 中断した送信の続き、再依頼、回答期限後のまとめを送ります。
 *
 * @param {GoogleAppsScript.Events.TimeDriven} e トリガーのイベント
 * @return 送信結果
 */
export function continueFollowUp(e?: GoogleAppsScript.Events.TimeDriven) {
  void e;
  return runContinuation();
}

/**
 * メニュー「自動送信を設定」: 設定シートの送信日・送信時刻に毎月送るトリガーを1つだけ作ります（再実行で置き換え）。
 *
 * @return 次回の実行日時
 */
export function installFollowUpTrigger() {
  return installMonthlyTrigger();
}

/**
 * メニュー「今すぐ送信」: 件数を確認してから、今月まだ送っていない担当者に進捗確認メールを送ります。
 *
 * @return 送信結果、または {ok: false, reason, message}（件数の確認で取り消したとき reason は "cancelled"、別の送信処理が実行中のとき "busy"）
 */
export function sendFollowUpNow() {
  return sendNow();
}

/**
 * メニュー「テスト送信」: 指定した担当者宛てのメールを、テストとして自分に送ります（送信記録には残りません）。
 *
 * @param {string} ownerEmail 省略可。試す担当者のメールアドレス
 * @return {ok: true, to, owner, subject}、または入力を取り消したとき {ok: false, reason: "cancelled", message}
 */
export function sendFollowUpPreview(ownerEmail?: string) {
  return sendPreview(ownerEmail);
}

/**
 * メニュー「送信状況」: 今回のサイクルの送信・回答・失敗と、前回・次回の自動実行を表示します。
 *
 * @return 送信状況
 */
export function showFollowUpStatus() {
  return sendStatus();
}

/**
 * メニュー「各局区への取組照会」: 各局区の代表メールに、その年度の自主改革の取組の回答を依頼するメール（個人用リンクつき）を送ります。送信済みの宛先には送らず、回答期限の前に再依頼、期限後に市政変革推進室へ回答状況のまとめを送ります。市政変革推進室のみ実行できます。
 *
 * @param {Object} options 省略可。{year: "R8"}（既定は今年度）
 * @return 送信結果、または {ok: false, reason, message}（件数の確認で取り消したとき reason は "cancelled"、別の送信処理が実行中のとき "busy"）
 */
export function sendBureauSurvey(options?: { year?: string }) {
  return sendSurvey(options);
}

/**
 * 一回限りのトリガー: 取組照会の中断した送信の続き、再依頼、回答期限後のまとめを送ります。
 *
 * @param {GoogleAppsScript.Events.TimeDriven} e トリガーのイベント
 * @return 送信結果（照会中の年度がなければ null）
 */
export function continueBureauSurvey(e?: GoogleAppsScript.Events.TimeDriven) {
  void e;
  return continueSurvey();
}

/**
 * ウェブアプリ: メールの個人用リンクから開くフォームを表示します（リンクの用途により、進捗確認の回答フォームか局区の取組照会のフォーム）。
 *
 * @param {GoogleAppsScript.Events.DoGet} e リクエスト
 * @return フォームのページ
 */
export function doGet(e: GoogleAppsScript.Events.DoGet) {
  return tokenPurpose(e.parameter?.t) === "survey" ? showSurveyForm(e) : showAnswerForm(e);
}

/**
 * ウェブアプリ: フォームの送信を受け付け、課題または局区改革を更新して受付内容を表示します。
 *
 * @param {GoogleAppsScript.Events.DoPost} e リクエスト
 * @return 受付内容のページ
 */
export function doPost(e: GoogleAppsScript.Events.DoPost) {
  return tokenPurpose(e.parameter?.t) === "survey" ? receiveSurvey(e) : receiveAnswers(e);
}

/**
 * メニュー「進捗報告を作成」: 基準日時点の進捗報告シート「報告_YYYY-MM-DD」を作ります（過去の日付は履歴から戻して集計）。引数なしでメニューから実行するとダイアログを開きます。
 *
 * @param {Object} options 省略可。{asOf: "2026-05-26", years: ["R6", "R7"], replace: true}（asOf の既定は今日、years の既定はすべての年度。replace で同じ日付の報告を確認なしに置き換え）
 * @return {ok: true, sheetName, status, followUp, …} または {ok: false, reason, message}（ダイアログを開いたときは null）
 */
export function createProgressReport(options?: ProgressReportOptions) {
  return makeProgressReport(options);
}

/**
 * 進捗報告の印刷用ページ（A4 横）を開きます。報告シートと同じ表を、基準日時点に戻して作ります。
 *
 * @param {string} asOf 基準日（例: 2026-05-26）
 * @param {string[]} years 省略可。対象年度（例: ["R6", "R7"]）
 * @return 印刷用ページの HTML
 */
export function showProgressReportPrint(asOf: string, years?: string[]) {
  return printProgressReport(asOf, years);
}

/**
 * 進捗報告ダイアログの「開く」: 基準日の報告シート「報告_YYYY-MM-DD」を表示します。
 *
 * @param {string} asOf 基準日（例: 2026-05-26）
 * @return {ok: true, sheetName} または {ok: false, reason: "missing", message}
 */
export function openProgressReportSheet(asOf: string) {
  return openReportSheet(asOf);
}

/**
 * メニュー「プラチナレポートを作成」: 好事例にチェックのある局区改革を、市ホームページ掲載用の HTML にします。メニューからはプレビューとダウンロードのダイアログを開きます。
 *
 * @param {Object} options 省略可。{year: "R7"}（既定は局区改革の最新の年度）
 * @return {year, fileName: "platina-report-R7.html", html}
 */
export function createPlatinaReport(options?: { year?: string }) {
  return buildPlatinaReport(options);
}

function requireDate(value: unknown): Date {
  const date = parseDateInput(value);
  if (!date) throw new InputError(`日付「${normalizeText(value)}」を解釈できません。日付のセルか「2026/5/26」の形で指定してください。`);
  return date;
}
