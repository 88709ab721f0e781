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
  return {
    年度: team.年度,
    チーム: team.チーム,
    工程: step.工程,
    expected: { 完了日: step.完了日 ?? "", 状態: step.状態, 最終更新日: step.最終更新日 ?? "" },
    changes: { 完了日: today, 状態: "完了" },
  };
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
