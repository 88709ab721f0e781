// What a mailing owes now, read from its send log: a request to every address
// not yet tried (also those that appeared since the cycle began), a reminder
// from remindAt to those whose request went out and who have not answered, and
// after the deadline one digest to the secretariat — each once per cycle. With a
// 督促, the digest waits for its day and goes out after it, so it can say which
// bureaus were escalated.
import { SECRETARIAT_KEY, type RequestKind, type SendKind, type SendRecord } from "../contracts/send-log";
import type { CycleDates } from "./schedule";
import { alreadyHandled } from "./send-log";

export interface Due<R extends { to: string }> {
  /** Requests and reminders, in sending order (requests first). */
  requests: { kind: RequestKind; recipient: R }[];
  /** 督促 addresses not yet tried, on or after the 督促's day. */
  escalations: string[];
  /** Only ever after the deadline (and the 督促's day), when nothing but 督促 is due. */
  digest: boolean;
}

export interface DueInput<R extends { to: string }> {
  cycle: string;
  now: Date;
  dates: CycleDates;
  /** Those asked this cycle, by address, in sending order. */
  recipients: readonly R[];
  log: readonly SendRecord[];
  answered: ReadonlySet<string>;
  /** Whether 設定 names anyone to send the digest to. */
  digestWanted: boolean;
  /** The 督促, when 設定 turns it on: from when, and to which addresses (computed only once it is due). */
  escalation?: { at: Date; addresses(): readonly string[] } | null;
}

export function dueMails<R extends { to: string }>(input: DueInput<R>): Due<R> {
  const { cycle, now, dates, log, recipients } = input;
  const tried = (kind: SendKind, to: string) => alreadyHandled(log, cycle, kind, to);
  if (now > dates.deadline) {
    const escalation = input.escalation ?? null;
    if (escalation && now < escalation.at) return { requests: [], escalations: [], digest: false };
    const escalations = escalation ? escalation.addresses().filter((to) => !tried("督促", to)) : [];
    return { requests: [], escalations, digest: input.digestWanted && !tried("まとめ", SECRETARIAT_KEY) };
  }
  const requests: Due<R>["requests"] = recipients.filter((r) => !tried("依頼", r.to)).map((recipient) => ({ kind: "依頼", recipient }));
  if (now >= dates.remindAt) {
    // Only a request that went out earns a reminder.
    const remind = recipients.filter(({ to }) => alreadyHandled(log, cycle, "依頼", to, true) && !input.answered.has(to) && !tried("再依頼", to));
    requests.push(...remind.map((recipient) => ({ kind: "再依頼" as const, recipient })));
  }
  return { requests, escalations: [], digest: false };
}
