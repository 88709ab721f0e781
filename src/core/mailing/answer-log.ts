// What the answer log (回答記録) tells a mailing: who answered in a cycle (no
// reminder for them), and each one's latest answer for the form to show.
import { normalizeEmail } from "../base/text";
import { ANSWER_LOG, type AnswerRecord } from "../contracts/answer-log";

/** 回答記録's values (header row first) as records; a row without サイクル is not one. */
export function readAnswerLog(values: unknown[][]): AnswerRecord[] {
  return ANSWER_LOG.fromRows(values).rows.map((row) => row.record).filter((r) => r.サイクル !== "");
}

/** The latest answer per item from this address in this cycle. */
export function latestAnswers(log: readonly AnswerRecord[], cycle: string, owner: string): Map<string, AnswerRecord> {
  const latest = new Map<string, AnswerRecord>();
  for (const r of log) if (r.サイクル === cycle && r.回答者 === normalizeEmail(owner)) latest.set(r.ID, r);
  return latest;
}

export function answeredOwners(log: readonly AnswerRecord[], cycle: string): Set<string> {
  return new Set(log.filter((r) => r.サイクル === cycle).map((r) => r.回答者));
}
