// 送信記録: every request, reminder and digest, recorded as it is sent, so no run
// — a double-fired trigger, 今すぐ送信, a re-run after a crash — sends twice.
import { normalizeEmail } from "../plain-text";
import { isDateValue, normalizeText } from "../text";

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

/** The log's rows that belong to a cycle, each read by header name (logs may be reordered too). */
function logRows(values: unknown[][]): ((header: string) => unknown)[] {
  const header = (values[0] ?? []).map(normalizeText);
  return values.slice(1)
    .map((row) => (h: string) => row[header.indexOf(h)])
    .filter((cell) => normalizeText(cell("サイクル")) !== "");
}

function dateOrNull(value: unknown): Date | null {
  return isDateValue(value) ? value : null;
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
  return logRows(values).map((cell) => ({
    at: dateOrNull(cell("日時")),
    cycle: normalizeText(cell("サイクル")),
    owner: normalizeEmail(cell("回答者")),
    id: normalizeText(cell("ID")),
    answer: normalizeText(cell("回答")),
    timing: String(cell("実施時期") ?? ""),
    memo: String(cell("進捗メモ") ?? ""),
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
