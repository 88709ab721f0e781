// Every Apps Script entry point of the add-on, and nothing else. The build turns
// each export into a top-level `function NAME(params)` in build/Code.js with the
// JSDoc written here, so Sheets shows it in autocomplete and menus can call it.
import { fiscalYearLabel, fiscalYearOfDate } from "./core/base/fiscal-year";
import type { SortingRequest } from "./core/intake";
import type { IssueUpdate } from "./core/issue-update";
import { tokenPurpose } from "./core/mailing/token";
import type { PERMISSIONS } from "./core/permissions";
import { receiveAnswers, showAnswerForm } from "./features/follow-up/answer-form";
import { installMonthlyTrigger, runContinuation, runMonthly, sendNow, sendPreview } from "./features/follow-up/controls";
import { sendStatus } from "./features/follow-up/status";
import { findProblems, selectProblemCell, showDataCheck } from "./features/data-check";
import { recordSheetChange, recordSheetEdit } from "./features/edit-log";
import { guarded } from "./features/guard";
import { buildPlatinaReport } from "./features/platina-report";
import { buildMeetingPack, type MeetingPackOptions } from "./features/meeting-pack";
import { makeProgressReport, openReportSheet, printProgressReport, type ProgressReportOptions } from "./features/progress-report";
import { buildMenu, type MenuFunctionName } from "./features/menu";
import { runSelfTest, showWebAppCheck, type SelfTestOptions } from "./features/self-test";
import { prepareWorkbook } from "./features/setup";
import { transferAddress as replaceAddress, type TransferOptions } from "./features/transfer";
import { continueHoursSummary, sendHoursSummary } from "./features/pt/hours-summary";
import { ptContext, saveActivity, updateStep, updateTeam } from "./features/pt/sidebar";
import { receiveSurvey, showSurveyForm } from "./features/survey/form";
import { continueSurvey, sendSurvey } from "./features/survey/controls";
import { sortFromSidebar, unsortedView } from "./features/intake";
import { issueHistory, myIssues, saveFromSidebar, showStatusSidebar, sidebarContext } from "./features/status-sidebar";
import { InputError } from "./core/contracts/contract";
import type { PtRowUpdate } from "./core/pt/edits";
import { ptProgressTable } from "./core/pt/progress-table";
import type { ActivityInput } from "./core/pt/sidebar-api";
import { bureauTable, directionTable, followUpCount, skippedNote, skippedRows, statusTable } from "./core/tables";
import { overdueCount } from "./core/overdue";
import { resortingTable } from "./core/resorting";
import { yearEndTable } from "./core/year-end";
import { asOfArgument, dayToDate } from "./core/contracts/pt-values";
import { normalizeText } from "./core/base/text";
import { parseDateInput } from "./core/base/tokyo-time";
import { formatWareki } from "./core/wareki";

/** Every menu item calls an entry point of this file: a renamed or missing one fails type checking here. */
export type MenuTargets = EntryPointName<MenuFunctionName>;
type EntryPointName<N extends keyof typeof import("./entry-points")> = N;
/** Every entry point declares who may call it in core/permissions.ts: a new one without a line there fails type checking here. */
export type DeclaredEntryPoints = Declared<keyof typeof import("./entry-points")>;
type Declared<N extends keyof typeof PERMISSIONS> = N;

/**
 * 継続検討課題（整理区分が継続または⑦）の進捗分類別・年度別の件数表を返します。
 *
 * @param {A1:M200} issues 「課題」シートの範囲（見出し行を含む）。例: 課題!A:M
 * @param {"R7"} years 省略可。集計する年度（1セル、または横・縦に並んだセル）。指定した順に列を作ります。
 * @return 進捗分類（完了・実施中・検討中）× 年度の件数表（読み取れない行は数えません。その数と場所は PLATINA_SKIPPED_ROWS）
 * @customfunction
 */
export function PLATINA_STATUS_TABLE(issues: unknown, years?: unknown) {
  return guarded("PLATINA_STATUS_TABLE", () => statusTable(issues, years, []));
}

/**
 * 市政変革推進室が進捗を確認する課題（継続検討課題のうち完了していないもの）の件数を返します。
 *
 * @param {A1:M200} issues 「課題」シートの範囲（見出し行を含む）。例: 課題!A:M
 * @return 完了していない継続検討課題の件数（読み取れない行は数えません。その数と場所は PLATINA_SKIPPED_ROWS）
 * @customfunction
 */
export function PLATINA_FOLLOWUP_COUNT(issues: unknown) {
  return guarded("PLATINA_FOLLOWUP_COUNT", () => followUpCount(issues, []));
}

/**
 * 継続検討課題のうち完了しておらず、実施時期（例: R8年4月本格実施）が基準日より前に終わっている課題の件数を返します。読み取れない実施時期は数えません（データ点検に表示されます）。
 *
 * @param {A1:M200} issues 「課題」シートの範囲（見出し行を含む）。例: 課題!A:M
 * @param {"2026/5/26"} asOf 基準日（日付のセル、または「2026/5/26」）。集計シートでは「基準日」のセル
 * @return 実施時期を過ぎた課題の件数
 * @customfunction
 */
export function PLATINA_OVERDUE_COUNT(issues: unknown, asOf: unknown) {
  return guarded("PLATINA_OVERDUE_COUNT", () => overdueCount(issues, asOf));
}

/**
 * 整理区分（①〜⑦）別・区分（ユーザー／職員）別の課題件数表を返します。
 *
 * @param {A1:M200} issues 「課題」シートの範囲（見出し行を含む）。例: 課題!A:M
 * @param {"R7"} year 省略可。集計する年度。
 * @return 整理区分 × 区分の件数表（読み取れない行は数えません。その数と場所は PLATINA_SKIPPED_ROWS）
 * @customfunction
 */
export function PLATINA_DIRECTION_TABLE(issues: unknown, year?: unknown) {
  return guarded("PLATINA_DIRECTION_TABLE", () => directionTable(issues, year, []));
}

/**
 * 局区別の自主改革の取組件数表（合計つき）を返します。
 *
 * @param {A1:F500} reforms 「局区改革」シートの範囲（見出し行を含む）。例: 局区改革!A:F
 * @param {A1:C30} bureaus 省略可。「局区」シートの範囲（見出し行を含む）。この順に並べ、件数0の局区も表示します。
 * @param {"R7"} year 省略可。集計する年度。
 * @return 局区名と取組件数の表（読み取れない行は数えません。その数と場所は PLATINA_SKIPPED_ROWS）
 * @customfunction
 */
export function PLATINA_BUREAU_TABLE(reforms: unknown, bureaus?: unknown, year?: unknown) {
  return guarded("PLATINA_BUREAU_TABLE", () => bureauTable(reforms, bureaus, year, []));
}

/**
 * 年度末の状況（報告書の「47の課題について、制度所管局としての解決策を検討　対応済(完了) 14件…」）を、基準日までに終わった年度ごとに返します。
 * その年度の課題（継続・⑦・年度内完了）と、前年度末に完了していなかった継続検討課題を、履歴をもとに年度末（3月31日の終わり）の分類に戻して数えます。
 *
 * @param {A1:M200} issues 「課題」シートの範囲（見出し行を含む）。例: 課題!A:Z
 * @param {A1:G5000} history 「履歴」シートの範囲（見出し行を含む）。例: 履歴!A:Z
 * @param {"2026/5/26"} asOf 基準日（日付のセル、または「2026/5/26」）。集計シートでは「基準日」のセル。この日までに終わった年度を表にします
 * @return 年度 × （検討した課題数・うち前年度からの継続・完了・実施中・検討中）の表（読み取れない行は数えません。その場所は PLATINA_SKIPPED_ROWS("PLATINA_STATUS_TABLE", …)）
 * @customfunction
 */
export function PLATINA_YEAR_END_TABLE(issues: unknown, history: unknown, asOf: unknown) {
  return guarded("PLATINA_YEAR_END_TABLE", () => yearEndTable(issues, history, dayToDate(asOfArgument(asOf)), []));
}

/**
 * 年度の課題の再整理状況（報告書の「PTで課題の検討を継続するもの(0件)…所管課において解決策の検討及び実行を行うもの(63件)」）を返します。
 *
 * @param {A1:M200} issues 「課題」シートの範囲（見出し行を含む）。例: 課題!A:Z
 * @param {"R7"} year 省略可。集計する年度（省略するとすべての年度）
 * @return 整理区分・方向性・件数の表（当初の課題件数、①、②、③〜⑤、⑥⑦、うち⑦）
 * @customfunction
 */
export function PLATINA_GROUP_TABLE(issues: unknown, year?: unknown) {
  return guarded("PLATINA_GROUP_TABLE", () => resortingTable(issues, year, []));
}

/**
 * 表が読み取れずに数えなかった行の数と場所を返します（すべて読めたときは空欄）。表と同じ引数を続けて指定します。
 *
 * @param {"PLATINA_DIRECTION_TABLE"} table 表の関数名（PLATINA_STATUS_TABLE・PLATINA_FOLLOWUP_COUNT・PLATINA_DIRECTION_TABLE・PLATINA_BUREAU_TABLE）
 * @param {A1:M200} data 表と同じ1つ目の引数（見出し行を含む範囲）。例: 課題!A:M
 * @param {"R7"} second 省略可。表と同じ2つ目の引数
 * @param {"R7"} third 省略可。表と同じ3つ目の引数
 * @return 例:「読み取れない行が1行あります（課題 12行目 年度「らいねん」）。…」
 * @customfunction
 */
export function PLATINA_SKIPPED_ROWS(table: unknown, data: unknown, second?: unknown, third?: unknown) {
  return guarded("PLATINA_SKIPPED_ROWS", () => skippedNote(skippedRows(table, [data, second, third])));
}

/**
 * 若手職員PTの工程表（チーム × 工程）を返します。各セルは基準日の終わりの時点で「完了」「遅れ」「予定」のいずれかです。基準日の年度の工程だけを表にします。
 *
 * @param {A1:I100} steps 「PT工程」シートの範囲（見出し行を含む）。例: PT工程!A:I
 * @param {"2026/11/25"} asOf 基準日（日付のセル、または「2026/11/25」）。集計シートでは「基準日」のセル（今日の日付は使えません: シートは引数が変わったときだけ再計算します）
 * @return チーム × 工程の表（完了・遅れ・予定）
 * @customfunction
 */
export function PLATINA_PT_TABLE(steps: unknown, asOf: unknown) {
  return guarded("PLATINA_PT_TABLE", () => ptProgressTable(steps, asOf));
}

/**
 * 日付が属する年度（4月始まり）を令和の「R8」形式で返します。
 *
 * @param {"2026/5/26"} date 日付
 * @return 年度（例: R8）
 * @customfunction
 */
export function PLATINA_FISCAL_YEAR(date: unknown) {
  return guarded("PLATINA_FISCAL_YEAR", () => fiscalYearLabel(fiscalYearOfDate(requireDate(date))));
}

/**
 * 日付を和暦（例: 令和8年5月26日）で返します。
 *
 * @param {"2026/5/26"} date 日付
 * @return 和暦の日付
 * @customfunction
 */
export function PLATINA_WAREKI(date: unknown) {
  return guarded("PLATINA_WAREKI", () => formatWareki(requireDate(date)));
}

/**
 * スプレッドシートを開いたときに「プラチナ」メニューを作ります（シンプルトリガー）。
 *
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e 開いたときのイベント
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen) {
  return guarded("onOpen", () => buildMenu(e));
}

/**
 * アドオンをインストールしたときにメニューを作ります。
 *
 * @param {GoogleAppsScript.Events.AddonOnInstall} e インストール時のイベント
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall) {
  return guarded("onInstall", () => buildMenu(e));
}

/**
 * メニュー「状況を入力」: 担当課題の進捗を入力するサイドバーを開きます。
 */
export function openStatusSidebar() {
  return guarded("openStatusSidebar", () => showStatusSidebar());
}

/**
 * メニュー「データ点検」: 入力の誤り（読み取れない実施時期を含む）をセル番地つきで一覧表示し、続けて今日の時点で実施時期を過ぎた継続検討課題と、未整理の課題（整理区分が空欄）を示します。
 *
 * @return 見つかった問題（シート・セル・値・内容）。実施時期を過ぎた課題と未整理の課題はダイアログにだけ表示します
 */
export function checkData() {
  return guarded("checkData", () => showDataCheck());
}

/**
 * データ点検の結果を配列で返します（ダイアログなし。CLI やテスト向け）。
 *
 * @return 見つかった問題
 */
export function listDataProblems() {
  return guarded("listDataProblems", () => findProblems());
}

/**
 * メニュー「初期設定」: 足りないシート・見出し・選択肢・保護・トリガーを作ります。何度実行してもデータは変わりません。
 *
 * @return 行った変更の一覧（変更がなければ空）
 */
export function setupWorkbook() {
  return guarded("setupWorkbook", () => prepareWorkbook());
}

/**
 * メニュー「動作確認」: デプロイ後の実環境で、シートと見出し、保存されたスプレッドシートの ID と鍵、ロック、トリガーとその所有者、ウェブアプリの /exec の URL とページ、残りのメール送信数を確認し、シート「動作確認」に結果と対処を書きます。市政変革推進室のみ実行できます。
 *
 * @param {Object} options 省略可。{testMail: true} で実行した人に確認のメールを1通送ります（メニューからは確認のうえ）
 * @return {ok, checks}（checks は項目・結果・詳細・対処）、または {ok: false, reason: "forbidden", message}
 */
export function checkDeployment(options?: SelfTestOptions) {
  return guarded("checkDeployment", () => runSelfTest(options));
}

/**
 * インストール型の編集トリガー: 課題シートの直接編集を履歴に記録し、更新日時を付け、新しい行に ID を振ります。
 *
 * @param {GoogleAppsScript.Events.SheetsOnEdit} e 編集イベント
 */
export function onIssueEdit(e: GoogleAppsScript.Events.SheetsOnEdit) {
  return guarded("onIssueEdit", () => recordSheetEdit(e), e);
}

/**
 * インストール型の変更トリガー: 課題シートの行の削除を検出し、削除された課題の ID を履歴に記録します。
 *
 * @param {GoogleAppsScript.Events.SheetsOnChange} e 変更イベント（changeType など）
 */
export function onIssueChange(e: GoogleAppsScript.Events.SheetsOnChange) {
  return guarded("onIssueChange", () => recordSheetChange(e), e);
}

/**
 * サイドバー用: ログイン中の利用者と役割、進捗分類の選択肢を返します。
 *
 * @return 利用者・役割・担当局区・進捗分類
 */
export function getSidebarContext() {
  return guarded("getSidebarContext", () => sidebarContext());
}

/**
 * サイドバー・回答フォーム用: ログイン中の利用者が更新できる課題の一覧を返します。
 *
 * @return 課題（見出し名をキーとするオブジェクト。日付は ISO 文字列）の配列
 */
export function getMyIssues() {
  return guarded("getMyIssues", () => myIssues());
}

/**
 * サイドバー用: 課題の最近の変更履歴（新しい順、最大10件）を返します。
 *
 * @param {string} id 課題の ID
 * @return 変更履歴
 */
export function getIssueHistory(id: string) {
  return guarded("getIssueHistory", () => issueHistory(id));
}

/**
 * サイドバー用: 課題の進捗分類・実施時期・進捗メモを保存します（競合があれば保存しません）。
 *
 * @param {Object} update {id, expected, changes}
 * @return {ok: true, issue} または {ok: false, reason, message, current}
 */
export function saveIssueUpdate(update: IssueUpdate) {
  return guarded("saveIssueUpdate", () => saveFromSidebar(update));
}

/**
 * サイドバーの「未整理の課題」用（市政変革推進室のみ）: 整理区分が空欄の課題と、整理区分の選択肢（報告書の文言つき）を返します。
 *
 * @return {issues, choices}
 */
export function getUnsortedIssues() {
  return guarded("getUnsortedIssues", () => unsortedView());
}

/**
 * サイドバーの「未整理の課題」用（市政変革推進室のみ）: 課題の整理区分を決めます。②・③では統合先の課題の ID も記録します（存在しない課題や、それ自体が統合された課題は指定できません）。
 *
 * @param {Object} request {id, 整理区分, 統合先ID, expected}
 * @return {ok: true, issue} または {ok: false, reason, message, field, current}
 */
export function sortIssue(request: SortingRequest) {
  return guarded("sortIssue", () => sortFromSidebar(request));
}

/**
 * サイドバーの「若手職員PT」用: ログイン中の利用者の役割（PTメンバー・事務局・その他）と、見られるチーム（メンバーは自分のチーム、事務局は全チーム）の工程・メンバーの今月の活動時間・最近の活動を返します。
 *
 * @return {user, role, year, today, month, limitHours, kinds, teamStates, teams}
 */
export function getPtContext() {
  return guarded("getPtContext", () => ptContext());
}

/**
 * サイドバーの「若手職員PT」用: PT活動を1件記録します。はみだせサポートの上限（所定労働時間/月の20%）を超えるメンバーがいるときは、confirmOverLimit: true のときだけ保存します。チームのメンバー（選出）と事務局のみ。
 *
 * @param {Object} input {日付, チーム, 種別, 相手先, 内容, 参加者: [メール], 時間, confirmOverLimit}
 * @return {ok: true, message, team} または {ok: false, reason, message, errors, warnings}（上限超過の確認待ちは reason "over_limit"）
 */
export function savePtActivity(input: ActivityInput) {
  return guarded("savePtActivity", () => saveActivity(input));
}

/**
 * サイドバーの「若手職員PT」用: 工程を完了にする（完了日・状態）、完了を取り消す、メモを変えるときに使います。競合があれば保存しません。チームのメンバー（選出）と事務局のみ。
 *
 * @param {Object} update {年度, チーム, 工程, expected, changes}
 * @return {ok: true, message, team} または {ok: false, reason, message, team}
 */
export function updatePtStep(update: PtRowUpdate) {
  return guarded("updatePtStep", () => updateStep(update));
}

/**
 * サイドバーの「若手職員PT」用: チームのテーマ・目指す市民の実感（成果指標）・事業所管課・状態を保存します。競合があれば保存しません。チームのメンバー（選出）と事務局のみ。
 *
 * @param {Object} update {年度, チーム, expected, changes}
 * @return {ok: true, message, team} または {ok: false, reason, message, team}
 */
export function updatePtTeam(update: PtRowUpdate) {
  return guarded("updatePtTeam", () => updateTeam(update));
}

/**
 * メニュー「PT活動時間を所属長へ送信」: 指定した月（既定は先月）のPTメンバーの活動時間を、所属ごとに所属長（PTメンバーの「所属長メール」）へ承認依頼として送ります。各所属長に月1回だけ送り（送信記録）、送信済みの宛先には送りません。市政変革推進室のみ実行できます。
 *
 * @param {Object} options 省略可。{month: "2026-11"}
 * @return 送信結果、または {ok: false, reason, message}（権限がないとき "forbidden"、取り消したとき "cancelled"）
 */
export function sendPtHoursSummary(options?: { month?: string }) {
  return guarded("sendPtHoursSummary", () => sendHoursSummary(options));
}

/**
 * メニュー「担当の引き継ぎ」: 人事異動などで、あるメールアドレスを新しいアドレスに1回でまとめて置き換えます（課題の担当者メール、局区の代表メール、PTメンバーのメール・所属長メール、担当者のメール・担当アドレス）。変更する行を示して確認し、新しいアドレスがすでに使われているときはまとめてよいか確認してから書き込み、変更はすべて履歴に記録します。市政変革推進室のみ実行できます。
 *
 * @param {Object} options 省略可。{from: "old@city.example", to: "new@city.example", confirm: true, merge: true}（メニューからは入力と確認のダイアログ。confirm・merge はダイアログがないときの確認の代わり）
 * @return {ok: true, from, to, changed, bySheet, message}、または {ok: false, reason, message, preview}（reason: "invalid" 正しくないアドレス、"not_found"、"unconfirmed"、"merge"、"cancelled"、"changed" 確認後に行が変わった、"busy"）
 */
export function transferAddress(options?: TransferOptions) {
  return guarded("transferAddress", () => replaceAddress(options));
}

/**
 * 一回限りのトリガー: PT活動時間のまとめの送信が時間や送信数の上限で中断したとき、その続きを送ります。
 *
 * @param {GoogleAppsScript.Events.TimeDriven} e トリガーのイベント
 * @return 送信結果（続きがなければ null）
 */
export function continuePtHoursSummary(e?: GoogleAppsScript.Events.TimeDriven) {
  return guarded("continuePtHoursSummary", () => continueHoursSummary(), e);
}

/**
 * データ点検のリンク先: 指定したセルを選択します。
 *
 * @param {string} sheetName シート名
 * @param {string} a1 セル番地（例: H12）
 */
export function selectCell(sheetName: string, a1: string) {
  return guarded("selectCell", () => selectProblemCell(sheetName, a1));
}

/**
 * 毎月の時間主導型トリガー: 今月の進捗確認メール（担当者ごとに1通）を送ります。送信済みの宛先には送りません。
 *
 * @param {GoogleAppsScript.Events.TimeDriven} e トリガーのイベント
 * @return 送信結果
 */
export function runMonthlyFollowUp(e?: GoogleAppsScript.Events.TimeDriven) {
  return guarded("runMonthlyFollowUp", () => runMonthly(), e);
}

/**
 * 一回限りのトリガー: 中断した送信の続き、再依頼、回答期限後の局区代表への督促（設定「督促」が「する」のとき）とまとめを送ります。
 *
 * @param {GoogleAppsScript.Events.TimeDriven} e トリガーのイベント
 * @return 送信結果
 */
export function continueFollowUp(e?: GoogleAppsScript.Events.TimeDriven) {
  return guarded("continueFollowUp", () => runContinuation(), e);
}

/**
 * メニュー「自動送信を設定」: 設定シートの送信日・送信時刻に毎月送るトリガーを1つだけ作ります（再実行で置き換え）。
 *
 * @return 次回の実行日時
 */
export function installFollowUpTrigger() {
  return guarded("installFollowUpTrigger", () => installMonthlyTrigger());
}

/**
 * メニュー「今すぐ送信」: 件数を確認してから、今月まだ送っていない担当者に進捗確認メールを送ります。
 *
 * @return 送信結果、または {ok: false, reason, message}（件数の確認で取り消したとき reason は "cancelled"、別の送信処理が実行中のとき "busy"）
 */
export function sendFollowUpNow() {
  return guarded("sendFollowUpNow", () => sendNow());
}

/**
 * メニュー「テスト送信」: 指定した担当者宛てのメールを、テストとして自分に送ります（送信記録には残りません）。
 *
 * @param {string} ownerEmail 省略可。試す担当者のメールアドレス
 * @return {ok: true, to, owner, subject}、または入力を取り消したとき {ok: false, reason: "cancelled", message}
 */
export function sendFollowUpPreview(ownerEmail?: string) {
  return guarded("sendFollowUpPreview", () => sendPreview(ownerEmail));
}

/**
 * メニュー「送信状況」: 今回のサイクルの送信・回答・失敗と、前回・次回の自動実行を表示します。
 *
 * @return 送信状況
 */
export function showFollowUpStatus() {
  return guarded("showFollowUpStatus", () => sendStatus());
}

/**
 * メニュー「各局区への取組照会」: 各局区の代表メールに、その年度の自主改革の取組の回答を依頼するメール（個人用リンクつき）を送ります。送信済みの宛先には送らず、回答期限の前に再依頼、期限後に市政変革推進室へ回答状況のまとめを送ります。市政変革推進室のみ実行できます。
 *
 * @param {Object} options 省略可。{year: "R8"}（既定は今年度）
 * @return 送信結果、または {ok: false, reason, message}（件数の確認で取り消したとき reason は "cancelled"、別の送信処理が実行中のとき "busy"）
 */
export function sendBureauSurvey(options?: { year?: string }) {
  return guarded("sendBureauSurvey", () => sendSurvey(options));
}

/**
 * 一回限りのトリガー: 取組照会の中断した送信の続き、再依頼、回答期限後のまとめを送ります。
 *
 * @param {GoogleAppsScript.Events.TimeDriven} e トリガーのイベント
 * @return 送信結果（照会中の年度がなければ null）
 */
export function continueBureauSurvey(e?: GoogleAppsScript.Events.TimeDriven) {
  return guarded("continueBureauSurvey", () => continueSurvey(), e);
}

/**
 * ウェブアプリ: メールの個人用リンクから開くフォームを表示します（リンクの用途により、進捗確認の回答フォームか局区の取組照会のフォーム）。リンクなしで開いた URL は、スプレッドシートを ID で開けるかを確かめ（「動作確認」がその記録を示します）、個人用リンクから開くよう案内します。
 *
 * @param {GoogleAppsScript.Events.DoGet} e リクエスト
 * @return フォームのページ
 */
export function doGet(e: GoogleAppsScript.Events.DoGet) {
  return guarded("doGet", () => {
    if (!e.parameter?.t) return showWebAppCheck();
    return tokenPurpose(e.parameter.t) === "survey" ? showSurveyForm(e) : showAnswerForm(e);
  });
}

/**
 * 回答フォーム（ウェブアプリ）の google.script.run の呼び先: 回答を保存し、受付内容のページを返します。入力に誤りがあるとき・混み合って保存できなかったときは、入力を残したフォームのページを返します（リンクの用途により、進捗確認または局区の取組照会）。
 *
 * @param {Object} fields フォームの項目（名前と値。t はリンクの署名）
 * @return ページの HTML
 */
export function submitAnswerForm(fields: Record<string, string>) {
  return guarded("submitAnswerForm", () => (tokenPurpose(fields?.t) === "survey" ? receiveSurvey(fields) : receiveAnswers(fields)).getContent());
}

/**
 * メニュー「進捗報告を作成」: 基準日時点の進捗報告シート「報告_YYYY-MM-DD」を作ります（過去の日付は履歴から戻して集計）。引数なしでメニューから実行するとダイアログを開きます。
 *
 * @param {Object} options 省略可。{asOf: "2026-05-26", years: ["R6", "R7"], replace: true}（asOf の既定は今日、years の既定はすべての年度。replace で同じ日付の報告を確認なしに置き換え）
 * @return {ok: true, sheetName, status, followUp, …} または {ok: false, reason, message}（ダイアログを開いたときは null）
 */
export function createProgressReport(options?: ProgressReportOptions) {
  return guarded("createProgressReport", () => makeProgressReport(options));
}

/**
 * 進捗報告の印刷用ページ（A4 横）を開きます。報告シートと同じ表を、基準日時点に戻して作ります。
 *
 * @param {string} asOf 基準日（例: 2026-05-26）
 * @param {string[]} years 省略可。対象年度（例: ["R6", "R7"]）
 * @return 印刷用ページの HTML
 */
export function showProgressReportPrint(asOf: string, years?: string[]) {
  return guarded("showProgressReportPrint", () => printProgressReport(asOf, years));
}

/**
 * 進捗報告ダイアログの「開く」: 基準日の報告シート「報告_YYYY-MM-DD」を表示します。
 *
 * @param {string} asOf 基準日（例: 2026-05-26）
 * @return {ok: true, sheetName} または {ok: false, reason: "missing", message}
 */
export function openProgressReportSheet(asOf: string) {
  return guarded("openProgressReportSheet", () => openReportSheet(asOf));
}

/**
 * メニュー「プラチナレポートを作成」: 好事例にチェックのある局区改革を、市ホームページ掲載用の HTML にします。メニューからはプレビューとダウンロードのダイアログを開きます。
 *
 * @param {Object} options 省略可。{year: "R7"}（既定は局区改革の最新の年度）
 * @return {year, fileName: "platina-report-R7.html", html}
 */
export function createPlatinaReport(options?: { year?: string }) {
  return guarded("createPlatinaReport", () => buildPlatinaReport(options));
}

/**
 * メニュー「X会議資料を作成」: 会議シートのX会議（既定は今日以降の次の会議）の資料を、データから作ります。年度別の進捗分類、分類ごとの具体例3件（前回のX会議から分類が変わった課題から選び、シート「X会議具体例」で差し替え可能）、局区の取組件数と好事例、整理区分、前回のX会議からの変化、PTの検討状況と次の工程。メニューからは印刷用ページ（A4 横）を開き、そのページのボタンでスプレッドシートのファイルも作れます。
 *
 * @param {Object} options 省略可。{meeting: "2026-08-26"（日付または名称）, file: true（新しいスプレッドシートのファイルも作成。ローカル実行環境では .xlsx）}
 * @return {ok: true, meeting, asOf, status, followUp, examples, file, message, …} または {ok: false, reason, message}
 */
export function createMeetingPack(options?: MeetingPackOptions) {
  return guarded("createMeetingPack", () => buildMeetingPack(options));
}

function requireDate(value: unknown): Date {
  const date = parseDateInput(value);
  if (!date) throw new InputError(`日付「${normalizeText(value)}」を解釈できません。日付のセルか「2026/5/26」の形で指定してください。`);
  return date;
}
