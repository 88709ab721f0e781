// 初期設定: creates what is missing — sheets, headers, dropdowns, colours,
// protections, the edit trigger — and never deletes, moves or rewrites data.
// Running it again changes nothing and says so.
import { PROGRESS_CLASSES, PROGRESS_WORDING, DIRECTIONS, AUDIENCES } from "../core/classes";
import { fiscalYearLabel, fiscalYearOfDate, parseFiscalYear } from "../core/fiscal-year";
import { SETTING_SPECS } from "../core/settings";
import { HEADERS, SEED_BUREAUS, SHEET, missingHeaders } from "../core/sheets";
import { summaryLayout } from "../core/summary-layout";
import { parseDirection } from "../core/classes";
import { effectiveUserEmail } from "../gas/session";
import { forgetAccessList } from "../gas/settings";
import { readSheet, spreadsheet } from "../gas/sheet-table";
import { tell } from "../gas/ui";
import { ensureSecret } from "../gas/secret";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_STYLE = { background: "#e8eef7", fontWeight: "bold" } as const;
export const EDIT_TRIGGER_HANDLER = "onIssueEdit";
const HISTORY_PROTECTION = "platina: 履歴はアドオンが記録します。手で変更しないでください";
const ID_PROTECTION = "platina: ID は自動採番です。変更すると履歴と突き合わせできなくなります";
export const PROGRESS_COLOURS: Record<string, string> = { 完了: "#d9ead3", 実施中: "#fff2cc", 検討中: "#fce5cd" };

export function setupWorkbook(): string[] {
  const changes: string[] = [];
  const user = effectiveUserEmail();
  const years = yearChoices();
  for (const name of [SHEET.issues, SHEET.reforms, SHEET.bureaus, SHEET.history, SHEET.settings]) {
    ensureSheet(name, changes, initialRows(name, user));
  }
  ensureSettingRows(changes);
  ensureSummary(changes);
  const ss = spreadsheet();
  const issues = ss.getSheetByName(SHEET.issues) as Sheet;
  const reforms = ss.getSheetByName(SHEET.reforms) as Sheet;
  const bureauRange = `'${SHEET.bureaus}'!A2:A`;
  ensureListValidation(issues, "年度", years, "年度は「R8」のように選んでください（令和7年度・2025 なども受け付けます）。", changes, true);
  ensureListValidation(issues, "区分", [...AUDIENCES], "ユーザー（市民・利用者）または職員", changes, false);
  ensureListValidation(issues, "整理区分", [...DIRECTIONS], "①〜⑦。空欄または⑦が継続検討課題です。", changes, false);
  ensureListValidation(issues, "進捗分類", [...PROGRESS_CLASSES], PROGRESS_CLASSES.map((c) => `${c}: ${PROGRESS_WORDING[c]}`).join(" ／ "), changes, false);
  ensureRangeValidation(issues, "制度所管局", bureauRange, changes);
  ensureListValidation(reforms, "年度", years, "年度は「R7」のように選んでください。", changes, true);
  ensureRangeValidation(reforms, "局区名", bureauRange, changes);
  ensureCheckbox(reforms, "好事例", changes);
  ensureProgressColours(issues, changes);
  ensureProtections(issues, changes);
  ensureEditTrigger(changes);
  if (ensureSecret()) changes.push("メールの回答リンク用の鍵を作成しました");
  if (changes.length > 0) forgetAccessList();
  const message = changes.length === 0
    ? "初期設定はすでに完了しています。変更はありません。"
    : `初期設定を行いました。\n\n${changes.map((c) => `・${c}`).join("\n")}`;
  tell("初期設定", message);
  return changes;
}

function initialRows(name: string, user: string): unknown[][] {
  if (name === SHEET.bureaus) return SEED_BUREAUS.map((b) => [b.name, b.kind, ""]);
  if (name === SHEET.settings) return SETTING_SPECS.map((s) => [s.key, s.key === "事務局メール" ? user : s.default, s.description]);
  return [];
}

/** Creates the sheet with its header row, or adds missing headers at the right end of an existing one. */
function ensureSheet(name: string, changes: string[], rows: unknown[][]): void {
  const ss = spreadsheet();
  const headers = HEADERS[name];
  let sheet = ss.getSheetByName(name);
  if (!sheet) {
    sheet = ss.insertSheet(name);
    sheet.getRange(1, 1, 1 + rows.length, headers.length).setValues([[...headers], ...rows]);
    styleHeader(sheet, headers.length);
    changes.push(`シート「${name}」を作成しました${rows.length ? `（${rows.length}行）` : ""}`);
    return;
  }
  const lastColumn = sheet.getLastColumn();
  const headerRow = lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0] : [];
  const missing = missingHeaders(headerRow, headers);
  if (missing.length > 0) {
    sheet.getRange(1, lastColumn + 1, 1, missing.length).setValues([missing]);
    styleHeader(sheet, lastColumn + missing.length);
    changes.push(`シート「${name}」に見出し ${missing.map((h) => `「${h}」`).join("")} を追加しました`);
  }
  if (sheet.getFrozenRows() === 0) {
    sheet.setFrozenRows(1);
    changes.push(`シート「${name}」の見出し行を固定しました`);
  }
}

function styleHeader(sheet: Sheet, width: number): void {
  sheet.getRange(1, 1, 1, width).setBackground(HEADER_STYLE.background).setFontWeight(HEADER_STYLE.fontWeight);
  sheet.setFrozenRows(1);
}

function ensureSettingRows(changes: string[]): void {
  const data = readSheet(SHEET.settings);
  if (!data) return;
  const keyCol = data.columns.get("項目") ?? 0;
  const present = new Set(data.values.slice(1).map((r) => String(r[keyCol]).normalize("NFKC").trim()));
  const missing = SETTING_SPECS.filter((s) => !present.has(s.key.normalize("NFKC")));
  if (missing.length === 0) return;
  const width = Math.max(data.values[0]?.length ?? 3, 3);
  const rows = missing.map((s) => {
    const row: unknown[] = Array(width).fill("");
    row[keyCol] = s.key;
    row[data.columns.get("値") ?? 1] = s.default;
    row[data.columns.get("説明") ?? 2] = s.description;
    return row;
  });
  data.sheet.getRange(data.sheet.getLastRow() + 1, 1, rows.length, width).setValues(rows);
  changes.push(`設定に ${missing.map((s) => `「${s.key}」`).join("")} を追加しました`);
}

function ensureSummary(changes: string[]): void {
  const ss = spreadsheet();
  if (ss.getSheetByName(SHEET.summary)) return;
  const sheet = ss.insertSheet(SHEET.summary);
  for (const cell of summaryLayout(focusYear())) {
    const range = sheet.getRange(cell.row, cell.column);
    if (cell.value.startsWith("=")) range.setFormula(cell.value);
    else range.setValue(cell.value);
    if (cell.title) range.setFontWeight("bold");
  }
  changes.push(`シート「${SHEET.summary}」を作成しました（報告資料と同じ集計表）`);
}

/** The latest 年度 that has 整理区分 data, else the current fiscal year. */
function focusYear(): string {
  const data = readSheet(SHEET.issues);
  let latest = 0;
  if (data) {
    const y = data.columns.get("年度");
    const d = data.columns.get("整理区分");
    if (y !== undefined && d !== undefined) {
      for (const row of data.values.slice(1)) {
        const year = parseFiscalYear(row[y]);
        if (year && parseDirection(row[d])) latest = Math.max(latest, year);
      }
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

function columnRange(sheet: Sheet, header: string): GoogleAppsScript.Spreadsheet.Range | null {
  const lastColumn = sheet.getLastColumn();
  if (lastColumn === 0) return null;
  const headers = sheet.getRange(1, 1, 1, lastColumn).getValues()[0].map((h) => String(h).normalize("NFKC").trim());
  const index = headers.indexOf(header);
  if (index < 0) return null;
  return sheet.getRange(2, index + 1, Math.max(sheet.getMaxRows() - 1, 1), 1);
}

function sameRule(range: GoogleAppsScript.Spreadsheet.Range, type: GoogleAppsScript.Spreadsheet.DataValidationCriteria, values: unknown[]): boolean {
  const rule = range.getCell(1, 1).getDataValidation();
  if (!rule || rule.getCriteriaType() !== type) return false;
  return JSON.stringify(rule.getCriteriaValues().map(describe)) === JSON.stringify(values.map(describe));
}

function describe(value: unknown): unknown {
  if (value && typeof value === "object" && "getA1Notation" in value) {
    const range = value as GoogleAppsScript.Spreadsheet.Range;
    return `${range.getSheet().getName()}!${range.getA1Notation()}`;
  }
  return value;
}

function ensureListValidation(sheet: Sheet, header: string, values: string[], help: string, changes: string[], allowInvalid: boolean): void {
  const range = columnRange(sheet, header);
  if (!range) return;
  if (sameRule(range, SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST, [values, true])) return;
  const rule = SpreadsheetApp.newDataValidation().requireValueInList(values, true).setAllowInvalid(allowInvalid).setHelpText(help).build();
  range.setDataValidation(rule);
  changes.push(`${sheet.getName()}の「${header}」に選択肢（${values.join("・")}）を設定しました`);
}

function ensureRangeValidation(sheet: Sheet, header: string, source: string, changes: string[]): void {
  const range = columnRange(sheet, header);
  if (!range) return;
  const sourceRange = spreadsheet().getRange(source);
  if (sameRule(range, SpreadsheetApp.DataValidationCriteria.VALUE_IN_RANGE, [sourceRange, true])) return;
  const rule = SpreadsheetApp.newDataValidation().requireValueInRange(sourceRange, true).setAllowInvalid(true)
    .setHelpText("局区シートの局区名から選んでください。").build();
  range.setDataValidation(rule);
  changes.push(`${sheet.getName()}の「${header}」に局区シートの局区名の選択肢を設定しました`);
}

function ensureCheckbox(sheet: Sheet, header: string, changes: string[]): void {
  const range = columnRange(sheet, header);
  if (!range) return;
  const rule = range.getCell(1, 1).getDataValidation();
  if (rule && rule.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.CHECKBOX) return;
  range.setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  changes.push(`${sheet.getName()}の「${header}」をチェックボックスにしました`);
}

function ensureProgressColours(sheet: Sheet, changes: string[]): void {
  const range = columnRange(sheet, "進捗分類");
  if (!range) return;
  const rules = sheet.getConditionalFormatRules();
  const has = (text: string) => rules.some((r) => {
    const c = r.getBooleanCondition();
    return c !== null && c.getCriteriaType() === SpreadsheetApp.BooleanCriteria.TEXT_EQUAL_TO && c.getCriteriaValues()[0] === text;
  });
  const added = Object.entries(PROGRESS_COLOURS).filter(([text]) => !has(text));
  if (added.length === 0) return;
  const newRules = added.map(([text, colour]) =>
    SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(text).setBackground(colour).setRanges([range]).build());
  sheet.setConditionalFormatRules([...rules, ...newRules]);
  changes.push(`課題の「進捗分類」に色分け（${added.map(([t]) => t).join("・")}）を設定しました`);
}

function ensureProtections(issues: Sheet, changes: string[]): void {
  const history = spreadsheet().getSheetByName(SHEET.history) as Sheet;
  const sheetProtections = history.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  if (!sheetProtections.some((p) => p.getDescription() === HISTORY_PROTECTION)) {
    // Warning-only: saves run as the staff member who saves (sidebar) or the deployer (web form),
    // and a protection with an editor list would refuse their 履歴 rows in real Sheets.
    history.protect().setDescription(HISTORY_PROTECTION).setWarningOnly(true);
    changes.push("シート「履歴」を保護しました（変更しようとすると警告）");
  }
  const idRange = columnRange(issues, "ID");
  if (!idRange) return;
  const rangeProtections = issues.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  if (!rangeProtections.some((p) => p.getDescription() === ID_PROTECTION)) {
    idRange.protect().setDescription(ID_PROTECTION).setWarningOnly(true);
    changes.push("課題の「ID」列を保護しました（変更時に警告）");
  }
}

/** Exactly one installable edit trigger for onIssueEdit. */
function ensureEditTrigger(changes: string[]): void {
  const mine = ScriptApp.getProjectTriggers().filter(
    (t) => t.getHandlerFunction() === EDIT_TRIGGER_HANDLER && t.getEventType() === ScriptApp.EventType.ON_EDIT,
  );
  if (mine.length === 1) return;
  if (mine.length > 1) {
    mine.slice(1).forEach((t) => ScriptApp.deleteTrigger(t));
    changes.push(`重複していた編集トリガーを${mine.length - 1}件削除しました`);
    return;
  }
  ScriptApp.newTrigger(EDIT_TRIGGER_HANDLER).forSpreadsheet(spreadsheet()).onEdit().create();
  changes.push("シートの直接編集を履歴に記録するトリガーを設定しました");
}
