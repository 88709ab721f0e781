// PT工程: each team's milestones with a due day (予定) and the day they were done (完了日).
// Members tick a milestone done from the sidebar (完了日 and 状態 together).
import { parseFiscalYear } from "../base/fiscal-year";
import { EXPECT_DAY, EXPECT_TEXT, EXPECT_YEAR, expectOneOf, parseDay, parseInstantText, parseTeam, parseText, vocabulary } from "./pt-values";
import { defineTypedContract, optional, required } from "./typed";

export const STEP_STATES = ["未着手", "進行中", "完了"] as const;
export type StepState = (typeof STEP_STATES)[number];
export const parseStepState = vocabulary<StepState>({
  未着手: ["予定", "未"],
  進行中: ["実施中", "対応中", "着手"],
  完了: ["済", "済み", "完了済"],
});

export const PT_STEPS = defineTypedContract({
  name: "PT工程",
  fields: {
    年度: required(parseFiscalYear, EXPECT_YEAR),
    チーム: required(parseTeam, "チーム名を入力してください。"),
    工程: required(parseText, EXPECT_TEXT),
    予定: required(parseDay, EXPECT_DAY),
    完了日: optional(parseDay, EXPECT_DAY, { editable: true, maxLength: 10 }),
    状態: optional(parseStepState, expectOneOf(STEP_STATES), { editable: true, maxLength: 10 }),
    メモ: optional(parseText, EXPECT_TEXT, { editable: true, maxLength: 500 }),
    最終更新日: optional(parseInstantText, "日時を入力してください。"),
    最終更新者: optional(parseText, EXPECT_TEXT),
  },
});
