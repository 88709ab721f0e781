// One step of a mailing cycle — the monthly follow-up, the yearly 局区 survey:
// send the requests, reminders, 督促 and digest that are due, each exactly once
// (送信記録), within Apps Script's time and mail quotas, and schedule the next
// step (a continuation, the reminder, the digest). A mailing supplies only what
// differs: who is asked, the mails' text, its form's link and the digest.
import { HISTORY, type Route } from "../../core/contracts/history";
import { FAILED, SECRETARIAT_KEY, SENT, type RequestKind, type SendKind, type SendRecord } from "../../core/contracts/send-log";
import { answeredOwners } from "../../core/mailing/answer-log";
import { receivedChanges, type ReceivedChange } from "../../core/mailing/changes";
import { dueMails, type Due } from "../../core/mailing/due";
import type { ComposedMail } from "../../core/mailing/mail";
import { quotaBackAt } from "../../core/mailing/quota";
import { summarizeStep, type RunSummary, type StepReport } from "../../core/mailing/run-summary";
import { cycleDates, type CycleDates } from "../../core/mailing/schedule";
import { requestedAt } from "../../core/mailing/send-log";
import type { TokenPurpose } from "../../core/mailing/token";
import type { Settings } from "../../core/settings";
import { remainingQuota, sendMail } from "../../gas/mail";
import { withRunLease, withWriteLock } from "../../gas/lock";
import { STATE, clearState, readState, writeState, type MailingName } from "../../gas/script-state";
import { loadSettings } from "../../gas/settings";
import { readRecords } from "../../gas/table";
import { deleteTriggers, scheduleOnce } from "../../gas/triggers";
import { linkMaker } from "./links";
import { openSendLog, readAnswers, writeDigestSheet } from "./log-sheets";

/** Stop well before Apps Script's 6-minute limit, leaving time to record and reschedule. */
const TIME_BUDGET_MS = 4.5 * 60 * 1000;
/** How long a step waits for another one to finish before giving up as busy. */
const LOCK_WAIT_MS = 30_000;
/** A step refused as busy is tried again this long after the other run's lease ends. */
const RETRY_AFTER_BUSY_MS = 60_000;
/** A notice's cycle never reaches a reminder or a deadline. */
const NEVER = new Date(8.64e15);
const NOTICE_DATES: CycleDates = { requested: NEVER, remindAt: NEVER, deadline: NEVER };

function noLink(): string {
  throw new Error("お知らせのメールには回答リンクがありません。");
}

export interface Recipient {
  to: string;
  /** 送信記録's 件数: how many items the mail lists. */
  count: number;
}

export interface RequestContext {
  cycle: string;
  dates: CycleDates;
  settings: Settings;
  /** The recipient's personal link to the mailing's form. */
  link(to: string): string;
}

export interface DigestContext {
  cycle: string;
  dates: CycleDates;
  settings: Settings;
  /** Addresses that answered this cycle (回答記録). */
  answered: ReadonlySet<string>;
  /** What the mailing's form changed since the requests went out (履歴). */
  changes: ReceivedChange[];
  /** This cycle's 督促 as 送信記録 holds them, this step's included. */
  escalations: readonly SendRecord[];
}

/** A mail after the deadline to those responsible above the recipients (the follow-up's 局区代表). */
export interface EscalationStep {
  /** From when it is due; the digest waits for it. */
  at(dates: CycleDates): Date;
  /** Who gets one, given who answered, and each one's mail (composed only when sent: it may throw to refuse an address). */
  mails(context: Omit<DigestContext, "changes" | "escalations">): { to: string; count: number; compose(): ComposedMail }[];
}

/** Who a mailing asks in a cycle, and its mails to them, read once per step. */
export interface Audience<R extends Recipient> {
  recipients: readonly R[];
  /** Called once, before sending, only when a request or reminder is due (it may read more sheets). */
  composer(context: RequestContext): (kind: RequestKind, recipient: R) => ComposedMail;
  /** After the deadline: the 回答状況 sheet's rows and the mail to the secretariat (none for a notice). */
  digest?(context: DigestContext): { rows: unknown[][]; mail: ComposedMail };
  /** The question before a person's manual send, given those not yet asked. */
  confirmation(pending: readonly R[]): string;
  /** 督促 after the deadline, when 設定 turns it on. */
  escalation?: EscalationStep | null;
}

export interface Mailing<R extends Recipient> {
  /** The one-off trigger that continues the mailing: after a stop, the reminder, the digest. */
  handler: string;
  /**
   * Names the script properties platina.<name>.cycle (the pending cycle) and
   * platina.<name>.lastRun (the last step's report), apart per mailing so 送信状況 shows only its own.
   */
  stateName: MailingName;
  /**
   * The form the links open, and the cycle the link carries for a send-log cycle. null for a
   * notice (no form): one mail per recipient and cycle, never expiring, no reminder, no digest.
   */
  linkPurpose: TokenPurpose | null;
  linkCycle(cycle: string): string;
  /** 履歴's 経路 of answers through the form. */
  route: Route;
  audience(cycle: string, settings: Settings): Audience<R>;
}

export type { StepReport };

export interface StepOptions {
  /** A person asked for the send (今すぐ送信), so addresses that failed before are tried again. */
  retryFailed?: boolean;
}

interface Task {
  kind: SendKind;
  to: string;
  count: number;
  /** What the mail takes of the daily quota, which counts recipients: the digest goes to every 事務局メール address. */
  recipients: number;
  send(): void;
}

/**
 * One step of a mailing as the only run of that mailing, so two runs never send
 * the same mail. The run holds a lease, not the write lock: a step may send for
 * 4.5 minutes, and forms, sidebars and edit triggers must still save meanwhile.
 */
export function runMailingStep<R extends Recipient>(mailing: Mailing<R>, cycle: string, options: StepOptions = {}): StepReport {
  const started = Date.now();
  return withRunLease(
    mailing.stateName,
    LOCK_WAIT_MS,
    () => remember(mailing, step(mailing, cycle, started, options)),
    (heldUntil) => remember(mailing, refusedAsBusy(mailing, cycle, heldUntil)),
  );
}

/**
 * Another run holds the mailing's lease — or held it and died, leaving it to lapse.
 * Nothing is sent now, but the step is not lost: a continuation is scheduled for
 * just after the lease ends (the continuation sends what is still due then).
 */
function refusedAsBusy<R extends Recipient>(mailing: Mailing<R>, cycle: string, heldUntil: Date | null): StepReport {
  const now = new Date();
  const at = new Date(Math.max(heldUntil?.getTime() ?? 0, now.getTime()) + RETRY_AFTER_BUSY_MS);
  const scheduled = scheduleOnce(mailing.handler, at);
  // One pending cycle per mailing: another cycle's continuation, already pending, runs first.
  const pending = readState(STATE.pendingCycle(mailing.stateName));
  if (pending === null || pending === cycle) writeState(STATE.pendingCycle(mailing.stateName), cycle);
  const next = scheduled.ok ? at : new Date(scheduled.owner.at);
  return { cycle, sent: [], failed: [], stoppedBecause: "busy", remaining: 0, next: next.toISOString(), at: now.toISOString() };
}

function step<R extends Recipient>(mailing: Mailing<R>, cycle: string, started: number, options: StepOptions): StepReport {
  const now = new Date();
  // Opening the logs creates them when missing: a write, so under the lock.
  const sendLog = withWriteLock(openSendLog, LOCK_WAIT_MS);
  const log = options.retryFailed ? sendLog.records.filter((r) => r.結果 === SENT) : sendLog.records;
  const { settings } = loadSettings();
  const audience = mailing.audience(cycle, settings);
  const answered = answeredOwners(withWriteLock(readAnswers, LOCK_WAIT_MS), cycle);
  const dates = mailing.linkPurpose ? cycleDates(requestedAt(log, cycle) ?? now, settings) : NOTICE_DATES;
  const context = { cycle, dates, settings, answered };
  const escalation = mailing.linkPurpose && audience.escalation ? audience.escalation : null;
  const escalateAt = escalation ? escalation.at(dates) : null;
  // Composed lazily: only a step on or after the 督促's day reads what it needs.
  let escalationMails: ReturnType<EscalationStep["mails"]> | null = null;
  const escalationsDue = () => (escalationMails ??= escalation ? escalation.mails(context) : []);
  const due = dueMails({
    cycle, now, dates, recipients: audience.recipients, log, answered, digestWanted: settings.事務局メール.length > 0,
    escalation: escalateAt ? { at: escalateAt, addresses: () => escalationsDue().map((m) => m.to) } : null,
  });
  // 送信記録 as it grows in this step: the digest names the 督促 sent just before it.
  const logged: SendRecord[] = [...sendLog.records];
  const tasks = [
    ...escalationTasks(escalationsDue, due.escalations, settings),
    ...dueTasks(mailing, audience, due, { ...context, escalations: () => logged.filter((r) => r.サイクル === cycle && r.種別 === "督促") }),
  ];

  const report: StepReport = { cycle, sent: [], failed: [], stoppedBecause: null, remaining: 0, next: null, at: now.toISOString() };
  // What counts against the daily quota: the logged sends, then this step's.
  const sendTimes = log.filter((r) => r.結果 === SENT && r.日時).map((r) => (r.日時 as Date).getTime());
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i];
    if (Date.now() - started > TIME_BUDGET_MS) report.stoppedBecause = "time";
    else if (remainingQuota() < task.recipients) report.stoppedBecause = "quota";
    if (report.stoppedBecause) {
      report.remaining = tasks.length - i;
      break;
    }
    // The mail goes out without the write lock; its record is written under it, one send at a time.
    let error: string | null = null;
    try {
      task.send();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    if (error === null) {
      report.sent.push({ kind: task.kind, to: task.to, count: task.count });
      sendTimes.push(Date.now());
    } else report.failed.push({ kind: task.kind, to: task.to, error });
    const record = { 日時: new Date(), サイクル: cycle, 宛先: task.to, 件数: task.count, 種別: task.kind, 結果: error === null ? SENT : FAILED, エラー: error ?? "" };
    withWriteLock(() => sendLog.append(record), LOCK_WAIT_MS);
    logged.push(record);
  }
  report.next = scheduleNext(mailing, cycle, report, dates, sendTimes, escalateAt)?.toISOString() ?? null;
  return report;
}

/** The digest is told the 督促 as 送信記録 holds them when it is sent, after this step's 督促 went out. */
type StepContext = Omit<DigestContext, "changes" | "escalations"> & { escalations(): readonly SendRecord[] };

function escalationTasks(mails: () => ReturnType<EscalationStep["mails"]>, due: readonly string[], settings: Settings): Task[] {
  if (due.length === 0) return [];
  const byAddress = new Map(mails().map((m) => [m.to, m]));
  return due.flatMap((to) => {
    const mail = byAddress.get(to);
    return mail ? [{
      kind: "督促" as const, to, count: mail.count, recipients: 1,
      send: () => sendMail({ to, ...mail.compose(), name: settings.差出人名, replyTo: settings.返信先 || undefined }),
    }] : [];
  });
}

function dueTasks<R extends Recipient>(mailing: Mailing<R>, audience: Audience<R>, due: Due<R>, step: StepContext): Task[] {
  const { cycle, dates, settings } = step;
  if (due.digest && audience.digest) return [digestTask(mailing, audience.digest, audience.recipients.length, step)];
  if (due.requests.length === 0) return [];
  // Composed up front: a missing web app or key stops the step before any send, not as a failure per address.
  const link = mailing.linkPurpose ? linkMaker(mailing.linkPurpose, mailing.linkCycle(cycle), dates.deadline) : noLink;
  const compose = audience.composer({ cycle, dates, settings, link });
  return due.requests.map(({ kind, recipient }) => ({
    kind, to: recipient.to, count: recipient.count, recipients: 1,
    send: () => sendMail({ to: recipient.to, ...compose(kind, recipient), name: settings.差出人名, replyTo: settings.返信先 || undefined }),
  }));
}

function digestTask<R extends Recipient>(mailing: Mailing<R>, digest: NonNullable<Audience<R>["digest"]>, count: number, step: StepContext): Task {
  const { cycle, dates, settings } = step;
  return {
    kind: "まとめ",
    to: SECRETARIAT_KEY,
    count,
    recipients: settings.事務局メール.length,
    send: () => {
      const { rows, mail } = digest({ ...step, escalations: step.escalations(), changes: changesSince(dates.requested, mailing.route) });
      withWriteLock(() => writeDigestSheet(cycle, rows), LOCK_WAIT_MS);
      sendMail({ to: settings.事務局メール.join(","), ...mail, name: settings.差出人名 });
    },
  };
}

function changesSince(since: Date, route: Route): ReceivedChange[] {
  const history = readRecords(HISTORY, []);
  return history ? receivedChanges(history.rows.map((row) => row.record), route, since) : [];
}

/**
 * One pending continuation: soon after a stop for time, when the quota is back
 * after a stop for it (24 hours after the first send it still counts, not at
 * midnight — G-quota), else the next due step (the reminder, the digest or the 督促).
 */
function scheduleNext<R extends Recipient>(mailing: Mailing<R>, cycle: string, report: StepReport, dates: CycleDates, sendTimes: readonly number[], escalateAt: Date | null): Date | null {
  const now = new Date();
  let next: Date | null = null;
  if (report.stoppedBecause === "time") next = new Date(now.getTime() + 60_000);
  else if (report.stoppedBecause === "quota") next = quotaBackAt(sendTimes, now.getTime());
  else if (mailing.linkPurpose && now < dates.remindAt) next = dates.remindAt;
  // With a 督促 the digest waits for it: nothing is due between the deadline and the 督促's day.
  else if (mailing.linkPurpose && now <= dates.deadline) next = escalateAt ?? new Date(dates.deadline.getTime() + 1000);
  else if (escalateAt && now < escalateAt) next = escalateAt;
  if (next) {
    // Another account's continuation is pending: it runs what is due then (a second would be a duplicate, gas/triggers).
    const scheduled = scheduleOnce(mailing.handler, next);
    if (!scheduled.ok) next = new Date(scheduled.owner.at);
    writeState(STATE.pendingCycle(mailing.stateName), cycle);
  } else {
    deleteTriggers(mailing.handler);
    clearState(STATE.pendingCycle(mailing.stateName));
  }
  return next;
}

/** The cycle a continuation is due for, if any. */
export function pendingCycle<R extends Recipient>(mailing: Mailing<R>): string | null {
  return readState(STATE.pendingCycle(mailing.stateName));
}

/** Keeps a compact summary of the step: it always parses and fits a property's 9 KB. */
function remember<R extends Recipient>(mailing: Mailing<R>, report: StepReport): StepReport {
  writeState(STATE.lastRun<RunSummary>(mailing.stateName), summarizeStep(report));
  return report;
}

export function lastRun<R extends Recipient>(mailing: Mailing<R>): RunSummary | null {
  return readState(STATE.lastRun<RunSummary>(mailing.stateName));
}
