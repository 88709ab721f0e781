// The secretariat's follow-up controls: the monthly trigger, 今すぐ送信,
// テスト送信 and the 送信状況 dialog.
import { cycleDates, cycleLabel, cycleMonth, cycleOf } from "../../core/follow-up/cycle";
import { composeRequest } from "../../core/follow-up/mail";
import { ownerRequests } from "../../core/follow-up/recipients";
import { answeredOwners, readAnswerLog, readSendLog, requestedAt } from "../../core/follow-up/send-log";
import { escapeHtml, normalizeEmail } from "../../core/plain-text";
import { SHEET } from "../../core/sheets";
import { tokyoDate, tokyoMidnight } from "../../core/tokyo-time";
import { formatWarekiWithWeekday } from "../../core/wareki";
import { sendMail } from "../../gas/mail";
import { activeUserEmail } from "../../gas/session";
import { loadSettings } from "../../gas/settings";
import { requireSheet } from "../../gas/sheet-table";
import { scheduleMonthly, triggersFor } from "../../gas/triggers";
import { tell, uiOrNull } from "../../gas/ui";
import { requireSecretariat } from "../secretariat";
import { answerLogSheet, sendLogSheet } from "./logs";
import { CONTINUE_HANDLER, lastRun, pendingCycle, runFollowUpStep, type StepReport } from "./run";

export const MONTHLY_HANDLER = "runMonthlyFollowUp";

function formatTime(date: Date): string {
  return `${formatWarekiWithWeekday(date)} ${Utilities.formatDate(date, "Asia/Tokyo", "H:mm")}`;
}

/** The next 送信日 at 送信時刻 after now, Tokyo time. */
function nextMonthlyRun(day: number, hour: number, now = new Date()): Date {
  const today = tokyoDate(now);
  for (let offset = 0; offset < 2; offset++) {
    const month = today.month + offset;
    const at = new Date(tokyoMidnight(today.year + Math.floor((month - 1) / 12), ((month - 1) % 12) + 1, day).getTime() + hour * 3600_000);
    if (at > now) return at;
  }
  return now;
}

export function installMonthlyTrigger(): { next: string } {
  requireSecretariat("自動送信の設定");
  const { settings } = loadSettings();
  scheduleMonthly(MONTHLY_HANDLER, settings.送信日, settings.送信時刻);
  const next = nextMonthlyRun(settings.送信日, settings.送信時刻);
  tell("自動送信を設定", `毎月${settings.送信日}日 ${settings.送信時刻}時に進捗確認メールを自動送信します。\n次回: ${formatTime(next)}\n\nトリガーはこの操作をしたアカウントで動きます。個人ではなく市政変革推進室の共有アカウントで設定してください。`);
  return { next: next.toISOString() };
}

export function runMonthly(): StepReport {
  return runFollowUpStep(cycleOf(new Date()));
}

export function runContinuation(): StepReport {
  return runFollowUpStep(pendingCycle() ?? cycleOf(new Date()));
}

/** 今すぐ送信: confirms with the numbers first when a person is at the sheet. */
export function sendNow(): StepReport | { cancelled: true } {
  requireSecretariat("今すぐ送信");
  const cycle = cycleOf(new Date());
  const ui = uiOrNull();
  if (ui) {
    const { settings } = loadSettings();
    const requests = ownerRequests(requireSheet(SHEET.issues).values, cycleMonth(cycle).month, settings["⑥の照会月"]);
    const log = readSendLog(sendLogSheet().values);
    const pending = requests.filter((r) => !log.some((l) => l.cycle === cycle && l.kind === "依頼" && l.to === r.owner));
    const issues = pending.reduce((n, r) => n + r.issues.length, 0);
    const answer = ui.alert("今すぐ送信", `${cycleLabel(cycle)}の進捗確認メールを、まだ送っていない ${pending.length}名（課題 ${issues}件）に送信します。よろしいですか？`, ui.ButtonSet.YES_NO);
    if (answer !== ui.Button.YES) return { cancelled: true };
  }
  const report = runFollowUpStep(cycle, { retryFailed: true });
  tell("今すぐ送信", stepSummary(report));
  return report;
}

/** What a step did, for the dialog after a manual send. */
export function stepSummary(report: StepReport): string {
  const lines = [`送信 ${report.sent.length}件、失敗 ${report.failed.length}件。`];
  if (report.stoppedBecause === "time") lines.push(`時間の上限に近づいたため中断しました。残り ${report.remaining}件は1分後に自動で続きを送信します。`);
  if (report.stoppedBecause === "quota") lines.push(`本日のメール送信数の上限に達しました。残り ${report.remaining}件は翌日に自動で送信します。`);
  if (report.stoppedBecause === "busy") lines.push("別の送信処理が実行中です。しばらくしてから送信状況を確認してください。");
  for (const f of report.failed) lines.push(`失敗: ${f.to}（${f.error}）`);
  return lines.join("\n");
}

/** テスト送信: mails the current user what one owner would get, marked as a test; nothing is recorded. */
export function sendPreview(ownerEmail?: string): { to: string; owner: string; subject: string } {
  requireSecretariat("テスト送信");
  const me = activeUserEmail();
  const { settings } = loadSettings();
  const cycle = cycleOf(new Date());
  const requests = ownerRequests(requireSheet(SHEET.issues).values, cycleMonth(cycle).month, settings["⑥の照会月"]);
  if (requests.length === 0) throw new Error("今月の照会対象の課題がありません。");
  let owner = ownerEmail ? normalizeEmail(ownerEmail) : "";
  const ui = uiOrNull();
  if (!owner && ui) {
    const response = ui.prompt("テスト送信", `どの担当者宛てのメールを試しますか？ メールアドレスを入力してください。\n（空欄なら ${requests[0].owner}）`, ui.ButtonSet.OK_CANCEL);
    if (response.getSelectedButton() !== ui.Button.OK) throw new Error("テスト送信を取り消しました。");
    owner = normalizeEmail(response.getResponseText());
  }
  const request = owner ? requests.find((r) => r.owner === owner) : requests[0];
  if (!request) throw new Error(`「${owner}」は今月の照会対象の担当者ではありません。`);
  const dates = cycleDates(new Date(), settings);
  const mail = composeRequest(request, { cycle, deadline: dates.deadline, link: "（テスト送信のため回答リンクは無効です）", senderName: settings.差出人名, kind: "依頼", test: true });
  sendMail({ to: me, ...mail, name: settings.差出人名 });
  tell("テスト送信", `${request.owner} 宛てのメールを、テストとして ${me} に送信しました。`);
  return { to: me, owner: request.owner, subject: mail.subject };
}

export interface SendStatus {
  cycle: string;
  requestedAt: string | null;
  deadline: string | null;
  owners: { owner: string; bureau: string; count: number; request: string; reminder: string; answered: boolean }[];
  failures: { to: string; kind: string; error: string }[];
  lastRun: StepReport | null;
  nextRuns: { handler: string }[];
}

export function sendStatus(): SendStatus {
  const cycle = pendingCycle() ?? cycleOf(new Date());
  const { settings } = loadSettings();
  const log = readSendLog(sendLogSheet().values).filter((r) => r.cycle === cycle);
  const answered = answeredOwners(readAnswerLog(answerLogSheet().values), cycle);
  const requests = ownerRequests(requireSheet(SHEET.issues).values, cycleMonth(cycle).month, settings["⑥の照会月"]);
  const requested = requestedAt(log, cycle);
  const state = (owner: string, kind: string) => log.find((r) => r.to === owner && r.kind === kind)?.result ?? "未送信";
  const status: SendStatus = {
    cycle,
    requestedAt: requested?.toISOString() ?? null,
    deadline: requested ? cycleDates(requested, settings).deadline.toISOString() : null,
    owners: requests.map((r) => ({ owner: r.owner, bureau: r.bureau, count: r.issues.length, request: state(r.owner, "依頼"), reminder: state(r.owner, "再依頼"), answered: answered.has(r.owner) })),
    failures: log.filter((r) => r.result !== "送信済").map((r) => ({ to: r.to, kind: r.kind, error: r.error })),
    lastRun: lastRun(),
    nextRuns: [...triggersFor(MONTHLY_HANDLER), ...triggersFor(CONTINUE_HANDLER)].map((t) => ({ handler: t.getHandlerFunction() })),
  };
  const ui = uiOrNull();
  if (ui) ui.showModelessDialog(HtmlService.createHtmlOutput(statusHtml(status)).setWidth(720).setHeight(520), `送信状況（${cycleLabel(cycle)}）`);
  return status;
}

function statusHtml(status: SendStatus): string {
  const e = escapeHtml;
  const done = status.owners.filter((o) => o.answered).length;
  const rows = status.owners.map((o) => `<tr><td>${e(o.bureau)}</td><td>${e(o.owner)}</td><td>${o.count}</td><td>${e(o.request)}</td><td>${e(o.reminder)}</td><td>${o.answered ? "回答済" : "未回答"}</td></tr>`).join("");
  const failures = status.failures.map((f) => `<li>${e(f.kind)} ${e(f.to)}: ${e(f.error)}</li>`).join("");
  const last = status.lastRun;
  const lastText = last
    ? `${e(last.at)} — 送信 ${last.sent.length}件、失敗 ${last.failed.length}件${last.stoppedBecause ? `（中断: ${e(last.stoppedBecause)}、残り ${last.remaining}件）` : ""}${last.next ? `、次の処理 ${e(last.next)}` : ""}`
    : "まだ実行されていません。";
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><style>
body{font:13px/1.5 system-ui,"Noto Sans CJK JP",sans-serif;color:#202124;margin:8px}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #dadce0;padding:3px 6px;text-align:left}th{background:#f1f3f4}.bad{color:#a50e0e}
</style></head><body>
<p>依頼日: ${status.requestedAt ? e(status.requestedAt.slice(0, 10)) : "未送信"} ／ 回答期限: ${status.deadline ? e(status.deadline.slice(0, 10)) : "—"} ／ 回答 ${done}/${status.owners.length}名</p>
<p>前回の実行: ${lastText}</p>
<p>予定されている自動実行: ${status.nextRuns.length ? status.nextRuns.map((r) => e(r.handler)).join("、") : "なし（「自動送信を設定」で設定できます）"}</p>
${failures ? `<h2 class="bad">送信に失敗した宛先</h2><ul class="bad">${failures}</ul>` : ""}
<table><caption style="text-align:left;font-weight:bold">担当者ごとの状況</caption><thead><tr><th scope="col">局区</th><th scope="col">担当者</th><th scope="col">件数</th><th scope="col">依頼</th><th scope="col">再依頼</th><th scope="col">回答</th></tr></thead><tbody>${rows}</tbody></table>
</body></html>`;
}
