// The seed's R8 calendar: PT milestones per team, the three X会議, and the meeting a report defaults to.
import { describe, expect, it } from "vitest";
import { nearestMeeting, reportDay, seedMeetings, type MeetingRecord } from "../../../src/core/pt/meetings";
import { seedSteps } from "../../../src/core/pt/steps";

describe("seedSteps", () => {
  it("gives each team the seed's seven milestones, due at the end of their period", () => {
    const steps = seedSteps(8, ["チームA", "チームB"]);
    expect(steps).toHaveLength(14);
    expect(steps.filter((s) => s.チーム === "チームA").map((s) => [s.工程, s.予定])).toEqual([
      ["メンバー募集", "2026-05-31"],
      ["キックオフ", "2026-06-30"],
      ["テーマの検討・事業所管課との協議", "2026-08-31"],
      ["民間企業・他都市等への視察・ヒアリング", "2026-09-30"],
      ["事業の立ち上げロードマップの策定", "2026-11-30"],
      ["第3回X会議で検討状況報告", "2026-11-25"],
      ["事業の立ち上げ", "2027-03-31"],
    ]);
    expect(steps.every((s) => s.年度 === 8 && s.完了日 === null && s.状態 === "未着手")).toBe(true);
    expect(steps[2].メモ).toBe("報告資料のスケジュール: 7〜8月");
  });

  it("follows the calendar of another fiscal year", () => {
    const r9 = seedSteps(9, ["チームA"]);
    expect(r9[0].予定).toBe("2027-05-31");
    expect(r9[5].予定).toBe("2027-11-24"); // the last Wednesday of November 2027
    expect(r9[6].予定).toBe("2028-03-31");
  });
});

describe("seedMeetings", () => {
  it("has 第1回 on 5/26 and late-August and late-November Wednesdays", () => {
    expect(seedMeetings(8)).toEqual([
      { 回: 1, 日付: "2026-05-26", 名称: "第1回X会議", 報告の基準日: null },
      { 回: 2, 日付: "2026-08-26", 名称: "第2回X会議", 報告の基準日: null },
      { 回: 3, 日付: "2026-11-25", 名称: "第3回X会議", 報告の基準日: null },
    ]);
  });
});

describe("nearestMeeting", () => {
  const meetings = seedMeetings(8);
  const round = (day: string) => nearestMeeting(meetings, day)?.回;

  it("picks the meeting with the fewest days to or from the day", () => {
    expect(round("2026-04-01")).toBe(1);
    expect(round("2026-07-11")).toBe(2); // 46 days since 5/26, 46 to 8/26: the coming one
    expect(round("2026-07-10")).toBe(1); // 45 days since 5/26, 47 to 8/26
    expect(round("2026-10-10")).toBe(2); // 45 days since 8/26, 46 to 11/25
    expect(round("2026-10-11")).toBe(3); // 46 days since 8/26, 45 to 11/25
    expect(round("2026-11-25")).toBe(3);
    expect(round("2027-02-01")).toBe(3);
  });

  it("is null without meetings, and the report day is the 基準日 when one is set", () => {
    expect(nearestMeeting([], "2026-11-25")).toBeNull();
    const meeting: MeetingRecord = { ...meetings[2], 報告の基準日: "2026-11-20" };
    expect(reportDay(meeting)).toBe("2026-11-20");
    expect(reportDay(meetings[2])).toBe("2026-11-25");
  });
});
