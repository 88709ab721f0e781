// 担当者: who acts for an address nobody signs in as — a section's shared address
// (課題's 担当者メール), a 局区's 代表メール or a PT member's 所属長メール. One row per
// person per address they act for; blank dates mean always. Staff change these rows
// in April instead of editing every issue.
import { rawCell, defineContract, type RecordOf } from "./contract";
import { EXPECT_DAY, EXPECT_EMAIL, expectOneOf, parseDay, vocabulary } from "./pt-values";

export const DELEGATE_ROLES = ["担当", "代理"] as const;
export type DelegateRole = (typeof DELEGATE_ROLES)[number];
/** 役割: blank means 担当 (the person normally answering for the address). */
export const parseDelegateRole = vocabulary<DelegateRole>({ 担当: ["担当者", "主担当", "正"], 代理: ["代理者", "副担当", "副", "代理人"] });

export const DELEGATES = defineContract({
  name: "担当者",
  fields: {
    氏名: { width: 120 },
    メール: { width: 210 },
    担当アドレス: { width: 210 },
    "役割（担当／代理）": { width: 120 },
    開始日: { read: rawCell, width: 100 },
    終了日: { read: rawCell, width: 100 },
    備考: { width: 220, wrap: true },
  },
  required: ["メール", "担当アドレス"],
});

export type DelegateRecord = RecordOf<typeof DELEGATES.fields>;
export const ROLE_FIELD = "役割（担当／代理）" satisfies keyof DelegateRecord;

/** What a value of each column must look like, for the messages データ点検 shows. */
export const DELEGATE_EXPECTED = {
  メール: EXPECT_EMAIL,
  担当アドレス: EXPECT_EMAIL,
  [ROLE_FIELD]: expectOneOf(DELEGATE_ROLES),
  開始日: EXPECT_DAY,
  終了日: EXPECT_DAY,
} as const;

export { parseDay };
