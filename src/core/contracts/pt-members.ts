// PTメンバー: applicants and selected members of the 若手職員PT, one row per person per 年度.
// 所属長メール is where the monthly はみだせサポート summary of the member's 所属 goes.
import { parseFiscalYear } from "../base/fiscal-year";
import { EXPECT_EMAIL, EXPECT_TEXT, EXPECT_YEAR, expectOneOf, parseEmail, parseTeam, parseText, vocabulary } from "./pt-values";
import { defineTypedContract, optional, required, type ParsedRecord } from "./typed";

export const APPLICATION_KINDS = ["局区推薦", "自主応募"] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
export const parseApplicationKind = vocabulary<ApplicationKind>({ 局区推薦: ["推薦", "局推薦", "区推薦"], 自主応募: ["自主"] });

export const SELECTIONS = ["応募", "選出", "見送り"] as const;
export type Selection = (typeof SELECTIONS)[number];
const readSelection = vocabulary<Selection>({ 応募: ["応募中", "選考中"], 選出: ["選抜", "採用"], 見送り: ["見送", "不採用"] });
/** 選考: blank means the application is still being decided (応募). */
export function parseSelection(value: unknown): Selection | undefined {
  const selection = readSelection(value);
  return selection === null ? "応募" : selection;
}

export const PT_MEMBERS = defineTypedContract({
  name: "PTメンバー",
  fields: {
    年度: required(parseFiscalYear, EXPECT_YEAR),
    チーム: optional(parseTeam, "チーム名を入力してください（選出されたメンバーは必須）。"),
    氏名: required(parseText, EXPECT_TEXT),
    所属: required(parseText, "所属（局区・課）を入力してください。"),
    メール: required(parseEmail, EXPECT_EMAIL),
    応募区分: required(parseApplicationKind, expectOneOf(APPLICATION_KINDS)),
    選考: required(parseSelection, expectOneOf(SELECTIONS)),
    役割: optional(parseText, EXPECT_TEXT),
    所属長メール: optional(parseEmail, EXPECT_EMAIL),
  },
});

export type MemberRecord = ParsedRecord<typeof PT_MEMBERS.fields>;
