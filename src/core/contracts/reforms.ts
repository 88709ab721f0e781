// 局区改革: each 局区's own reforms of a year; 好事例 is a checkbox the プラチナレポート reads.
import { checkboxCell, defineContract, type RecordOf } from "./contract";

export const REFORMS = defineContract({
  name: "局区改革",
  fields: {
    年度: { width: 60 },
    局区名: { width: 140 },
    取組名: { width: 260, wrap: true },
    概要: { width: 360, wrap: true },
    好事例: { read: checkboxCell, width: 70 },
    担当者メール: { width: 210 },
  },
  required: ["年度", "局区名"],
});

export type ReformRecord = RecordOf<typeof REFORMS.fields>;
