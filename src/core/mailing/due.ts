// What a mailing owes now, read from its send log: a request to every address
// not yet tried (also those that appeared since the cycle began), a reminder
// from remindAt to those whose request went out and who have not answered, and
// after the deadline one digest to the secretariat — each once per cycle.
import { SECRETARIAT_KEY, type RequestKind, type SendKind, type SendRecord } from "../contracts/send-log";
import type { CycleDates } from "./schedule";
import { alreadyHandled } from "./send-log";

export interface Due<R extends { to: string }> {
  /** Requests and reminders, in sending order (requests first). */
  requests: { kind: RequestKind; recipient: R }[];
  /** Only ever after the deadline, when nothing else is due. */
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
}

export function dueMails<R extends { to: string }>(input: DueInput<R>): Due<R> {
  const { cycle, now, dates, log, recipients } = input;
  const tried = (kind: SendKind, to: string) => alreadyHandled(log, cycle, kind, to);
  if (now > dates.deadline) return { requests: [], digest: input.digestWanted && !tried("まとめ", SECRETARIAT_KEY) };
  const requests: Due<R>["requests"] = recipients.filter((r) => !tried("依頼", r.to)).map((recipient) => ({ kind: "依頼", recipient }));
  if (now >= dates.remindAt) {
    // Only a request that went out earns a reminder.
    const remind = recipients.filter(({ to }) => alreadyHandled(log, cycle, "依頼", to, true) && !input.answered.has(to) && !tried("再依頼", to));
    requests.push(...remind.map((recipient) => ({ kind: "再依頼" as const, recipient })));
  }
  return { requests, digest: false };
}
