// 設定: one row per setting (項目, 値, 説明); which settings exist is core/settings.ts.
import { defineContract, type RecordOf } from "./contract";

export const SETTINGS = defineContract({
  name: "設定",
  fields: { 項目: { width: 140 }, 値: { width: 230 }, 説明: { width: 420, wrap: true } },
  required: ["項目", "値"],
});

export type SettingRecord = RecordOf<typeof SETTINGS.fields>;
