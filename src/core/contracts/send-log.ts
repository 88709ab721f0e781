// 送信記録: every request, reminder, 督促 and digest, recorded as it is sent, so no run
// — a double-fired trigger, 今すぐ送信, a re-run after a crash — sends twice.
// The add-on creates it on first use; a row without サイクル is not a record.
import { normalizeEmail, normalizeText } from "../base/text";
import { dateCell, defineContract, type RecordOf } from "./contract";

/** 督促: the mail to a 局区's representative about its sections that have not answered. */
export type SendKind = "依頼" | "再依頼" | "督促" | "まとめ";
export type RequestKind = Exclude<SendKind, "まとめ" | "督促">;
export const SENT = "送信済";
export const FAILED = "失敗";
/** 送信記録's 宛先 of a digest, whoever 事務局メール names. */
export const SECRETARIAT_KEY = "事務局";

export const SEND_LOG = defineContract({
  name: "送信記録",
  fields: {
    日時: { read: dateCell, width: 150 },
    サイクル: { read: normalizeText, width: 110 },
    宛先: { read: normalizeEmail, width: 230 },
    件数: { read: (cell) => Number(cell) || 0, width: 60 },
    種別: { read: (cell) => normalizeText(cell) as SendKind, width: 70 },
    結果: { read: normalizeText, width: 70 },
    // A message as written (NFKC would turn its full-width brackets into ASCII ones).
    エラー: { read: (cell) => String(cell ?? "").trim(), width: 420, wrap: true },
  },
  required: [],
});

export type SendRecord = RecordOf<typeof SEND_LOG.fields>;
