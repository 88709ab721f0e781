// 集計's 基準日 (D2) moved on to today, Tokyo time. The monthly run, 初期設定 and 年度更新
// call it, so the cells that take their day from it instead of the clock (実施時期を過ぎた
// 課題数, the PT table) stay current in Google, where a custom function is recalculated only
// when its arguments change.
import { SUMMARY, SUMMARY_AS_OF } from "../core/contracts/summary";
import { dayOf, dayToDate, parseDay } from "../core/contracts/pt-values";
import { formatWareki } from "../core/wareki";
import { sheetNamed } from "../gas/spreadsheet";

/**
 * Sets 集計's 基準日 to the Tokyo day of `now`, with its label and note beside it when blank.
 * Returns what changed, or null when it already was today or there is no 集計 sheet (nothing to keep current).
 * No write lock: one generated cell that only these runs write, each with the day it runs on.
 */
export function refreshSummaryAsOf(now: Date = new Date()): string | null {
  const sheet = sheetNamed(SUMMARY.name);
  if (!sheet) return null;
  const { row, column } = SUMMARY_AS_OF;
  // Label, day and note: one read, at most one write.
  const range = sheet.getRange(row, column - 1, 1, 3);
  const [label, current, note] = range.getValues()[0];
  const today = dayOf(now);
  if (parseDay(current) === today && label !== "" && note !== "") return null;
  range.setValues([[label === "" ? SUMMARY_AS_OF.label : label, dayToDate(today), note === "" ? SUMMARY_AS_OF.note : note]]);
  sheet.getRange(row, column).setNumberFormat(SUMMARY_AS_OF.numberFormat);
  return `シート「${SUMMARY.name}」の基準日を${formatWareki(dayToDate(today))}にしました`;
}
