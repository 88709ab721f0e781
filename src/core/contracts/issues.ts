// 課題: one row per reform issue, identified by ID. Staff edit 進捗分類・実施時期・進捗メモ
// through the sidebar and the web form; direct edits of the logged columns go to 履歴.
import { defineContract, type FieldsWith, type RecordOf } from "./contract";

export const ISSUES = defineContract({
  name: "課題",
  fields: {
    // ID and 年度 are logged too: an issue renumbered or moved to another year by hand must be traceable.
    ID: { logged: true },
    年度: { logged: true },
    課題名: {},
    区分: {},
    制度所管局: {},
    所管課: {},
    担当者メール: { logged: true },
    整理区分: { logged: true },
    進捗分類: { editable: true, logged: true, maxLength: 40 },
    実施時期: { editable: true, logged: true, maxLength: 100 },
    進捗メモ: { editable: true, logged: true, maxLength: 2000 },
    最終更新日: {},
    最終更新者: {},
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
