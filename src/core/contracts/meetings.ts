// 会議: the X会議 the PT reports to, and the 基準日 each progress report is made for.
import { compactText } from "../base/text";
import { EXPECT_DAY, EXPECT_TEXT, parseDay, parseText } from "./pt-values";
import { defineTypedContract, optional, required, type ParsedRecord } from "./typed";

/** 回: 1, "1", "第1回", "第１回". */
export function parseRound(value: unknown): number | null | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1 ? value : undefined;
  const text = compactText(value);
  if (text === "") return null;
  const match = /^第?(\d{1,2})回?$/.exec(text);
  return match && Number(match[1]) >= 1 ? Number(match[1]) : undefined;
}

export const MEETINGS = defineTypedContract({
  name: "会議",
  fields: {
    回: required(parseRound, "「第1回」または「1」のように入力してください。"),
    日付: required(parseDay, EXPECT_DAY),
    名称: required(parseText, EXPECT_TEXT),
    // Blank: the report is made as of the meeting day itself.
    報告の基準日: optional(parseDay, EXPECT_DAY),
  },
});

export type MeetingRecord = ParsedRecord<typeof MEETINGS.fields>;
