// 送信記録: every request, reminder and digest, recorded as it is sent, so no run
// — a double-fired trigger, 今すぐ送信, a re-run after a crash — sends twice.
import { normalizeEmail } from "../plain-text";
import { normalizeText } from "../text";

export const SEND_LOG_HEADERS = ["日時", "サイクル", "宛先", "件数", "種別", "結果", "エラー"] as const;
export const ANSWER_LOG_HEADERS = ["日時", "サイクル", "回答者", "ID", "回答", "実施時期", "進捗メモ"] as const;

export type SendKind = "依頼" | "再依頼" | "まとめ";
export const SENT = "送信済";
export const FAILED = "失敗";

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
  const header = (values[0] ?? []).map(normalizeText);
  const col = (h: string) => header.indexOf(h);
  return values.slice(1).filter((r) => normalizeText(r[col("サイクル")]) !== "").map((r) => ({
    at: Object.prototype.toString.call(r[col("日時")]) === "[object Date]" ? (r[col("日時")] as Date) : null,
    cycle: normalizeText(r[col("サイクル")]),
    to: normalizeEmail(r[col("宛先")]),
    count: Number(r[col("件数")]) || 0,
    kind: normalizeText(r[col("種別")]) as SendKind,
    result: normalizeText(r[col("結果")]),
    error: normalizeText(r[col("エラー")]),
  }));
}

export function sendRow(record: SendRecord): unknown[] {
  return [record.at, record.cycle, record.to, record.count, record.kind, record.result, record.error];
}

/** Whether this kind of mail already went to this address in this cycle (a failure is not retried automatically). */
export function alreadyHandled(log: readonly SendRecord[], cycle: string, kind: SendKind, to: string): boolean {
  const email = normalizeEmail(to);
  return log.some((r) => r.cycle === cycle && r.kind === kind && r.to === email);
}

/** When the cycle's first request went out, if it has. */
export function requestedAt(log: readonly SendRecord[], cycle: string): Date | null {
  const times = log.filter((r) => r.cycle === cycle && r.kind === "依頼" && r.at).map((r) => (r.at as Date).getTime());
  return times.length ? new Date(Math.min(...times)) : null;
}

export interface AnswerRecord {
  at: Date | null;
  cycle: string;
  owner: string;
  id: string;
  answer: string;
  timing: string;
  memo: string;
}

export function readAnswerLog(values: unknown[][]): AnswerRecord[] {
  const header = (values[0] ?? []).map(normalizeText);
  const col = (h: string) => header.indexOf(h);
  return values.slice(1).filter((r) => normalizeText(r[col("サイクル")]) !== "").map((r) => ({
    at: Object.prototype.toString.call(r[col("日時")]) === "[object Date]" ? (r[col("日時")] as Date) : null,
    cycle: normalizeText(r[col("サイクル")]),
    owner: normalizeEmail(r[col("回答者")]),
    id: normalizeText(r[col("ID")]),
    answer: normalizeText(r[col("回答")]),
    timing: String(r[col("実施時期")] ?? ""),
    memo: String(r[col("進捗メモ")] ?? ""),
  }));
}

export function answerRow(record: AnswerRecord): unknown[] {
  return [record.at, record.cycle, record.owner, record.id, record.answer, record.timing, record.memo];
}

/** The latest answer per issue from this owner in this cycle. */
export function latestAnswers(log: readonly AnswerRecord[], cycle: string, owner: string): Map<string, AnswerRecord> {
  const latest = new Map<string, AnswerRecord>();
  for (const r of log) if (r.cycle === cycle && r.owner === normalizeEmail(owner)) latest.set(r.id, r);
  return latest;
}

export function answeredOwners(log: readonly AnswerRecord[], cycle: string): Set<string> {
  return new Set(log.filter((r) => r.cycle === cycle).map((r) => r.owner));
}
