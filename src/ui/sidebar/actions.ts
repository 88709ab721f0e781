// The secretariat's 「報告・送信」 buttons: which entry point each calls, and what
// the sidebar says afterwards — DOM-free, so Node tests cover the wording.
import { stopText } from "../../core/mailing/run-summary";
import type * as EntryPoints from "../../entry-points";
import { formatDateTime } from "./logic";

export const REPORT_ACTIONS = [
  { group: "報告", name: "createProgressReport", label: "進捗報告を作成" },
  { group: "報告", name: "createPlatinaReport", label: "プラチナレポートを作成" },
  { group: "進捗確認メール", name: "showFollowUpStatus", label: "送信状況" },
  { group: "進捗確認メール", name: "sendFollowUpNow", label: "今すぐ送信" },
  { group: "進捗確認メール", name: "sendFollowUpPreview", label: "テスト送信" },
  { group: "進捗確認メール", name: "installFollowUpTrigger", label: "自動送信を設定" },
  { group: "局区への照会", name: "sendBureauSurvey", label: "各局区への取組照会" },
  { group: "若手職員PT", name: "sendPtHoursSummary", label: "PT活動時間を所属長へ送信" },
] as const;

export type ReportAction = (typeof REPORT_ACTIONS)[number];
export type ReportActionName = ReportAction["name"];

/** The entry points the buttons call, called without arguments so each asks in its own dialog. */
export type ReportsApi = Pick<typeof EntryPoints, ReportActionName>;

export interface Outcome {
  kind: "ok" | "error";
  text: string;
}

type Step = { sent: unknown[]; failed: { to: string; error: string }[]; stoppedBecause: "time" | "quota" | "busy" | null; remaining: number; next?: string | null };

function field<T>(value: unknown, key: string): T | undefined {
  return value && typeof value === "object" && key in value ? ((value as Record<string, unknown>)[key] as T) : undefined;
}

/** A send that did not run ({ok: false}) reads like a step that stopped at once when another send held the lock. */
const BUSY: Step = { sent: [], failed: [], stoppedBecause: "busy", remaining: 0 };

function stepOutcome(result: unknown): Outcome {
  const refused = field(result, "ok") === false;
  if (refused && field(result, "reason") === "cancelled") return { kind: "ok", text: "送信を取りやめました。何も送信していません。" };
  const step = refused ? BUSY : (result as Step);
  const lines = [`送信 ${step.sent.length}件、失敗 ${step.failed.length}件。`];
  const stopped = stopText(step);
  if (stopped) lines.push(stopped);
  for (const f of step.failed) lines.push(`失敗: ${f.to}（${f.error}）`);
  return { kind: step.failed.length > 0 || step.stoppedBecause === "busy" ? "error" : "ok", text: lines.join("\n") };
}

/** What the sidebar says after an action returned `result`. */
export function actionOutcome(name: ReportActionName, result: unknown): Outcome {
  switch (name) {
    case "createProgressReport":
      if (result === null || result === undefined) return { kind: "ok", text: "進捗報告のダイアログを開きました。基準日と年度を選んで作成してください。" };
      return { kind: field(result, "ok") ? "ok" : "error", text: String(field(result, "message") ?? "") };
    case "createPlatinaReport":
      return { kind: "ok", text: `プラチナレポート（${field<string>(result, "year") ?? ""}）のダイアログを開きました。プレビューを確認して保存してください。` };
    case "showFollowUpStatus": {
      const owners = field<{ answered: boolean }[]>(result, "owners") ?? [];
      const failures = field<unknown[]>(result, "failures") ?? [];
      const failed = failures.length ? `、送信失敗 ${failures.length}件` : "";
      return { kind: "ok", text: `送信状況のダイアログを開きました（回答 ${owners.filter((o) => o.answered).length}/${owners.length}名${failed}）。` };
    }
    case "sendPtHoursSummary":
      if (field(result, "reason") === "forbidden") return { kind: "error", text: String(field(result, "message") ?? "") };
      return stepOutcome(result);
    case "sendFollowUpNow":
    case "sendBureauSurvey":
      return stepOutcome(result);
    case "sendFollowUpPreview":
      if (field(result, "ok") === false) return { kind: "ok", text: String(field(result, "message") ?? "") };
      return { kind: "ok", text: `${field<string>(result, "owner") ?? ""} 宛てのメールを、テストとして ${field<string>(result, "to") ?? ""} に送信しました。` };
    case "installFollowUpTrigger":
      if (field(result, "ok") === false) return { kind: "error", text: String(field(result, "message") ?? "") };
      return { kind: "ok", text: `毎月の自動送信を設定しました。次回: ${formatDateTime(String(field(result, "next") ?? ""))}` };
  }
}

export function failureOutcome(action: ReportAction, message: string): Outcome {
  return { kind: "error", text: `「${action.label}」を実行できませんでした。${message}` };
}
