// 課題: one row per reform issue, identified by ID. Each editable field is described
// here once (label, kind, choices, limit, help): the sidebar, the web form, the
// follow-up mail, 回答記録, 初期設定's dropdowns and the conflict check follow.
// Direct edits of the logged columns go to 履歴.
import { PROGRESS_CLASSES, PROGRESS_COLOURS, PROGRESS_HELP, PROGRESS_WORDING, parseProgress } from "./classes";
import { defineContract, type FieldsWith, type Input, type RecordOf } from "./contract";

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
    進捗分類: {
      editable: {
        label: "進捗分類", slug: "progress", kind: "choice", asked: true, help: PROGRESS_HELP, parse: parseProgress,
        choices: PROGRESS_CLASSES.map((value) => ({ value, help: PROGRESS_WORDING[value], colour: PROGRESS_COLOURS[value] })),
      },
      logged: true, maxLength: 40, width: 90,
    },
    実施時期: {
      editable: { label: "実施時期", slug: "timing", kind: "text", placeholder: "例: R8年4月本格実施" },
      logged: true, maxLength: 100, width: 160,
    },
    進捗メモ: {
      editable: { label: "進捗メモ", slug: "memo", kind: "text", lines: 6, mailLabel: "前回のメモ" },
      logged: true, maxLength: 2000, width: 320, wrap: true,
    },
    // Fits 「2026/04/01 9:00:00」 whole.
    最終更新日: { width: 150 },
    最終更新者: { width: 210 },
    // Set when the secretariat sorts an issue ② (merged into) or ③ (replaced by): that issue's ID.
    // Last, so sheets laid out before it keep their columns.
    統合先ID: { logged: true, width: 90 },
  },
  required: ["ID"],
});

export type IssueRecord = RecordOf<typeof ISSUES.fields>;
export type IssueField = keyof IssueRecord;
export type EditableField = FieldsWith<typeof ISSUES, "editable">;
export type LoggedField = FieldsWith<typeof ISSUES, "logged">;
/** The field the follow-up form asks about every cycle (`asked`: 進捗分類). */
export type AskedField = { [F in EditableField]: (typeof ISSUES.fields)[F] extends { editable: { asked: true } } ? F : never }[EditableField];

/** What staff may change through the sidebar and the web form. */
export const EDITABLE_FIELDS = ISSUES.fieldsWith("editable") as EditableField[];
/** Columns whose direct edits the edit trigger records in 履歴. */
export const LOGGED_FIELDS = ISSUES.fieldsWith("logged") as LoggedField[];
/** What the write path (sidebar, web form) reads and writes: the row's ID, who may change it, the editable fields and the stamps. */
export const WRITE_FIELDS: readonly IssueField[] = ["ID", "担当者メール", "制度所管局", ...EDITABLE_FIELDS, "最終更新日", "最終更新者"];

/** An editable field with its description and limit. */
export interface FieldInput extends Input {
  field: EditableField;
  maxLength?: number;
}

/** The editable fields' descriptions, in header order. */
export const INPUTS: readonly FieldInput[] = EDITABLE_FIELDS.map((field) => {
  // Type-checked: every editable field of 課題 carries its description, not a bare `editable: true`.
  const spec: { editable: Input; maxLength?: number } = ISSUES.fields[field];
  return { ...spec.editable, field, maxLength: spec.maxLength };
});
