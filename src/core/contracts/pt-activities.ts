// PT活動: what the teams did (協議・視察・ヒアリング…), who took part and for how long.
// Members add rows from the sidebar; 時間 counts against the はみだせサポート limit.
import { EXPECT_DAY, EXPECT_HOURS, EXPECT_TEXT, expectOneOf, parseDay, parseMinutes, parseParticipants, parseTeam, parseText, vocabulary } from "./pt-values";
import { defineTypedContract, optional, required, type ParsedRecord } from "./typed";

export const ACTIVITY_KINDS = ["協議", "視察", "ヒアリング", "勉強会", "その他"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const parseActivityKind = vocabulary<ActivityKind>({
  協議: ["打合せ", "打ち合わせ"],
  視察: ["見学"],
  ヒアリング: ["聞き取り"],
  勉強会: ["研修"],
  その他: [],
});

export const PT_ACTIVITIES = defineTypedContract({
  name: "PT活動",
  fields: {
    日付: required(parseDay, EXPECT_DAY),
    チーム: required(parseTeam, "チーム名を入力してください。"),
    種別: required(parseActivityKind, expectOneOf(ACTIVITY_KINDS)),
    相手先: optional(parseText, EXPECT_TEXT, { maxLength: 100 }),
    内容: optional(parseText, EXPECT_TEXT, { maxLength: 1000 }),
    参加者: required(parseParticipants, "PTメンバーの氏名またはメールを「、」で区切って入力してください。", { maxLength: 1000 }),
    時間: required(parseMinutes, EXPECT_HOURS),
  },
});

export type ActivityRow = ParsedRecord<typeof PT_ACTIVITIES.fields>;
