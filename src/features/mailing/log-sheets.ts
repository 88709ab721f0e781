// The mailing's own sheets — 送信記録, 回答記録 and each cycle's 回答状況 — read
// and written here only, so moving them onto another table layer is a change
// to this file alone. The logs are created with their header row on first use.
import { ANSWER_LOG_HEADERS, answerRow, readAnswerLog, type AnswerRecord } from "../../core/mailing/answer-log";
import { digestSheetName } from "../../core/mailing/due";
import { SEND_LOG_HEADERS, readSendLog, sendRow, type SendRecord } from "../../core/mailing/send-log";
import { withDocumentLock } from "../../gas/lock";
import { flushWrites } from "../../gas/mailing-state";
import { appendRows, readSheet, spreadsheet, storedValue, type SheetData } from "../../gas/sheet-table";

const SEND_LOG_SHEET = "送信記録";
const ANSWER_LOG_SHEET = "回答記録";

/** The sheet's data, creating it with its header row (frozen, bold) when missing. */
function logSheet(name: string, headers: readonly string[]): SheetData {
  const existing = readSheet(name);
  if (existing && existing.values.length > 0) return existing;
  const sheet = existing?.sheet ?? spreadsheet().insertSheet(name);
  sheet.getRange(1, 1, 1, headers.length).setValues([[...headers]]).setFontWeight("bold").setBackground("#e8eef7");
  sheet.setFrozenRows(1);
  return { sheet, values: [[...headers]], columns: new Map(headers.map((h, i) => [h, i])) };
}

export interface SendLog {
  /** The records as read, once. */
  records: SendRecord[];
  /** Records one send and makes it durable at once: a crash after this never resends it. */
  append(record: SendRecord): void;
}

export function openSendLog(): SendLog {
  const data = logSheet(SEND_LOG_SHEET, SEND_LOG_HEADERS);
  return {
    records: readSendLog(data.values),
    append(record) {
      appendRows(data.sheet, [sendRow(record)]);
      flushWrites();
    },
  };
}

export function readAnswers(): AnswerRecord[] {
  return readAnswerLog(logSheet(ANSWER_LOG_SHEET, ANSWER_LOG_HEADERS).values);
}

/** Under the document lock: two people answering at once must not write the same row. */
export function recordAnswers(records: AnswerRecord[]): void {
  withDocumentLock(() => appendRows(logSheet(ANSWER_LOG_SHEET, ANSWER_LOG_HEADERS).sheet, records.map(answerRow)));
}

/** The cycle's 回答状況 sheet, replaced as a whole in one write. */
export function writeDigestSheet(cycle: string, rows: unknown[][]): void {
  const name = digestSheetName(cycle);
  const ss = spreadsheet();
  const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name);
  sheet.clearContents();
  const width = Math.max(...rows.map((r) => r.length));
  if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  sheet.getRange(1, 1, rows.length, width).setValues(rows.map((r) => [...r, ...Array(width - r.length).fill("")].map(storedValue)));
  sheet.setFrozenRows(1);
}
