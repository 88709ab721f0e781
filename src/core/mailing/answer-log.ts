// What the answer log (回答記録) tells a mailing: which addresses were answered for in
// a cycle (no reminder for them), and each one's latest answer for the form to show —
// whoever of the section answered it.
import { normalizeEmail } from "../base/text";
import { ANSWER_LOG, answeredAddress, type AnswerRecord } from "../contracts/answer-log";

/** 回答記録's values (header row first) as records; a row without サイクル is not one. */
export function readAnswerLog(values: unknown[][]): AnswerRecord[] {
  return ANSWER_LOG.fromRows(values).rows.map((row) => row.record).filter((r) => r.サイクル !== "");
}

/** The latest answer per item for this address in this cycle, by whichever person answered for it. */
export function latestAnswers(log: readonly AnswerRecord[], cycle: string, address: string): Map<string, AnswerRecord> {
  const latest = new Map<string, AnswerRecord>();
  for (const r of log) if (r.サイクル === cycle && answeredAddress(r) === normalizeEmail(address)) latest.set(r.ID, r);
  return latest;
}

/** The addresses answered for in the cycle (a section's, whoever of it answered). */
export function answeredOwners(log: readonly AnswerRecord[], cycle: string): Set<string> {
  return new Set(log.filter((r) => r.サイクル === cycle).map(answeredAddress));
}
