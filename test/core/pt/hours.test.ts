// はみだせサポート: each member's PT hours per Tokyo month against 20% of the scheduled hours.
import { describe, expect, it } from "vitest";
import { PT_ACTIVITIES } from "../../../src/core/contracts/pt-activities";
import { PT_MEMBERS } from "../../../src/core/contracts/pt-members";
import { checkActivity, readActivities } from "../../../src/core/pt/activities";
import { SUMMARY_HEADERS, limitMinutes, monthlySummary, warningMessage, wouldExceed } from "../../../src/core/pt/hours";
import { SCHEDULED_HOURS_SETTING, parseScheduledHours } from "../../../src/core/settings";
import { memberDirectory, readMembers } from "../../../src/core/pt/members";
import { parseDay } from "../../../src/core/contracts/pt-values";

const members = readMembers([
  [...PT_MEMBERS.headers],
  ["R8", "チームA", "青山 遥", "小倉北区 市民課", "aoyama@city.example", "推薦", "選出", ""],
  ["R8", "チームA", "石田 蓮", "保健福祉局 介護保険課", "ishida@city.example", "自主", "選出", ""],
  ["R8", "チームA", "上野 美咲", "小倉北区 市民課", "ueno@city.example", "推薦", "選出", ""],
  ["R8", "", "福田 湊", "消防局 警防課", "fukuda@city.example", "自主", "見送り", ""],
]).map((r) => r.record);

// 青山: 8 + 8 + 8 + 5 = 29 h in September; 石田: 8 h; the 8/31 and (Tokyo) 10/1 rows fall outside September.
const saved = readActivities([
  [...PT_ACTIVITIES.headers],
  ["2026/9/1", "チームA", "視察", "A市", "", "青山 遥、石田 蓮", 8],
  ["2026/9/8", "チームA", "視察", "B市", "", "青山 遥", 8],
  ["2026/9/15", "チームA", "視察", "C市", "", "青山 遥", 8],
  ["2026/9/29", "チームA", "協議", "区政課", "", "青山 遥", "5時間"],
  ["2026/8/31", "チームA", "勉強会", "", "", "青山 遥", 12],
  [new Date("2026-09-30T15:00:00Z"), "チームA", "勉強会", "", "", "青山 遥", 12],
], members);

function pending(participants: string, hours: string | number, date = "2026/9/30") {
  return checkActivity(
    { 日付: parseDay(date)!, チーム: "チームA", 種別: "協議", 相手先: "区政課", 内容: null, 参加者: participants.split("、"), 時間: Math.round(Number(hours) * 60) },
    memberDirectory(members),
    "保存しようとしている活動",
  );
}

describe("the limit", () => {
  it("is 20% of 所定労働時間/月, 155 h by default", () => {
    expect(SCHEDULED_HOURS_SETTING).toMatchObject({ key: "所定労働時間/月", default: "155" });
    expect(parseScheduledHours("")).toBe(155);
    expect(parseScheduledHours("１６０")).toBe(160);
    expect(parseScheduledHours("0")).toBeUndefined();
    expect(parseScheduledHours("たくさん")).toBeUndefined();
    expect(limitMinutes(155)).toBe(31 * 60);
    expect(limitMinutes(160)).toBe(32 * 60);
  });
});

describe("wouldExceed", () => {
  it("allows reaching exactly 31.0 hours", () => {
    expect(wouldExceed(saved, pending("青山 遥", 2))).toEqual([]);
  });

  it("warns one minute above, naming the member, month and hours", () => {
    const warnings = wouldExceed(saved, pending("青山 遥、石田 蓮", 2 + 1 / 60));
    expect(warnings).toEqual([{ 氏名: "青山 遥", メール: "aoyama@city.example", month: "2026-09", before: 29, after: 31.02, limit: 31 }]);
    expect(warningMessage(warnings[0])).toBe(
      "青山 遥さんの2026年9月のPT活動は、この保存で31.02時間となり、はみだせサポートの上限31時間を0.02時間超えます。所属の承認の範囲か確認してから保存してください。",
    );
  });

  it("counts only the pending activity's Tokyo month, and follows 所定労働時間", () => {
    // 10/1 already holds 12 h (the row dated 2026-09-30T15:00Z); 12 + 12 stays within 31.
    expect(wouldExceed(saved, pending("青山 遥", 12, "2026/10/1"))).toEqual([]);
    expect(wouldExceed(saved, pending("青山 遥", 3), 160)).toEqual([]);
    expect(wouldExceed(saved, pending("青山 遥", 3.5), 160)).toHaveLength(1);
  });

  it("leaves out the row being edited when the caller does", () => {
    const withoutLast = saved.filter((a) => a.rowNumber !== 5); // the 5-hour 9/29 row is being changed
    expect(wouldExceed(withoutLast, pending("青山 遥", 7))).toEqual([]);
    expect(wouldExceed(withoutLast, pending("青山 遥", 7.25))).toHaveLength(1);
  });
});

describe("monthlySummary", () => {
  it("lists every selected member by 所属 with hours, limit and excess", () => {
    expect(SUMMARY_HEADERS).toEqual(["所属", "氏名", "時間", "上限", "超過"]);
    const over = [...saved, pending("青山 遥、上野 美咲", 4)];
    expect(monthlySummary(members, over, "2026-09")).toEqual([
      { 所属: "小倉北区 市民課", rows: [["小倉北区 市民課", "青山 遥", 33, 31, 2], ["小倉北区 市民課", "上野 美咲", 4, 31, 0]] },
      { 所属: "保健福祉局 介護保険課", rows: [["保健福祉局 介護保険課", "石田 蓮", 8, 31, 0]] },
    ]);
  });

  it("uses the month's fiscal year, so other years' members are not listed", () => {
    expect(monthlySummary(members, saved, "2027-04")).toEqual([]);
    expect(monthlySummary(members, saved, "2027-03").flatMap((g) => g.rows.map((r) => r[2]))).toEqual([0, 0, 0]);
  });
});
