// PT: one row per team per 年度 — the theme citizens will feel, how success shows, and
// the section that will run it. Members edit theme and 状態 from the sidebar.
import { parseFiscalYear } from "../base/fiscal-year";
import { EXPECT_TEXT, EXPECT_YEAR, expectOneOf, parseInstantText, parseTeam, parseText, vocabulary } from "./pt-values";
import { defineTypedContract, optional, required, type ParsedRecord } from "./typed";

export const TEAM_STATES = ["準備中", "検討中", "立ち上げ", "中止"] as const;
export type TeamState = (typeof TEAM_STATES)[number];
export const parseTeamState = vocabulary<TeamState>({
  準備中: ["準備"],
  検討中: ["検討"],
  立ち上げ: ["事業の立ち上げ", "事業化", "立上げ"],
  中止: ["中断"],
});

export const PT_TEAMS = defineTypedContract({
  name: "PT",
  fields: {
    年度: required(parseFiscalYear, EXPECT_YEAR),
    チーム: required(parseTeam, "チーム名を入力してください。"),
    // A team chooses its theme in July–August, so it may be blank until then.
    テーマ: optional(parseText, EXPECT_TEXT, { editable: true, maxLength: 200 }),
    "目指す市民の実感（成果指標）": optional(parseText, EXPECT_TEXT, { editable: true, maxLength: 500 }),
    事業所管課: optional(parseText, EXPECT_TEXT, { editable: true, maxLength: 100 }),
    状態: optional(parseTeamState, expectOneOf(TEAM_STATES), { editable: true, maxLength: 20 }),
    最終更新日: optional(parseInstantText, "日時を入力してください。"),
    最終更新者: optional(parseText, EXPECT_TEXT),
  },
});

export type TeamRecord = ParsedRecord<typeof PT_TEAMS.fields>;
