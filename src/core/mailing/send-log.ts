// What the send log (送信記録) tells a mailing: which mails of a cycle were
// already attempted or sent, and when its first request went out.
import { normalizeEmail } from "../base/text";
import { SEND_LOG, SENT, type SendKind, type SendRecord } from "../contracts/send-log";

/** 送信記録's values (header row first) as records; a row without サイクル is not one. */
export function readSendLog(values: unknown[][]): SendRecord[] {
  return SEND_LOG.fromRows(values).rows.map((row) => row.record).filter((r) => r.サイクル !== "");
}

/**
 * Whether this kind of mail was already attempted for this address in this cycle
 * (a failure is not retried automatically), or, with sentOnly, actually sent.
 */
export function alreadyHandled(log: readonly SendRecord[], cycle: string, kind: SendKind, to: string, sentOnly = false): boolean {
  const email = normalizeEmail(to);
  return log.some((r) => r.サイクル === cycle && r.種別 === kind && r.宛先 === email && (!sentOnly || r.結果 === SENT));
}

/** When the cycle's first request went out, if it has. */
export function requestedAt(log: readonly SendRecord[], cycle: string): Date | null {
  const times = log.filter((r) => r.サイクル === cycle && r.種別 === "依頼" && r.日時).map((r) => (r.日時 as Date).getTime());
  return times.length ? new Date(Math.min(...times)) : null;
}
