// The sidebar's overdue flag, free of the DOM: which issues it marks and what the owner reads.
import { describe, expect, it } from "vitest";
import { OVERDUE_BADGE, overdueText } from "../../src/ui/sidebar/overdue";
import { issueRecord } from "../support/issue-record";

const followed = { 整理区分: "⑦", 進捗分類: "実施中" };
const issue = (fields: Parameters<typeof issueRecord>[0]) => issueRecord({ ...followed, ID: "R6-023", ...fields });

describe("the sidebar's overdue flag", () => {
  it("marks a followed issue whose 実施時期 ended before today, with the mail's polite words", () => {
    expect(overdueText(issue({ 実施時期: "Ｒ８年４月施行実施" }), "2026-05-01")).toBe(
      "実施時期（令和8年4月）を過ぎています。現在の状況をお知らせください（予定が変わった場合は、実施時期の更新をお願いいたします）。",
    );
    expect(overdueText(issue({ 実施時期: "R7実証実験開始" }), "2026-05-01")).toContain("実施時期（令和7年度）を過ぎています。");
    expect(OVERDUE_BADGE).toBe("実施時期を過ぎています");
  });

  it("leaves alone the last day of the period, 完了, issues not followed, open-ended and unreadable text", () => {
    expect(overdueText(issue({ 実施時期: "R8年4月" }), "2026-04-30")).toBeNull();
    expect(overdueText(issue({ 実施時期: "R8年4月", 進捗分類: "完了" }), "2026-05-01")).toBeNull();
    expect(overdueText(issue({ 実施時期: "R8年4月", 整理区分: "⑥" }), "2026-05-01")).toBeNull();
    for (const text of ["R8年度以降", "未定", "", "来春", "R8年13月"]) expect(overdueText(issue({ 実施時期: text }), "2027-05-01"), text).toBeNull();
  });

  it("flags nothing until the server has said which day it is", () => {
    expect(overdueText(issue({ 実施時期: "R7年4月" }), null)).toBeNull();
  });
});
