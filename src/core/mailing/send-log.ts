// 送信記録: every request, reminder and digest, recorded as it is sent, so no run
// — a double-fired trigger, 今すぐ送信, a re-run after a crash — sends twice.
import { normalizeEmail } from "../plain-text";
import { normalizeText } from "../base/text";
import { dateOrNull, logRows } from "./log-rows";

export const SEND_LOG_HEADERS = ["日時", "サイクル", "宛先", "件数", "種別", "結果", "エラー"] as const;

export type SendKind = "依頼" | "再依頼" | "まとめ";
export type RequestKind = Exclude<SendKind, "まとめ">;
export const SENT = "送信済";
export const FAILED = "失敗";
/** 送信記録's 宛先 of a digest, whoever 事務局メール names. */
export const SECRETARIAT_KEY = "事務局";

export interface SendRecord {
  at: Date | null;
  cycle: string;
  to: string;
  count: number;
  kind: SendKind;
  result: string;
  error: string;
}

export function readSendLog(values: unknown[][]): SendRecord[] {
  return logRows(values).map((cell) => ({
    at: dateOrNull(cell("日時")),
    cycle: normalizeText(cell("サイクル")),
    to: normalizeEmail(cell("宛先")),
    count: Number(cell("件数")) || 0,
    kind: normalizeText(cell("種別")) as SendKind,
    result: normalizeText(cell("結果")),
    error: normalizeText(cell("エラー")),
  }));
}

export function sendRow(record: SendRecord): unknown[] {
  return [record.at, record.cycle, record.to, record.count, record.kind, record.result, record.error];
}

/**
 * Whether this kind of mail was already attempted for this address in this cycle
 * (a failure is not retried automatically), or, with sentOnly, actually sent.
 */
export function alreadyHandled(log: readonly SendRecord[], cycle: string, kind: SendKind, to: string, sentOnly = false): boolean {
  const email = normalizeEmail(to);
  return log.some((r) => r.cycle === cycle && r.kind === kind && r.to === email && (!sentOnly || r.result === SENT));
}

/** When the cycle's first request went out, if it has. */
export function requestedAt(log: readonly SendRecord[], cycle: string): Date | null {
  const times = log.filter((r) => r.cycle === cycle && r.kind === "依頼" && r.at).map((r) => (r.at as Date).getTime());
  return times.length ? new Date(Math.min(...times)) : null;
}
