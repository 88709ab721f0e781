// 履歴, appended by every path that changes data (the issue writer, the survey, the PT
// sidebar, the edit trigger): its header row checked, and completed, before a write.
import { HISTORY, HISTORY_BASE_HEADERS, type HistoryEntry } from "../core/contracts/history";
import { appendRecords, completeHeaders } from "./table";

/**
 * 履歴's header row before a write: the headers every release has must be right (else a
 * ContractError, nothing written); those added since (担当アドレス, 立場) are added at the
 * right end of an older 履歴, so who acted for whom is never dropped.
 */
export function prepareHistoryHeader(): unknown[] {
  return completeHeaders(HISTORY, HISTORY_BASE_HEADERS);
}

/** 履歴 rows in one append, under its header row (prepareHistoryHeader's) or else in the contract's order. */
export function appendHistory(entries: HistoryEntry[], headerRow?: readonly unknown[]): void {
  appendRecords(HISTORY, entries, headerRow);
}
