// The changes a mailing's answer form made since the cycle's requests went out,
// read from 履歴 by its 経路, for the digest to the secretariat.
import { isDateValue, normalizeText } from "../base/text";
import { cellToText } from "../contracts/contract";
import type { HistoryRecord, Route } from "../contracts/history";

export interface ReceivedChange {
  at: Date;
  id: string;
  field: string;
  before: string;
  after: string;
  by: string;
}

export function receivedChanges(history: readonly HistoryRecord[], route: Route, since: Date): ReceivedChange[] {
  return history
    .filter((r) => normalizeText(r.経路) === route && isDateValue(r.日時) && r.日時.getTime() >= since.getTime())
    .map((r) => ({
      at: r.日時 as Date,
      id: r.ID,
      field: r.項目,
      before: cellToText(r.変更前),
      after: cellToText(r.変更後),
      by: r.利用者,
    }));
}
