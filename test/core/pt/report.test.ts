// The progress report's 「プロジェクトチームによる検討状況」 and the roadmap table.
import { describe, expect, it } from "vitest";
import { PT_ACTIVITIES } from "../../../src/core/contracts/pt-activities";
import { PT_MEMBERS } from "../../../src/core/contracts/pt-members";
import { PT_STEPS } from "../../../src/core/contracts/pt-steps";
import { PT_TEAMS } from "../../../src/core/contracts/pt-teams";
import { readActivities } from "../../../src/core/pt/activities";
import { readMembers } from "../../../src/core/pt/members";
import { activitySummary, ptReportSection, ptStatus } from "../../../src/core/pt/report-section";
import { roadmapHtml } from "../../../src/core/pt/roadmap";
import { readSteps } from "../../../src/core/pt/steps";
import { readTeams } from "../../../src/core/pt/teams";
import { reportHtml } from "../../../src/core/report-html";

const members = readMembers([
  [...PT_MEMBERS.headers],
  ["R8", "チームA", "青山 遥", "小倉北区 市民課", "aoyama@city.example", "推薦", "選出", "リーダー"],
  ["R8", "チームA", "石田 蓮", "保健福祉局", "ishida@city.example", "自主", "選出", ""],
  ["R8", "チームA", "福田 湊", "消防局", "fukuda@city.example", "自主", "見送り", ""],
  ["R8", "<b>B&C</b>", "木下 大翔", "財政・変革局", "kinoshita@city.example", "自主", "選出", ""],
  ["R7", "チームA", "前年 太郎", "政策局", "zennen@city.example", "推薦", "選出", ""],
]).map((r) => r.record);
const teams = readTeams([
  [...PT_TEAMS.headers],
  ["R8", "チームA", "窓口改革 <script>alert(1)</script>", "待ち時間を半分に", "総務市民局 区政課", "検討中"],
  ["R7", "チームA", "前年度のテーマ", "", "", ""],
]).map((r) => r.record);
const steps = readSteps([
  [...PT_STEPS.headers],
  ["R8", "チームA", "キックオフ", "2026/6/30", "2026/6/12", "", ""],
  ["R8", "チームA", "視察", "2026/9/30", "", "", ""],
  ["R8", "チームA", "ロードマップ", "2026/11/30", "", "", ""],
  ["R8", "チームA", "X会議で報告", "2026/11/25", "", "", ""],
  ["R8", "<b>B&C</b>", "キックオフ", "2026/6/30", "2026/6/30", "", ""],
]).map((r) => r.record);
const activities = readActivities([
  [...PT_ACTIVITIES.headers],
  ["2026/7/8", "チームA", "協議", "区政課", "", "青山 遥、石田 蓮", 2],
  ["2026/9/10", "チームA", "視察", "A市", "", "青山 遥", 8],
  ["2026/9/17", "チームA", "ヒアリング", "銀行", "", "石田 蓮", 2],
  ["2026/10/1", "チームA", "ヒアリング", "B市", "", "石田 蓮", 2],
  ["2026/11/25", "チームA", "勉強会", "", "", "青山 遥", 1],
  ["2026/11/26", "チームA", "視察", "C市", "", "青山 遥", 8],
  ["2026/7/1", "<b>B&C</b>", "協議", "情報政策課", "", "木下 大翔", 1],
], members);

const status = ptStatus({ members, teams, steps, activities, asOf: "2026-11-25" });

describe("ptStatus", () => {
  it("gives each team of the year its theme, selected members, milestones and activities as of the day", () => {
    expect(status.year).toBe(8);
    expect(status.teams.map((t) => t.チーム)).toEqual(["チームA", "<b>B&C</b>"]);
    const [a, b] = status.teams;
    expect(a).toEqual({
      チーム: "チームA",
      テーマ: "窓口改革 <script>alert(1)</script>",
      成果指標: "待ち時間を半分に",
      事業所管課: "総務市民局 区政課",
      members: ["青山 遥（リーダー）", "石田 蓮"],
      done: [{ 工程: "キックオフ", 完了日: "2026-06-12" }],
      late: [{ 工程: "視察", 予定: "2026-09-30" }],
      // The 11/26 visit comes after the day; the 11/25 study session counts.
      activities: { 協議: 1, 視察: 1, ヒアリング: 2, 勉強会: 1, その他: 0 },
      next: { 工程: "X会議で報告", 予定: "2026-11-25" },
    });
    // A team only the member and step sheets name is still reported, without a theme.
    expect(b).toMatchObject({ テーマ: null, members: ["木下 大翔"], done: [{ 工程: "キックオフ", 完了日: "2026-06-30" }], late: [], next: null });
  });

  it("shows nothing done yet for an earlier day", () => {
    const june = ptStatus({ members, teams, steps, activities, asOf: "2026-06-01" });
    expect(june.teams[0]).toMatchObject({ done: [], late: [], next: { 工程: "キックオフ" } });
    expect(june.teams[0].activities).toEqual({ 協議: 0, 視察: 0, ヒアリング: 0, 勉強会: 0, その他: 0 });
  });
});

describe("ptReportSection", () => {
  it("puts one row per team and the roadmap in the section", () => {
    const section = ptReportSection(status);
    expect(section.heading).toBe("プロジェクトチームによる検討状況");
    const tables = section.blocks.flatMap((b) => ("table" in b ? [b.table] : []));
    expect(tables[0].header).toEqual(["チーム", "テーマ", "メンバー", "完了した工程", "遅れている工程", "活動", "次の工程"]);
    expect(tables[0].rows[0]).toEqual([
      "チームA",
      "窓口改革 <script>alert(1)</script>",
      "青山 遥（リーダー）、石田 蓮",
      "キックオフ（6月12日）",
      "視察（予定 9月30日）",
      "視察 1件、ヒアリング 2件、協議 1件、勉強会 1件",
      "X会議で報告（11月25日まで）",
    ]);
    expect(tables[0].rows[1].slice(1)).toEqual(["（未設定）", "木下 大翔", "キックオフ（6月30日）", "なし", "視察 0件、ヒアリング 0件、協議 1件", "なし"]);
    expect(tables[1].header).toEqual(["チーム", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月", "1月", "2月", "3月"]);
    expect(tables[1].rows[0]).toEqual(["チームA", "", "", "キックオフ（完了）", "", "", "視察（遅れ）", "", "X会議で報告（予定）、ロードマップ（予定）", "", "", "", ""]);
    const texts = section.blocks.flatMap((b) => ("text" in b ? [b.text] : []));
    expect(texts[0]).toBe("2026年11月25日時点の若手職員プロジェクトチーム（2チーム）の検討状況です。活動件数は2026年11月25日までの累計です。");
    expect(texts[1]).toBe("チームA: テーマ「窓口改革 <script>alert(1)</script>」、目指す市民の実感「待ち時間を半分に」、事業所管課 総務市民局 区政課");
  });

  it("says so when the year has no team", () => {
    const section = ptReportSection(ptStatus({ members, teams, steps, activities, asOf: "2027-06-01" }));
    expect(section.blocks).toEqual([{ text: "令和9年度のプロジェクトチームはまだ登録されていません（2027年6月1日時点）。" }]);
  });

  it("is escaped when printed through the report renderer", () => {
    const html = reportHtml({ title: "t", subtitle: "s", notes: [], sections: [ptReportSection(status)] });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("窓口改革 &#60;script&#62;alert(1)&#60;/script&#62;");
  });

  it("lists other kinds only when there were some", () => {
    expect(activitySummary({ 協議: 2, 視察: 0, ヒアリング: 1, 勉強会: 0, その他: 3 })).toBe("視察 0件、ヒアリング 1件、協議 2件、その他 3件");
  });
});

describe("roadmapHtml", () => {
  const html = roadmapHtml(status.roadmap);

  it("is a table with caption and header cells, the state in text and class", () => {
    expect(html).toContain("<caption>令和8年度 PTの工程（予定月、11月25日時点）</caption>");
    expect(html).toContain('<thead><tr><th scope="col">チーム</th><th scope="col">4月</th>');
    expect(html).toContain('<th scope="row">チームA</th><td></td><td></td><td><ul><li class="done">キックオフ（完了）</li></ul></td>');
    expect(html).toContain('<li class="late">視察（遅れ）</li>');
    expect((html.match(/<tr>/g) ?? []).length).toBe(3);
  });

  it("escapes every team and milestone name", () => {
    expect(html).toContain('<th scope="row">&#60;b&#62;B&#38;C&#60;/b&#62;</th>');
    expect(html).not.toContain("<b>");
  });

  it("says so when there are no teams", () => {
    expect(roadmapHtml({ year: 9, asOf: "2027-06-01", rows: [] })).toContain('<td colspan="13">チームがまだありません。</td>');
  });
});
