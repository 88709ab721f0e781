// The PT section's decisions and wording, free of the DOM so Node tests cover them.
import type { ActivityInput, PtContext, PtSaveResult, PtStepView, PtTeamView } from "../shared/api";

/** "2026-11-25" → "11月25日". */
export function monthDay(day: string): string {
  const [, month, date] = day.split("-").map(Number);
  return `${month}月${date}日`;
}

export function ptHeading(context: PtContext, team: PtTeamView | undefined): string {
  if (!team) return "若手職員PT";
  return context.role === "secretariat" ? `若手職員PT（R${team.年度} 全${context.teams.length}チーム）` : `若手職員PT（${team.チーム}）`;
}

/** The team's facts as term–value pairs. */
export function teamInfo(team: PtTeamView): [string, string][] {
  const t = team.team;
  return [
    ["テーマ", t?.テーマ ?? "（未設定）"],
    ["目指す市民の実感", t?.["目指す市民の実感（成果指標）"] ?? "（未設定）"],
    ["事業所管課", t?.事業所管課 ?? "（未設定）"],
    ["メンバー", team.members.map((m) => (m.役割 ? `${m.氏名}（${m.役割}）` : m.氏名)).join("、") || "（選出されたメンバーなし）"],
  ];
}

/** A milestone's line: when it is due or was done. */
export function stepWhen(step: PtStepView): string {
  return step.完了日 ? `${monthDay(step.完了日)}に完了` : `予定 ${monthDay(step.予定)}まで`;
}

export function hoursText(hours: number, limit: number): { text: string; over: boolean } {
  return { text: `${hours} / ${limit}時間`, over: hours > limit };
}

export function hoursHelp(context: PtContext): string {
  const [year, month] = context.month.split("-").map(Number);
  return `${year}年${month}月。はみだせサポート制度の上限は月${context.limitHours}時間（所定労働時間の20%）で、所属の承認が必要です。`;
}

/** What the ticking button sends: done today, from the values the member saw. */
export function completeStep(team: PtTeamView, step: PtStepView, today: string) {
  return stepUpdate(team, step, { 完了日: today, 状態: "完了" });
}

/** 状態 a milestone goes back to when its 完了 is undone without knowing the one before. */
export const UNDONE_STATE = "進行中";

/**
 * What 「完了を取り消す」 sends, through the same save as the tick (so 履歴 records it):
 * no 完了日, and the 状態 from before the tick — known when it was ticked in this
 * sidebar, else 進行中.
 */
export function undoStep(team: PtTeamView, step: PtStepView, before?: string) {
  return stepUpdate(team, step, { 完了日: "", 状態: before ?? UNDONE_STATE });
}

function stepUpdate(team: PtTeamView, step: PtStepView, changes: { 完了日: string; 状態: string }) {
  return {
    年度: team.年度,
    チーム: team.チーム,
    工程: step.工程,
    expected: { 完了日: step.完了日 ?? "", 状態: step.状態, 最終更新日: step.最終更新日 ?? "" },
    changes,
  };
}

/** The question before a milestone is ticked done or its 完了 undone, with the button that says yes. */
export function stepQuestion(step: PtStepView, today: string, before?: string): { text: string; yes: string } {
  if (step.完了日 === null) return { text: `「${step.工程}」を今日（${monthDay(today)}）の日付で完了にしますか？`, yes: "完了にする" };
  return {
    text: `「${step.工程}」の完了（${monthDay(step.完了日)}）を取り消しますか？ 完了日を消して、状態を「${before ?? UNDONE_STATE}」に戻します。`,
    yes: "取り消す",
  };
}

/** What the sidebar says after either save, and how to go back. */
export function stepSavedText(step: PtStepView, undone: boolean, today: string): string {
  return undone
    ? `「${step.工程}」の完了を取り消しました。`
    : `「${step.工程}」を${monthDay(today)}の完了にしました。間違えたときは「完了を取り消す」で元に戻せます。`;
}

export function teamStateUpdate(team: PtTeamView, state: string) {
  return {
    年度: team.年度,
    チーム: team.チーム,
    expected: { 状態: team.team?.状態 ?? "", 最終更新日: team.team?.最終更新日 ?? "" },
    changes: { 状態: state },
  };
}

export interface ActivityForm {
  日付: string;
  種別: string;
  相手先: string;
  内容: string;
  参加者: string[];
  時間: string;
}

export function activityInput(team: PtTeamView, form: ActivityForm, confirmOverLimit = false): ActivityInput {
  return { ...form, チーム: team.チーム, ...(confirmOverLimit ? { confirmOverLimit: true } : {}) };
}

/** Checks the browser can make before asking the server (which checks everything again). */
export function activityErrors(form: ActivityForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.日付)) errors.日付 = "日付を入力してください。";
  if (form.参加者.length === 0) errors.参加者 = "参加者を1人以上選んでください。";
  if (form.時間.trim() === "") errors.時間 = "時間を入力してください（例: 1.5、1:30、90分）。";
  if (["協議", "視察", "ヒアリング"].includes(form.種別) && form.相手先.trim() === "") errors.相手先 = `${form.種別}の相手先を入力してください。`;
  return errors;
}

/** What a refused save says, with what to do. */
export function ptFailureText(result: Extract<PtSaveResult, { ok: false }>): string {
  switch (result.reason) {
    case "over_limit":
      return `${result.message}内容を確かめ、所属の承認の範囲であれば「上限を超えて記録する」を押してください。`;
    case "conflict":
      return `${result.message}表示を最新の内容に更新しました。`;
    default:
      return result.message;
  }
}
