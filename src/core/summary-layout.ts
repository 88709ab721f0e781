// The 集計 sheet: the seed report's tables as custom-function formulas, placed
// so each spilled table has room to grow (years to the right, 局区 downwards).
import { BUREAUS_SHEET, ISSUES_SHEET, REFORMS_SHEET } from "./tables";

export const SUMMARY_SHEET = "集計";

export interface LayoutCell {
  /** 1-based, as Sheets addresses cells. */
  row: number;
  column: number;
  value: string;
  /** Section titles are shown bold. */
  title?: boolean;
}

/** Every cell of the 集計 sheet for the given focus year (e.g. "R7"). */
export function summaryLayout(focusYear: string): LayoutCell[] {
  const issues = `${ISSUES_SHEET}!A:Z`;
  return [
    { row: 1, column: 1, value: "プラチナ市役所プロジェクト 集計", title: true },
    { row: 2, column: 1, value: "対象年度" },
    { row: 2, column: 2, value: focusYear },
    { row: 3, column: 1, value: "継続検討課題の進捗（市政変革推進室が進捗を確認するもの）", title: true },
    { row: 4, column: 1, value: `=PLATINA_STATUS_TABLE(${issues})` },
    { row: 11, column: 1, value: "進捗確認課題数" },
    { row: 11, column: 2, value: `=PLATINA_FOLLOWUP_COUNT(${issues})` },
    { row: 13, column: 1, value: "課題の整理状況（整理区分 × 区分）", title: true },
    { row: 14, column: 1, value: `=PLATINA_DIRECTION_TABLE(${issues}, $B$2)` },
    { row: 24, column: 1, value: "各局区の自主改革の取組状況", title: true },
    { row: 25, column: 1, value: `=PLATINA_BUREAU_TABLE(${REFORMS_SHEET}!A:Z, ${BUREAUS_SHEET}!A:Z, $B$2)` },
  ];
}
