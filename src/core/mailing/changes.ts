// The changes a mailing's answer form made since the cycle's requests went out,
// read from 履歴 by its 経路, for the digest to the secretariat.
import { cellToText } from "../issue-record";
import type { Route } from "../issue-update";
import { normalizeText } from "../base/text";

export interface ReceivedChange {
  at: Date;
  id: string;
  field: string;
  before: string;
  after: string;
  by: string;
}

/** `history` is 履歴's values, header row first. */
export function receivedChanges(history: unknown[][], route: Route, since: Date): ReceivedChange[] {
  const header = (history[0] ?? []).map(normalizeText);
  const col = (h: string) => header.indexOf(h);
  return history.slice(1)
    .filter((r) => normalizeText(r[col("経路")]) === route && (r[col("日時")] as Date)?.getTime?.() >= since.getTime())
    .map((r) => ({
      at: r[col("日時")] as Date,
      id: cellToText(r[col("ID")]),
      field: cellToText(r[col("項目")]),
      before: cellToText(r[col("変更前")]),
      after: cellToText(r[col("変更後")]),
      by: cellToText(r[col("利用者")]),
    }));
}
