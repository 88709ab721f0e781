// 回答記録: one row per answer taken through a personal link, so a mailing knows
// who answered (no reminder for them) and a form shows the previous answer.
import { normalizeEmail } from "../plain-text";
import { normalizeText } from "../base/text";
import { dateOrNull, logRows } from "./log-rows";

export const ANSWER_LOG_HEADERS = ["日時", "サイクル", "回答者", "ID", "回答", "実施時期", "進捗メモ"] as const;

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

/** The latest answer per item from this address in this cycle. */
export function latestAnswers(log: readonly AnswerRecord[], cycle: string, owner: string): Map<string, AnswerRecord> {
  const latest = new Map<string, AnswerRecord>();
  for (const r of log) if (r.cycle === cycle && r.owner === normalizeEmail(owner)) latest.set(r.id, r);
  return latest;
}

export function answeredOwners(log: readonly AnswerRecord[], cycle: string): Set<string> {
  return new Set(log.filter((r) => r.cycle === cycle).map((r) => r.owner));
}
