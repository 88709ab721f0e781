// 課題: one row per reform issue, identified by ID. Staff edit 進捗分類・実施時期・進捗メモ
// through the sidebar and the web form; direct edits of the logged columns go to 履歴.
import { defineContract, type FieldsWith, type RecordOf } from "./contract";

export const ISSUES = defineContract({
  name: "課題",
  fields: {
    // ID and 年度 are logged too: an issue renumbered or moved to another year by hand must be traceable.
    ID: { logged: true, width: 80 },
    年度: { logged: true, width: 60 },
    課題名: { width: 320, wrap: true },
    区分: { width: 80 },
    制度所管局: { width: 130 },
    所管課: { width: 130 },
    担当者メール: { logged: true, width: 210 },
    整理区分: { logged: true, width: 70 },
    進捗分類: { editable: true, logged: true, maxLength: 40, width: 90 },
    実施時期: { editable: true, logged: true, maxLength: 100, width: 160 },
    進捗メモ: { editable: true, logged: true, maxLength: 2000, width: 320, wrap: true },
    // Fits 「2026/04/01 9:00:00」 whole.
    最終更新日: { width: 150 },
    最終更新者: { width: 210 },
  },
  required: ["ID"],
});

export type IssueRecord = RecordOf<typeof ISSUES.fields>;
export type IssueField = keyof IssueRecord;
export type EditableField = FieldsWith<typeof ISSUES, "editable">;
export type LoggedField = FieldsWith<typeof ISSUES, "logged">;

/** What staff may change through the sidebar and the web form. */
export const EDITABLE_FIELDS = ISSUES.fieldsWith("editable") as EditableField[];
/** Columns whose direct edits the edit trigger records in 履歴. */
export const LOGGED_FIELDS = ISSUES.fieldsWith("logged") as LoggedField[];
/** What the write path (sidebar, web form) reads and writes: the row's ID, who may change it, the editable fields and the stamps. */
export const WRITE_FIELDS: readonly IssueField[] = ["ID", "担当者メール", "制度所管局", ...EDITABLE_FIELDS, "最終更新日", "最終更新者"];
/** Longest text accepted per editable field. */
export const LIMITS = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, ISSUES.fields[f].maxLength])) as Record<EditableField, number>;
