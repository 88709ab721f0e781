// The PT demo (R8): two teams of the seed's example themes, and the report as of the 第3回X会議 (2026-11-25).
import { describe, expect, it } from "vitest";
import { readActivities } from "../../src/core/pt/activities";
import { monthlySummary } from "../../src/core/pt/hours";
import { nearestMeeting, readMeetings } from "../../src/core/pt/meetings";
import { readMembers } from "../../src/core/pt/members";
import { ptProgressTable } from "../../src/core/pt/progress-table";
import { ptReportSection, ptStatus } from "../../src/core/pt/report-section";
import { SEED_STEPS, readSteps } from "../../src/core/pt/steps";
import { readTeams } from "../../src/core/pt/teams";
import { parseDay } from "../../src/core/contracts/pt-values";
import { SEED_BUREAUS } from "../../src/core/contracts/bureaus";
import { MEETINGS } from "../../src/core/contracts/meetings";
import { PT_ACTIVITIES } from "../../src/core/contracts/pt-activities";
import { PT_MEMBERS } from "../../src/core/contracts/pt-members";
import { PT_STEPS } from "../../src/core/contracts/pt-steps";
import { PT_TEAMS } from "../../src/core/contracts/pt-teams";
import {
  meetingSheet,
  ptActivitySheet,
  ptMemberSheet,
  ptStepSheet,
  ptTeamSheet,
} from "../../src/demo/pt";

const AS_OF = "2026-11-25";
const members = readMembers(ptMemberSheet()).map((r) => r.record);
const teams = readTeams(ptTeamSheet()).map((r) => r.record);
const steps = readSteps(ptStepSheet()).map((r) => r.record);
const activities = readActivities(ptActivitySheet(), members);
const selected = members.filter((m) => m.選考 === "選出");

describe("PT demo sheets", () => {
  it("have the contracts' headers", () => {
    expect(ptMemberSheet()[0]).toEqual([...PT_MEMBERS.headers]);
    expect(ptTeamSheet()[0]).toEqual([...PT_TEAMS.headers]);
    expect(ptStepSheet()[0]).toEqual([...PT_STEPS.headers]);
    expect(ptActivitySheet()[0]).toEqual([...PT_ACTIVITIES.headers]);
    expect(meetingSheet()[0]).toEqual([...MEETINGS.headers]);
  });

  it("have 10 selected members, 5 per team, mixed 局区推薦 and 自主応募, plus 2 not selected", () => {
    expect(selected).toHaveLength(10);
    expect(members.filter((m) => m.選考 === "見送り")).toHaveLength(2);
    for (const team of ["チームA", "チームB"]) {
      const own = selected.filter((m) => m.チーム === team);
      expect(own).toHaveLength(5);
      expect(new Set(own.map((m) => m.応募区分))).toEqual(new Set(["局区推薦", "自主応募"]));
    }
    expect(members.every((m) => m.年度 === 8 && m.メール.endsWith("@city.example"))).toBe(true);
    expect(new Set(members.map((m) => m.メール)).size).toBe(members.length);
    const bureaus = SEED_BUREAUS.map((b) => b.局区名);
    expect(members.filter((m) => !bureaus.some((b) => m.所属.startsWith(`${b} `)))).toEqual([]);
  });

  it("use the seed's example themes and milestones", () => {
    expect(teams.map((t) => t.テーマ)).toEqual(["市民にとって利用しやすい窓口改革", "デジタルを活用した市民サービスの質の向上"]);
    expect(steps).toHaveLength(14);
    expect([...new Set(steps.map((s) => s.工程))]).toEqual(SEED_STEPS.map((s) => s.工程));
    // Done only up to November, never after the report day.
    expect(steps.filter((s) => s.完了日 !== null).every((s) => s.完了日! <= "2026-11-30")).toBe(true);
  });

  it("have a dozen activities whose participants are all selected members", () => {
    expect(activities).toHaveLength(12);
    expect(activities.every((a) => a.参加者.length > 0 && a.参加者.every((p) => p.選考 === "選出"))).toBe(true);
  });

  it("have the three X会議, the third being the day of the report", () => {
    const meetings = readMeetings(meetingSheet()).map((r) => r.record);
    expect(meetings.map((m) => [m.回, m.日付])).toEqual([[1, "2026-05-26"], [2, "2026-08-26"], [3, "2026-11-25"]]);
    expect(nearestMeeting(meetings, "2026-11-20")?.日付).toBe(AS_OF);
  });

  it("keep every member within the はみだせ limit, with September's visit the busiest month", () => {
    const september = monthlySummary(members, activities, "2026-09").flatMap((g) => g.rows);
    expect(september).toHaveLength(10);
    expect(Math.max(...september.map((r) => r[2]))).toBe(10); // 8 h visit + 2 h hearing
    expect(september.every((r) => r[4] === 0)).toBe(true);
  });
});

describe("the PT section of the report as of 2026-11-25", () => {
  const status = ptStatus({ members, teams, steps, activities, asOf: AS_OF });
  const [a, b] = status.teams;

  // Counted straight from the sheet rows, independently of the report code.
  function rowCount(team: string, kind: string): number {
    return ptActivitySheet().slice(1).filter((r) => r[1] === team && r[2] === kind && parseDay(r[0])! <= AS_OF).length;
  }

  it("tells チームA's story: on schedule, roadmap under way", () => {
    expect(a.members).toEqual(["青山 遥（リーダー）", "石田 蓮", "上野 美咲", "大西 悠真", "川村 彩花"]);
    expect(a.done.map((s) => s.工程)).toEqual(["メンバー募集", "キックオフ", "テーマの検討・事業所管課との協議", "民間企業・他都市等への視察・ヒアリング"]);
    expect(a.late).toEqual([]);
    expect(a.activities).toEqual({ 協議: 3, 視察: 1, ヒアリング: 1, 勉強会: 1, その他: 0 });
    expect(a.next).toEqual({ 工程: "第3回X会議で検討状況報告", 予定: AS_OF });
  });

  it("tells チームB's story: theme set late, visit still to come", () => {
    expect(b.members).toHaveLength(5);
    expect(b.done.map((s) => [s.工程, s.完了日])).toEqual([
      ["メンバー募集", "2026-05-29"],
      ["キックオフ", "2026-06-12"],
      ["テーマの検討・事業所管課との協議", "2026-09-04"],
    ]);
    expect(b.late).toEqual([{ 工程: "民間企業・他都市等への視察・ヒアリング", 予定: "2026-09-30" }]);
    // The C市 visit on 12/3 is after the report day.
    expect(b.activities).toEqual({ 協議: 2, 視察: 0, ヒアリング: 2, 勉強会: 1, その他: 0 });
  });

  it("counts the same activities as the sheet rows do", () => {
    for (const t of status.teams) {
      for (const kind of ["協議", "視察", "ヒアリング", "勉強会", "その他"] as const) expect(t.activities[kind]).toBe(rowCount(t.チーム, kind));
    }
  });

  it("matches PLATINA_PT_TABLE on the same day", () => {
    const table = ptProgressTable(ptStepSheet(), AS_OF);
    expect(table[0]).toEqual(["チーム", ...SEED_STEPS.map((s) => s.工程)]);
    expect(table[1]).toEqual(["チームA", "完了", "完了", "完了", "完了", "予定", "予定", "予定"]);
    expect(table[2]).toEqual(["チームB", "完了", "完了", "完了", "遅れ", "予定", "予定", "予定"]);
  });

  it("reads as a report row per team", () => {
    const table = ptReportSection(status).blocks.flatMap((bl) => ("table" in bl ? [bl.table] : []))[0];
    expect(table.rows.map((r) => [r[0], r[4], r[5], r[6]])).toEqual([
      ["チームA", "なし", "視察 1件、ヒアリング 1件、協議 3件、勉強会 1件", "第3回X会議で検討状況報告（11月25日まで）"],
      ["チームB", "民間企業・他都市等への視察・ヒアリング（予定 9月30日）", "視察 0件、ヒアリング 2件、協議 2件、勉強会 1件", "第3回X会議で検討状況報告（11月25日まで）"],
    ]);
  });
});
