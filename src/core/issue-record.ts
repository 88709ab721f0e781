// An issue as the sidebar, the web form and mail see it: a plain object keyed
// by the 課題 headers, dates as ISO strings (google.script.run rejects Dates).
import { isDateValue, normalizeText } from "./text";

export const ISSUE_FIELDS = [
  "ID", "年度", "課題名", "区分", "制度所管局", "所管課", "担当者メール", "整理区分",
  "進捗分類", "実施時期", "進捗メモ", "最終更新日", "最終更新者",
] as const;
export type IssueField = (typeof ISSUE_FIELDS)[number];
export type IssueRecord = Record<IssueField, string>;

/** What staff may change through the sidebar and the web form. */
export const EDITABLE_FIELDS = ["進捗分類", "実施時期", "進捗メモ"] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export function cellToText(value: unknown): string {
  if (isDateValue(value)) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  if (value === null || value === undefined) return "";
  return String(value);
}

/** The record of one row, given each field's column index (missing optional columns read as ""). */
export function issueFromRow(columns: ReadonlyMap<string, number>, cells: readonly unknown[]): IssueRecord {
  const record = {} as IssueRecord;
  for (const field of ISSUE_FIELDS) {
    const index = columns.get(field);
    record[field] = index === undefined ? "" : cellToText(cells[index]);
  }
  return record;
}

/** Values compare as staff see them: NFKC, trimmed; dates by instant. */
export function sameValue(a: unknown, b: unknown): boolean {
  return normalizeText(cellToText(a)) === normalizeText(cellToText(b));
}
