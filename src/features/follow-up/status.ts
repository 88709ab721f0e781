// 送信状況: the follow-up cycle's sends, answers and failures, the last step and
// the scheduled runs with the account whose trigger it is, as a dialog for the
// secretariat, in 和暦 and Tokyo time. Last month's cycle stays shown until its
// まとめ has gone out.
import { cycleLabel } from "../../core/follow-up/cycle";
import { escalationAt } from "../../core/follow-up/escalation";
import { formatTokyoDateTime, shownCycle } from "../../core/follow-up/status-view";
import { escapeHtml } from "../../core/base/text";
import { ISSUES } from "../../core/contracts/issues";
import { SENT } from "../../core/contracts/send-log";
import { answeredOwners } from "../../core/mailing/answer-log";
import { cycleDates } from "../../core/mailing/schedule";
import { requestedAt } from "../../core/mailing/send-log";
import { htmlPage } from "../../gas/pages";
import { loadSettings } from "../../gas/settings";
import { requireRecords } from "../../gas/table";
import { triggerRecords } from "../../gas/triggers";
import { uiOrNull } from "../../gas/ui";
import { QUOTA_RULE } from "../../core/mailing/quota";
import type { RunSummary } from "../../core/mailing/run-summary";
import { lastRun, pendingCycle } from "../mailing/engine";
import { readAnswers, readSendRecords } from "../mailing/log-sheets";
import { MONTHLY_HANDLER } from "./controls";
import { CONTINUE_HANDLER, FOLLOW_UP, cycleRequests } from "./mailing";

export interface SendStatus {
  cycle: string;
  /** Last month's cycle is shown because its まとめ has not been sent yet. */
  waitingForDigest: boolean;
  requestedAt: string | null;
  deadline: string | null;
  owners: { owner: string; bureau: string; count: number; request: string; reminder: string; answered: boolean }[];
  failures: { to: string; kind: string; error: string }[];
  /** When 設定 turns the 督促 on: when it goes out, and each one sent or tried (宛先, sections named, 結果). */
  escalation: { at: string | null; sent: { to: string; count: number; result: string }[] } | null;
  lastRun: RunSummary | null;
  /** Every account's scheduled runs, as recorded (Apps Script lists only the caller's own triggers). */
  nextRuns: { handler: string; owner: string; kind: string; at: string }[];
}

export function sendStatus(): SendStatus {
  const records = readSendRecords();
  const { cycle, waitingForDigest } = shownCycle(new Date(), pendingCycle(FOLLOW_UP), records);
  const { settings } = loadSettings();
  const log = records.filter((r) => r.サイクル === cycle);
  const answered = answeredOwners(readAnswers(), cycle);
  const requests = cycleRequests(requireRecords(ISSUES, []).values, cycle, settings);
  const requested = requestedAt(log, cycle);
  const state = (owner: string, kind: string) => log.find((r) => r.宛先 === owner && r.種別 === kind)?.結果 ?? "未送信";
  const status: SendStatus = {
    cycle,
    waitingForDigest,
    requestedAt: requested?.toISOString() ?? null,
    deadline: requested ? cycleDates(requested, settings).deadline.toISOString() : null,
    owners: requests.map((r) => ({ owner: r.owner, bureau: r.bureau, count: r.issues.length, request: state(r.owner, "依頼"), reminder: state(r.owner, "再依頼"), answered: answered.has(r.owner) })),
    failures: log.filter((r) => r.結果 !== SENT).map((r) => ({ to: r.宛先, kind: r.種別, error: r.エラー })),
    escalation: settings.督促
      ? {
          at: requested ? escalationAt(cycleDates(requested, settings), settings).toISOString() : null,
          sent: log.filter((r) => r.種別 === "督促").map((r) => ({ to: r.宛先, count: r.件数, result: r.結果 })),
        }
      : null,
    lastRun: lastRun(FOLLOW_UP),
    nextRuns: [MONTHLY_HANDLER, CONTINUE_HANDLER].flatMap((handler) => {
      const found = triggerRecords()[handler];
      return found ? [{ handler, ...found }] : [];
    }),
  };
  const ui = uiOrNull();
  if (ui) ui.showModelessDialog(htmlPage(statusHtml(status)).setWidth(720).setHeight(520), `送信状況（${cycleLabel(cycle)}）`);
  return status;
}

const STOP_REASONS: Record<NonNullable<RunSummary["stoppedBecause"]>, string> = { time: "実行時間の上限", quota: "1日の送信数の上限", busy: "別の送信処理が実行中" };
const HANDLER_NAMES: Record<string, string> = { [MONTHLY_HANDLER]: "毎月の自動送信", [CONTINUE_HANDLER]: "続き・再依頼・督促・まとめ" };

/** A scheduled run with the account whose trigger it is: only that account can change or remove it. */
function runText(run: SendStatus["nextRuns"][number]): string {
  const when = run.kind === "once" ? ` ${formatTokyoDateTime(run.at)}` : "";
  return `${escapeHtml(HANDLER_NAMES[run.handler] ?? run.handler)}${escapeHtml(when)}（トリガーの所有者: ${escapeHtml(run.owner)}）`;
}

/** 局区代表への督促: when it is due, then each one with the number of sections it named. */
function escalationHtml(escalation: SendStatus["escalation"]): string {
  if (!escalation) return "";
  const e = escapeHtml;
  if (escalation.sent.length === 0) {
    return `<p>局区代表への督促: ${escalation.at ? `${e(formatTokyoDateTime(escalation.at))} に未回答の所管課がある局区へ送ります` : "依頼の送信後に予定します"}</p>`;
  }
  const items = escalation.sent.map((s) => `<li>${e(s.to)}（未回答 ${s.count}課）: ${e(s.result)}</li>`).join("");
  return `<h2>局区代表への督促（${escalation.sent.length}通）</h2><ul>${items}</ul>`;
}

function statusHtml(status: SendStatus): string {
  const e = escapeHtml;
  const done = status.owners.filter((o) => o.answered).length;
  const rows = status.owners.map((o) => `<tr><td>${e(o.bureau)}</td><td>${e(o.owner)}</td><td>${o.count}</td><td>${e(o.request)}</td><td>${e(o.reminder)}</td><td>${o.answered ? "回答済" : "未回答"}</td></tr>`).join("");
  const failures = status.failures.map((f) => `<li>${e(f.kind)} ${e(f.to)}: ${e(f.error)}</li>`).join("");
  const last = status.lastRun;
  const lastText = last
    ? `${e(formatTokyoDateTime(last.at))} — 送信 ${last.sent}件、失敗 ${last.failed}件${last.stoppedBecause ? `（中断: ${STOP_REASONS[last.stoppedBecause]}、残り ${last.remaining}件）` : ""}${last.next ? `、次の処理 ${e(formatTokyoDateTime(last.next))}` : ""}`
    : "まだ実行されていません。";
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><style>
body{font:13px/1.5 system-ui,"Noto Sans CJK JP",sans-serif;color:#202124;margin:8px}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #dadce0;padding:3px 6px;text-align:left}th{background:#f1f3f4}.bad{color:#a50e0e}.note{background:#fef7e0;padding:4px 8px;border-radius:4px}
</style></head><body>
${status.waitingForDigest ? `<p class="note">${e(cycleLabel(status.cycle))}のまとめがまだ送信されていないため、このサイクルを表示しています（まとめの送信後は今月のサイクルを表示します）。</p>` : ""}
<p>依頼日時: ${status.requestedAt ? e(formatTokyoDateTime(status.requestedAt)) : "未送信"} ／ 回答期限: ${status.deadline ? e(formatTokyoDateTime(status.deadline)) : "—"} ／ 回答 ${done}/${status.owners.length}名</p>
<p>前回の実行: ${lastText}</p>
${last?.stoppedBecause === "quota" ? `<p class="note">${e(QUOTA_RULE)}</p>` : ""}
<p>予定されている自動実行: ${status.nextRuns.length ? status.nextRuns.map(runText).join("、") : "なし（「自動送信を設定」で設定できます）"}</p>
${failures ? `<h2 class="bad">送信に失敗した宛先</h2><ul class="bad">${failures}</ul>` : ""}
${escalationHtml(status.escalation)}
<table><caption style="text-align:left;font-weight:bold">担当者ごとの状況</caption><thead><tr><th scope="col">局区</th><th scope="col">担当者</th><th scope="col">件数</th><th scope="col">依頼</th><th scope="col">再依頼</th><th scope="col">回答</th></tr></thead><tbody>${rows}</tbody></table>
</body></html>`;
}
