// The five PT sheets' contracts: headers in order, values normalized, and errors that
// name the sheet, row, column and value with what to type instead.
import { describe, expect, it } from "vitest";
import { MEETINGS } from "../../../src/core/contracts/meetings";
import { PT_ACTIVITIES } from "../../../src/core/contracts/pt-activities";
import { PT_MEMBERS } from "../../../src/core/contracts/pt-members";
import { PT_STEPS } from "../../../src/core/contracts/pt-steps";
import { PT_TEAMS } from "../../../src/core/contracts/pt-teams";
import { readActivities } from "../../../src/core/pt/activities";
import { readMeetings } from "../../../src/core/pt/meetings";
import { readMembers } from "../../../src/core/pt/members";
import { readSteps } from "../../../src/core/pt/steps";
import { readTeams } from "../../../src/core/pt/teams";

const MEMBER_ROWS = [
  ["R8", "チームA", "青山 遥", "小倉北区 市民課", "Aoyama@City.Example", "推薦", "選出", "リーダー"],
  ["令和8年度", "チーム　Ａ", "石田 蓮", "保健福祉局 介護保険課", "ishida@city.example", "自主", "選抜", ""],
  ["2026", "", "福田 湊", "消防局 警防課", "fukuda@city.example", "自主応募", "", ""],
  ["R8", "チームB", "木下 大翔", "財政・変革局 財政課", "kinoshita@city.example", "局区推薦", "選出", ""],
];
const members = () => [[...PT_MEMBERS.headers], ...MEMBER_ROWS.map((r) => [...r])];

describe("headers", () => {
  it("are in the documented order", () => {
    // 所属長メール and the stamp columns come after the columns, as sheets grow to the right.
    expect(PT_MEMBERS.headers).toEqual(["年度", "チーム", "氏名", "所属", "メール", "応募区分", "選考", "役割", "所属長メール"]);
    expect(PT_TEAMS.headers).toEqual(["年度", "チーム", "テーマ", "目指す市民の実感（成果指標）", "事業所管課", "状態", "最終更新日", "最終更新者"]);
    expect(PT_STEPS.headers).toEqual(["年度", "チーム", "工程", "予定", "完了日", "状態", "メモ", "最終更新日", "最終更新者"]);
    expect(PT_ACTIVITIES.headers).toEqual(["日付", "チーム", "種別", "相手先", "内容", "参加者", "時間"]);
    expect(MEETINGS.headers).toEqual(["回", "日付", "名称", "報告の基準日"]);
  });
});

describe("the PT contracts", () => {
  it("require the columns without which a row cannot be read, and state what staff edit from the sidebar", () => {
    expect(PT_MEMBERS.required).toEqual(["年度", "氏名", "所属", "メール", "応募区分", "選考"]);
    expect(PT_TEAMS.required).toEqual(["年度", "チーム"]);
    expect(PT_STEPS.required).toEqual(["年度", "チーム", "工程", "予定"]);
    expect(PT_ACTIVITIES.required).toEqual(["日付", "チーム", "種別", "参加者", "時間"]);
    expect(MEETINGS.required).toEqual(["回", "日付", "名称"]);
    expect(PT_TEAMS.fieldsWith("editable")).toEqual(["テーマ", "目指す市民の実感（成果指標）", "事業所管課", "状態"]);
    expect(PT_STEPS.fieldsWith("editable")).toEqual(["完了日", "状態", "メモ"]);
  });

  it("find the full-width 成果指標 header however it is typed, and lay records out under any header row", () => {
    const table = PT_TEAMS.fromRows([["チーム", "目指す市民の実感(成果指標)", "年度"], ["チームA", "待ち時間を半分に", "R8"]]);
    expect(table.indexOf("目指す市民の実感（成果指標）")).toBe(1);
    expect(table.rows[0].record["目指す市民の実感（成果指標）"]).toBe("待ち時間を半分に");
    expect(PT_TEAMS.toRow({ チーム: "チームB", "目指す市民の実感（成果指標）": "x" }, ["目指す市民の実感（成果指標）", "メモ", "チーム"])).toEqual(["x", "", "チームB"]);
    expect(() => PT_STEPS.fromRows([["年度", "チーム", "工程"], ["R8", "A", "キックオフ"]])).toThrow("PT工程: 見出し「予定」が見つかりません。");
  });

  it("read a member's 所属長メール, and refuse two different heads for one 所属", () => {
    const rows = members().map((r, i) => [...r, i === 1 ? "Shimin.Cho@city.example" : ""]);
    rows[0][8] = "所属長メール";
    expect(readMembers(rows)[0].record.所属長メール).toBe("shimin.cho@city.example");
    rows[2][3] = "小倉北区 市民課";
    rows[2][8] = "other.cho@city.example";
    expect(() => readMembers(rows)).toThrow("PTメンバー 3行目: 所属「小倉北区 市民課」の所属長メール「other.cho@city.example」が2行目の「shimin.cho@city.example」と異なります。");
    rows[2][8] = "";
    expect(readMembers(rows)[1].record.所属長メール).toBeNull();
  });
});

describe("PTメンバー", () => {
  it("normalizes 年度, チーム, メール, 応募区分 and 選考", () => {
    const rows = readMembers(members());
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5]);
    expect(rows[0].record).toEqual({
      年度: 8, チーム: "チームA", 氏名: "青山 遥", 所属: "小倉北区 市民課", メール: "aoyama@city.example",
      応募区分: "局区推薦", 選考: "選出", 役割: "リーダー", 所属長メール: null,
    });
    expect(rows[1].record).toMatchObject({ 年度: 8, チーム: "チームA", 応募区分: "自主応募", 選考: "選出", 役割: null });
    expect(rows[2].record).toMatchObject({ チーム: null, 選考: "応募" });
  });

  it("finds columns by header, in any order, and allows the optional 役割 to be missing", () => {
    const order = ["メール", "氏名", "選考", "応募区分", "所属", "チーム", "年度"];
    const values = [order, ["a@city.example", "青山 遥", "選出", "推薦", "小倉北区", "チームA", "R8"]];
    expect(readMembers(values)[0].record).toMatchObject({ 氏名: "青山 遥", 年度: 8, 役割: null });
  });

  it("names the sheet, row, column and value it cannot read", () => {
    const bad = members();
    bad[2][5] = "公募";
    expect(() => readMembers(bad)).toThrow("PTメンバー 3行目: 応募区分「公募」を解釈できません。「局区推薦」「自主応募」のいずれかを入力してください。");
    const mail = members();
    mail[1][4] = "aoyama@";
    expect(() => readMembers(mail)).toThrow("PTメンバー 2行目: メール「aoyama@」を解釈できません");
    const year = members();
    year[4][0] = "";
    expect(() => readMembers(year)).toThrow("PTメンバー 5行目: 年度が空です");
    expect(() => readMembers([["年度", "氏名"], ["R8", "x"]])).toThrow("PTメンバー: 見出し「所属」「メール」「応募区分」「選考」が見つかりません");
  });

  it("requires a team of a selected member and one row per person and year", () => {
    const noTeam = members();
    noTeam[4][1] = "";
    expect(() => readMembers(noTeam)).toThrow("PTメンバー 5行目: 選出された木下 大翔さんのチームが空です");
    const twice = members();
    twice[4][4] = "AOYAMA@city.example";
    expect(() => readMembers(twice)).toThrow("PTメンバー 5行目: メール「aoyama@city.example」はR8年度の2行目と重複しています");
  });
});

describe("PT", () => {
  const teams = () => [
    [...PT_TEAMS.headers],
    ["R8", "チームA", "市民にとって利用しやすい窓口改革", "待ち時間を半分に", "総務市民局 区政課", "検討"],
    ["R8", "チームB", "", "", "", ""],
  ];

  it("reads themes, allowing them blank until the team has chosen", () => {
    const rows = readTeams(teams()).map((r) => r.record);
    expect(rows[0]).toMatchObject({ 年度: 8, チーム: "チームA", 状態: "検討中", 事業所管課: "総務市民局 区政課" });
    expect(rows[1]).toMatchObject({ テーマ: null, "目指す市民の実感（成果指標）": null, 状態: null });
  });

  it("finds the 成果指標 column with full- or half-width parentheses", () => {
    expect(readTeams(teams())[0].record["目指す市民の実感（成果指標）"]).toBe("待ち時間を半分に");
    const ascii = teams();
    ascii[0][3] = "目指す市民の実感(成果指標)";
    expect(readTeams(ascii)[0].record["目指す市民の実感（成果指標）"]).toBe("待ち時間を半分に");
  });

  it("refuses an unknown 状態 and a team listed twice", () => {
    const bad = teams();
    bad[2][5] = "休止";
    expect(() => readTeams(bad)).toThrow("PT 3行目: 状態「休止」を解釈できません。「準備中」「検討中」「立ち上げ」「中止」のいずれかを入力してください。");
    const twice = teams();
    twice[2][1] = "チーム Ａ";
    expect(() => readTeams(twice)).toThrow("PT 3行目: チーム「チームA」はR8年度の2行目と重複しています");
  });
});

describe("PT工程", () => {
  const steps = (...rows: unknown[][]) => [[...PT_STEPS.headers], ...rows];

  it("derives 状態 from 完了日, and blank 状態 means 未着手", () => {
    const rows = readSteps(steps(
      ["R8", "チームA", "キックオフ", "2026/6/30", "2026/6/12", "", ""],
      ["R8", "チームA", "視察", "2026/9/30", "", "着手", "メモ"],
      ["R8", "チームA", "ロードマップ", "2026/11/30", "", "", ""],
    )).map((r) => r.record);
    expect(rows.map((r) => [r.工程, r.予定, r.完了日, r.状態])).toEqual([
      ["キックオフ", "2026-06-30", "2026-06-12", "完了"],
      ["視察", "2026-09-30", null, "進行中"],
      ["ロードマップ", "2026-11-30", null, "未着手"],
    ]);
  });

  it("refuses 完了日 and 状態 that disagree, a bad date, and a step listed twice", () => {
    expect(() => readSteps(steps(["R8", "チームA", "キックオフ", "2026/6/30", "2026/6/12", "進行中", ""])))
      .toThrow("PT工程 2行目（チームA・キックオフ）: 完了日「2026-06-12」がありますが状態が「進行中」です。");
    expect(() => readSteps(steps(["R8", "チームA", "キックオフ", "2026/6/30", "", "完了", ""])))
      .toThrow("PT工程 2行目（チームA・キックオフ）: 状態が「完了」ですが完了日が空です。完了した日を入力してください。");
    expect(() => readSteps(steps(["R8", "チームA", "キックオフ", "6月末", "", "", ""])))
      .toThrow("PT工程 2行目: 予定「6月末」を解釈できません");
    expect(() => readSteps(steps(
      ["R8", "チームA", "キックオフ", "2026/6/30", "", "", ""],
      ["R8", "チーム　A", "キックオフ", "2026/7/10", "", "", ""],
    ))).toThrow("PT工程 3行目（チームA・キックオフ）: この工程は2行目と重複しています");
  });
});

describe("会議", () => {
  it("reads 回 in its usual forms and leaves 報告の基準日 blank when not given", () => {
    const rows = readMeetings([
      [...MEETINGS.headers],
      ["第１回", new Date("2026-05-25T15:00:00Z"), "第1回X会議", ""],
      [3, "2026/11/25", "第3回X会議", "2026/11/20"],
    ]).map((r) => r.record);
    expect(rows).toEqual([
      { 回: 1, 日付: "2026-05-26", 名称: "第1回X会議", 報告の基準日: null },
      { 回: 3, 日付: "2026-11-25", 名称: "第3回X会議", 報告の基準日: "2026-11-20" },
    ]);
  });

  it("refuses a 基準日 after the meeting and an unreadable 回", () => {
    expect(() => readMeetings([[...MEETINGS.headers], ["第3回", "2026/11/25", "第3回X会議", "2026/11/26"]]))
      .toThrow("会議 2行目: 報告の基準日「2026-11-26」が会議の日付「2026-11-25」より後です。");
    expect(() => readMeetings([[...MEETINGS.headers], ["三", "2026/11/25", "第3回X会議", ""]]))
      .toThrow("会議 2行目: 回「三」を解釈できません");
  });
});

describe("PT活動", () => {
  const selected = readMembers(members()).map((r) => r.record);
  const activities = (...rows: unknown[][]) => [[...PT_ACTIVITIES.headers], ...rows];

  it("resolves participants by name (spaces ignored) or email and reads 時間", () => {
    const [activity] = readActivities(activities(
      ["2026/9/10", "チームA", "視察", "A市 区役所", "書かない窓口", "青山遥、ISHIDA@city.example、青山 遥", "8時間"],
    ), selected);
    expect(activity).toMatchObject({ rowNumber: 2, 日付: "2026-09-10", 年度: 8, チーム: "チームA", 種別: "視察", minutes: 480 });
    expect(activity.参加者.map((m) => m.氏名)).toEqual(["青山 遥", "石田 蓮"]);
  });

  it("refuses a participant who is not a selected member of that year", () => {
    // 福田 applied but was not selected; 山田 never applied.
    expect(() => readActivities(activities(["2026/9/10", "チームA", "勉強会", "", "", "青山 遥、福田 湊", 2]), selected))
      .toThrow("PT活動 2行目: 参加者「福田 湊」はR8年度のPTメンバー（選出）ではありません。");
    expect(() => readActivities(activities(["2026/9/10", "チームA", "勉強会", "", "", "山田 一郎", 2]), selected))
      .toThrow("参加者「山田 一郎」はR8年度のPTメンバー（選出）ではありません");
    // An R8 member does not count in R9 (April 2027 onwards).
    expect(() => readActivities(activities(["2027/4/5", "チームA", "勉強会", "", "", "青山 遥", 2]), selected))
      .toThrow("PT活動 2行目: チーム「チームA」はR9年度のPTメンバーにありません（チーム: なし）");
  });

  it("asks for an email when two members share a name", () => {
    const twins = [...selected, { ...selected[0], メール: "aoyama2@city.example", チーム: "チームB" }];
    expect(() => readActivities(activities(["2026/9/10", "チームA", "勉強会", "", "", "青山 遥", 2]), twins))
      .toThrow("PT活動 2行目: 参加者「青山 遥」と同じ氏名のメンバーが複数います。メールアドレスで入力してください。");
  });

  it("refuses an unknown team, a missing counterpart and impossible hours", () => {
    expect(() => readActivities(activities(["2026/9/10", "チームC", "勉強会", "", "", "青山 遥", 2]), selected))
      .toThrow("PT活動 2行目: チーム「チームC」はR8年度のPTメンバーにありません（チーム: 「チームA」「チームB」）");
    expect(() => readActivities(activities(["2026/9/10", "チームA", "ヒアリング", "", "", "青山 遥", 2]), selected))
      .toThrow("PT活動 2行目: ヒアリングの相手先が空です。");
    expect(() => readActivities(activities(["2026/9/10", "チームA", "勉強会", "", "", "青山 遥", 20]), selected))
      .toThrow("PT活動 2行目: 時間「20」を解釈できません。0〜12の時間数を");
    expect(() => readActivities(activities(["2026/9/10", "チームA", "会食", "", "", "青山 遥", 2]), selected))
      .toThrow("PT活動 2行目: 種別「会食」を解釈できません。「協議」「視察」「ヒアリング」「勉強会」「その他」のいずれかを入力してください。");
  });
});
