// 初期設定: creates what is missing — sheets, headers, dropdowns, colours,
// protections, the edit trigger — and never deletes, moves or rewrites data.
// Running it again changes nothing and says so.
import { AUDIENCES, SORTINGS, SORTING_HELP, isDirection, parseDirection } from "../core/contracts/classes";
import { BUREAUS, SEED_BUREAUS } from "../core/contracts/bureaus";
import type { SheetContract, Specs } from "../core/contracts/contract";
import { DELEGATES, DELEGATE_ROLES, ROLE_FIELD, type DelegateRecord } from "../core/contracts/delegates";
import { HISTORY } from "../core/contracts/history";
import { KEPT_IDS } from "../core/contracts/kept-ids";
import { INPUTS, ISSUES, type IssueField, type IssueRecord } from "../core/contracts/issues";
import { REFORMS, type ReformRecord } from "../core/contracts/reforms";
import { SETTINGS } from "../core/contracts/settings";
import { SUMMARY, SUMMARY_AS_OF } from "../core/contracts/summary";
import { quoteSheetName } from "../core/base/a1";
import { fiscalYearLabel, fiscalYearOfDate, parseFiscalYear } from "../core/base/fiscal-year";
import { timeZoneProblem } from "../core/base/tokyo-time";
import { SETTING_SPECS } from "../core/settings";
import { summaryTables } from "../core/summary-format";
import { normalizeText } from "../core/base/text";
import { ensureSecret } from "../gas/secret";
import { effectiveUserEmail } from "../gas/session";
import { forgetAccessList, loadAccessList } from "../gas/settings";
import {
  ensureCheckbox, ensureColumnWarning, ensureColumnWidths, ensureDateValidation, ensureListValidation, ensureRangeValidation, ensureSheetWarning, ensureTextColours, headerRow, styleHeader, styleTable,
} from "../gas/sheet-format";
import { ensureHiddenSheet, ensureSheetNamed, rememberSpreadsheetId, requireSheetNamed, sheetNamed, spreadsheetTimeZone } from "../gas/spreadsheet";
import { appendRows, readRecords, storedValue, type SheetRecords } from "../gas/table";
import { ensureEditTrigger } from "../gas/triggers";
import { confirm, tell, uiOrNull } from "../gas/ui";
import { keepIssueIds } from "./edit-log";
import { preparePtSheets } from "./pt/setup";
import { refreshSummaryAsOf } from "./summary-as-of";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const EDIT_TRIGGER_HANDLER = "onIssueEdit";
export const CHANGE_TRIGGER_HANDLER = "onIssueChange";
const KEPT_IDS_PROTECTION = "platina: 行の削除を履歴に残すための ID の控えです。アドオンが更新します";
const HISTORY_PROTECTION = "platina: 履歴はアドオンが記録します。手で変更しないでください";
const ID_PROTECTION = "platina: ID は自動採番です。変更すると履歴と突き合わせできなくなります";

/** The changes made, then what staff must fix by hand (a likely renamed or a duplicated header, the time zone). */
export function prepareWorkbook(): string[] {
  const changes: string[] = [];
  const reports: string[] = [];
  const secretariat = sheetNamed(SETTINGS.name) ? "" : newSecretariat(effectiveUserEmail());
  if (rememberSpreadsheetId()) changes.push("ウェブアプリ（回答フォーム）が開くスプレッドシートとして、このスプレッドシートの ID を保存しました");
  const years = yearChoices();
  ensureSheet(ISSUES, changes, reports, []);
  ensureSheet(REFORMS, changes, reports, []);
  ensureSheet(BUREAUS, changes, reports, SEED_BUREAUS.map((b) => BUREAUS.toRow(b)));
  ensureSheet(DELEGATES, changes, reports, []);
  ensureSheet(HISTORY, changes, reports, []);
  ensureSheet(SETTINGS, changes, reports, SETTING_SPECS.map((s) => SETTINGS.toRow({ 項目: s.key, 値: s.key === "事務局メール" ? secretariat : s.default, 説明: s.description })));
  ensureSettingRows(changes);
  preparePtSheets(changes, (contract, rows) => ensureSheet(contract, changes, reports, rows), years);
  ensureSummary(changes);
  const asOf = refreshSummaryAsOf();
  if (asOf) changes.push(asOf);
  const issues = requireSheetNamed(ISSUES.name);
  const reforms = requireSheetNamed(REFORMS.name);
  const delegates = requireSheetNamed(DELEGATES.name);
  const bureauRange = `${quoteSheetName(BUREAUS.name)}!A2:A`;
  const note = (done: boolean, message: string) => done && changes.push(message);
  // Columns are named by their contract's fields: a wrong name fails type checking.
  type Column = readonly [Sheet, string];
  const issueColumn = (field: IssueField): Column => [issues, field];
  const reformColumn = (field: keyof ReformRecord): Column => [reforms, field];
  const delegateColumn = (field: keyof DelegateRecord): Column => [delegates, field];
  const list = ([sheet, header]: Column, values: string[], help: string, allowInvalid: boolean) =>
    note(ensureListValidation(sheet, header, values, help, allowInvalid), `${sheet.getName()}の「${header}」に選択肢（${values.join("・")}）を設定しました`);
  const bureauList = ([sheet, header]: Column) =>
    note(ensureRangeValidation(sheet, header, bureauRange, "局区シートの局区名から選んでください。"), `${sheet.getName()}の「${header}」に局区シートの局区名の選択肢を設定しました`);
  list(issueColumn("年度"), years, "年度は「R8」のように選んでください（令和7年度・2025 なども受け付けます）。", true);
  list(issueColumn("区分"), [...AUDIENCES], "ユーザー（市民・利用者）または職員", false);
  list(issueColumn("整理区分"), [...SORTINGS], SORTING_HELP, false);
  // Each editable choice of 課題: the choices, help and colours its description gives.
  const choiceInputs = INPUTS.filter((input) => input.kind === "choice");
  for (const input of choiceInputs) list(issueColumn(input.field), (input.choices ?? []).map((c) => c.value), input.help ?? "", false);
  bureauList(issueColumn("制度所管局"));
  list(reformColumn("年度"), years, "年度は「R7」のように選んでください。", true);
  bureauList(reformColumn("局区名"));
  list(delegateColumn(ROLE_FIELD), [...DELEGATE_ROLES], "担当（ふだん回答する人）または代理（担当の不在時に回答する人）。空欄は担当です。", true);
  for (const field of ["開始日", "終了日"] as const) {
    const [sheet, header] = delegateColumn(field);
    const help = `${field}は「2026/4/1」のように入力してください。空欄は期限なしです。`;
    note(ensureDateValidation(sheet, header, help), `${sheet.getName()}の「${header}」を日付の入力にしました`);
  }
  const [reformSheet, goodPractice] = reformColumn("好事例");
  note(ensureCheckbox(reformSheet, goodPractice), `${reforms.getName()}の「${goodPractice}」をチェックボックスにしました`);
  for (const input of choiceInputs) {
    const colours = Object.fromEntries((input.choices ?? []).flatMap((c) => (c.colour ? [[c.value, c.colour]] : [])));
    if (Object.keys(colours).length === 0) continue;
    const coloured = ensureTextColours(issues, input.field, colours);
    note(coloured.length > 0, `課題の「${input.label}」に色分け（${coloured.join("・")}）を設定しました`);
  }
  note(ensureSheetWarning(requireSheetNamed(HISTORY.name), HISTORY_PROTECTION), "シート「履歴」を保護しました（変更しようとすると警告）");
  const [issueSheet, id] = issueColumn("ID");
  note(ensureColumnWarning(issueSheet, id, ID_PROTECTION), "課題の「ID」列を保護しました（変更時に警告）");
  const trigger = ensureEditTrigger(EDIT_TRIGGER_HANDLER);
  note(trigger.created, "シートの直接編集を履歴に記録するトリガーを設定しました");
  note(trigger.removed > 0, `重複していた編集トリガーを${trigger.removed}件削除しました`);
  const changeTrigger = ensureEditTrigger(CHANGE_TRIGGER_HANDLER, "change");
  note(changeTrigger.created, "課題の行の削除を履歴に記録するトリガーを設定しました");
  note(changeTrigger.removed > 0, `重複していた変更トリガーを${changeTrigger.removed}件削除しました`);
  const kept = ensureHiddenSheet(KEPT_IDS.name);
  if (reports.length === 0) keepIssueIds();
  note(kept.created, `行の削除を履歴に記録するため、課題の ID の控え（非表示のシート「${KEPT_IDS.name}」）を作成しました`);
  note(ensureSheetWarning(kept.sheet, KEPT_IDS_PROTECTION), `シート「${KEPT_IDS.name}」を保護しました（変更しようとすると警告）`);
  note(ensureSecret(), "メールの回答リンク用の鍵を作成しました");
  // Another account's trigger already records edits: a second one would log every edit twice.
  const owner = trigger.owner ?? changeTrigger.owner;
  const triggerOwner = owner ? `\n\nシートの直接編集を記録するトリガーは ${owner.owner} のアカウントで設定済みです（トリガーは設定したアカウントで動き、そのアカウントだけが変更できます）。` : "";
  // Read afresh and cached: the next menu action's permission check needs it at once.
  if (changes.length > 0) {
    forgetAccessList();
    loadAccessList();
  }
  // Said, not changed: the dates already in the cells would read as other instants in another zone.
  const zone = timeZoneProblem(spreadsheetTimeZone());
  const bullets = (lines: string[]) => lines.map((c) => `・${c}`).join("\n");
  const done = changes.length === 0 ? "初期設定はすでに完了しています。変更はありません。" : `初期設定を行いました。\n\n${bullets(changes)}`;
  const message = reports.length === 0 ? done : `${done}\n\n次の見出しは自動では直していません。確認して直してから、もう一度「初期設定」を実行してください。\n${bullets(reports)}`;
  tell("初期設定", `${message}${zone ? `\n\n${zone}` : ""}${triggerOwner}`);
  return [...changes, ...reports, ...(zone ? [zone] : [])];
}

/**
 * Who a new 設定 names as the secretariat: the person running 初期設定 — asked
 * first when someone is at the sheet, since the secretariat sees and sends
 * everything. No: 事務局メール stays blank. Triggers and the CLI have no one to ask.
 */
function newSecretariat(user: string): string {
  const ui = uiOrNull();
  if (!ui || !user) return user;
  const question = `設定シートの「事務局メール」に、あなたのアドレス（${user}）を登録しますか？\n\n` +
    "事務局は全件の閲覧・更新、メールの送信、自動送信の設定ができます。市政変革推進室の共有アカウントで実行している場合は「はい」を選んでください。" +
    "「いいえ」を選ぶと空欄のままにします（後で設定シートの「事務局メール」に記入してください）。";
  return confirm(ui, "事務局の登録", question) ? user : "";
}

/** Creates the sheet with its header row and `rows`, or adds missing headers at the right end of an existing one. */
function ensureSheet<S extends Specs>(contract: SheetContract<S>, changes: string[], reports: string[], rows: unknown[][]): void {
  const { name, headers } = contract;
  const { sheet, created } = ensureSheetNamed(name);
  if (created) {
    sheet.getRange(1, 1, 1 + rows.length, headers.length).setValues([[...headers], ...rows.map((row) => row.map(storedValue))]);
    styleHeader(sheet, headers.length);
    ensureColumnWidths(sheet, contract.columnWidths);
    changes.push(`シート「${name}」を作成しました${rows.length ? `（${rows.length}行）` : ""}`);
    return;
  }
  const present = headerRow(sheet);
  // A renamed or doubled header is staff's to fix: a second column would split the data between two.
  const problems = contract.check(present, headers).filter((p) => p.kind !== "missing");
  reports.push(...problems.map((p) => p.message));
  const missing = headers.filter((h) => !present.includes(normalizeText(h)) && !problems.some((p) => p.header === h));
  if (missing.length > 0) {
    const lastColumn = sheet.getLastColumn();
    sheet.getRange(1, lastColumn + 1, 1, missing.length).setValues([missing]);
    styleHeader(sheet, lastColumn + missing.length);
    changes.push(`シート「${name}」に見出し ${missing.map((h) => `「${h}」`).join("")} を追加しました`);
  }
  if (sheet.getFrozenRows() === 0) {
    sheet.setFrozenRows(1);
    changes.push(`シート「${name}」の見出し行を固定しました`);
  }
  const widened = ensureColumnWidths(sheet, contract.columnWidths);
  if (widened.length > 0) changes.push(`シート「${name}」の列 ${widened.map((h) => `「${h}」`).join("")} の幅を整えました`);
}

function ensureSettingRows(changes: string[]): void {
  const data = readRecords(SETTINGS, []);
  if (!data) return;
  const present = new Set(data.rows.map(({ record }) => normalizeText(record.項目)));
  const missing = SETTING_SPECS.filter((s) => !present.has(normalizeText(s.key)));
  if (missing.length === 0) return;
  // Under the sheet's own header row (ensureSheet has completed it), so columns staff moved stay in place.
  appendRows(data.sheet, missing.map((s) => SETTINGS.toRow({ 項目: s.key, 値: s.default, 説明: s.description }, data.values[0])));
  changes.push(`設定に ${missing.map((s) => `「${s.key}」`).join("")} を追加しました`);
}

function ensureSummary(changes: string[]): void {
  const { sheet, created } = ensureSheetNamed(SUMMARY.name);
  if (!created) {
    ensurePtTableAsOf(sheet, changes);
    return;
  }
  const issues = readRecords(ISSUES, []);
  const year = focusYear(issues);
  for (const cell of SUMMARY.layout(year)) {
    const range = sheet.getRange(cell.row, cell.column);
    if (cell.value.startsWith("=")) range.setFormula(cell.value);
    else range.setValue(cell.value);
    if (cell.title) range.setFontWeight("bold");
    if (cell.note) range.setFontColor(SUMMARY.noteColour);
  }
  const data = {
    issues: issues?.values ?? [], reforms: readRecords(REFORMS, [])?.values ?? [], bureaus: readRecords(BUREAUS, [])?.values ?? [],
    history: readRecords(HISTORY, [])?.values ?? [], asOf: new Date(),
  };
  for (const table of summaryTables(year, data)) styleTable(sheet, table);
  sheet.setColumnWidth(1, SUMMARY.labelWidth);
  changes.push(`シート「${SUMMARY.name}」を作成しました（報告資料と同じ集計表）`);
}

/** A 集計 made before the 基準日 existed: its PT table read the clock, and goes stale in Google. Staff's own edits are left alone. */
function ensurePtTableAsOf(sheet: Sheet, changes: string[]): void {
  const { row, column } = SUMMARY_AS_OF.ptTitleCell;
  const table = sheet.getRange(row + 1, column);
  if (table.getFormula() !== SUMMARY_AS_OF.oldPtFormula) return;
  table.setFormula(SUMMARY_AS_OF.ptFormula);
  const title = sheet.getRange(row, column);
  if (title.getValue() === SUMMARY_AS_OF.oldPtTitle) title.setValue(SUMMARY_AS_OF.ptTitle);
  changes.push(`シート「${SUMMARY.name}」の若手職員PTの工程を、今日ではなく基準日の時点で表示するようにしました`);
}

/** The latest 年度 that has sorted (①–⑦) issues, else the current fiscal year. */
function focusYear(issues: SheetRecords<IssueField, IssueRecord> | null): string {
  let latest = 0;
  if (issues && issues.indexOf("年度") !== undefined && issues.indexOf("整理区分") !== undefined) {
    const year = ISSUES.column(issues, "年度", (cell) => parseFiscalYear(cell) ?? null, "");
    const direction = ISSUES.column(issues, "整理区分", (cell) => parseDirection(cell) ?? null, "");
    for (const row of issues.rows) {
      const y = year(row);
      if (y && isDirection(direction(row))) latest = Math.max(latest, y);
    }
  }
  return fiscalYearLabel(latest || fiscalYearOfDate(new Date()));
}

/** R6 up to next fiscal year: the programme's years so far and the one being planned. */
function yearChoices(): string[] {
  const current = fiscalYearOfDate(new Date());
  const years: string[] = [];
  for (let y = 6; y <= current + 1; y++) years.push(fiscalYearLabel(y));
  return years;
}
