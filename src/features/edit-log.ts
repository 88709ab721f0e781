// Direct edits of 課題 are kept too: the installable edit trigger records each
// changed cell of the logged columns in 履歴, stamps the row, and gives new rows an ID.
import { cellToText } from "../core/contracts/contract";
import type { HistoryEntry } from "../core/contracts/history";
import { ISSUES, LOGGED_FIELDS, type IssueField } from "../core/contracts/issues";
import { fiscalYearLabel, fiscalYearOfDate, parseFiscalYear } from "../core/fiscal-year";
import { highestNumbers, nextIds } from "../core/issue-ids";
import { UNKNOWN_BEFORE } from "../core/replay";
import { isBlank, normalizeText } from "../core/base/text";
import { withDocumentLock } from "../gas/lock";
import { STATE, readState, writeState } from "../gas/script-state";
import { editorEmail } from "../gas/session";
import { affectsAccess, forgetAccessList } from "../gas/settings";
import { writeFieldColumns } from "../gas/table";
import { appendHistory } from "./issue-writer";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function recordSheetEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const name = normalizeText(sheet.getName());
  if (affectsAccess(name)) forgetAccessList();
  if (name !== ISSUES.name) return;
  const user = editorEmail(e);
  // A trigger has no one to ask to retry: wait longer than a save does before giving up.
  withDocumentLock(() => recordIssueEdit(sheet, range, e, user), 30_000);
}

function recordIssueEdit(sheet: Sheet, range: GoogleAppsScript.Spreadsheet.Range, e: GoogleAppsScript.Events.SheetsOnEdit, user: string): void {
  const lastColumn = sheet.getLastColumn();
  const firstRow = Math.max(range.getRow(), 2);
  const lastRow = range.getLastRow();
  if (lastRow < firstRow) return; // only the header row was edited
  const header = ISSUES.fromRows(sheet.getRange(1, 1, 1, lastColumn).getValues(), []);
  const rows = sheet.getRange(firstRow, 1, lastRow - firstRow + 1, lastColumn).getValues();
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
  const newIds = header.indexOf("ID") === undefined ? new Map<number, string>() : assignIds(sheet, header.indexOf("ID") as number, rows, (cells) => cell(cells, "年度"), now);
  const stamped = new Set<number>();
  rows.forEach((cells, i) => {
    if (cells.every(isBlank)) return;
    const id = newIds.get(i) ?? normalizeText(cell(cells, "ID"));
    for (const field of logged) {
      const value = cellToText(cell(cells, field));
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
  appendHistory(history);
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
