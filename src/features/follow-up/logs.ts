// The follow-up's own sheets: 送信記録 and 回答記録, created on first use.
import { ANSWER_LOG_HEADERS, SEND_LOG_HEADERS, answerRow, sendRow, type AnswerRecord, type SendRecord } from "../../core/follow-up/send-log";
import { withDocumentLock } from "../../gas/lock";
import { appendRows, readSheet, spreadsheet, type SheetData } from "../../gas/sheet-table";

export const SEND_LOG_SHEET = "送信記録";
export const ANSWER_LOG_SHEET = "回答記録";

/** The sheet's data, creating it with its header row (frozen, bold) when missing. */
export function logSheet(name: string, headers: readonly string[]): SheetData {
  const existing = readSheet(name);
  if (existing && existing.values.length > 0) return existing;
  const sheet = existing?.sheet ?? spreadsheet().insertSheet(name);
  sheet.getRange(1, 1, 1, headers.length).setValues([[...headers]]).setFontWeight("bold").setBackground("#e8eef7");
  sheet.setFrozenRows(1);
  return { sheet, values: [[...headers]], columns: new Map(headers.map((h, i) => [h, i])) };
}

export function sendLogSheet(): SheetData {
  return logSheet(SEND_LOG_SHEET, SEND_LOG_HEADERS);
}

export function answerLogSheet(): SheetData {
  return logSheet(ANSWER_LOG_SHEET, ANSWER_LOG_HEADERS);
}

/** Records one send and makes it durable at once: a crash after this never resends it. */
export function recordSend(data: SheetData, record: SendRecord): void {
  appendRows(data.sheet, [sendRow(record)]);
  SpreadsheetApp.flush();
}

/** Under the document lock: two owners answering at once must not write the same row. */
export function recordAnswers(records: AnswerRecord[]): void {
  withDocumentLock(() => appendRows(answerLogSheet().sheet, records.map(answerRow)));
}
