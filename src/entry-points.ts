// Every Apps Script entry point of the add-on, and nothing else. The build turns
// each export into a top-level `function NAME(params)` in build/Code.js with the
// JSDoc written here, so Sheets shows it in autocomplete and menus can call it.
import { fiscalYearLabel, fiscalYearOfDate } from "./core/fiscal-year";
import { InputError } from "./core/sheet-table";
import { bureauTable, directionTable, followUpCount, statusTable } from "./core/tables";
import { normalizeText } from "./core/text";
import { parseDateInput } from "./core/tokyo-time";
import { formatWareki } from "./core/wareki";

/**
 * 継続検討課題（整理区分が空欄または⑦）の進捗分類別・年度別の件数表を返します。
 *
 * @param {A1:M200} issues 「課題」シートの範囲（見出し行を含む）。例: 課題!A:M
 * @param {"R7"} years 省略可。集計する年度（1セル、または横・縦に並んだセル）。指定した順に列を作ります。
 * @return 進捗分類（完了・実施中・検討中）× 年度の件数表
 * @customfunction
 */
export function PLATINA_STATUS_TABLE(issues: unknown, years?: unknown) {
  return statusTable(issues, years);
}

/**
 * 市政変革推進室が進捗を確認する課題（継続検討課題のうち完了していないもの）の件数を返します。
 *
 * @param {A1:M200} issues 「課題」シートの範囲（見出し行を含む）。例: 課題!A:M
 * @return 完了していない継続検討課題の件数
 * @customfunction
 */
export function PLATINA_FOLLOWUP_COUNT(issues: unknown) {
  return followUpCount(issues);
}

/**
 * 整理区分（①〜⑦）別・区分（ユーザー／職員）別の課題件数表を返します。
 *
 * @param {A1:M200} issues 「課題」シートの範囲（見出し行を含む）。例: 課題!A:M
 * @param {"R7"} year 省略可。集計する年度。
 * @return 整理区分 × 区分の件数表
 * @customfunction
 */
export function PLATINA_DIRECTION_TABLE(issues: unknown, year?: unknown) {
  return directionTable(issues, year);
}

/**
 * 局区別の自主改革の取組件数表（合計つき）を返します。
 *
 * @param {A1:F500} reforms 「局区改革」シートの範囲（見出し行を含む）。例: 局区改革!A:F
 * @param {A1:C30} bureaus 省略可。「局区」シートの範囲（見出し行を含む）。この順に並べ、件数0の局区も表示します。
 * @param {"R7"} year 省略可。集計する年度。
 * @return 局区名と取組件数の表
 * @customfunction
 */
export function PLATINA_BUREAU_TABLE(reforms: unknown, bureaus?: unknown, year?: unknown) {
  return bureauTable(reforms, bureaus, year);
}

/**
 * 日付が属する年度（4月始まり）を令和の「R8」形式で返します。
 *
 * @param {"2026/5/26"} date 日付
 * @return 年度（例: R8）
 * @customfunction
 */
export function PLATINA_FISCAL_YEAR(date: unknown) {
  return fiscalYearLabel(fiscalYearOfDate(requireDate(date)));
}

/**
 * 日付を和暦（例: 令和8年5月26日）で返します。
 *
 * @param {"2026/5/26"} date 日付
 * @return 和暦の日付
 * @customfunction
 */
export function PLATINA_WAREKI(date: unknown) {
  return formatWareki(requireDate(date));
}

function requireDate(value: unknown): Date {
  const date = parseDateInput(value);
  if (!date) throw new InputError(`日付「${normalizeText(value)}」を解釈できません。日付のセルか「2026/5/26」の形で指定してください。`);
  return date;
}
