// Direct edits are kept too. The installable edit trigger records each changed cell
// of 課題's logged columns in 履歴 — what was typed, so a formula as its text —
// stamps the row and gives new rows an ID; an edit of row 1 of any contract sheet is
// recorded and warned about. The installable change trigger records deleted rows.
import { cellA1 } from "../core/base/a1";
import { BUREAUS } from "../core/contracts/bureaus";
import { cellToText, type SheetContract, type Specs } from "../core/contracts/contract";
import { HISTORY, HISTORY_BASE_HEADERS, type HistoryEntry } from "../core/contracts/history";
import { ISSUES, LOGGED_FIELDS, type IssueField } from "../core/contracts/issues";
import { KEPT_IDS, deletedIds } from "../core/contracts/kept-ids";
import { REFORMS } from "../core/contracts/reforms";
import { SETTINGS } from "../core/contracts/settings";
import { fiscalYearLabel, fiscalYearOfDate, parseFiscalYear } from "../core/base/fiscal-year";
import { highestNumbers, nextIds } from "../core/issue-ids";
import { UNKNOWN_BEFORE } from "../core/replay";
import { isBlank, normalizeText } from "../core/base/text";
import { withWriteLock } from "../gas/lock";
import { STATE, readState, writeState } from "../gas/script-state";
import { editorEmail } from "../gas/session";
import { affectsAccess, forgetAccessList } from "../gas/settings";
import { ensureHiddenSheet, sheetNamed } from "../gas/spreadsheet";
import { readRecords, replaceRecords, writeFieldColumns } from "../gas/table";
import { toast } from "../gas/ui";
import { appendHistory } from "../gas/history-log";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The staff's sheets whose row 1 the add-on reads columns by. */
const CONTRACT_SHEETS: readonly SheetContract<Specs>[] = [ISSUES, REFORMS, BUREAUS, HISTORY, SETTINGS];
/** 履歴's ID for an edit of a header row, which belongs to no issue. */
export const HEADER_ID = "（見出し）";
export const ROW_DELETED = "行の削除";
const WARNING_TITLE = "プラチナ: 見出しの変更";
// A trigger has no one to ask to retry: wait longer than a save does before giving up.
const TRIGGER_LOCK_MS = 30_000;

/** Returns the warning shown to the editor, if any (also in the execution log). */
export function recordSheetEdit(e: GoogleAppsScript.Events.SheetsOnEdit): string | null {
  const range = e.range;
  const sheet = range.getSheet();
  const name = normalizeText(sheet.getName());
  if (affectsAccess(name)) forgetAccessList();
  const contract = CONTRACT_SHEETS.find((c) => c.name === name);
  if (!contract) return null;
  const user = editorEmail(e);
  return withWriteLock(() => {
    const warning = range.getRow() === 1 ? recordHeaderEdit(contract, sheet, range, e, user) : null;
    const issueWarning = name === ISSUES.name ? recordIssueEdit(sheet, range, e, user) : null;
    return warning ?? issueWarning;
  }, TRIGGER_LOCK_MS);
}

/** Row 1 of a contract sheet changed: 履歴 gets each header cell's change, and the editor a warning naming what broke. */
function recordHeaderEdit(contract: SheetContract<Specs>, sheet: Sheet, range: Range, e: GoogleAppsScript.Events.SheetsOnEdit, user: string): string {
  const header = sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), range.getLastColumn())).getValues()[0];
  const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  const now = new Date();
  const entries: HistoryEntry[] = [];
  for (let column = range.getColumn(); column <= range.getLastColumn(); column++) {
    const after = cellToText(header[column - 1]);
    const before = single ? cellToText(e.oldValue ?? "") : UNKNOWN_BEFORE;
    if (single && before === after) continue;
    entries.push({ 日時: now, 利用者: user, ID: HEADER_ID, 項目: `見出し（${contract.name}!${cellA1(1, column)}）`, 変更前: before, 変更後: after, 経路: "シート直接編集" });
  }
  const problems = contract.check(header, contract.headers).map((p) => p.message);
  const kept = appendHistoryIfReadable(entries);
  const lines = [
    `シート「${contract.name}」の見出し（1行目）が直接変更されました${kept ? "（履歴に記録しました）" : ""}。アドオンは見出しの文字で列を探します。`,
    ...problems,
    ...(kept ? [] : [historyUnreadable()]),
  ];
  const warning = lines.join("\n");
  toast(WARNING_TITLE, warning);
  return warning;
}

function recordIssueEdit(sheet: Sheet, range: Range, e: GoogleAppsScript.Events.SheetsOnEdit, user: string): string | null {
  const lastColumn = sheet.getLastColumn();
  const firstRow = Math.max(range.getRow(), 2);
  const lastRow = range.getLastRow();
  if (lastRow < firstRow) return null; // only the header row was edited
  const headerCells = sheet.getRange(1, 1, 1, lastColumn).getValues()[0];
  // Two columns headed alike: stamping or numbering could land in the wrong one.
  const duplicated = ISSUES.check(headerCells, ISSUES.headers).filter((p) => p.kind === "duplicated");
  if (duplicated.length > 0) {
    const warning = `課題の直接編集を履歴に記録できませんでした。\n${duplicated.map((p) => p.message).join("\n")}`;
    toast(WARNING_TITLE, warning);
    return warning;
  }
  const header = ISSUES.fromRows([headerCells], []);
  const rows = sheet.getRange(firstRow, 1, lastRow - firstRow + 1, lastColumn).getValues();
  // What was typed: e.value and getValues give a formula's result, getFormulas its text.
  const formulas = range.getFormulas();
  const typed = (i: number, index: number, cells: unknown[]) => {
    const formula = formulas[firstRow + i - range.getRow()]?.[index + 1 - range.getColumn()];
    return formula ? formula : cellToText(cells[index]);
  };
  const cell = (cells: unknown[], field: IssueField) => {
    const index = header.indexOf(field);
    return index === undefined ? undefined : cells[index];
  };
  const edited = (field: IssueField) => {
    const index = header.indexOf(field);
    return index !== undefined && index + 1 >= range.getColumn() && index + 1 <= range.getLastColumn();
  };
  const logged = LOGGED_FIELDS.filter(edited);
  const singleCell = range.getNumRows() === 1 && range.getNumColumns() === 1;
  const now = new Date();
  const history: HistoryEntry[] = [];
  const idCol = header.indexOf("ID");
  const newIds = idCol === undefined ? new Map<number, string>() : assignIds(sheet, idCol, rows, (cells) => cell(cells, "年度"), now);
  const stamped = new Set<number>();
  rows.forEach((cells, i) => {
    if (cells.every(isBlank)) return;
    const id = newIds.get(i) ?? normalizeText(cell(cells, "ID"));
    for (const field of logged) {
      const value = typed(i, header.indexOf(field) as number, cells);
      // Sheets tells the old value only for single-cell edits.
      const before = singleCell ? cellToText(e.oldValue ?? "") : UNKNOWN_BEFORE;
      if (singleCell && before === value) continue;
      history.push({ 日時: now, 利用者: user, ID: id, 項目: field, 変更前: before, 変更後: value, 経路: "シート直接編集" });
      stamped.add(i);
    }
  });
  // One write per run of columns for the whole block, whatever the number of rows pasted.
  const columns: Partial<Record<IssueField, unknown[]>> = {};
  if (newIds.size > 0) columns.ID = rows.map((cells, i) => newIds.get(i) ?? cell(cells, "ID"));
  if (stamped.size > 0) {
    columns.最終更新日 = rows.map((cells, i) => (stamped.has(i) ? now : cell(cells, "最終更新日")));
    columns.最終更新者 = rows.map((cells, i) => (stamped.has(i) ? user : cell(cells, "最終更新者")));
  }
  writeFieldColumns(sheet, header, firstRow, columns);
  const kept = appendHistoryIfReadable(history);
  // A new or changed ID (or 課題名, which a deletion's 履歴 names) joins the kept list at once:
  // the change trigger reads nothing for an edit, and may have run before this one.
  if (newIds.size > 0 || edited("ID") || edited("課題名")) keepIssueIds();
  if (kept) return null;
  const warning = historyUnreadable();
  toast(WARNING_TITLE, warning);
  return warning;
}

/** IDs for edited rows that have content but no ID yet, never reusing one issued before. */
function assignIds(sheet: Sheet, idCol: number, rows: unknown[][], yearOf: (cells: unknown[]) => unknown, now: Date): Map<number, string> {
  const assigned = new Map<number, string>();
  const needing = rows.map((cells, i) => ({ cells, i })).filter(({ cells }) => isBlank(cells[idCol]) && !cells.every(isBlank));
  if (needing.length === 0) return assigned;
  const issued = readState(STATE.issuedIds) ?? {};
  const lastRow = sheet.getLastRow();
  const ids = lastRow > 1 ? sheet.getRange(2, idCol + 1, lastRow - 1, 1).getValues().map((r) => r[0]) : [];
  const inSheet = highestNumbers(ids);
  for (const { cells, i } of needing) {
    const year = parseFiscalYear(yearOf(cells)) ?? fiscalYearOfDate(now);
    const prefix = fiscalYearLabel(year);
    const [id] = nextIds(prefix, 1, inSheet.get(prefix) ?? 0, issued[prefix] ?? 0);
    const number = Number(id.split("-")[1]);
    inSheet.set(prefix, number);
    issued[prefix] = number;
    assigned.set(i, id);
  }
  writeState(STATE.issuedIds, issued);
  return assigned;
}

/**
 * Changes that never remove a row of 課題. The change trigger fires for ordinary
 * edits too (changeType EDIT, G-events), and 課題's IDs change by edits only
 * through the edit trigger, which keeps 課題ID itself. G-events does not say what
 * OTHER covers, so OTHER — like REMOVE_ROW and REMOVE_GRID — is read.
 */
const KEEPS_ROWS: ReadonlySet<string> = new Set(["EDIT", "FORMAT", "INSERT_ROW", "INSERT_COLUMN", "REMOVE_COLUMN", "INSERT_GRID"]);

/**
 * The installable change trigger. Sheets says a row was removed, not which: the IDs
 * kept in 課題ID but gone from 課題 are the deleted rows, each logged to 履歴, and
 * the kept list is brought up to date. A change that cannot remove a row returns
 * at once: no read, no lock. Returns the deleted IDs.
 */
export function recordSheetChange(e: GoogleAppsScript.Events.SheetsOnChange): string[] {
  const type = String(e.changeType);
  if (KEEPS_ROWS.has(type)) return [];
  const user = editorEmail(e);
  return withWriteLock(() => {
    const issues = readRecords(ISSUES, []);
    // Without a readable ID column every issue would look deleted: the edit trigger and データ点検 say what to fix.
    if (!issues || ISSUES.check(issues.values[0] ?? [], ["ID"]).length > 0) return [];
    const kept = readRecords(KEPT_IDS, [])?.rows.map((r) => r.record) ?? null;
    const current = currentIds(issues.rows.map((r) => r.record));
    const gone = kept ? deletedIds(kept, new Set(current.map((r) => r.ID))) : [];
    const now = new Date();
    appendHistory(gone.map((row) => ({ 日時: now, 利用者: user, ID: row.ID, 項目: ROW_DELETED, 変更前: row.課題名, 変更後: "", 経路: "シート直接編集" })));
    writeKeptIds(current, kept);
    return gone.map((row) => row.ID);
  }, TRIGGER_LOCK_MS);
}

/** Brings 課題ID up to date with 課題 (初期設定 and the edit trigger call it). */
export function keepIssueIds(): void {
  const issues = readRecords(ISSUES, []);
  if (!issues || issues.indexOf("ID") === undefined) return;
  writeKeptIds(currentIds(issues.rows.map((r) => r.record)), readRecords(KEPT_IDS, [])?.rows.map((r) => r.record) ?? null);
}

function currentIds(records: { ID: string; 課題名: string }[]): { ID: string; 課題名: string }[] {
  return records.map((r) => ({ ID: normalizeText(r.ID), 課題名: r.課題名 })).filter((r) => r.ID !== "");
}

function writeKeptIds(current: { ID: string; 課題名: string }[], kept: { ID: string; 課題名: string }[] | null): void {
  const same = kept !== null && kept.length === current.length && kept.every((r, i) => r.ID === current[i].ID && r.課題名 === current[i].課題名);
  if (same) return;
  replaceRecords(ensureHiddenSheet(KEPT_IDS.name).sheet, KEPT_IDS, current);
}

/** Appends to 履歴 only when its header row is as the contract says, so no entry lands in a wrong column. */
function appendHistoryIfReadable(entries: HistoryEntry[]): boolean {
  if (entries.length === 0) return true;
  const sheet = sheetNamed(HISTORY.name);
  if (!sheet) return false;
  const header = sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).getValues()[0];
  // An older 履歴 without 担当アドレス・立場 still takes a grid edit's rows (they leave those blank).
  if (HISTORY.check(header, HISTORY_BASE_HEADERS).length > 0) return false;
  appendHistory(entries, header);
  return true;
}

function historyUnreadable(): string {
  return `シート「${HISTORY.name}」の見出しが正しくないため、この変更を履歴に記録できませんでした。履歴の1行目を「${HISTORY.headers.join("・")}」に戻してください。`;
}
