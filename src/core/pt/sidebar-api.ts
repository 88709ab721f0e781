// What the sidebar's PT section gets from and sends to the server (plain objects
// only: days as "YYYY-MM-DD", stamps as ISO strings), and the team view it shows.
import type { ActivityKind } from "../contracts/pt-activities";
import type { StepState } from "../contracts/pt-steps";
import type { TeamState } from "../contracts/pt-teams";
import { hoursOf, monthOf, type Day } from "../contracts/pt-values";
import type { Refusal } from "../outcome";
import type { Activity } from "./activities";
import { monthlyMinutes } from "./hours";
import { selectedMembers, type MemberRecord } from "./members";
import { stepMark, type StepMark } from "./progress-table";
import type { StepRecord } from "./steps";
import type { TeamRecord } from "./teams";

export type PtRole = "secretariat" | "member" | "none";

export interface PtMemberView {
  氏名: string;
  メール: string;
  役割: string | null;
  /** PT hours of the context's month. */
  hours: number;
}

export interface PtStepView {
  工程: string;
  予定: Day;
  完了日: Day | null;
  状態: StepState;
  メモ: string | null;
  最終更新日: string | null;
  mark: StepMark;
}

export interface PtActivityView {
  日付: Day;
  種別: ActivityKind;
  相手先: string | null;
  参加者: string;
  hours: number;
}

export interface PtTeamView {
  年度: number;
  チーム: string;
  /** The PT row; null when the team is only on PTメンバー. */
  team: Pick<TeamRecord, "テーマ" | "目指す市民の実感（成果指標）" | "事業所管課" | "状態" | "最終更新日"> | null;
  members: PtMemberView[];
  steps: PtStepView[];
  /** The latest activities, newest first. */
  recent: PtActivityView[];
}

export interface PtContext {
  user: string;
  role: PtRole;
  /** 令和 year of today. */
  year: number;
  today: Day;
  /** "YYYY-MM" the members' hours are counted for. */
  month: string;
  limitHours: number;
  kinds: readonly ActivityKind[];
  teamStates: readonly TeamState[];
  /** A member's own team; every team for the secretariat; none otherwise. */
  teams: PtTeamView[];
}

/** An activity as the form sends it; 参加者 are members' メール. */
export interface ActivityInput {
  日付: string;
  チーム: string;
  種別: string;
  相手先: string;
  内容: string;
  参加者: string[];
  時間: string;
  /** The member saw the はみだせサポート warning and saves anyway. */
  confirmOverLimit?: boolean;
}

export type PtFailureReason = "invalid" | "forbidden" | "conflict" | "not_found" | "busy" | "over_limit" | "contract";

export type PtSaveResult =
  | { ok: true; message: string; team: PtTeamView }
  | (Refusal<PtFailureReason> & {
      /** Field → message, for the form's inline errors. */
      errors?: Record<string, string>;
      /** over_limit: one polite line per member the save would take over the limit. */
      warnings?: string[];
      /** conflict: the team as it is now. */
      team?: PtTeamView;
    });

const RECENT = 5;

/** One team as the sidebar shows it, from records already read. */
export function teamView(
  input: { members: readonly MemberRecord[]; teams: readonly TeamRecord[]; steps: readonly StepRecord[]; activities: readonly Activity[] },
  year: number,
  team: string,
  today: Day,
): PtTeamView {
  const month = monthOf(today);
  const minutes = monthlyMinutes(input.activities);
  const row = input.teams.find((t) => t.年度 === year && t.チーム === team);
  return {
    年度: year,
    チーム: team,
    team: row ? { テーマ: row.テーマ, "目指す市民の実感（成果指標）": row["目指す市民の実感（成果指標）"], 事業所管課: row.事業所管課, 状態: row.状態, 最終更新日: row.最終更新日 } : null,
    members: selectedMembers(input.members, year)
      .filter((m) => m.チーム === team)
      .map((m) => ({ 氏名: m.氏名, メール: m.メール, 役割: m.役割, hours: hoursOf(minutes.get(m.メール)?.get(month) ?? 0) })),
    steps: input.steps
      .filter((s) => s.年度 === year && s.チーム === team)
      .map((s) => ({ 工程: s.工程, 予定: s.予定, 完了日: s.完了日, 状態: s.状態, メモ: s.メモ, 最終更新日: s.最終更新日, mark: stepMark(s, today) })),
    recent: input.activities
      .filter((a) => a.年度 === year && a.チーム === team)
      .sort((a, b) => (a.日付 < b.日付 ? 1 : a.日付 > b.日付 ? -1 : 0))
      .slice(0, RECENT)
      .map((a) => ({ 日付: a.日付, 種別: a.種別, 相手先: a.相手先, 参加者: a.参加者.map((m) => m.氏名).join("、"), hours: hoursOf(a.minutes) })),
  };
}
