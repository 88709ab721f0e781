// What a mailing step leaves for 送信状況: a compact summary that always parses
// and fits one script property. Apps Script caps a property value at 9 KB
// (G-quota); a step to 2,000 recipients lists far more, and cutting its JSON
// would leave text that no longer parses.
import { tokyoClock } from "../base/tokyo-time";
import type { SendKind } from "../contracts/send-log";
import { formatWarekiWithWeekday } from "../wareki";
import { QUOTA_RULE } from "./quota";

/** Apps Script's limit for one property value, in bytes of UTF-8 (Japanese text takes 3 bytes a character). */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
/** Room kept below the limit for the summary's own fields. */
const BUDGET = PROPERTY_VALUE_LIMIT - 512;
/** An error message longer than this is cut: the full text is in 送信記録. */
const ERROR_CHARS = 200;

/** What one step of a mailing did: sends, failures, why it stopped, what is next. */
export interface StepReport {
  cycle: string;
  sent: { kind: SendKind; to: string; count: number }[];
  failed: { kind: SendKind; to: string; error: string }[];
  stoppedBecause: "time" | "quota" | "busy" | null;
  remaining: number;
  next: string | null;
  at: string;
}

export interface RunSummary {
  cycle: string;
  at: string;
  /** Mails sent, in all and by kind. */
  sent: number;
  sentByKind: Partial<Record<SendKind, number>>;
  failed: number;
  /** The first failures, as many as fit; `failed` counts them all (送信記録 lists every one). */
  failures: { kind: SendKind; to: string; error: string }[];
  stoppedBecause: StepReport["stoppedBecause"];
  remaining: number;
  next: string | null;
}

/** UTF-8 length, counted without TextEncoder (core uses no host globals). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export function summarizeStep(step: StepReport): RunSummary {
  const sentByKind: Partial<Record<SendKind, number>> = {};
  for (const s of step.sent) sentByKind[s.kind] = (sentByKind[s.kind] ?? 0) + 1;
  const summary: RunSummary = {
    cycle: step.cycle, at: step.at, sent: step.sent.length, sentByKind, failed: step.failed.length, failures: [],
    stoppedBecause: step.stoppedBecause, remaining: step.remaining, next: step.next,
  };
  let used = utf8Bytes(JSON.stringify(summary));
  for (const f of step.failed) {
    const failure = { kind: f.kind, to: f.to, error: f.error.length > ERROR_CHARS ? `${f.error.slice(0, ERROR_CHARS)}…` : f.error };
    const size = utf8Bytes(JSON.stringify(failure)) + 1;
    if (used + size > BUDGET) break;
    summary.failures.push(failure);
    used += size;
  }
  return summary;
}

/**
 * Why a step stopped and when it carries on, for the dialogs after a send (the
 * sidebar's too); null when it did not stop. `next` is the scheduled continuation.
 */
export function stopText(step: Pick<StepReport, "stoppedBecause" | "remaining"> & { next?: string | null }): string | null {
  const when = step.next ? `${formatWarekiWithWeekday(new Date(step.next))} ${tokyoClock(new Date(step.next))}` : null;
  switch (step.stoppedBecause) {
    case "time":
      return `時間の上限に近づいたため中断しました。残り ${step.remaining}件は1分後に自動で続きを送信します。`;
    case "quota":
      return `メールの送信数の上限に達しました。残り ${step.remaining}件は、${when ? `上限が戻る${when}に` : "上限が戻りしだい"}自動で続きを送信します。\n（${QUOTA_RULE}）`;
    case "busy":
      return `別の送信処理が実行中のため、いまは送信しませんでした。${when ? `${when}に自動でもう一度実行します。` : ""}結果は「送信状況」で確認できます。`;
    default:
      return null;
  }
}
