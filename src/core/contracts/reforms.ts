// 局区改革: each 局区's own reforms of a year; 好事例 is a checkbox the プラチナレポート reads.
import { checkboxCell, defineContract, type RecordOf } from "./contract";

export const REFORMS = defineContract({
  name: "局区改革",
  fields: {
    年度: {},
    局区名: {},
    取組名: {},
    概要: {},
    好事例: { read: checkboxCell },
    担当者メール: {},
  },
  required: ["年度", "局区名"],
});

export type ReformRecord = RecordOf<typeof REFORMS.fields>;
