// 履歴: one row per changed cell, appended by the add-on only (the sheet is protected
// with a warning). 経路 says which path made the change.
import { defineContract, rawCell, type RecordOf } from "./contract";

/** 引き継ぎ: 担当の引き継ぎ replacing an address across 課題, 局区, PTメンバー and 担当者. */
export type Route = "サイドバー" | "メール回答" | "シート直接編集" | "局区照会" | "引き継ぎ";

export const HISTORY = defineContract({
  name: "履歴",
  fields: {
    日時: { read: rawCell, width: 150 },
    利用者: { width: 210 },
    ID: { width: 80 },
    項目: { width: 100 },
    // Kept as the cell holds them: a past 実施時期 may be a date, and the report shows it as one.
    変更前: { read: rawCell, width: 240 },
    変更後: { read: rawCell, width: 240 },
    経路: { width: 110 },
  },
  required: ["日時", "ID", "項目", "変更前", "変更後"],
});

export type HistoryRecord = RecordOf<typeof HISTORY.fields>;

/** A row the add-on appends. */
export interface HistoryEntry {
  日時: Date;
  利用者: string;
  ID: string;
  項目: string;
  変更前: string;
  変更後: string;
  経路: Route;
}
