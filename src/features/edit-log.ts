// Direct edits of 課題 are kept too: the installable edit trigger records each
// changed cell of the followed columns in 履歴, stamps the row, and gives new rows an ID.
import { fiscalYearLabel, fiscalYearOfDate, parseFiscalYear } from "../core/fiscal-year";
import { cellToText } from "../core/issue-record";
import type { HistoryEntry } from "../core/issue-update";
import { highestNumbers, nextIds } from "../core/issue-ids";
import { normalizeEmail } from "../core/plain-text";
import { SHEET } from "../core/sheets";
import { isBlank, normalizeText } from "../core/text";
import { UNKNOWN_BEFORE } from "../core/replay";
import { withDocumentLock } from "../gas/lock";
import { affectsAccess, forgetAccessList } from "../gas/settings";
import { writeColumns } from "../gas/sheet-table";
import { appendHistory } from "./issue-writer";

export const LOGGED_FIELDS = ["進捗分類", "実施時期", "進捗メモ", "担当者メール", "整理区分"] as const;
const ISSUED_IDS = "platina.issuedIds";

export function recordSheetEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const name = normalizeText(sheet.getName());
  if (affectsAccess(name)) forgetAccessList();
  if (name !== SHEET.issues) return;
  const user = normalizeEmail(e.user?.getEmail?.() || Session.getActiveUser().getEmail());
  // A trigger has no one to ask to retry: wait longer than a save does before giving up.
  withDocumentLock(() => recordIssueEdit(sheet, range, e, user), 30_000);
}

function recordIssueEdit(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  range: GoogleAppsScript.Spreadsheet.Range,
  e: GoogleAppsScript.Events.SheetsOnEdit,
  user: string,
): void {
  const lastColumn = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0].map(normalizeText);
  const col = (h: string) => header.indexOf(h);
  const firstRow = Math.max(range.getRow(), 2);
  const lastRow = range.getLastRow();
  if (lastRow < firstRow) return; // only the header row was edited
  const rows = sheet.getRange(firstRow, 1, lastRow - firstRow + 1, lastColumn).getValues();
  const editedColumns = new Set<number>();
  for (let c = range.getColumn(); c <= range.getLastColumn(); c++) editedColumns.add(c - 1);
  const logged = LOGGED_FIELDS.filter((f) => col(f) >= 0 && editedColumns.has(col(f)));
  const singleCell = range.getNumRows() === 1 && range.getNumColumns() === 1;
  const now = new Date();
  const history: HistoryEntry[] = [];
  const newIds = assignIds(sheet, rows, col("ID"), col("年度"), now);
  const stamped = new Set<number>();
  rows.forEach((cells, i) => {
    if (cells.every(isBlank)) return;
    const id = newIds.get(i) ?? normalizeText(cells[col("ID")]);
    for (const field of logged) {
      const value = cellToText(cells[col(field)]);
      // Sheets tells the old value only for single-cell edits.
      const before = singleCell ? cellToText(e.oldValue ?? "") : UNKNOWN_BEFORE;
      if (singleCell && before === value) continue;
      history.push({ 日時: now, 利用者: user, ID: id, 項目: field, 変更前: before, 変更後: value, 経路: "シート直接編集" });
      stamped.add(i);
    }
  });
  // One write per run of columns for the whole block, whatever the number of rows pasted.
  const columns = new Map<number, unknown[]>();
  if (newIds.size > 0) columns.set(col("ID"), rows.map((cells, i) => newIds.get(i) ?? cells[col("ID")]));
  if (stamped.size > 0) {
    if (col("最終更新日") >= 0) columns.set(col("最終更新日"), rows.map((cells, i) => (stamped.has(i) ? now : cells[col("最終更新日")])));
    if (col("最終更新者") >= 0) columns.set(col("最終更新者"), rows.map((cells, i) => (stamped.has(i) ? user : cells[col("最終更新者")])));
  }
  writeColumns(sheet, firstRow, columns);
  appendHistory(history);
}

/** IDs for edited rows that have content but no ID yet, never reusing one issued before. */
function assignIds(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  rows: unknown[][],
  idCol: number,
  yearCol: number,
  now: Date,
): Map<number, string> {
  const assigned = new Map<number, string>();
  if (idCol < 0) return assigned;
  const needing = rows.map((cells, i) => ({ cells, i })).filter(({ cells }) => isBlank(cells[idCol]) && !cells.every(isBlank));
  if (needing.length === 0) return assigned;
  const props = PropertiesService.getDocumentProperties();
  const issued = JSON.parse(props.getProperty(ISSUED_IDS) ?? "{}") as Record<string, number>;
  const lastRow = sheet.getLastRow();
  const ids = lastRow > 1 ? sheet.getRange(2, idCol + 1, lastRow - 1, 1).getValues().map((r) => r[0]) : [];
  const inSheet = highestNumbers(ids);
  for (const { cells, i } of needing) {
    const year = (yearCol >= 0 ? parseFiscalYear(cells[yearCol]) : null) ?? fiscalYearOfDate(now);
    const prefix = fiscalYearLabel(year);
    const [id] = nextIds(prefix, 1, inSheet.get(prefix) ?? 0, issued[prefix] ?? 0);
    const number = Number(id.split("-")[1]);
    inSheet.set(prefix, number);
    issued[prefix] = number;
    assigned.set(i, id);
  }
  props.setProperty(ISSUED_IDS, JSON.stringify(issued));
  return assigned;
}
