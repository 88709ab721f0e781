// 「プロジェクトチームによる検討状況」: the progress report's page on the PT teams as of
// a day — theme, members, milestones done and late, activities by kind, next milestone —
// and the roadmap table. Built from PT sheet records already replayed to that day.
import type { Block, Cell, ReportSection } from "../report-document";
import { ACTIVITY_KINDS, type ActivityKind } from "../contracts/pt-activities";
import type { Activity } from "./activities";
import { selectedMembers, type MemberRecord } from "./members";
import { stepMark } from "./progress-table";
import { roadmap, roadmapCellText, roadmapHtml, FISCAL_MONTHS, type Roadmap } from "./roadmap";
import type { StepRecord } from "./steps";
import type { TeamRecord } from "./teams";
import { fiscalYearOfDay, type Day } from "../contracts/pt-values";

export const PT_SECTION_HEADING = "プロジェクトチームによる検討状況";
const NOT_SET = "（未設定）";

export interface PtReportInput {
  members: readonly MemberRecord[];
  teams: readonly TeamRecord[];
  steps: readonly StepRecord[];
  activities: readonly Activity[];
  asOf: Day;
}

export interface TeamStatus {
  チーム: string;
  テーマ: string | null;
  成果指標: string | null;
  事業所管課: string | null;
  /** Selected members' names, with their 役割 when given. */
  members: string[];
  done: { 工程: string; 完了日: Day }[];
  late: { 工程: string; 予定: Day }[];
  /** Activities on or before the as-of day, by kind. */
  activities: Record<ActivityKind, number>;
  /** The earliest milestone neither done nor late. */
  next: { 工程: string; 予定: Day } | null;
}

export interface PtStatus {
  year: number;
  asOf: Day;
  teams: TeamStatus[];
  roadmap: Roadmap;
}

/** Each team of the as-of day's fiscal year: PT sheet order first, then teams only members or steps name. */
export function ptStatus(input: PtReportInput): PtStatus {
  const { asOf } = input;
  const year = fiscalYearOfDay(asOf);
  const teamRows = input.teams.filter((t) => t.年度 === year);
  const selected = selectedMembers(input.members, year);
  const steps = input.steps.filter((s) => s.年度 === year);
  const names = [...new Set([...teamRows.map((t) => t.チーム), ...selected.map((m) => m.チーム!), ...steps.map((s) => s.チーム)])];
  const teams = names.map((name): TeamStatus => {
    const row = teamRows.find((t) => t.チーム === name);
    const own = steps.filter((s) => s.チーム === name).sort((a, b) => (a.予定 < b.予定 ? -1 : a.予定 > b.予定 ? 1 : 0));
    const activities = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, 0])) as Record<ActivityKind, number>;
    for (const a of input.activities) if (a.年度 === year && a.チーム === name && a.日付 <= asOf) activities[a.種別]++;
    const next = own.find((s) => stepMark(s, asOf) === "予定");
    return {
      チーム: name,
      テーマ: row?.テーマ ?? null,
      成果指標: row?.["目指す市民の実感（成果指標）"] ?? null,
      事業所管課: row?.事業所管課 ?? null,
      members: selected.filter((m) => m.チーム === name).map((m) => (m.役割 ? `${m.氏名}（${m.役割}）` : m.氏名)),
      done: own.filter((s) => stepMark(s, asOf) === "完了").map((s) => ({ 工程: s.工程, 完了日: s.完了日! })),
      late: own.filter((s) => stepMark(s, asOf) === "遅れ").map((s) => ({ 工程: s.工程, 予定: s.予定 })),
      activities,
      next: next ? { 工程: next.工程, 予定: next.予定 } : null,
    };
  });
  return { year, asOf, teams, roadmap: roadmap(steps, names, year, asOf) };
}

function monthDay(day: Day): string {
  const [, month, date] = day.split("-").map(Number);
  return `${month}月${date}日`;
}

/** 視察・ヒアリング・協議 always (the seed's three), other kinds when there were any. */
export function activitySummary(counts: Record<ActivityKind, number>): string {
  const main: ActivityKind[] = ["視察", "ヒアリング", "協議"];
  const kinds = [...main, ...ACTIVITY_KINDS.filter((k) => !main.includes(k) && counts[k] > 0)];
  return kinds.map((k) => `${k} ${counts[k]}件`).join("、");
}

/** The report section: one table row per team, then the roadmap table. */
export function ptReportSection(status: PtStatus): ReportSection {
  const [year, month, day] = status.asOf.split("-").map(Number);
  const when = `${year}年${month}月${day}日`;
  if (status.teams.length === 0) {
    return { heading: PT_SECTION_HEADING, blocks: [{ text: `令和${status.year}年度のプロジェクトチームはまだ登録されていません（${when}時点）。` }] };
  }
  const rows: Cell[][] = status.teams.map((t) => [
    t.チーム,
    t.テーマ ?? NOT_SET,
    t.members.join("、") || "（選出されたメンバーなし）",
    t.done.map((s) => `${s.工程}（${monthDay(s.完了日)}）`).join("、") || "なし",
    t.late.map((s) => `${s.工程}（予定 ${monthDay(s.予定)}）`).join("、") || "なし",
    activitySummary(t.activities),
    t.next ? `${t.next.工程}（${monthDay(t.next.予定)}まで）` : "なし",
  ]);
  const blocks: Block[] = [
    { text: `${when}時点の若手職員プロジェクトチーム（${status.teams.length}チーム）の検討状況です。活動件数は${when}までの累計です。` },
    ...status.teams.map((t) => ({
      text: `${t.チーム}: テーマ「${t.テーマ ?? NOT_SET}」、目指す市民の実感「${t.成果指標 ?? NOT_SET}」、事業所管課 ${t.事業所管課 ?? NOT_SET}`,
    })),
    {
      table: {
        caption: "チームごとの検討状況",
        header: ["チーム", "テーマ", "メンバー", "完了した工程", "遅れている工程", "活動", "次の工程"],
        rows,
      },
    },
    {
      table: {
        caption: "チームごとの工程（予定月）",
        header: ["チーム", ...FISCAL_MONTHS.map((m) => `${m}月`)],
        rows: status.roadmap.rows.map((r) => [r.チーム, ...r.months.map(roadmapCellText)]),
        html: roadmapHtml(status.roadmap),
      },
    },
  ];
  return { heading: PT_SECTION_HEADING, blocks };
}
