// One step of a mailing cycle — the monthly follow-up here, the 局区 survey
// reuses it: send the requests, reminders and the digest that are due, each
// exactly once, within Apps Script's time and mail quotas — and schedule the
// next step (a continuation, the reminder, the digest).
import { cycleDates, cycleMonth, type CycleDates } from "../../core/follow-up/cycle";
import { composeDigest, digestRows, type ReceivedChange } from "../../core/follow-up/digest";
import { composeRequest } from "../../core/follow-up/mail";
import { ownerRequests, type OwnerRequest } from "../../core/follow-up/recipients";
import { FAILED, SENT, alreadyHandled, answeredOwners, readAnswerLog, readSendLog, requestedAt, type SendKind, type SendRecord } from "../../core/follow-up/send-log";
import { createToken, type TokenPurpose } from "../../core/follow-up/token";
import type { Route } from "../../core/issue-update";
import { cellToText } from "../../core/issue-record";
import type { Settings } from "../../core/settings";
import { SHEET } from "../../core/sheets";
import { tokyoDate, tokyoMidnight } from "../../core/tokyo-time";
import { normalizeText } from "../../core/text";
import { remainingQuota, sendMail } from "../../gas/mail";
import { linkSigner } from "../../gas/secret";
import { loadSettings } from "../../gas/settings";
import { readSheet, requireSheet, spreadsheet, storedValue } from "../../gas/sheet-table";
import { deleteTriggers, scheduleOnce, webAppUrl } from "../../gas/triggers";
import { answerLogSheet, recordSend, sendLogSheet } from "./logs";

export const CONTINUE_HANDLER = "continueFollowUp";
/** Stop well before Apps Script's 6-minute limit, leaving time to record and reschedule. */
export const TIME_BUDGET_MS = 4.5 * 60 * 1000;
const PENDING_CYCLE = "platina.followUp.cycle";
const LAST_RUN = "platina.followUp.lastRun";
/** 送信記録's 宛先 of a digest, whoever 事務局メール names. */
export const SECRETARIAT_KEY = "事務局";

export interface StepReport {
  cycle: string;
  sent: { kind: SendKind; to: string; count: number }[];
  failed: { kind: SendKind; to: string; error: string }[];
  stoppedBecause: "time" | "quota" | "busy" | null;
  remaining: number;
  next: string | null;
  at: string;
}

export interface Task {
  kind: SendKind;
  to: string;
  count: number;
  send(): void;
}

/** A mailing sent exactly once per address and kind through 送信記録: the follow-up, the 局区 survey. */
export interface Mailing {
  /** The one-off trigger that continues the mailing: after a stop, the reminder, the digest. */
  handler: string;
  /** Script properties holding the pending cycle and the last step's report (apart, so 送信状況 shows only its own). */
  pendingKey: string;
  lastRunKey: string;
  /** The mails due now, with the cycle's dates and settings to schedule the next step. */
  due(cycle: string, now: Date, log: readonly SendRecord[]): { tasks: Task[]; dates: CycleDates; settings: Settings };
}

export const FOLLOW_UP: Mailing = { handler: CONTINUE_HANDLER, pendingKey: PENDING_CYCLE, lastRunKey: LAST_RUN, due: followUpDue };

/** `retryFailed`: a person asked for the send (今すぐ送信), so addresses that failed before are tried again. */
export function runFollowUpStep(cycle: string, options: StepOptions = {}): StepReport {
  return runMailingStep(FOLLOW_UP, cycle, options);
}

export interface StepOptions {
  retryFailed?: boolean;
}

/** One step of a mailing under the script lock, so two runs never send the same mail. */
export function runMailingStep(mailing: Mailing, cycle: string, options: StepOptions = {}): StepReport {
  const started = Date.now();
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(30_000)) return remember(mailing, { cycle, sent: [], failed: [], stoppedBecause: "busy", remaining: 0, next: null, at: new Date().toISOString() });
  try {
    return remember(mailing, step(mailing, cycle, started, options));
  } finally {
    lock.releaseLock();
  }
}

function step(mailing: Mailing, cycle: string, started: number, options: StepOptions): StepReport {
  const now = new Date();
  const sendLog = sendLogSheet();
  const log = readSendLog(sendLog.values);
  const { tasks, dates, settings } = mailing.due(cycle, now, options.retryFailed ? log.filter((r) => r.result === SENT) : log);

  const report: StepReport = { cycle, sent: [], failed: [], stoppedBecause: null, remaining: 0, next: null, at: now.toISOString() };
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i];
    if (Date.now() - started > TIME_BUDGET_MS) report.stoppedBecause = "time";
    else if (remainingQuota() < 1) report.stoppedBecause = "quota";
    if (report.stoppedBecause) {
      report.remaining = tasks.length - i;
      break;
    }
    try {
      task.send();
      report.sent.push({ kind: task.kind, to: task.to, count: task.count });
      recordSend(sendLog, { at: new Date(), cycle, to: task.to, count: task.count, kind: task.kind, result: SENT, error: "" });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      report.failed.push({ kind: task.kind, to: task.to, error: message });
      recordSend(sendLog, { at: new Date(), cycle, to: task.to, count: task.count, kind: task.kind, result: FAILED, error: message });
    }
  }
  report.next = scheduleNext(mailing, cycle, report, dates, settings)?.toISOString() ?? null;
  return report;
}

function followUpDue(cycle: string, now: Date, log: readonly SendRecord[]) {
  const { settings } = loadSettings();
  const issues = requireSheet(SHEET.issues);
  const answers = readAnswerLog(answerLogSheet().values);
  const requests = ownerRequests(issues.values, cycleMonth(cycle).month, settings["⑥の照会月"]);
  const dates = cycleDates(requestedAt(log, cycle) ?? now, settings);
  const answered = answeredOwners(answers, cycle);
  const tasks = dueTasks({
    cycle, now, settings, dates, requests, answered,
    log: (kind, to) => alreadyHandled(log, cycle, kind, to),
    sent: (kind, to) => alreadyHandled(log, cycle, kind, to, true),
  });
  return { tasks, dates, settings };
}

interface Due {
  cycle: string;
  now: Date;
  settings: Settings;
  dates: CycleDates;
  requests: OwnerRequest[];
  answered: Set<string>;
  log(kind: SendKind, to: string): boolean;
  /** Only a request that went out earns a reminder. */
  sent(kind: SendKind, to: string): boolean;
}

function dueTasks(due: Due): Task[] {
  const { cycle, now, settings, dates, requests } = due;
  const tasks: Task[] = [];
  if (now <= dates.deadline) {
    // Requests also go to owners who appeared since the cycle began.
    const needLink = requests.some((r) => !due.log("依頼", r.owner)) || now >= dates.remindAt;
    const link = needLink ? linkMaker("follow-up", cycle, dates.deadline) : () => "";
    for (const r of requests) {
      if (!due.log("依頼", r.owner)) tasks.push(ownerTask("依頼", r, link(r.owner), due));
    }
    if (now >= dates.remindAt) {
      for (const r of requests) {
        if (due.sent("依頼", r.owner) && !due.answered.has(r.owner) && !due.log("再依頼", r.owner)) tasks.push(ownerTask("再依頼", r, link(r.owner), due));
      }
    }
  } else if (!due.log("まとめ", SECRETARIAT_KEY) && settings.事務局メール.length > 0) {
    tasks.push(digestTask(due));
  }
  return tasks;
}

/** Personal links to the web app, valid until the deadline; `cycle` is what the token carries. */
export function linkMaker(purpose: TokenPurpose, cycle: string, deadline: Date): (email: string) => string {
  const base = webAppUrl();
  const sign = linkSigner();
  return (email) => `${base}?t=${createToken({ purpose, email, cycle, expires: deadline.getTime() }, sign)}`;
}

function ownerTask(kind: "依頼" | "再依頼", request: OwnerRequest, link: string, due: Due): Task {
  return {
    kind,
    to: request.owner,
    count: request.issues.length,
    send: () => {
      const mail = composeRequest(request, { cycle: due.cycle, deadline: due.dates.deadline, link, senderName: due.settings.差出人名, kind });
      sendMail({ to: request.owner, ...mail, name: due.settings.差出人名, replyTo: due.settings.返信先 || undefined });
    },
  };
}

function digestTask(due: Due): Task {
  return {
    kind: "まとめ",
    to: SECRETARIAT_KEY,
    count: due.requests.length,
    send: () => {
      const input = { cycle: due.cycle, requests: due.requests, answered: due.answered, changes: receivedChanges(due.dates.requested), senderName: due.settings.差出人名 };
      writeDigestSheet(due.cycle, digestRows(input));
      sendMail({ to: due.settings.事務局メール.join(","), ...composeDigest(input), name: due.settings.差出人名 });
    },
  };
}

/** Changes that came in by `route` (a web form) since the cycle's requests went out. */
export function receivedChanges(since: Date, route: Route = "メール回答"): ReceivedChange[] {
  const history = readSheet(SHEET.history);
  const issues = readSheet(SHEET.issues);
  if (!history) return [];
  const titles = new Map<string, string>();
  if (issues) {
    const id = issues.columns.get("ID") ?? -1;
    const title = issues.columns.get("課題名") ?? -1;
    for (const row of issues.values.slice(1)) titles.set(normalizeText(row[id]), cellToText(row[title]));
  }
  const col = (h: string) => history.columns.get(h) ?? -1;
  return history.values.slice(1)
    .filter((r) => normalizeText(r[col("経路")]) === route && (r[col("日時")] as Date)?.getTime?.() >= since.getTime())
    .map((r) => ({
      at: r[col("日時")] as Date,
      id: cellToText(r[col("ID")]),
      title: titles.get(normalizeText(r[col("ID")])) ?? "",
      field: cellToText(r[col("項目")]),
      before: cellToText(r[col("変更前")]),
      after: cellToText(r[col("変更後")]),
      by: cellToText(r[col("利用者")]),
    }));
}

export function writeDigestSheet(cycle: string, rows: unknown[][]): void {
  const name = `回答状況_${cycle}`;
  const ss = spreadsheet();
  const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name);
  sheet.clearContents();
  const width = Math.max(...rows.map((r) => r.length));
  if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  sheet.getRange(1, 1, rows.length, width).setValues(rows.map((r) => [...r, ...Array(width - r.length).fill("")].map(storedValue)));
  sheet.setFrozenRows(1);
}

/** One pending continuation: soon after a stop, the next day after the quota, else the next due step. */
function scheduleNext(mailing: Mailing, cycle: string, report: StepReport, dates: CycleDates, settings: Settings): Date | null {
  const props = PropertiesService.getScriptProperties();
  const now = new Date();
  let next: Date | null = null;
  if (report.stoppedBecause === "time") next = new Date(now.getTime() + 60_000);
  else if (report.stoppedBecause === "quota") {
    const today = tokyoDate(now);
    next = new Date(tokyoMidnight(today.year, today.month, today.day).getTime() + (24 + settings.送信時刻) * 3600_000);
  } else if (now < dates.remindAt) next = dates.remindAt;
  else if (now <= dates.deadline) next = new Date(dates.deadline.getTime() + 1000);
  if (next) {
    scheduleOnce(mailing.handler, next);
    props.setProperty(mailing.pendingKey, cycle);
  } else {
    deleteTriggers(mailing.handler);
    props.deleteProperty(mailing.pendingKey);
  }
  return next;
}

export function pendingCycle(mailing: Mailing = FOLLOW_UP): string | null {
  return PropertiesService.getScriptProperties().getProperty(mailing.pendingKey);
}

function remember(mailing: Mailing, report: StepReport): StepReport {
  PropertiesService.getScriptProperties().setProperty(mailing.lastRunKey, JSON.stringify(report).slice(0, 8000));
  return report;
}

export function lastRun(): StepReport | null {
  const text = PropertiesService.getScriptProperties().getProperty(FOLLOW_UP.lastRunKey);
  return text ? (JSON.parse(text) as StepReport) : null;
}
