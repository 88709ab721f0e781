// The mailing's own sheets — 送信記録, 回答記録 and each cycle's 回答状況 — read
// and written here only, through their contracts. The logs are created with
// their header row on first use; records are written under the sheet's own
// header row, so staff may reorder its columns.
import { ANSWER_LOG, type AnswerEntry, type AnswerRecord } from "../../core/contracts/answer-log";
import { ANSWER_STATUS } from "../../core/contracts/answer-status";
import { SEND_LOG, type SendRecord } from "../../core/contracts/send-log";
import { readAnswerLog } from "../../core/mailing/answer-log";
import { readSendLog } from "../../core/mailing/send-log";
import { withWriteLock } from "../../gas/lock";
import { styleHeader, styleHeaderRow } from "../../gas/sheet-format";
import { ensureSheetNamed, flush } from "../../gas/spreadsheet";
import { appendRows, ensureRecords, readRecords, storedValue } from "../../gas/table";

export interface SendLog {
  /** The records as read, once. */
  records: SendRecord[];
  /** Records one send and makes it durable at once: a crash after this never resends it. */
  append(record: SendRecord): void;
}

export function openSendLog(): SendLog {
  const log = ensureRecords(SEND_LOG);
  return {
    records: readSendLog(log.values),
    append(record) {
      appendRows(log.sheet, [SEND_LOG.toRow(record, log.values[0])]);
      flush();
    },
  };
}

/** 送信記録 as it stands, without creating it: a look (送信状況, the question before a send) changes nothing. */
export function readSendRecords(): SendRecord[] {
  return readSendLog(readRecords(SEND_LOG)?.values ?? []);
}

/** 回答記録 as it stands; a form opened or a status looked at never creates it. */
export function readAnswers(): AnswerRecord[] {
  return readAnswerLog(readRecords(ANSWER_LOG)?.values ?? []);
}

/** Under the document lock: two people answering at once must not write the same row. */
export function recordAnswers(records: AnswerEntry[]): void {
  withWriteLock(() => {
    const log = ensureRecords(ANSWER_LOG);
    appendRows(log.sheet, records.map((record) => ANSWER_LOG.toRow(record, log.values[0])));
  });
}

/**
 * The cycle's 回答状況 sheet, replaced as a whole in one write: its two tables' header
 * rows styled as 初期設定 styles headers, its columns given their widths when it is made.
 */
export function writeDigestSheet(cycle: string, rows: unknown[][]): void {
  const { sheet, created } = ensureSheetNamed(ANSWER_STATUS.nameFor(cycle));
  // Formats too: the second table's header may sit on another row than last time.
  sheet.clear();
  const width = Math.max(...rows.map((r) => r.length));
  if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  sheet.getRange(1, 1, rows.length, width).setValues(rows.map((r) => [...r, ...Array(width - r.length).fill("")].map(storedValue)));
  styleHeader(sheet, width);
  // The second table's header follows the blank row that ends the first.
  const gap = rows.findIndex((r) => r.every((cell) => cell === ""));
  if (gap > 0 && gap + 1 < rows.length) styleHeaderRow(sheet, gap + 2, width);
  if (created) ANSWER_STATUS.widths.forEach((px, i) => sheet.setColumnWidth(i + 1, px));
}
