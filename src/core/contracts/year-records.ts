// 年度記録: one row per fiscal year, written once by 年度更新 and never rewritten — the
// year's 当初課題件数 (the followed issues carried in) as it stood when the year began,
// so later edits to 課題 do not rewrite history. Protected with a warning, like 履歴.
import { defineContract, rawCell, type RecordOf } from "./contract";

export const YEAR_RECORDS = defineContract({
  name: "年度記録",
  fields: {
    年度: { width: 60 },
    当初課題件数: { width: 100 },
    /** By the year the issues were proposed: 「R6 12件・R7 22件」. */
    内訳: { width: 220 },
    記録日時: { read: rawCell, width: 150 },
    記録者: { width: 210 },
  },
  required: ["年度", "当初課題件数"],
});

export type YearRecord = RecordOf<typeof YEAR_RECORDS.fields>;
