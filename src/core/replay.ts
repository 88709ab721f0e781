// The 課題 sheet as it stood at the end of a past day, rebuilt from 履歴, so a
// report for 2026-05-26 made in November still shows the May picture.
//
// The rule, for the as-of day D (a Tokyo calendar day):
// - A change belongs to D or earlier when its 日時 is before 00:00 Tokyo of the
//   next day: 23:59 on D counts, 00:00 the day after does not.
// - For 進捗分類, 実施時期 and 整理区分, the value as of D is the 変更前 of the
//   earliest change after D; with no change after D it is the current value.
//   Multi-cell edits log no 変更前; then the 変更後 of the latest change by D is
//   used, and failing that the current value is kept and the cell is listed in
//   `unknown` so the report can say so.
// - An issue did not exist yet on D, and is left out, when its 年度 begins after
//   D, or when its first 進捗分類 entry in 履歴 comes after D with a blank 変更前
//   (the row was added, or first classified, after D — not yet a follow-up then).
import { HISTORY } from "./contracts/history";
import { ISSUES } from "./contracts/issues";
import { fiscalYearOfDate, parseFiscalYear } from "./base/fiscal-year";
import { isDateValue, normalizeText } from "./base/text";
import { tokyoDate, tokyoMidnight } from "./base/tokyo-time";

export const REPLAYED_FIELDS = ["進捗分類", "実施時期", "整理区分"] as const;
export type ReplayedField = (typeof REPLAYED_FIELDS)[number];

/** What the edit trigger writes as 変更前 when Sheets did not tell the old value. */
export const UNKNOWN_BEFORE = "（複数セルの編集のため不明）";
const UNKNOWN = normalizeText(UNKNOWN_BEFORE);

export interface Replay {
  /** The 課題 values as of D: header first, rows in place (left-out rows blanked, so row numbers in errors still match the sheet). */
  values: unknown[][];
  /** IDs (blank for rows without one) left out as created after D. */
  excluded: string[];
  /** Cells whose value on D 履歴 cannot tell; they keep the current value. */
  unknown: { id: string; field: ReplayedField }[];
}

interface Change {
  at: number;
  before: unknown;
  after: unknown;
}

/** 00:00 Tokyo of the day after the Tokyo day containing `day`: changes before it count as "by D". */
export function endOfTokyoDay(day: Date): number {
  const { year, month, day: d } = tokyoDate(day);
  return tokyoMidnight(year, month, d + 1).getTime();
}

export function issuesAsOf(issues: unknown[][], history: unknown[][], day: Date): Replay {
  return replayer(history)(issues, day);
}

/** issuesAsOf for several days of one 履歴 (the year-end table replays each closed year): 履歴 is read once. */
export function replayer(history: unknown[][]): (issues: unknown[][], day: Date) => Replay {
  const changes = changesById(history);
  return (issues, day) => replay(issues, changes, day);
}

function replay(issues: unknown[][], changes: Map<string, Map<string, Change[]>>, day: Date): Replay {
  const end = endOfTokyoDay(day);
  const table = ISSUES.fromRows(issues, []);
  // The cell, not the record's text: a 年度 typed as a date is read as the date's fiscal year.
  const yearCol = table.indexOf("年度");
  const asOfYear = fiscalYearOfDate(day);
  const result: Replay = { values: [issues[0] ?? []], excluded: [], unknown: [] };
  for (const row of issues.slice(1)) {
    const id = normalizeText(ISSUES.recordOf(table, row).ID);
    const year = yearCol === undefined ? null : parseFiscalYear(row[yearCol]);
    const own = changes.get(id);
    if ((year && year > asOfYear) || addedAfter(own?.get("進捗分類"), end)) {
      result.excluded.push(id);
      result.values.push(row.map(() => ""));
      continue;
    }
    const replayed = [...row];
    for (const field of REPLAYED_FIELDS) {
      const col = table.indexOf(field);
      const list = own?.get(field);
      if (col === undefined || !list) continue;
      const value = valueAsOf(list, end);
      if (value === undefined) result.unknown.push({ id, field });
      else if (value !== null) replayed[col] = value.before;
    }
    result.values.push(replayed);
  }
  return result;
}

/** The value on D: null when nothing changed after D (the current value stands), undefined when 履歴 cannot tell. */
function valueAsOf(list: Change[], end: number): { before: unknown } | null | undefined {
  const next = list.find((c) => c.at >= end);
  if (!next) return null;
  if (normalizeText(next.before) !== UNKNOWN) return { before: next.before };
  const last = list.filter((c) => c.at < end).pop();
  return last ? { before: last.after } : undefined;
}

function addedAfter(list: Change[] | undefined, end: number): boolean {
  const first = list?.[0];
  return !!first && first.at >= end && normalizeText(first.before) === "";
}

/** 履歴 rows of the replayed fields by ID and field, oldest first. */
function changesById(history: unknown[][]): Map<string, Map<string, Change[]>> {
  const byId = new Map<string, Map<string, Change[]>>();
  if (history.length === 0) return byId;
  const table = HISTORY.fromRows(history);
  const at = HISTORY.requiredColumn(table, "日時", parseInstant, "日時は日付と時刻で入力してください。");
  for (const row of table.rows) {
    const { record } = row;
    const field = normalizeText(record.項目);
    const id = normalizeText(record.ID);
    if (!id || !(REPLAYED_FIELDS as readonly string[]).includes(field)) continue;
    const fields = byId.get(id) ?? new Map<string, Change[]>();
    byId.set(id, fields);
    const list = fields.get(field) ?? [];
    fields.set(field, list);
    list.push({ at: at(row), before: record.変更前, after: record.変更後 });
  }
  // Rows are appended in time order; sorting (stable) also copes with rows staff moved.
  for (const fields of byId.values()) for (const list of fields.values()) list.sort((a, b) => a.at - b.at);
  return byId;
}

/** 履歴's 日時 as milliseconds: a date cell or date text; null when blank. */
export function parseInstant(value: unknown): number | null | undefined {
  if (isDateValue(value)) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  const text = normalizeText(value);
  if (text === "") return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
