// The secretariat's follow-up controls: the monthly trigger, 今すぐ送信 and テスト送信.
import { cycleOf } from "../../core/follow-up/cycle";
import { composeRequest } from "../../core/follow-up/mail";
import { cycleDates } from "../../core/mailing/schedule";
import { normalizeEmail } from "../../core/base/text";
import { tokyoClock, tokyoDate, tokyoMidnight } from "../../core/base/tokyo-time";
import { ISSUES } from "../../core/contracts/issues";
import { dayOf } from "../../core/contracts/pt-values";
import { formatWarekiWithWeekday } from "../../core/wareki";
import { sendMail } from "../../gas/mail";
import { activeUserEmail, effectiveUserEmail } from "../../gas/session";
import { loadSettings } from "../../gas/settings";
import { scheduleMonthly } from "../../gas/triggers";
import { requireRecords } from "../../gas/table";
import { tell, uiOrNull } from "../../gas/ui";
import { pendingCycle, runMailingStep, type StepReport } from "../mailing/engine";
import { sendWithConfirmation, type ManualSendResult } from "../mailing/manual-send";
import { refreshSummaryAsOf } from "../summary-as-of";
import { FOLLOW_UP, cycleRequests } from "./mailing";

export const MONTHLY_HANDLER = "runMonthlyFollowUp";

function formatTime(date: Date): string {
  return `${formatWarekiWithWeekday(date)} ${tokyoClock(date)}`;
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

export type InstallResult = { ok: true; next: string; owner: string } | { ok: false; reason: "owned-by-another"; message: string; owner: string };

export function installMonthlyTrigger(): InstallResult {
  const { settings } = loadSettings();
  const scheduled = scheduleMonthly(MONTHLY_HANDLER, settings.送信日, settings.送信時刻);
  if (!scheduled.ok) {
    // Another account's trigger: this account can neither see nor replace it (G-inst).
    const owner = scheduled.owner.owner;
    const message = `毎月の自動送信は ${owner} のアカウントで設定済みのため、変更しませんでした。送信日・送信時刻を変えるときは、${owner} のアカウントで「自動送信を設定」を実行してください（トリガーは設定したアカウントで動き、そのアカウントだけが変更・削除できます）。`;
    tell("自動送信を設定", message);
    return { ok: false, reason: "owned-by-another", message, owner };
  }
  const next = nextMonthlyRun(settings.送信日, settings.送信時刻);
  tell("自動送信を設定", `毎月${settings.送信日}日 ${settings.送信時刻}時に進捗確認メールを自動送信します。\n次回: ${formatTime(next)}\n\nトリガーはこの操作をしたアカウントで動きます。個人ではなく市政変革推進室の共有アカウントで設定してください。`);
  return { ok: true, next: next.toISOString(), owner: effectiveUserEmail() };
}

/** The monthly trigger: 集計's 基準日 moves on to today, then the month's requests go out. */
export function runMonthly(): StepReport {
  refreshSummaryAsOf();
  return runMailingStep(FOLLOW_UP, cycleOf(new Date()));
}

export function runContinuation(): StepReport {
  return runMailingStep(FOLLOW_UP, pendingCycle(FOLLOW_UP) ?? cycleOf(new Date()));
}

/** 今すぐ送信: a person asked, so addresses that failed before are tried again. */
export function sendNow(): ManualSendResult {
  return sendWithConfirmation(FOLLOW_UP, cycleOf(new Date()), "今すぐ送信", { retryFailed: true });
}

export type PreviewResult = { ok: true; to: string; owner: string; subject: string } | { ok: false; reason: "cancelled"; message: string };

/** テスト送信: mails the current user what one owner would get, marked as a test; nothing is recorded. */
export function sendPreview(ownerEmail?: string): PreviewResult {
  const me = activeUserEmail();
  const { settings } = loadSettings();
  const cycle = cycleOf(new Date());
  const requests = cycleRequests(requireRecords(ISSUES, []).values, cycle, settings);
  if (requests.length === 0) throw new Error("今月の照会対象の課題がありません。");
  let owner = ownerEmail ? normalizeEmail(ownerEmail) : "";
  const ui = uiOrNull();
  if (!owner && ui) {
    const response = ui.prompt("テスト送信", `どの担当者宛てのメールを試しますか？ メールアドレスを入力してください。\n（空欄なら ${requests[0].owner}）`, ui.ButtonSet.OK_CANCEL);
    if (response.getSelectedButton() !== ui.Button.OK) return { ok: false, reason: "cancelled", message: "テスト送信を取り消しました。" };
    owner = normalizeEmail(response.getResponseText());
  }
  const request = owner ? requests.find((r) => r.owner === owner) : requests[0];
  if (!request) throw new Error(`「${owner}」は今月の照会対象の担当者ではありません。`);
  const dates = cycleDates(new Date(), settings);
  const mail = composeRequest(request, { cycle, asOf: dayOf(new Date()), deadline: dates.deadline, link: "（テスト送信のため回答リンクは無効です）", senderName: settings.差出人名, kind: "依頼", test: true });
  sendMail({ to: me, ...mail, name: settings.差出人名 });
  tell("テスト送信", `${request.owner} 宛てのメールを、テストとして ${me} に送信しました。`);
  return { ok: true, to: me, owner: request.owner, subject: mail.subject };
}
